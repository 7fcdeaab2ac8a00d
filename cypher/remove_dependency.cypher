// Purpose: remove the DEPENDS_ON edge from $key to $depends_on.
// Parameters: $ws STRING, $key STRING, $depends_on STRING
// Returns: removed INTEGER
// Mode: write
MATCH (:Task {ws: $ws, key: $key})-[e:DEPENDS_ON]->(:Task {ws: $ws, key: $depends_on})
DELETE e
RETURN count(e) AS removed
