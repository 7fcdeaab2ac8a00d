// Purpose: the turn log, oldest first, with the tasks each turn touched.
// Parameters: $ws STRING, $since INTEGER (turn number to start after), $limit INTEGER
// Returns: turn MAP, touched LIST<MAP{op STRING, key STRING}>
// Mode: read
MATCH (u:Turn {ws: $ws})
WHERE u.n > $since
RETURN u {.*} AS turn,
       COLLECT { MATCH (u)-[e:TOUCHED]->(t:Task) RETURN {op: e.op, key: t.key} ORDER BY t.key }
         AS touched
ORDER BY u.n
LIMIT $limit
