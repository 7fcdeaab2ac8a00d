// Purpose: drop the probe index cost_ranged_status when a cost run ends.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX cost_ranged_status IF EXISTS
