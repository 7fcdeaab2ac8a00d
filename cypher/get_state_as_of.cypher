// Purpose: the state of a workspace as it was at sequence number $seq: for each task, its newest
//          revision at or before $seq. Edges are the current ones.
// Parameters: $ws STRING, $seq INTEGER, $include_cancelled BOOLEAN
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})-[:HAS_REVISION]->(r:Revision)
WHERE r.seq <= $seq
WITH t, r ORDER BY r.n DESC
WITH t, head(collect(r)) AS r
WHERE $include_cancelled OR r.status <> 'cancelled'
RETURN t {.*, value: r.value, title: r.title, status: r.status, version: r.n,
          updated_at: r.at, updated_by: r.by, stale: false, stale_reason: null} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
