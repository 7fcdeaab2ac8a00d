// Purpose: which of $keys another agent holds a live claim on (a write to them is refused).
// Parameters: $ws STRING, $keys LIST<STRING>, $agent STRING?
// Returns: key STRING, claimed_by STRING, claimed_until DATETIME
// Mode: read
UNWIND $keys AS key
MATCH (t:Task {ws: $ws, key: key})
WHERE t.claimed_until > datetime() AND coalesce(t.claimed_by <> $agent, true)
RETURN t.key AS key, t.claimed_by AS claimed_by, t.claimed_until AS claimed_until
