// Purpose: the state of a workspace: its tasks with current values, parents, dependencies and
//          stale flags, in creation order. Cancelled tasks only when $include_cancelled.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE $include_cancelled OR t.status <> 'cancelled'
RETURN t {.*, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
