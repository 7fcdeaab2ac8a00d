// Purpose: one operation of a write: clear task op.key's stale flag once its dependencies'
//          changes have been taken into account. Matches nothing when the task is missing.
//          The lookup names a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING
// Reads:   op MAP{key STRING}
// Returns: result MAP{key, op: 'clear_stale'}
// Mode: part
MATCH (t:Task {ws: $ws, key: op.key}) USING INDEX SEEK t:Task(ws, key)
SET t.stale = false, t.stale_reason = null
REMOVE t.stale_on, t.stale_basis
RETURN {key: op.key, op: 'clear_stale'} AS result
