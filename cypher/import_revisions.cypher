// Purpose: stage a batch of imported revisions under their staged tasks (by key), grouped by
//          task so that each task is looked up once, not once per revision.
// Parameters: $ws STRING, $rows LIST<MAP{task STRING (key), revisions LIST<MAP{n, value, title,
//             status, op, at STRING (ISO), by, turn, seq, reason}>}>
// Returns: created INTEGER (revisions whose task was found)
// Mode: write
UNWIND $rows AS row
MATCH (t:StagedTask {ws: $ws, key: row.task})
UNWIND row.revisions AS rev
CREATE (t)-[:HAS_REVISION]->(r:StagedRevision {ws: $ws, n: rev.n, value: rev.value,
                                               title: rev.title, status: rev.status, op: rev.op,
                                               at: datetime(rev.at), by: rev.by, turn: rev.turn,
                                               seq: rev.seq, reason: rev.reason})
RETURN count(r) AS created
