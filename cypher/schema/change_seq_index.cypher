// Purpose: range index for the change feed, read by workspace and sequence number, and to find
//          a workspace's changes (deletion, counts: `c.seq IS NOT NULL`).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX change_ws_seq IF NOT EXISTS FOR (c:Change) ON (c.ws, c.seq)
