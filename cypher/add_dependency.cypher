// Purpose: record that $key depends on $depends_on, unless that would close a cycle.
// Parameters: $ws STRING, $key STRING, $depends_on STRING
// Returns: cycle LIST<STRING>? (the keys around the refused cycle), linked BOOLEAN
// Mode: write
MATCH (a:Task {ws: $ws, key: $key})
MATCH (b:Task {ws: $ws, key: $depends_on})
OPTIONAL MATCH path = SHORTEST 1 (b)-[:DEPENDS_ON]->+(a)
WITH a, b, CASE WHEN path IS NULL THEN null ELSE [a.key] + [n IN nodes(path) | n.key] END AS cycle
CALL (a, b, cycle) {
  WITH a, b, cycle WHERE cycle IS NULL
  MERGE (a)-[:DEPENDS_ON]->(b)
}
RETURN cycle, cycle IS NULL AS linked
