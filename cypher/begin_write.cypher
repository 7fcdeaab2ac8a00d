// Purpose: open a write. Setting a property takes the workspace's write lock, so writers, claims
//          and deletes on one workspace serialize and every read below sees the latest committed
//          state. Returns the sequence number the write takes if it changes anything, the number
//          the turn gets if one is recorded, the live claims other agents hold on $keys, and the
//          turn already recorded under the idempotency key $request.
// Parameters: $ws STRING, $keys LIST<STRING>, $agent STRING?, $request STRING?
// Returns: seq INTEGER, turn INTEGER, claims LIST<MAP{key STRING, claimed_by STRING,
//          claimed_until DATETIME}>, replayed LIST<INTEGER> (empty or one turn number)
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w._lock = true
REMOVE w._lock
RETURN w.seq + 1 AS seq, w.turns + 1 AS turn,
       COLLECT { UNWIND $keys AS key
                 MATCH (t:Task {ws: $ws, key: key})
                 WHERE t.claimed_until > datetime() AND coalesce(t.claimed_by <> $agent, true)
                 RETURN t {.key, .claimed_by, .claimed_until} } AS claims,
       COLLECT { MATCH (u:Turn {ws: $ws, request: $request}) RETURN u.n } AS replayed
