// Purpose: make up to $limit staged nodes of each kind (task, turn, change) of staging
//          workspace $staging what they stand for, with workspace id $target; run until it
//          returns 0. Relationships stay as they are. The task, turn and change indexes are
//          written here, once per node; a task with no parent becomes a Root, and takes its
//          `past` from its revisions as fill_task_past gives it (an export does not hold it:
//          it is derived). (Revisions: move_staged_revisions.)
// Parameters: $staging STRING, $target STRING, $limit INTEGER
// Returns: moved INTEGER
// Mode: write
CALL () { MATCH (t:StagedTask {ws: $staging}) WHERE t.key IS NOT NULL WITH t LIMIT $limit
          REMOVE t:StagedTask
          SET t.ws = $target, t:Task,
              t.past = reduce(past = [], said IN COLLECT { MATCH (t)-[:HAS_REVISION]->(r)
                                                           WITH r ORDER BY r.n
                                                           UNWIND [r.value, r.title] AS said
                                                           RETURN said }
                              | CASE WHEN said IS NULL OR said IN past THEN past
                                     ELSE past + said END)
          FOREACH (_ IN CASE WHEN EXISTS { (t)-[:SUBTASK_OF]->() } THEN [] ELSE [1] END |
                   SET t:Root)
          RETURN count(*) AS tasks }
CALL () { MATCH (u:StagedTurn {ws: $staging}) WHERE u.n IS NOT NULL WITH u LIMIT $limit
          REMOVE u:StagedTurn SET u.ws = $target, u:Turn RETURN count(*) AS turns }
CALL () { MATCH (c:StagedChange {ws: $staging}) WITH c LIMIT $limit
          REMOVE c:StagedChange SET c.ws = $target, c:Change RETURN count(*) AS changes }
RETURN tasks + turns + changes AS moved
