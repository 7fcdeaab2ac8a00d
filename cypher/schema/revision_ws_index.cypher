// Purpose: range index to find a workspace's revisions (deletion, export).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX revision_ws IF NOT EXISTS FOR (r:Revision) ON (r.ws)
