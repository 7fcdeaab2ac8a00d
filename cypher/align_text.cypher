// Purpose: candidate tasks for a piece of text, through the full-text index, in one workspace.
// Parameters: $ws STRING, $query STRING (Lucene syntax, escaped by the caller and scoped to $ws
//             with a phrase on the `ws` field), $limit INTEGER
// Index:   task_search is eventually consistent: the refresh is awaited first, so the latest
//          writes are seen.
// Returns: key STRING, score FLOAT
// Mode: read
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('task_search', $query, {limit: $limit}) YIELD node, score
WITH node, score WHERE node.ws = $ws
RETURN node.key AS key, score
ORDER BY score DESC
LIMIT $limit
