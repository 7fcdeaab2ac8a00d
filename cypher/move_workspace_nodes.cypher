// Purpose: give up to $limit nodes of each kind (revision, task, turn, change) of staging
//          workspace $staging the id $target; run until it returns 0. Relationships stay as they are.
// Parameters: $staging STRING, $target STRING, $limit INTEGER
// Returns: moved INTEGER
// Mode: write
CALL () { MATCH (r:Revision {ws: $staging}) WITH r LIMIT $limit SET r.ws = $target
          RETURN count(*) AS revisions }
CALL () { MATCH (t:Task {ws: $staging}) WITH t LIMIT $limit SET t.ws = $target RETURN count(*) AS tasks }
CALL () { MATCH (u:Turn {ws: $staging}) WITH u LIMIT $limit SET u.ws = $target RETURN count(*) AS turns }
CALL () { MATCH (c:Change {ws: $staging}) WITH c LIMIT $limit SET c.ws = $target
          RETURN count(*) AS changes }
RETURN revisions + tasks + turns + changes AS moved
