// Purpose: the state of a workspace: its sequence number and its tasks with current values,
//          parents, dependencies and stale flags, in creation order. Cancelled tasks only when
//          $include_cancelled. No row when the workspace does not exist.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Shape:   one row holding every task, each task a list of its values in the order `Task`
//          declares its fields (nothing else: not `ws`, not propagation's stale_on /
//          stale_basis). The client decodes one record instead of one per task, and lists
//          instead of maps: no field names to decode, half the client time of a map per task.
//          The edges come in one pass of their own, not a subquery per task (a third of the
//          server's time at 10k tasks), as three lists side by side rather than a list per
//          edge: fewer objects for the client to decode and hold.
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: seq INTEGER, tasks LIST<LIST<ANY>> (key, id, title, value, status, stale,
//          stale_reason, version, created_at, updated_at, created_by, updated_by, claimed_by,
//          claimed_until); for the edges, position by position: edge_from LIST<STRING>,
//          edge_parent LIST<BOOLEAN> (SUBTASK_OF, else DEPENDS_ON), edge_to LIST<STRING>
// Mode: read
MATCH (w:Workspace {id: $ws})
CALL () {
  MATCH (t:Task {ws: $ws})
  WHERE $include_cancelled OR t.status <> 'cancelled'
  WITH t ORDER BY t.created_at, t.key
  RETURN collect([
    t.key, t.id, t.title, t.value, t.status, coalesce(t.stale, false), t.stale_reason, t.version,
    toString(t.created_at), toString(t.updated_at), t.created_by, t.updated_by, t.claimed_by,
    toString(t.claimed_until)
  ]) AS tasks
}
CALL () {
  MATCH (a:Task {ws: $ws})-[e:SUBTASK_OF|DEPENDS_ON]->(b:Task)
  RETURN collect(a.key) AS edge_from, collect(type(e) = 'SUBTASK_OF') AS edge_parent,
         collect(b.key) AS edge_to
}
RETURN w.seq AS seq, tasks, edge_from, edge_parent, edge_to
