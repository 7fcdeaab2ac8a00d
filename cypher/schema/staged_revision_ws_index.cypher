// Purpose: range index to find an import's staged revisions (the move, the cleanup).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX staged_revision_ws IF NOT EXISTS FOR (r:StagedRevision) ON (r.ws)
