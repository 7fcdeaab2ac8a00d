// Purpose: make $key a subtask of $parent, unless that would make a task its own ancestor.
// Parameters: $ws STRING, $key STRING, $parent STRING
// Returns: cycle LIST<STRING>? (the keys around the refused cycle), linked BOOLEAN
// Mode: write
MATCH (c:Task {ws: $ws, key: $key})
MATCH (p:Task {ws: $ws, key: $parent})
OPTIONAL MATCH path = SHORTEST 1 (p)-[:SUBTASK_OF]->+(c)
WITH c, p, CASE WHEN path IS NULL THEN null ELSE [c.key] + [n IN nodes(path) | n.key] END AS cycle
CALL (c, p, cycle) {
  WITH c, p, cycle WHERE cycle IS NULL
  MERGE (c)-[:SUBTASK_OF]->(p)
}
RETURN cycle, cycle IS NULL AS linked
