// Purpose: bulk-create generated benchmark edges between tasks by key, in one batch; a task
//          given a parent is no longer a Root.
// Parameters: $ws STRING, $parents LIST<MAP{from STRING, to STRING}> (SUBTASK_OF edges),
//             $dependencies LIST<MAP{from STRING, to STRING}> (DEPENDS_ON edges)
// Returns: parents INTEGER, dependencies INTEGER (edges created)
// Mode: write
CALL () {
  UNWIND $parents AS edge
  MATCH (a:Task {ws: $ws, key: edge.from})
  MATCH (b:Task {ws: $ws, key: edge.to})
  CREATE (a)-[:SUBTASK_OF]->(b)
  REMOVE a:Root
  RETURN count(*) AS parents
}
CALL () {
  UNWIND $dependencies AS edge
  MATCH (a:Task {ws: $ws, key: edge.from})
  MATCH (b:Task {ws: $ws, key: edge.to})
  CREATE (a)-[:DEPENDS_ON]->(b)
  RETURN count(*) AS dependencies
}
RETURN parents, dependencies
