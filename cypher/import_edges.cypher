// Purpose: create a batch of imported SUBTASK_OF and DEPENDS_ON edges between staged tasks by
//          key.
//          The type is one of the two, each created by its own fixed clause.
// Parameters: $ws STRING, $rows LIST<MAP{type STRING ('SUBTASK_OF' or 'DEPENDS_ON'),
//             from STRING, to STRING}>
// Returns: created INTEGER (rows whose two tasks were found)
// Mode: write
UNWIND $rows AS row
MATCH (a:StagedTask {ws: $ws, key: row.from})
MATCH (b:StagedTask {ws: $ws, key: row.to})
CALL (a, b, row) {
  WITH a, b, row WHERE row.type = 'SUBTASK_OF'
  CREATE (a)-[:SUBTASK_OF]->(b)
}
CALL (a, b, row) {
  WITH a, b, row WHERE row.type = 'DEPENDS_ON'
  CREATE (a)-[:DEPENDS_ON]->(b)
}
RETURN count(*) AS created
