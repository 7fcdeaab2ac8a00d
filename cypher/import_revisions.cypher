// Purpose: stage a batch of imported revisions, each under its staged task (by key).
// Parameters: $ws STRING, $rows LIST<MAP{task STRING (key), n, value, title, status, op,
//             at STRING (ISO), by, turn, seq, reason}>
// Returns: created INTEGER (rows whose task was found)
// Mode: write
UNWIND $rows AS row
MATCH (t:StagedTask {ws: $ws, key: row.task})
CREATE (t)-[:HAS_REVISION]->(r:StagedRevision {ws: $ws, n: row.n, value: row.value,
                                               title: row.title, status: row.status, op: row.op,
                                               at: datetime(row.at), by: row.by, turn: row.turn,
                                               seq: row.seq, reason: row.reason})
RETURN count(r) AS created
