// Purpose: open a write: advance the workspace's sequence number. Taking this write lock first
//          serializes writers on one workspace, so later reads in the transaction see the latest
//          committed state and version checks cannot race.
// Parameters: $ws STRING
// Returns: seq INTEGER (the sequence number of this write)
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.seq = w.seq + 1
RETURN w.seq AS seq
