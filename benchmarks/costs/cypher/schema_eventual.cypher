// Purpose: an eventually consistent full-text index on the probe label's title and value.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX cost_eventual IF NOT EXISTS FOR (n:CostEventual) ON EACH [n.title, n.value]
OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}
