// Purpose: drop the probe index cost_eventual when a cost run ends.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX cost_eventual IF EXISTS
