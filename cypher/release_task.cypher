// Purpose: release $agent's claim on a task (a claim held by another agent is left alone).
// Parameters: $ws STRING, $key STRING, $agent STRING
// Returns: released BOOLEAN
// Mode: write
MATCH (t:Task {ws: $ws, key: $key})
WITH t, t.claimed_by = $agent AS mine
SET t.claimed_by = CASE WHEN mine THEN null ELSE t.claimed_by END,
    t.claimed_until = CASE WHEN mine THEN null ELSE t.claimed_until END
RETURN coalesce(mine, false) AS released
