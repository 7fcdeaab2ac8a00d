// Purpose: get_state in its earlier shape, to compare with: one record per task, with all of
//          the task's properties.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE $include_cancelled OR t.status <> 'cancelled'
RETURN t {.*, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
