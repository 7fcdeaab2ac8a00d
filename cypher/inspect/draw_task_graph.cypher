// Purpose: the task graph of a workspace as nodes and paths, for Neo4j Browser to draw: every
//          task with its SUBTASK_OF and DEPENDS_ON edges.
// Parameters: $ws STRING
// Returns: t NODE, p PATH?
// Mode: read
MATCH (t:Task {ws: $ws})
OPTIONAL MATCH p = (t)-[:DEPENDS_ON|SUBTASK_OF]->(:Task)
RETURN t, p
