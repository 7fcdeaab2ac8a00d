// Purpose: stage a batch of imported turns with the TOUCHED edges to the staged tasks each
//          changed.
// Parameters: $ws STRING, $rows LIST<MAP{n, text, intent, reply, at STRING (ISO), agent, seq,
//             request STRING?, undoes INTEGER?,
//             touched LIST<MAP{task STRING (key), op STRING}>}>
// Returns: created INTEGER
// Mode: write
UNWIND $rows AS row
CREATE (u:StagedTurn {ws: $ws, n: row.n, text: row.text, intent: row.intent, reply: row.reply,
                      at: datetime(row.at), agent: row.agent, seq: row.seq,
                      request: row.request, undoes: row.undoes})
WITH u, row
CALL (u, row) {
  UNWIND row.touched AS touch
  MATCH (t:StagedTask {ws: $ws, key: touch.task})
  CREATE (u)-[:TOUCHED {op: touch.op}]->(t)
}
RETURN count(u) AS created
