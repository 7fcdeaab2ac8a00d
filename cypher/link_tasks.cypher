// Purpose: add an edge $key -> $other of type $type (SUBTASK_OF: $other is a parent of $key;
//          DEPENDS_ON: $key depends on $other), unless an edge path of the same type already
//          leads back from $other to $key, which would close a cycle. One cycle check for both
//          kinds of edge.
// Parameters: $ws STRING, $key STRING, $other STRING, $type STRING ('SUBTASK_OF' | 'DEPENDS_ON')
// Returns: cycle LIST<STRING>? (the keys around the refused cycle), linked BOOLEAN
// Mode: write
MATCH (a:Task {ws: $ws, key: $key})
MATCH (b:Task {ws: $ws, key: $other})
OPTIONAL MATCH path = SHORTEST 1 (b) (()-[e:SUBTASK_OF|DEPENDS_ON]->() WHERE type(e) = $type)+ (a)
WITH a, b, CASE WHEN path IS NULL THEN null ELSE [a.key] + [n IN nodes(path) | n.key] END AS cycle
FOREACH (_ IN CASE WHEN cycle IS NULL AND $type = 'SUBTASK_OF' THEN [1] ELSE [] END |
  MERGE (a)-[:SUBTASK_OF]->(b))
FOREACH (_ IN CASE WHEN cycle IS NULL AND $type = 'DEPENDS_ON' THEN [1] ELSE [] END |
  MERGE (a)-[:DEPENDS_ON]->(b))
RETURN cycle, cycle IS NULL AS linked
