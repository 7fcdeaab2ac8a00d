// Purpose: one workspace with its counters.
// Parameters: $ws STRING
// Returns: ws STRING, seq INTEGER, turns INTEGER, created_at DATETIME, tasks INTEGER
// Note:    `t.key IS NOT NULL` (true of every task) lets the count seek the (ws, key) index
//          instead of scanning every task of every workspace.
// Mode: read
MATCH (w:Workspace {id: $ws})
RETURN w.id AS ws, w.seq AS seq, w.turns AS turns, w.created_at AS created_at,
       COUNT { MATCH (t:Task) WHERE t.ws = $ws AND t.key IS NOT NULL } AS tasks
