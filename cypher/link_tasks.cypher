// Purpose: one operation of a write: add an edge op.key -> op.other of type op.type (SUBTASK_OF:
//          op.other is a parent of op.key; DEPENDS_ON: op.key depends on op.other), unless an
//          edge path of the same type already leads back from op.other to op.key, which would
//          close a cycle. The cycle check walks edges of op.type alone (a walk over both types
//          filtered by type reads the other type's edges too). Matches nothing when either task
//          is missing. Both lookups name a seek of the (ws, key) index: planned on a workspace
//          just filled, the statement scanned every task instead.
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, other STRING, type STRING ('SUBTASK_OF' | 'DEPENDS_ON'),
//          op STRING ('link' | 'depend')}
// Returns: result MAP{key, op (null when refused), cycle LIST<STRING>? (the keys around the
//          refused cycle)}
// Mode: part
MATCH (a:Task {ws: $ws, key: op.key}) USING INDEX SEEK a:Task(ws, key)
MATCH (b:Task {ws: $ws, key: op.other}) USING INDEX SEEK b:Task(ws, key)
OPTIONAL MATCH up = SHORTEST 1 (b)-[:SUBTASK_OF]->+(a) WHERE op.type = 'SUBTASK_OF'
OPTIONAL MATCH on = SHORTEST 1 (b)-[:DEPENDS_ON]->+(a) WHERE op.type = 'DEPENDS_ON'
WITH op, a, b, coalesce(up, on) AS path
WITH op, a, b,
     CASE WHEN path IS NULL THEN null ELSE [a.key] + [n IN nodes(path) | n.key] END AS cycle
FOREACH (_ IN CASE WHEN cycle IS NULL AND op.type = 'SUBTASK_OF' THEN [1] ELSE [] END |
  MERGE (a)-[:SUBTASK_OF]->(b))
FOREACH (_ IN CASE WHEN cycle IS NULL AND op.type = 'DEPENDS_ON' THEN [1] ELSE [] END |
  MERGE (a)-[:DEPENDS_ON]->(b))
RETURN {key: op.key, op: CASE WHEN cycle IS NULL THEN op.op END, cycle: cycle} AS result
