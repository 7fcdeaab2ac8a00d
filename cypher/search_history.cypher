// Purpose: tasks that ever had a title or value containing one of $terms (lowercase), with
//          their whole history: how "did I ever say X?" is answered.
// Parameters: $ws STRING, $terms LIST<STRING>
// Returns: task MAP, parents LIST<STRING>, depends_on LIST<STRING>, revisions LIST<MAP>
// Mode: read
MATCH (r:Revision {ws: $ws})
WHERE any(term IN $terms WHERE toLower(r.value) CONTAINS term OR toLower(r.title) CONTAINS term)
MATCH (t:Task)-[:HAS_REVISION]->(r)
WITH DISTINCT t
RETURN t {.*} AS task,
       COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key } AS parents,
       COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key } AS depends_on,
       COLLECT { MATCH (t)-[:HAS_REVISION]->(h:Revision) RETURN h {.*} ORDER BY h.n } AS revisions
LIMIT 20
