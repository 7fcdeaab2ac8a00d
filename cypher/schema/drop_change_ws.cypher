// Purpose: remove the single-property change index of earlier versions: the (ws, seq) index
//          finds a workspace's changes as well (with `c.seq IS NOT NULL`, true of every
//          change), and one index less is one less entry to write per change.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX change_ws IF EXISTS
