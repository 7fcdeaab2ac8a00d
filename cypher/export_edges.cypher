// Purpose: the SUBTASK_OF and DEPENDS_ON edges leaving one page of tasks (in key order, after
//          key $after), for an export.
// Parameters: $ws STRING, $after STRING (the last key of the previous page, '' for the first),
//             $limit INTEGER
// Returns: key STRING (the page's task), edges LIST<MAP{type STRING, to STRING}>
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.key > $after
WITH t
ORDER BY t.key
LIMIT $limit
RETURN t.key AS key,
       COLLECT { MATCH (t)-[e:SUBTASK_OF|DEPENDS_ON]->(o:Task {ws: $ws})
                 RETURN {type: type(e), to: o.key} AS edge ORDER BY type(e), o.key } AS edges
ORDER BY key
