// Purpose: take the workspace's write lock before anything else in the transaction (a delete
//          takes it first, so no writer can add to the workspace while it goes away).
// Parameters: $ws STRING
// Returns: seq INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w._lock = true
REMOVE w._lock
RETURN w.seq AS seq
