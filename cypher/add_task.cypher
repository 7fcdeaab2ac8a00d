// Purpose: create a task with its first revision.
// Parameters: $ws STRING, $id STRING, $key STRING, $title STRING, $value STRING?, $agent STRING?,
//             $turn INTEGER?, $seq INTEGER
// Returns: task MAP (the task's properties)
// Mode: write
CREATE (t:Task {ws: $ws, id: $id, key: $key, title: $title, value: $value, status: 'active',
                stale: false, version: 1, created_at: datetime(), updated_at: datetime(),
                created_by: $agent, updated_by: $agent})
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: 1, value: $value, title: $title,
                                        status: 'active', op: 'add', at: datetime(), by: $agent,
                                        turn: $turn, seq: $seq})
RETURN t {.*} AS task
