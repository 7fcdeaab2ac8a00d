// Purpose: the point of no return of an import: after its staging workspace is complete, take
//          the target's write lock (writers wait, then find it gone), check that the target may
//          be written, and record the job that moves the staged nodes into place. A replaced
//          target's Workspace node goes now; its other nodes are deleted by the move. The new
//          sequence number is the larger of the old and the imported one: it never goes back.
// Parameters: $staging STRING, $target STRING, $replace BOOLEAN, $seq INTEGER, $turns INTEGER,
//             $created_at STRING (ISO)
// Returns: existed BOOLEAN (the target was a workspace), strays BOOLEAN (nodes of the target's
//          id exist without a Workspace node), busy BOOLEAN (another import into the target
//          is being moved), committed BOOLEAN
// Mode: write
OPTIONAL MATCH (w:Workspace {id: $target})
SET w.locked = true  // the lock first, then its seq: a writer may just have moved it
WITH w, w IS NOT NULL AS existed, coalesce(w.seq, 0) AS old_seq,
     w IS NULL AND EXISTS { MATCH (t:Task {ws: $target}) } AS strays,
     EXISTS { MATCH (j:ImportJob {target: $target}) } AS busy
WITH w, existed, old_seq, strays, busy,
     (NOT existed OR $replace) AND NOT strays AND NOT busy AS committed
CALL (w, committed) {
  WITH w, committed WHERE committed AND w IS NOT NULL
  DETACH DELETE w
}
CALL (committed, existed, old_seq) {
  WITH committed, existed, old_seq WHERE committed
  CREATE (:ImportJob {id: $staging, target: $target,
                      phase: CASE WHEN existed THEN 'clearing' ELSE 'moving' END,
                      seq: CASE WHEN old_seq > $seq THEN old_seq ELSE $seq END,
                      turns: $turns, created_at: datetime($created_at)})
}
RETURN existed, strays, busy, committed
