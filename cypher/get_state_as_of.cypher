// Purpose: the state of a workspace as it was at sequence number $seq: for each task, its newest
//          revision at or before $seq. Edges, claims and who created a task are the current ones.
// Parameters: $ws STRING, $seq INTEGER, $include_cancelled BOOLEAN
// Shape:   as get_state's `tasks` and `edges`: one row, times as ISO-8601 strings.
// Returns: tasks LIST<LIST<ANY>> (key, id, title, value, status, stale, stale_reason, version,
//          created_at, updated_at, created_by, updated_by, claimed_by, claimed_until),
//          edges LIST<LIST<ANY>> (from STRING, parent BOOLEAN, to STRING)
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
  RETURN collect([a.key, type(e) = 'SUBTASK_OF', b.key]) AS edges
}
RETURN tasks, edges
