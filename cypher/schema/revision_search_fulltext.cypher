// Purpose: full-text index over every value and title a task has had: answers "did I ever say
//          X?" without scanning the workspace's history. The workspace id is indexed too, so
//          that a query keeps to one workspace. Eventually consistent, like task_search: history
//          search awaits the refresh, writes do not pay for it.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX revision_search IF NOT EXISTS FOR (r:Revision) ON EACH [r.value, r.title, r.ws]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
