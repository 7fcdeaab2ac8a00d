// Purpose: full-text index over task title, value and key, used to align text with tasks. The
//          workspace id is indexed too, so that a query keeps to one workspace (a phrase on
//          `ws`) instead of taking matches from every workspace. Eventually consistent: a write
//          does not wait for Lucene at its commit; a read that must see the latest writes calls
//          db.index.fulltext.awaitEventuallyConsistentIndexRefresh() first.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX task_search IF NOT EXISTS FOR (t:Task) ON EACH [t.title, t.value, t.key, t.ws]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
