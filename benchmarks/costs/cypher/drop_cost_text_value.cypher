// Purpose: drop the probe index cost_text_value when a cost run ends.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX cost_text_value IF EXISTS
