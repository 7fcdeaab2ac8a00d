// Purpose: delete up to $limit nodes of each kind (revision, task, turn, change) carrying
//          workspace id $ws, with their relationships; run until it returns 0. Used for the
//          nodes of a workspace an import replaces, whose Workspace node is already gone.
//          Small transactions: a workspace may be large.
// Parameters: $ws STRING, $limit INTEGER
// Returns: deleted INTEGER
// Mode: write
CALL () { MATCH (r:Revision {ws: $ws}) WHERE r.seq IS NOT NULL WITH r LIMIT $limit
          DETACH DELETE r
          RETURN count(*) AS revisions }
CALL () { MATCH (t:Task {ws: $ws}) WITH t LIMIT $limit DETACH DELETE t RETURN count(*) AS tasks }
CALL () { MATCH (u:Turn {ws: $ws}) WITH u LIMIT $limit DETACH DELETE u RETURN count(*) AS turns }
CALL () { MATCH (c:Change {ws: $ws}) WHERE c.seq IS NOT NULL WITH c LIMIT $limit DELETE c
          RETURN count(*) AS changes }
RETURN revisions + tasks + turns + changes AS deleted
