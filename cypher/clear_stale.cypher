// Purpose: clear a task's stale flag once its dependents' changes have been taken into account.
// Parameters: $ws STRING, $key STRING
// Returns: key STRING, was_stale BOOLEAN
// Mode: write
MATCH (t:Task {ws: $ws, key: $key})
WITH t, t.stale AS was_stale
SET t.stale = false, t.stale_reason = null
REMOVE t.stale_on, t.stale_basis
RETURN t.key AS key, was_stale
