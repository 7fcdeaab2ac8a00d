// Purpose: open a write (the first part of every write statement). Setting a property takes the
//          workspace's write lock, so writers, claims and deletes on one workspace serialize and
//          every read below sees the latest committed state. Binds the sequence number the write
//          takes if it changes anything, the number the turn gets when one is recorded, the live
//          claims other agents hold on $keys, the turn already recorded under the idempotency
//          key $request, and go: whether the operations may run (no claim, no replay). The
//          replay lookup names a seek of its (ws, request) index: left to itself the planner took
//          the (ws) one and read every turn of the workspace on every write, and with the index
//          named alone it could scan the whole index. The claim lookup names a seek of the (ws,
//          key) index for the same reason (planned on a workspace just filled, it read every
//          task of the workspace, or every task).
// Parameters: $ws STRING, $keys LIST<STRING>, $agent STRING?, $request STRING?,
//             $records_turn BOOLEAN
// Binds:   w NODE, seq INTEGER, turn INTEGER?, claims LIST<MAP{key STRING, claimed_by STRING,
//          claimed_until DATETIME}>, replayed LIST<INTEGER> (empty or one turn number), go BOOLEAN
// Mode: part
MATCH (w:Workspace {id: $ws})
SET w._lock = true
REMOVE w._lock
WITH w, w.seq + 1 AS seq, CASE WHEN $records_turn THEN w.turns + 1 END AS turn,
     COLLECT { UNWIND $keys AS key
               MATCH (t:Task {ws: $ws, key: key}) USING INDEX SEEK t:Task(ws, key)
               WHERE t.claimed_until > datetime() AND coalesce(t.claimed_by <> $agent, true)
               RETURN t {.key, .claimed_by, .claimed_until} } AS claims,
     COLLECT { MATCH (u:Turn {ws: $ws, request: $request}) USING INDEX SEEK u:Turn(ws, request)
               RETURN u.n } AS replayed
WITH w, seq, turn, claims, replayed, claims = [] AND replayed = [] AS go
