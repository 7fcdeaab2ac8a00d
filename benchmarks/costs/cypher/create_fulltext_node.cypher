// Purpose: write one node whose title and value are in a (synchronous) full-text index.
// Parameters: $ws STRING, $key STRING, $title STRING, $value STRING
// Returns: key STRING
// Mode: write
CREATE (n:CostFulltext {ws: $ws, key: $key, title: $title, value: $value, status: 'active'})
RETURN n.key AS key
