// Purpose: delete one batch of the mcp-neo4j-memory entities a peer benchmark wrote (its
//          :Memory nodes, named with the run's prefix), with their relationships; run until
//          it returns 0.
// Parameters: $prefix STRING, $limit INTEGER
// Returns: deleted INTEGER
// Mode: write
MATCH (m:Memory)
WHERE m.name STARTS WITH $prefix
WITH m LIMIT $limit
DETACH DELETE m
RETURN count(*) AS deleted
