// Purpose: tasks that ever had a title or value matching $query (Lucene, built by the caller
//          from the question's terms over the `past` field, every value and title a task has
//          had, and scoped to $ws with a phrase on the `ws` field), with their whole history:
//          how "did I ever say X?" is answered. The best 20 matching tasks (the best 20 of
//          every match, when another workspace whose id holds this one's words in a row took
//          places among them).
// Parameters: $ws STRING, $query STRING
// Index:   task_fulltext is eventually consistent: the refresh is awaited first, so the latest
//          committed writes are seen.
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>, revisions LIST<MAP>
// Mode: read
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('task_fulltext', $query, {limit: 20}) YIELD node
WITH collect(node) AS top
CALL (top) {
  WITH top WHERE all(t IN top WHERE t.ws = $ws)
  UNWIND top AS t
  RETURN t
  UNION
  // Another workspace whose id holds this one's words in a row (`a` and `a-b`) took places in
  // the top: read every match and keep this workspace's.
  WITH top WHERE any(t IN top WHERE t.ws <> $ws)
  CALL db.index.fulltext.queryNodes('task_fulltext', $query) YIELD node AS t
  WITH t WHERE t.ws = $ws
  RETURN t
}
WITH t
LIMIT 20
// past (what history search finds a task by) stays here: it grows with history.
RETURN t {.*, past: null, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on,
       COLLECT { MATCH (t)-[:HAS_REVISION]->(h:Revision) RETURN h {.*} ORDER BY h.n } AS revisions
