// Purpose: every revision of a task, oldest first.
// Parameters: $ws STRING, $key STRING
// Returns: revision MAP
// Mode: read
MATCH (:Task {ws: $ws, key: $key})-[:HAS_REVISION]->(r:Revision)
RETURN r {.*} AS revision
ORDER BY r.n
