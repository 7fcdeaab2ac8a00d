// Purpose: one operation of a write: make op.key depend on op.other (an edge
//          op.key -[:DEPENDS_ON]-> op.other), unless a DEPENDS_ON path already leads from op.other
//          back to op.key, which would close a cycle. Matches nothing when either task is missing.
//          Its own part, apart from link_parent: the cycle check and the edge are of one type
//          only, so the plan holds no walk or MERGE of the other type. Both lookups name a seek of
//          the (ws, key) index: planned on a workspace just filled, the statement scanned every
//          task instead.
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, other STRING, op STRING ('depend')}
// Returns: result MAP{key, op (null when refused), cycle LIST<STRING>? (the keys around the
//          refused cycle)}
// Mode: part
MATCH (a:Task {ws: $ws, key: op.key}) USING INDEX SEEK a:Task(ws, key)
MATCH (b:Task {ws: $ws, key: op.other}) USING INDEX SEEK b:Task(ws, key)
OPTIONAL MATCH path = SHORTEST 1 (b)-[:DEPENDS_ON]->+(a)
WITH op, a, b,
     CASE WHEN path IS NULL THEN null ELSE [a.key] + [n IN nodes(path) | n.key] END AS cycle
FOREACH (_ IN CASE WHEN cycle IS NULL THEN [1] ELSE [] END | MERGE (a)-[:DEPENDS_ON]->(b))
RETURN {key: op.key, op: CASE WHEN cycle IS NULL THEN op.op END, cycle: cycle} AS result
