// Purpose: range index for the change feed, read by workspace and sequence number.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX change_ws_seq IF NOT EXISTS FOR (c:Change) ON (c.ws, c.seq)
