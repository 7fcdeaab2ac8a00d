// Purpose: stage a batch of imported change-feed entries, times as given.
// Parameters: $ws STRING, $rows LIST<MAP{seq, key, op, agent, turn, at STRING (ISO)}>
// Returns: created INTEGER
// Mode: write
UNWIND $rows AS row
CREATE (c:StagedChange {ws: $ws, seq: row.seq, key: row.key, op: row.op, agent: row.agent,
                        turn: row.turn, at: datetime(row.at)})
RETURN count(c) AS created
