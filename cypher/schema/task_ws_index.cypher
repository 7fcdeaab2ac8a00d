// Purpose: range index to find a workspace's tasks (state, claims, deletion, export): the
//          composite indexes on (ws, ...) serve only queries that also name their second
//          property, so without this one those reads scan every task of every workspace.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX task_ws IF NOT EXISTS FOR (t:Task) ON (t.ws)
