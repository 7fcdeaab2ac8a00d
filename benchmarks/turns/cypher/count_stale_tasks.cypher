// Purpose: how many tasks of a workspace are flagged stale (checks a propagation's count).
// Parameters: $ws STRING
// Returns: stale INTEGER
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.stale
RETURN count(t) AS stale
