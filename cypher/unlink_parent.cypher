// Purpose: remove the SUBTASK_OF edge from $key to $parent.
// Parameters: $ws STRING, $key STRING, $parent STRING
// Returns: removed INTEGER
// Mode: write
MATCH (:Task {ws: $ws, key: $key})-[e:SUBTASK_OF]->(:Task {ws: $ws, key: $parent})
DELETE e
RETURN count(e) AS removed
