// Purpose: the one full-text index: over task title, value and key, used to align text with
//          tasks, and over `past`, every value and title the task has had, which answers "did I
//          ever say X?" (history search). The workspace id is indexed too, so that a query keeps
//          to one workspace (a phrase on `ws`) instead of taking matches from every workspace.
//          A query names its fields, and Lucene scores each field on its own, so alignment sees
//          title, value and key as if `past` were not there. One document per task: a write of a
//          value updates one document, its revision none. Eventually consistent: a write does
//          not wait for Lucene at its commit; a read that must see the latest writes calls
//          db.index.fulltext.awaitEventuallyConsistentIndexRefresh() first.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX task_fulltext IF NOT EXISTS
FOR (t:Task) ON EACH [t.title, t.value, t.key, t.ws, t.past]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
