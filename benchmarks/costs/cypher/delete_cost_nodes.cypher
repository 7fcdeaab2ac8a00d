// Purpose: delete one batch of the nodes a cost run wrote on its probe labels; run until 0.
// Parameters: $ws STRING, $limit INTEGER
// Returns: deleted INTEGER
// Mode: write
MATCH (n)
WHERE (n:CostPlain OR n:CostRanged OR n:CostFulltext OR n:CostEventual OR n:CostText)
  AND n.ws = $ws
WITH n LIMIT $limit
DETACH DELETE n
RETURN count(*) AS deleted
