// Purpose: drop the probe constraint cost_ranged_key when a cost run ends.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP CONSTRAINT cost_ranged_key IF EXISTS
