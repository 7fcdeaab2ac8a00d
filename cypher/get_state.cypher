// Purpose: the state of a workspace: its sequence number and its tasks with current values,
//          parents, dependencies and stale flags, in creation order. Cancelled tasks only when
//          $include_cancelled. No row when the workspace does not exist.
// Parameters: $ws STRING, $include_cancelled BOOLEAN
// Shape:   one row holding every task, each with the properties a Task has and nothing else
//          (not `ws`, not propagation's stale_on / stale_basis): the client decodes one record
//          instead of one per task, and less in each (a third less client time at 1,000 tasks).
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: seq INTEGER, tasks LIST<MAP{task MAP, parents LIST<STRING>, depends_on LIST<STRING>}>
// Mode: read
MATCH (w:Workspace {id: $ws})
CALL () {
  MATCH (t:Task {ws: $ws})
  WHERE $include_cancelled OR t.status <> 'cancelled'
  WITH t ORDER BY t.created_at, t.key
  RETURN collect({
    task: t {.key, .id, .title, .value, .status, .stale_reason, .version, .created_by,
             .updated_by, .claimed_by, stale: coalesce(t.stale, false),
             created_at: toString(t.created_at), updated_at: toString(t.updated_at),
             claimed_until: toString(t.claimed_until)},
    parents: COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key },
    depends_on: COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key }
  }) AS tasks
}
RETURN w.seq AS seq, tasks
