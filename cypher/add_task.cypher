// Purpose: one operation of a write: create task op.key with its first revision and its edges
//          to existing parents and dependencies. A new task has no incoming edge, so no edge of it
//          can close a cycle; it has no edge yet either, so its edges are created, not merged
//          (op.parents and op.depends_on come without repeats). Matches nothing when the key is
//          taken. The task's `past` starts with the value and the title (see revise_task).
//          The lookups name a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING, $agent STRING?
// Reads:   op MAP{key STRING, id STRING, title STRING, value STRING?, parents LIST<STRING>,
//          depends_on LIST<STRING>}, seq INTEGER, turn INTEGER?
// Returns: result MAP{key, op: 'add', parents LIST<STRING> (found and linked),
//          depends_on LIST<STRING> (found and linked)}
// Mode: part
WITH op, seq, turn
WHERE NOT EXISTS { MATCH (o:Task {ws: $ws, key: op.key}) USING INDEX SEEK o:Task(ws, key) }
CREATE (t:Task {ws: $ws, id: op.id, key: op.key, title: op.title, value: op.value,
                status: 'active', stale: false, version: 1, created_at: datetime(),
                updated_at: datetime(), created_by: $agent, updated_by: $agent,
                past: CASE WHEN op.value IS NULL OR op.value = op.title THEN [op.title]
                           ELSE [op.value, op.title] END})
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: 1, value: op.value, title: op.title,
                                        status: 'active', op: 'add', at: datetime(), by: $agent,
                                        turn: turn, seq: seq})
WITH op, t
CALL (op, t) {
  UNWIND op.parents AS parent
  MATCH (p:Task {ws: $ws, key: parent}) USING INDEX SEEK p:Task(ws, key)
  CREATE (t)-[:SUBTASK_OF]->(p)
  RETURN collect(p.key) AS parents
}
CALL (op, t) {
  UNWIND op.depends_on AS dependency
  MATCH (d:Task {ws: $ws, key: dependency}) USING INDEX SEEK d:Task(ws, key)
  CREATE (t)-[:DEPENDS_ON]->(d)
  RETURN collect(d.key) AS depends_on
}
RETURN {key: op.key, op: 'add', parents: parents, depends_on: depends_on} AS result
