// Purpose: get_state with the two timestamps of each task as epoch milliseconds (integers), not
//          driver temporal values: what decoding them costs.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE $include_cancelled OR t.status <> 'cancelled'
RETURN t {.*, created_at: t.created_at.epochMillis, updated_at: t.updated_at.epochMillis}
         AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
