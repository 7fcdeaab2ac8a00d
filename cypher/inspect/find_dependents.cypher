// Purpose: what depends on a task, transitively along DEPENDS_ON, with the shortest distance.
// Parameters: $ws STRING, $key STRING
// Returns: key STRING, title STRING, value STRING?, stale BOOLEAN, depth INTEGER
// Mode: read
MATCH p = (:Task {ws: $ws, key: $key})<-[:DEPENDS_ON]-+(d:Task)
WITH d, min(length(p)) AS depth
RETURN d.key AS key, d.title AS title, d.value AS value, d.stale AS stale, depth
ORDER BY depth, key
