// Purpose: one workspace with its counters.
// Parameters: $ws STRING
// Returns: ws STRING, seq INTEGER, turns INTEGER, created_at DATETIME, tasks INTEGER
// Mode: read
MATCH (w:Workspace {id: $ws})
RETURN w.id AS ws, w.seq AS seq, w.turns AS turns, w.created_at AS created_at,
       COUNT { (t:Task {ws: $ws}) } AS tasks
