// Purpose: candidate tasks for a piece of text, through the full-text index.
// Parameters: $ws STRING, $query STRING (Lucene syntax, escaped by the caller), $limit INTEGER
// Returns: key STRING, score FLOAT
// Mode: read
CALL db.index.fulltext.queryNodes('task_text', $query) YIELD node, score
WHERE node.ws = $ws
RETURN node.key AS key, score
ORDER BY score DESC
LIMIT $limit
