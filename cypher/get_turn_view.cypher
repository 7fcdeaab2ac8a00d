// Purpose: everything TRIM reads for a turn, in one statement: the tasks whose key the text
//          names ($keys), the full-text matches for it in the workspace ($query), the roots the
//          latest turns changed (the recent focus: what "it" refers to; two a turn changed
//          together come in the order of their own last change, then of key, so the same
//          turns give the same focus), the most recently
//          updated roots that are not cancelled, the neighbourhood (ancestors, children,
//          dependencies, dependents) of the named, matched and focused tasks, and every value
//          each of those has had. Turns and roots are read in index order and stop at their
//          limits, so the view does not grow with the workspace.
// Parameters: $ws STRING, $keys LIST<STRING>, $query STRING (Lucene, built by the caller and
//             scoped to $ws with a phrase on the `ws` field; '' for none),
//             $limit INTEGER (full-text matches), $turns INTEGER (recent turns), $roots INTEGER
// Index:   task_fulltext is eventually consistent: the refresh is awaited first, so a task added
//          the turn before is found (it costs nothing when the index has caught up).
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: named LIST<STRING>, hits LIST<MAP{key STRING, score FLOAT}>, focus LIST<STRING>,
//          roots LIST<STRING>, tasks LIST<MAP{task MAP, parents LIST<STRING>,
//          depends_on LIST<STRING>, values LIST<STRING>}>
// Mode: read
CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()
CALL () {
  UNWIND $keys AS key
  MATCH (t:Task {ws: $ws, key: key})
  RETURN collect(t) AS named
}
CALL () {
  WITH 1 AS go WHERE $query <> ''
  CALL db.index.fulltext.queryNodes('task_fulltext', $query, {limit: $limit}) YIELD node, score
  RETURN collect({node: node, score: score}) AS top
}
CALL (top) {
  WITH top WHERE all(h IN top WHERE h.node.ws = $ws)
  RETURN top AS hits
  UNION
  // Another workspace whose id holds this one's words in a row (`a` and `a-b`) took places in
  // the top: read every match and keep this workspace's.
  WITH top WHERE any(h IN top WHERE h.node.ws <> $ws)
  CALL db.index.fulltext.queryNodes('task_fulltext', $query) YIELD node, score
  WITH node, score WHERE node.ws = $ws
  ORDER BY score DESC LIMIT $limit
  RETURN collect({node: node, score: score}) AS hits
}
CALL () {
  MATCH (u:Turn)
  WHERE u.ws = $ws AND u.n IS NOT NULL
  WITH u ORDER BY u.ws DESC, u.n DESC LIMIT $turns
  MATCH (u)-[:TOUCHED]->(t:Task)
  OPTIONAL MATCH (t)-[:SUBTASK_OF]->+(r:Task) WHERE NOT (r)-[:SUBTASK_OF]->()
  WITH u.n AS n, coalesce(r, t) AS root
  WITH root, max(n) AS last ORDER BY last DESC, root.updated_at DESC, root.key
  RETURN collect(root) AS focus
}
CALL () {
  MATCH (t:Root)
  WHERE t.ws = $ws AND t.updated_at IS NOT NULL AND t.status <> 'cancelled'
  WITH t ORDER BY t.ws DESC, t.updated_at DESC LIMIT $roots
  RETURN collect(t) AS roots
}
CALL (named, hits, focus) {
  UNWIND named + [h IN hits | h.node] + focus AS seed
  WITH DISTINCT seed
  CALL (seed) {
    MATCH (seed)-[:SUBTASK_OF]->*(n:Task) RETURN n
    UNION
    MATCH (seed)<-[:SUBTASK_OF]-(n:Task) RETURN n
    UNION
    MATCH (seed)-[:DEPENDS_ON]-(n:Task) RETURN n
  }
  RETURN collect(DISTINCT n) AS near
}
CALL (roots, near) {
  UNWIND roots + near AS t
  WITH DISTINCT t
  ORDER BY t.created_at, t.key
  RETURN collect({
    // past (what history search finds a task by) stays here: it grows with history.
    task: t {.*, past: null, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
                  claimed_until: toString(t.claimed_until)},
    parents: COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key },
    depends_on: COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key },
    values: COLLECT { MATCH (t)-[:HAS_REVISION]->(r:Revision) WHERE r.value IS NOT NULL
                      RETURN r.value ORDER BY r.n }
  }) AS tasks
}
RETURN [t IN named | t.key] AS named, [h IN hits | {key: h.node.key, score: h.score}] AS hits,
       [t IN focus | t.key] AS focus, [t IN roots | t.key] AS roots, tasks
