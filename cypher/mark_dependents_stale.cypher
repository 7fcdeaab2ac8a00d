// Purpose: propagation of a cancel or a restore. Every task that depends on $key, transitively
//          along DEPENDS_ON, and is not cancelled is flagged stale with $reason; the change is
//          remembered against $key with a basis no value matches (only clear_stale takes it
//          off). One row back, not one per task: with thousands of dependents, decoding rows
//          costs more than the walk.
// Parameters: $ws STRING, $key STRING, $reason STRING
// Returns: keys LIST<STRING> (the tasks marked stale)
// Mode: write
MATCH (:Task {ws: $ws, key: $key})<-[:DEPENDS_ON]-+(d:Task)
WITH DISTINCT d
WHERE d.status <> 'cancelled'
WITH d, coalesce(d.stale_on, []) AS on, coalesce(d.stale_basis, []) AS basis
WITH d, on, basis, head([i IN range(0, size(on) - 1) WHERE on[i] = $key]) AS i
SET d.stale = true, d.stale_reason = $reason,
    d.stale_on = CASE WHEN i IS NULL THEN on + [$key] ELSE on END,
    d.stale_basis = CASE WHEN i IS NULL THEN basis + ['#'] ELSE
                    [j IN range(0, size(basis) - 1) | CASE WHEN j = i THEN '#' ELSE basis[j] END]
                    END
RETURN collect(d.key) AS keys
