// Purpose: write one node whose label has no index or constraint: the floor of a node write.
// Parameters: $ws STRING, $key STRING, $title STRING, $value STRING
// Returns: key STRING
// Mode: write
CREATE (n:CostPlain {ws: $ws, key: $key, title: $title, value: $value, status: 'active'})
RETURN n.key AS key
