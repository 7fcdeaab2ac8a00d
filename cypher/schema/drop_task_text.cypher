// Purpose: remove the synchronous, unscoped task full-text index of earlier versions (replaced
//          by task_search): every task written into it cost milliseconds of commit.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX task_text IF EXISTS
