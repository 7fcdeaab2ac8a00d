// Purpose: create a task with its first revision and its edges to existing parents and
//          dependencies. A new task has no incoming edge, so no edge of it can close a cycle.
// Parameters: $ws STRING, $id STRING, $key STRING, $title STRING, $value STRING?, $agent STRING?,
//             $turn INTEGER?, $seq INTEGER, $parents LIST<STRING>, $depends_on LIST<STRING>
// Returns: task MAP (the task's properties), parents LIST<STRING> (found and linked),
//          depends_on LIST<STRING> (found and linked)
// Mode: write
CREATE (t:Task {ws: $ws, id: $id, key: $key, title: $title, value: $value, status: 'active',
                stale: false, version: 1, created_at: datetime(), updated_at: datetime(),
                created_by: $agent, updated_by: $agent})
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: 1, value: $value, title: $title,
                                        status: 'active', op: 'add', at: datetime(), by: $agent,
                                        turn: $turn, seq: $seq})
WITH t
CALL (t) {
  UNWIND $parents AS parent
  MATCH (p:Task {ws: $ws, key: parent})
  MERGE (t)-[:SUBTASK_OF]->(p)
  RETURN collect(p.key) AS parents
}
CALL (t) {
  UNWIND $depends_on AS dependency
  MATCH (d:Task {ws: $ws, key: dependency})
  MERGE (t)-[:DEPENDS_ON]->(d)
  RETURN collect(d.key) AS depends_on
}
RETURN t {.*} AS task, parents, depends_on
