// Purpose: get_state without its ORDER BY: what sorting by creation time costs.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE $include_cancelled OR t.status <> 'cancelled'
RETURN t {.*} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
