// Purpose: clear every stale flag of a benchmark workspace, so the next propagation's count is
//          its own.
// Parameters: $ws STRING
// Returns: cleared INTEGER
// Mode: write
MATCH (t:Task {ws: $ws})
WHERE t.stale
SET t.stale = false, t.stale_reason = null
REMOVE t.stale_on, t.stale_basis
RETURN count(t) AS cleared
