// Purpose: delete a workspace and everything in it.
// Parameters: $ws STRING
// Returns: deleted INTEGER (nodes removed)
// Mode: write
MATCH (w:Workspace {id: $ws})
CALL () { MATCH (r:Revision {ws: $ws}) WHERE r.seq IS NOT NULL DETACH DELETE r
          RETURN count(*) AS revisions }
CALL () { MATCH (t:Task {ws: $ws}) DETACH DELETE t RETURN count(*) AS tasks }
CALL () { MATCH (u:Turn {ws: $ws}) DETACH DELETE u RETURN count(*) AS turns }
CALL () { MATCH (c:Change {ws: $ws}) WHERE c.seq IS NOT NULL DELETE c RETURN count(*) AS changes }
DETACH DELETE w
RETURN revisions + tasks + turns + changes + 1 AS deleted
