// Purpose: take a workspace's write lock (the one every write takes in begin_write) without
//          changing anything, and read its counters: the transaction then sees one state until
//          it ends, as writers wait for it. The lock is taken by writing a property of its
//          own: `SET w.seq = w.seq` would read seq before the lock and write that old value back.
//          The caller rolls back, so the property is never stored.
// Parameters: $ws STRING
// Returns: seq INTEGER, turns INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.locked = true
RETURN w.seq AS seq, w.turns AS turns
