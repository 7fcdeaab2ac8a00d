// Purpose: label Root every task with no parent, and no other task: the marker the roots index
//          holds, for tasks written before writes kept it (record_write keeps it since; import
//          sets it as it creates tasks and edges). Reads every task once, when the schema
//          statements run (a new version of them); it labels only what is wrong.
// Parameters: none
// Returns: nothing
// Mode: schema
CALL () {
  MATCH (t:Task) WHERE NOT t:Root AND NOT EXISTS { (t)-[:SUBTASK_OF]->() }
  SET t:Root
}
CALL () {
  MATCH (t:Root) WHERE EXISTS { (t)-[:SUBTASK_OF]->() }
  REMOVE t:Root
}
