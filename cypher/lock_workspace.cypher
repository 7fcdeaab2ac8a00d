// Purpose: take a workspace's write lock (the one every write takes in begin_write) without
//          changing anything, and read its counters: the transaction then sees one state until
//          it ends, as writers wait for it.
// Parameters: $ws STRING
// Returns: seq INTEGER, turns INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.seq = w.seq
RETURN w.seq AS seq, w.turns AS turns
