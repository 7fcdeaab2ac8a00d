// Purpose: close a generated batch: advance the workspace's sequence number to $seq, the one
//          begin_write gave the batch, as a write that changed tasks does.
// Parameters: $ws STRING, $seq INTEGER
// Returns: seq INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.seq = $seq
RETURN w.seq AS seq
