// Purpose: append one write's changes to the workspace's change feed.
// Parameters: $ws STRING, $seq INTEGER, $agent STRING?, $turn INTEGER?,
//             $changes LIST<MAP{key STRING, op STRING}>
// Returns: recorded INTEGER
// Mode: write
UNWIND $changes AS change
CREATE (:Change {ws: $ws, seq: $seq, key: change.key, op: change.op, agent: $agent,
                 turn: $turn, at: datetime()})
RETURN count(*) AS recorded
