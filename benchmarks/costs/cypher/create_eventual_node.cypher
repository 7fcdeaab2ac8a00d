// Purpose: write one node whose title and value are in an eventually consistent full-text index
//          (updated after the commit, in the background).
// Parameters: $ws STRING, $key STRING, $title STRING, $value STRING
// Returns: key STRING
// Mode: write
CREATE (n:CostEventual {ws: $ws, key: $key, title: $title, value: $value, status: 'active'})
RETURN n.key AS key
