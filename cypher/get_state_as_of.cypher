// Purpose: the state of a workspace as it was at sequence number $seq: for each task, its newest
//          revision at or before $seq. Edges, claims and who created a task are the current ones.
// Parameters: $ws STRING, $seq INTEGER, $include_cancelled BOOLEAN
// Shape:   as get_state's `tasks`: one row, each task a list of its values in the order `Task`
//          declares its fields, times as ISO-8601 strings.
// Returns: tasks LIST<LIST<ANY>> (key, id, title, value, status, stale, stale_reason, version,
//          parents, depends_on, created_at, updated_at, created_by, updated_by, claimed_by,
//          claimed_until)
// Mode: read
MATCH (t:Task {ws: $ws})-[:HAS_REVISION]->(r:Revision)
WHERE r.seq <= $seq
WITH t, r ORDER BY r.n DESC
WITH t, head(collect(r)) AS r
WHERE $include_cancelled OR r.status <> 'cancelled'
WITH t, r ORDER BY t.created_at, t.key
RETURN collect([
  t.key, t.id, r.title, r.value, r.status, false, null, r.n,
  COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key },
  COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key },
  toString(t.created_at), toString(r.at), t.created_by, r.by, t.claimed_by,
  toString(t.claimed_until)
]) AS tasks
