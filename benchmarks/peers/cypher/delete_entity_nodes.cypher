// Purpose: delete one batch of the neo4j-agent-memory entities a peer benchmark wrote (its
//          :Entity nodes, named with the run's prefix), with their relationships; run until
//          it returns 0.
// Parameters: $prefix STRING, $limit INTEGER
// Returns: deleted INTEGER
// Mode: write
MATCH (e:Entity)
WHERE e.name STARTS WITH $prefix
WITH e LIMIT $limit
DETACH DELETE e
RETURN count(*) AS deleted
