// Purpose: tasks by key, with their parents and dependencies.
// Parameters: $ws STRING, $keys LIST<STRING>
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
UNWIND $keys AS key
MATCH (t:Task {ws: $ws, key: key})
RETURN t {.*} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
