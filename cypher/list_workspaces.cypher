// Purpose: every workspace with its task count.
// Parameters: none
// Returns: ws STRING, seq INTEGER, turns INTEGER, created_at DATETIME, tasks INTEGER
// Mode: read
MATCH (w:Workspace)
RETURN w.id AS ws, w.seq AS seq, w.turns AS turns, w.created_at AS created_at,
       COUNT { (t:Task {ws: w.id}) } AS tasks
ORDER BY ws
