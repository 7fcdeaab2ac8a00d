// Purpose: make up to $limit staged revisions of staging workspace $staging revisions of
//          workspace $target; run until it returns 0. Their HAS_REVISION edges stay as they
//          are. The revision indexes are written here, once per node. Apart from
//          move_staged_nodes, so that the two can run side by side.
// Parameters: $staging STRING, $target STRING, $limit INTEGER
// Returns: moved INTEGER
// Mode: write
MATCH (r:StagedRevision {ws: $staging}) WITH r LIMIT $limit
REMOVE r:StagedRevision SET r.ws = $target, r:Revision
RETURN count(*) AS moved
