// Purpose: tasks that ever had a title or value matching $query (Lucene, built by the caller
//          from the question's terms and scoped to $ws with a phrase on the `ws` field), with
//          their whole history: how "did I ever say X?" is answered. The best 200 matching
//          revisions are looked at.
// Parameters: $ws STRING, $query STRING
// Index:   revision_search is eventually consistent: the refresh is awaited first, so the
//          latest committed writes are seen.
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>, revisions LIST<MAP>
// Mode: read
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL db.index.fulltext.queryNodes('revision_search', $query, {limit: 200}) YIELD node AS r
WITH r WHERE r.ws = $ws
MATCH (t:Task)-[:HAS_REVISION]->(r)
WITH DISTINCT t
LIMIT 20
RETURN t {.*, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on,
       COLLECT { MATCH (t)-[:HAS_REVISION]->(h:Revision) RETURN h {.*} ORDER BY h.n } AS revisions
