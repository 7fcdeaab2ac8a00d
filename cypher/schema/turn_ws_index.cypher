// Purpose: range index to find a workspace's turns.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX turn_ws IF NOT EXISTS FOR (u:Turn) ON (u.ws)
