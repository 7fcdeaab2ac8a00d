// Purpose: the probe label's uniqueness constraint on (ws, key).
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT cost_ranged_key IF NOT EXISTS FOR (n:CostRanged) REQUIRE (n.ws, n.key) IS UNIQUE
