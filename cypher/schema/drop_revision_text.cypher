// Purpose: remove the synchronous, unscoped revision full-text index of earlier versions
//          (replaced by revision_search).
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX revision_text IF EXISTS
