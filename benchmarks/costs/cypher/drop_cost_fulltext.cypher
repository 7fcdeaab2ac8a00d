// Purpose: drop the probe index cost_fulltext when a cost run ends.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX cost_fulltext IF EXISTS
