// Purpose: full-text index over every value and title a task has had: answers "did I ever say X?"
//          without scanning the workspace's history.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX revision_text IF NOT EXISTS FOR (r:Revision) ON EACH [r.value, r.title]
