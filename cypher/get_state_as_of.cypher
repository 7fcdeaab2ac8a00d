// Purpose: the state of a workspace as it was at sequence number $seq: for each task, its newest
//          revision at or before $seq. Edges, claims and who created a task are the current ones.
// Parameters: $ws STRING, $seq INTEGER, $include_cancelled BOOLEAN
// Shape:   as get_state's `tasks` and edge lists: one row, times as ISO-8601 strings.
// Returns: tasks LIST<LIST<ANY>> (key, id, title, value, status, stale, stale_reason, version,
//          created_at, updated_at, created_by, updated_by, claimed_by, claimed_until),
//          edge_from LIST<STRING>, edge_parent LIST<BOOLEAN>, edge_to LIST<STRING>
// Mode: read
MATCH (t:Task {ws: $ws})-[:HAS_REVISION]->(r:Revision)
WHERE r.seq <= $seq
WITH t, r ORDER BY r.n DESC
WITH t, head(collect(r)) AS r
WHERE $include_cancelled OR r.status <> 'cancelled'
WITH t, r ORDER BY t.created_at, t.key
WITH collect([
  t.key, t.id, r.title, r.value, r.status, false, null, r.n,
  toString(t.created_at), toString(r.at), t.created_by, r.by, t.claimed_by,
  toString(t.claimed_until)
]) AS tasks
CALL () {
  MATCH (a:Task {ws: $ws})-[e:SUBTASK_OF|DEPENDS_ON]->(b:Task)
  RETURN collect(a.key) AS edge_from, collect(type(e) = 'SUBTASK_OF') AS edge_parent,
         collect(b.key) AS edge_to
}
RETURN tasks, edge_from, edge_parent, edge_to
