// Purpose: cancel, restore or complete a task, appending a revision that keeps its value.
//          Matches nothing when the task is missing or already has $status.
// Parameters: $ws STRING, $key STRING, $status STRING, $op STRING, $reason STRING?,
//             $agent STRING?, $turn INTEGER?, $seq INTEGER
// Returns: task MAP, old_status STRING
// Mode: write
MATCH (t:Task {ws: $ws, key: $key})
WHERE t.status <> $status
WITH t, t.status AS old_status
SET t.status = $status,
    t.version = t.version + 1,
    t.updated_at = datetime(),
    t.updated_by = $agent
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: t.version, value: t.value, title: t.title,
                                        status: $status, op: $op, at: datetime(), by: $agent,
                                        turn: $turn, seq: $seq, reason: $reason})
RETURN t {.*} AS task, old_status
