// Purpose: the root tasks the latest turns changed, newest first: what "it" refers to. Two
//          one turn changed come in the order of their own last change, then of key.
// Parameters: $ws STRING, $turns INTEGER (how many recent turns to look at)
// Returns: key STRING
// Mode: read
MATCH (u:Turn {ws: $ws})
WITH u ORDER BY u.n DESC LIMIT $turns
MATCH (u)-[:TOUCHED]->(t:Task)
OPTIONAL MATCH (t)-[:SUBTASK_OF]->+(r:Task) WHERE NOT (r)-[:SUBTASK_OF]->()
WITH u.n AS n, coalesce(r, t) AS root
WITH root, max(n) AS last
RETURN root.key AS key
ORDER BY last DESC, root.updated_at DESC, root.key
