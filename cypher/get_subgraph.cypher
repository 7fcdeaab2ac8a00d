// Purpose: the neighbourhood of some tasks: the tasks themselves, their ancestors, children,
//          dependencies and dependents. What a turn's TRIM and context read instead of the
//          whole workspace. Cancelled tasks included (they can be restored).
// Parameters: $ws STRING, $keys LIST<STRING>
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
UNWIND $keys AS key
MATCH (t:Task {ws: $ws, key: key})
CALL (t) {
  MATCH (t)-[:SUBTASK_OF]->*(n:Task) RETURN n
  UNION
  MATCH (t)<-[:SUBTASK_OF]-(n:Task) RETURN n
  UNION
  MATCH (t)-[:DEPENDS_ON]-(n:Task) RETURN n
}
WITH DISTINCT n
// past (what history search finds a task by) stays here: it grows with history.
RETURN n {.*, past: null, created_at: toString(n.created_at), updated_at: toString(n.updated_at),
          claimed_until: toString(n.claimed_until)} AS task,
       COLLECT { MATCH (n)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (n)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY n.created_at, n.key
