// Purpose: range index to find a workspace's change entries (deletion, export, moves), which
//          the (ws, seq) index serves only when the query also filters on seq.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX change_ws IF NOT EXISTS FOR (c:Change) ON (c.ws)
