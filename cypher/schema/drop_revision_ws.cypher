// Purpose: remove the single-property revision index of earlier versions: the (ws, seq) index
//          finds a workspace's revisions as well (with `r.seq IS NOT NULL`, true of every
//          revision), and one index less is one less entry to write per revision.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX revision_ws IF EXISTS
