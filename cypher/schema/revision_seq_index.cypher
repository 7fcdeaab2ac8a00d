// Purpose: range index for as-of reads and the change feed, which filter revisions by sequence,
//          and to find a workspace's revisions (deletion, counts: `r.seq IS NOT NULL`).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX revision_ws_seq IF NOT EXISTS FOR (r:Revision) ON (r.ws, r.seq)
