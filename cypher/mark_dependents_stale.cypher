// Purpose: revision propagation. Every task that depends on $key, transitively along DEPENDS_ON,
//          and is not cancelled is flagged stale with $reason.
// Parameters: $ws STRING, $key STRING, $reason STRING
// Returns: key STRING (one row per task marked stale)
// Mode: write
MATCH (:Task {ws: $ws, key: $key})<-[:DEPENDS_ON]-+(d:Task)
WITH DISTINCT d
WHERE d.status <> 'cancelled'
SET d.stale = true, d.stale_reason = $reason
RETURN d.key AS key
