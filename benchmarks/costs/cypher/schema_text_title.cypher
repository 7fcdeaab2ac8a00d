// Purpose: a TEXT index on the probe label's title.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE TEXT INDEX cost_text_title IF NOT EXISTS FOR (n:CostText) ON (n.title)
