// Purpose: the most recently updated root tasks (no parent) of a workspace, not cancelled.
// Parameters: $ws STRING, $limit INTEGER
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.status <> 'cancelled' AND NOT (t)-[:SUBTASK_OF]->()
WITH t ORDER BY t.updated_at DESC LIMIT $limit
RETURN t {.*} AS task, [] AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
