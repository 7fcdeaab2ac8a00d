// Purpose: revision propagation. Every task that depends on $key, transitively along DEPENDS_ON,
//          and is not cancelled is flagged stale with $reason. One row back, not one per task:
//          with thousands of dependents, decoding rows costs more than the walk.
// Parameters: $ws STRING, $key STRING, $reason STRING
// Returns: keys LIST<STRING> (the tasks marked stale)
// Mode: write
MATCH (:Task {ws: $ws, key: $key})<-[:DEPENDS_ON]-+(d:Task)
WITH DISTINCT d
WHERE d.status <> 'cancelled'
SET d.stale = true, d.stale_reason = $reason
RETURN collect(d.key) AS keys
