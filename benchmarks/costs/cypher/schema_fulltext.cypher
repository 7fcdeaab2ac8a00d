// Purpose: a synchronous full-text index on the probe label's title and value.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX cost_fulltext IF NOT EXISTS FOR (n:CostFulltext) ON EACH [n.title, n.value]
