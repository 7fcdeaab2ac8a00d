// Purpose: tasks by key, with their parents and dependencies.
// Parameters: $ws STRING, $keys LIST<STRING>
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
UNWIND $keys AS key
MATCH (t:Task {ws: $ws, key: key})
// past (what history search finds a task by) stays here: it grows with history.
RETURN t {.*, past: null, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
