// Purpose: the first part of a rollback: find the revision task op.key returns to (number op.n,
//          else the newest whose value equals op.value case-insensitively, else the newest with a
//          value different from the current one: the previous value) and turn op into the
//          revision revise_task then applies. Matches nothing when there is no such revision.
//          The lookups name a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, n INTEGER?, value STRING?, reason STRING?}, seq INTEGER,
//          turn INTEGER?
// Binds:   op MAP{key, value, title, op: 'rollback', reason, expected_version: null}, seq, turn
// Mode: part
WITH op, seq, turn, COLLECT {
  MATCH (t:Task {ws: $ws, key: op.key})-[:HAS_REVISION]->(r:Revision)
  USING INDEX SEEK t:Task(ws, key)
  WHERE (op.n IS NOT NULL AND r.n = op.n)
     OR (op.n IS NULL AND op.value IS NOT NULL AND toLower(r.value) = toLower(op.value))
     OR (op.n IS NULL AND op.value IS NULL AND coalesce(r.value, '') <> coalesce(t.value, ''))
  RETURN r {.n, .value, .title}
  ORDER BY r.n DESC
  LIMIT 1
} AS found
WHERE found <> []
WITH seq, turn, op {.key, value: found[0].value, title: found[0].title, op: 'rollback',
                    reason: coalesce(op.reason, 'rollback to revision ' + toString(found[0].n)),
                    expected_version: null} AS op
