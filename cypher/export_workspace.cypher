// Purpose: a workspace's own properties for an export, and how many of each thing it holds
//          (the export's progress total). Times are ISO strings, exactly as stored.
// Parameters: $ws STRING
// Returns: workspace MAP{id, seq, turns, created_at STRING}, tasks INTEGER, edges INTEGER,
//          revisions INTEGER, turn_count INTEGER, changes INTEGER
// Mode: read
MATCH (w:Workspace {id: $ws})
RETURN w {.id, .seq, .turns, created_at: toString(w.created_at)} AS workspace,
       COUNT { (:Task {ws: $ws}) } AS tasks,
       COUNT { (:Task {ws: $ws})-[:SUBTASK_OF|DEPENDS_ON]->(:Task {ws: $ws}) } AS edges,
       COUNT { (r:Revision {ws: $ws}) WHERE r.seq IS NOT NULL } AS revisions,
       COUNT { (:Turn {ws: $ws}) } AS turn_count,
       COUNT { (c:Change {ws: $ws}) WHERE c.seq IS NOT NULL } AS changes
