// Purpose: the live claims of a workspace (expired claims lapse by themselves).
// Parameters: $ws STRING
// Returns: key STRING, claimed_by STRING, claimed_until DATETIME
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.claimed_until > datetime()
RETURN t.key AS key, t.claimed_by AS claimed_by, t.claimed_until AS claimed_until
ORDER BY key
