// Purpose: the probe label's range index on (ws, status).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX cost_ranged_status IF NOT EXISTS FOR (n:CostRanged) ON (n.ws, n.status)
