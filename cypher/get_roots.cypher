// Purpose: the most recently updated root tasks (no parent) of a workspace, not cancelled.
//          Reads the roots (label Root) newest first through their (ws, updated_at) index and
//          stops at $limit, however many subtasks the workspace holds.
// Parameters: $ws STRING, $limit INTEGER
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>
// Mode: read
MATCH (t:Root)
WHERE t.ws = $ws AND t.updated_at IS NOT NULL AND t.status <> 'cancelled'
WITH t ORDER BY t.ws DESC, t.updated_at DESC LIMIT $limit
// past (what history search finds a task by) stays here: it grows with history.
RETURN t {.*, past: null, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          claimed_until: toString(t.claimed_until)} AS task, [] AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on
ORDER BY t.created_at, t.key
