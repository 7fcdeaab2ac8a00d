// Purpose: one operation of a write: cancel, restore or complete task op.key, appending a
//          revision that keeps its value. A cancel, or a restore of a cancelled task, propagates:
//          every task that depends on it, transitively along DEPENDS_ON, and is not cancelled is
//          flagged stale; the change is remembered against op.key with a basis no value matches
//          (only clear_stale takes it off). Matches nothing when the task is missing or already
//          has op.status. The lookup names a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING, $agent STRING?
// Reads:   op MAP{key STRING, status STRING, op STRING ('cancel' | 'restore' | 'done'),
//          reason STRING?}, seq INTEGER, turn INTEGER?
// Returns: result MAP{key, op, stale LIST<STRING> (the tasks marked stale), stale_reason STRING?}
// Mode: part
MATCH (t:Task {ws: $ws, key: op.key}) USING INDEX SEEK t:Task(ws, key)
WHERE t.status <> op.status
WITH op, seq, turn, t, t.status AS old_status
SET t.status = op.status,
    t.version = t.version + 1,
    t.updated_at = datetime(),
    t.updated_by = $agent
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: t.version, value: t.value, title: t.title,
                                        status: op.status, op: op.op, at: datetime(), by: $agent,
                                        turn: turn, seq: seq, reason: op.reason})
WITH op, t, CASE WHEN op.status = 'cancelled' OR old_status = 'cancelled'
                 THEN op.key + ' (' + CASE WHEN t.title IS NULL THEN '(nothing)'
                                           ELSE "'" + t.title + "'" END + ') '
                      + CASE WHEN op.status = 'cancelled' THEN 'was cancelled'
                             ELSE 'was restored' END
            END AS why
CALL (op, t, why) {
  // One row back, not one per task: with thousands of dependents, decoding rows costs more
  // than the walk.
  WITH op, t, why WHERE why IS NOT NULL
  MATCH (t)<-[:DEPENDS_ON]-+(d)
  WITH DISTINCT op, d, why
  WHERE d.status <> 'cancelled'
  WITH d, why, op.key AS key, coalesce(d.stale_on, []) AS on,
       coalesce(d.stale_basis, []) AS basis
  WITH d, why, key, on, basis, head([i IN range(0, size(on) - 1) WHERE on[i] = key]) AS i
  SET d.stale = true, d.stale_reason = why,
      d.stale_on = CASE WHEN i IS NULL THEN on + [key] ELSE on END,
      d.stale_basis = CASE WHEN i IS NULL THEN basis + ['#'] ELSE
                      [j IN range(0, size(basis) - 1) | CASE WHEN j = i THEN '#' ELSE basis[j] END]
                      END
  RETURN collect(d.key) AS stale
}
RETURN {key: op.key, op: op.op, stale: stale, stale_reason: why} AS result
