// Purpose: range index to find an import's staged change-feed entries (the move, the cleanup).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX staged_change_ws IF NOT EXISTS FOR (c:StagedChange) ON (c.ws)
