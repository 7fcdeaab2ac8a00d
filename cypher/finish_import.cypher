// Purpose: make an imported workspace visible, in one short transaction, once every staged
//          node carries its id: create its Workspace node from the job and end the job.
//          (MERGE: a workspace of that id created meanwhile by hand is taken over, not doubled.)
// Parameters: $staging STRING
// Returns: ws STRING
// Mode: write
MATCH (j:ImportJob {id: $staging})
MERGE (w:Workspace {id: j.target})
SET w.seq = j.seq, w.turns = j.turns, w.created_at = j.created_at
DELETE j
RETURN w.id AS ws
