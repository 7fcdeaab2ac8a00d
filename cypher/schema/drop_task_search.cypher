// Purpose: remove the task full-text index of earlier versions (replaced by task_fulltext, which
//          holds each task's past values and titles as well).
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX task_search IF EXISTS
