// Purpose: write one node whose title and value are in TEXT indexes (CONTAINS / ENDS WITH
//          lookups, no scoring), the lighter alternative to full-text.
// Parameters: $ws STRING, $key STRING, $title STRING, $value STRING
// Returns: key STRING
// Mode: write
CREATE (n:CostText {ws: $ws, key: $key, title: $title, value: $value, status: 'active'})
RETURN n.key AS key
