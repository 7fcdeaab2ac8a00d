// Purpose: candidate tasks for a piece of text, through the full-text index, in one workspace:
//          the best $limit matches, or, when another workspace whose id holds this one's words
//          in a row (`a` and `a-b`) took places among them, the best $limit of every match.
// Parameters: $ws STRING, $query STRING (Lucene syntax, escaped by the caller and scoped to $ws
//             with a phrase on the `ws` field), $limit INTEGER
// Index:   task_fulltext is eventually consistent: the refresh is awaited first, so the latest
//          writes are seen.
// Returns: key STRING, score FLOAT
// Mode: read
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('task_fulltext', $query, {limit: $limit}) YIELD node, score
WITH collect({node: node, score: score}) AS top
CALL (top) {
  WITH top WHERE all(h IN top WHERE h.node.ws = $ws)
  UNWIND top AS h
  RETURN h.node AS node, h.score AS score
  UNION
  WITH top WHERE any(h IN top WHERE h.node.ws <> $ws)
  CALL db.index.fulltext.queryNodes('task_fulltext', $query) YIELD node, score
  WITH node, score WHERE node.ws = $ws
  RETURN node, score
}
RETURN node.key AS key, score
ORDER BY score DESC
LIMIT $limit
