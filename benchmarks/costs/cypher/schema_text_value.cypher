// Purpose: a TEXT index on the probe label's value.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE TEXT INDEX cost_text_value IF NOT EXISTS FOR (n:CostText) ON (n.value)
