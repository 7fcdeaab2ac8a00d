// Purpose: take a workspace's write lock (the one every write takes in begin_write) before
//          anything else in the transaction, and read its counters: a delete takes it first, so
//          no writer can add to the workspace while it goes away, and a reader holding it sees
//          one state until it ends. The lock is taken by writing a property of its own and
//          removing it again (`SET w.seq = w.seq` would read seq before the lock), so nothing is
//          stored.
// Parameters: $ws STRING
// Returns: seq INTEGER, turns INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w._lock = true
REMOVE w._lock
RETURN w.seq AS seq, w.turns AS turns
