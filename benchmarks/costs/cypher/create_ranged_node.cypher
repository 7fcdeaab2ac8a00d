// Purpose: write one node under a uniqueness constraint on (ws, key) and a range index on
//          (ws, status), as a task has.
// Parameters: $ws STRING, $key STRING, $title STRING, $value STRING
// Returns: key STRING
// Mode: write
CREATE (n:CostRanged {ws: $ws, key: $key, title: $title, value: $value, status: 'active'})
RETURN n.key AS key
