// Purpose: set a task's value (and optionally its title), appending a revision. Matches nothing
//          when the task is missing, cancelled, or not at $expected_version (when given).
// Parameters: $ws STRING, $key STRING, $value STRING?, $title STRING?, $op STRING,
//             $status STRING?, $reason STRING?, $expected_version INTEGER?, $agent STRING?,
//             $turn INTEGER?, $seq INTEGER
// Returns: task MAP, old_value STRING?, old_title STRING
// Mode: write
MATCH (t:Task {ws: $ws, key: $key})
WHERE ($expected_version IS NULL OR t.version = $expected_version)
  AND (t.status <> 'cancelled' OR $status IS NOT NULL)
WITH t, t.value AS old_value, t.title AS old_title
SET t.value = $value,
    t.title = coalesce($title, t.title),
    t.status = coalesce($status, t.status),
    t.version = t.version + 1,
    t.updated_at = datetime(),
    t.updated_by = $agent
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: t.version, value: t.value, title: t.title,
                                        status: t.status, op: $op, at: datetime(), by: $agent,
                                        turn: $turn, seq: $seq, reason: $reason})
RETURN t {.*} AS task, old_value, old_title
