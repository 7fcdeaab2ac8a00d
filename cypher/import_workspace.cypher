// Purpose: create an imported workspace with its counters and creation time. Fails on the
//          workspace_id_unique constraint when the workspace exists.
// Parameters: $ws STRING, $workspace MAP{seq INTEGER, turns INTEGER, created_at STRING (ISO)}
// Returns: ws STRING
// Mode: write
CREATE (w:Workspace {id: $ws, seq: $workspace.seq, turns: $workspace.turns,
                     created_at: datetime($workspace.created_at)})
RETURN w.id AS ws
