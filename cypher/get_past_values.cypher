// Purpose: every value the given tasks have had, oldest first, without repeats.
// Parameters: $ws STRING, $keys LIST<STRING>
// Returns: key STRING, values LIST<STRING>
// Mode: read
UNWIND $keys AS key
MATCH (t:Task {ws: $ws, key: key})-[:HAS_REVISION]->(r:Revision)
WHERE r.value IS NOT NULL
WITH t, r ORDER BY r.n
WITH t.key AS key, collect(DISTINCT r.value) AS values
RETURN key, values
