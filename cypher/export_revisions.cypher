// Purpose: the revisions of one page of tasks (in key order, after key $after), oldest first,
//          for an export. Times are ISO strings, exactly as stored.
// Parameters: $ws STRING, $after STRING (the last key of the previous page, '' for the first),
//             $limit INTEGER
// Returns: key STRING (the page's task), revisions LIST<MAP{n, value, title, status, op, at,
//          by, turn, seq, reason}>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.key > $after
WITH t
ORDER BY t.key
LIMIT $limit
RETURN t.key AS key,
       COLLECT { MATCH (t)-[:HAS_REVISION]->(r:Revision)
                 RETURN r {.n, .value, .title, .status, .op, at: toString(r.at), .by, .turn,
                           .seq, .reason} AS revision
                 ORDER BY r.n } AS revisions
ORDER BY key
