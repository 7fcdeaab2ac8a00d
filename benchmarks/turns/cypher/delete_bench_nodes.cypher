// Purpose: delete one batch of at most $limit nodes of a benchmark workspace (revisions, tasks,
//          turns, changes), with their relationships; run until it returns 0, then delete the
//          workspace node. Small transactions keep the server's memory flat for 100k tasks.
// Parameters: $ws STRING, $limit INTEGER
// Returns: deleted INTEGER (0 when nothing of the workspace is left but its node)
// Mode: write
CALL () {
  MATCH (n:Revision {ws: $ws}) RETURN n LIMIT $limit
  UNION
  MATCH (n:Change {ws: $ws}) RETURN n LIMIT $limit
  UNION
  MATCH (n:Turn {ws: $ws}) RETURN n LIMIT $limit
  UNION
  MATCH (n:Task {ws: $ws}) RETURN n LIMIT $limit
}
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
