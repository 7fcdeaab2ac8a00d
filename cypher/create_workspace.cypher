// Purpose: create a workspace if it does not exist yet.
// Parameters: $ws STRING
// Returns: ws STRING, seq INTEGER, created BOOLEAN
// Mode: write
MERGE (w:Workspace {id: $ws})
  ON CREATE SET w.seq = 0, w.turns = 0, w.created_at = datetime(), w._new = true
WITH w, coalesce(w._new, false) AS created
REMOVE w._new
RETURN w.id AS ws, w.seq AS seq, created
