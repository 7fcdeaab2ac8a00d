// Purpose: delete up to $limit staged nodes of each kind (revision, task, turn, change) of
//          staging workspace $staging, with their relationships; run until it returns 0.
//          Small transactions: a staging may be large.
// Parameters: $staging STRING, $limit INTEGER
// Returns: deleted INTEGER
// Mode: write
CALL () { MATCH (r:StagedRevision {ws: $staging}) WITH r LIMIT $limit DETACH DELETE r
          RETURN count(*) AS revisions }
CALL () { MATCH (t:StagedTask {ws: $staging}) WHERE t.key IS NOT NULL WITH t LIMIT $limit
          DETACH DELETE t RETURN count(*) AS tasks }
CALL () { MATCH (u:StagedTurn {ws: $staging}) WHERE u.n IS NOT NULL WITH u LIMIT $limit
          DETACH DELETE u RETURN count(*) AS turns }
CALL () { MATCH (c:StagedChange {ws: $staging}) WITH c LIMIT $limit DELETE c
          RETURN count(*) AS changes }
RETURN revisions + tasks + turns + changes AS deleted
