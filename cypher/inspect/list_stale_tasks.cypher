// Purpose: the tasks flagged stale and why (which revision made them so).
// Parameters: $ws STRING
// Returns: key STRING, title STRING, value STRING?, stale_reason STRING
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.stale AND t.status <> 'cancelled'
RETURN t.key AS key, t.title AS title, t.value AS value, t.stale_reason AS stale_reason
ORDER BY key
