// Purpose: the state of a workspace as it was at the end of a turn: each task's newest
//          revision written in that turn or before.
// Parameters: $ws STRING, $turn INTEGER
// Returns: key STRING, title STRING, value STRING?, status STRING, revision INTEGER
// Mode: read
MATCH (u:Turn {ws: $ws, n: $turn})
MATCH (t:Task {ws: $ws})-[:HAS_REVISION]->(r:Revision)
WHERE r.seq <= u.seq
WITH t, r ORDER BY r.n DESC
WITH t, head(collect(r)) AS r
WHERE r.status <> 'cancelled'
RETURN t.key AS key, r.title AS title, r.value AS value, r.status AS status, r.n AS revision
ORDER BY t.created_at, key
