// Purpose: the state of a workspace: every task that is not cancelled, with its current value,
//          status, stale flag, parents and dependencies.
// Parameters: $ws STRING
// Returns: key STRING, title STRING, value STRING?, status STRING, stale BOOLEAN,
//          parents LIST<STRING>, depends_on LIST<STRING>, version INTEGER, updated_by STRING?
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.status <> 'cancelled'
RETURN t.key AS key, t.title AS title, t.value AS value, t.status AS status, t.stale AS stale,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on,
       t.version AS version, t.updated_by AS updated_by
ORDER BY t.created_at, t.key
