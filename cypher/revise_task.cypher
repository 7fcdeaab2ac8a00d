// Purpose: one operation of a write: set task op.key's value (and optionally its title),
//          appending a revision, and propagate: when the value changed, every task that depends
//          on it, transitively along DEPENDS_ON, and is not cancelled, is flagged stale. Each
//          dependent remembers, per task that made it stale, the value it was last checked
//          against (stale_on / stale_basis; '=' + value, '' for no value); a revision back to
//          that value takes the flag off again when no other change holds it. Matches nothing
//          when the task is missing, cancelled, or not at op.expected_version (when given).
//          The task's `past` (every value and title it has had, each once, for history search
//          through task_fulltext) takes the new value and title when they are new to it: a
//          rollback to an old value adds nothing. Its revision is not full-text indexed, so the
//          write updates one full-text document.
//          The lookup names a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING, $agent STRING?
// Reads:   op MAP{key STRING, value STRING?, title STRING?, op STRING ('revise' | 'rollback'),
//          reason STRING?, expected_version INTEGER?}, seq INTEGER, turn INTEGER?
// Returns: result MAP{key, op, stale LIST<STRING> (flagged stale), stale_reason STRING? (why),
//          cleared LIST<STRING> (no longer stale)}
// Mode: part
MATCH (t:Task {ws: $ws, key: op.key}) USING INDEX SEEK t:Task(ws, key)
WHERE (op.expected_version IS NULL OR t.version = op.expected_version)
  AND t.status <> 'cancelled'
WITH op, seq, turn, t, t.value AS old_value
SET t.value = op.value,
    t.title = coalesce(op.title, t.title),
    t.version = t.version + 1,
    t.updated_at = datetime(),
    t.updated_by = $agent
SET t.past = reduce(past = coalesce(t.past, []), said IN [t.value, t.title]
                    | CASE WHEN said IS NULL OR said IN past THEN past ELSE past + said END)
CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: t.version, value: t.value, title: t.title,
                                        status: t.status, op: op.op, at: datetime(), by: $agent,
                                        turn: turn, seq: seq, reason: op.reason})
WITH op, t, old_value,
     CASE WHEN old_value IS NULL THEN '' ELSE '=' + old_value END AS was,
     CASE WHEN t.value IS NULL THEN '' ELSE '=' + t.value END AS now
WITH op, t, was, now,
     op.key + ' changed from ' + CASE WHEN old_value IS NULL THEN '(nothing)'
                                      ELSE "'" + old_value + "'" END
            + ' to ' + CASE WHEN t.value IS NULL THEN '(nothing)' ELSE "'" + t.value + "'" END
       AS why
CALL (op, t, was, now, why) {
  WITH op, t, was, now, why WHERE was <> now
  MATCH (t)<-[:DEPENDS_ON]-+(d)
  WITH DISTINCT op, d, was, now, why
  WHERE d.status <> 'cancelled'
  WITH op, d, was, now, why, coalesce(d.stale_on, []) AS on,
       coalesce(d.stale_basis, []) AS basis
  WITH d, was, now, why, on, basis,
       head([i IN range(0, size(on) - 1) WHERE on[i] = op.key]) AS i, op.key AS key
  WITH d, why, on, basis, i, i IS NOT NULL AND basis[i] = now AS back,
       CASE WHEN i IS NULL THEN on + [key] ELSE on END AS on_new,
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
RETURN {key: op.key, op: op.op, stale: stale, stale_reason: why, cleared: cleared} AS result
