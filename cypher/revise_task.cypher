// Purpose: set a task's value (and optionally its title), appending a revision, and propagate:
//          when the value changed, every task that depends on $key, transitively along
//          DEPENDS_ON, and is not cancelled, is flagged stale. Each dependent remembers, per task
//          that made it stale, the value it was last checked against (stale_on / stale_basis;
//          '=' + value, '' for no value); a revision back to that value takes the flag off again
//          when no other change holds it. Matches nothing when the task is missing, cancelled,
//          or not at $expected_version (when given).
// Parameters: $ws STRING, $key STRING, $value STRING?, $title STRING?, $op STRING,
//             $reason STRING?, $expected_version INTEGER?, $agent STRING?, $turn INTEGER?,
//             $seq INTEGER
// Returns: task MAP, old_value STRING?, old_title STRING, stale LIST<STRING> (flagged stale),
//          stale_reason STRING? (why), cleared LIST<STRING> (no longer stale)
// Mode: write
MATCH (t:Task {ws: $ws, key: $key})
WHERE ($expected_version IS NULL OR t.version = $expected_version)
  AND t.status <> 'cancelled'
WITH t, t.value AS old_value, t.title AS old_title
SET t.value = $value,
    t.title = coalesce($title, t.title),
    t.version = t.version + 1,
    t.updated_at = datetime(),
    t.updated_by = $agent
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: t.version, value: t.value, title: t.title,
                                        status: t.status, op: $op, at: datetime(), by: $agent,
                                        turn: $turn, seq: $seq, reason: $reason})
WITH t, old_value, old_title,
     CASE WHEN old_value IS NULL THEN '' ELSE '=' + old_value END AS was,
     CASE WHEN t.value IS NULL THEN '' ELSE '=' + t.value END AS now
WITH t, old_value, old_title, was, now,
     $key + ' changed from ' + CASE WHEN old_value IS NULL THEN '(nothing)'
                                    ELSE "'" + old_value + "'" END
          + ' to ' + CASE WHEN t.value IS NULL THEN '(nothing)' ELSE "'" + t.value + "'" END
       AS why
CALL (t, was, now, why) {
  WITH t, was, now, why WHERE was <> now
  MATCH (t)<-[:DEPENDS_ON]-+(d:Task)
  WITH DISTINCT d, was, now, why
  WHERE d.status <> 'cancelled'
  WITH d, was, now, why, coalesce(d.stale_on, []) AS on, coalesce(d.stale_basis, []) AS basis
  WITH d, was, now, why, on, basis, head([i IN range(0, size(on) - 1) WHERE on[i] = $key]) AS i
  WITH d, why, on, basis, i, i IS NOT NULL AND basis[i] = now AS back,
       CASE WHEN i IS NULL THEN on + [$key] ELSE on END AS on_new,
       CASE WHEN i IS NULL THEN basis + [was] ELSE basis END AS basis_new
  WITH d, why, back,
       CASE WHEN back THEN [j IN range(0, size(on) - 1) WHERE j <> i | on[j]]
            ELSE on_new END AS on,
       CASE WHEN back THEN [j IN range(0, size(basis) - 1) WHERE j <> i | basis[j]]
            ELSE basis_new END AS basis
  SET d.stale_on = on, d.stale_basis = basis, d.stale = size(on) > 0,
      d.stale_reason = CASE WHEN size(on) = 0 THEN null WHEN back THEN d.stale_reason
                            ELSE why END
  RETURN collect(CASE WHEN NOT back THEN d.key END) AS stale,
         collect(CASE WHEN back AND size(on) = 0 THEN d.key END) AS cleared
}
RETURN t {.*} AS task, old_value, old_title, stale, why AS stale_reason, cleared
