// Purpose: the turn an undo reverses: turn $turn when given, else the latest turn of $agent that
//          changed tasks and has not been undone yet; with the revision each change made.
// Parameters: $ws STRING, $agent STRING?, $turn INTEGER?
// Returns: n INTEGER, touched LIST<MAP{op STRING, key STRING, revision INTEGER?}>
// Mode: read
MATCH (u:Turn)
WHERE u.ws = $ws AND u.n IS NOT NULL
  AND (u.n = $turn OR ($turn IS NULL AND u.agent = $agent AND u.intent <> 'undo'
                       AND NOT EXISTS { MATCH (:Turn {ws: $ws, undoes: u.n}) }))
  AND EXISTS { (u)-[:TOUCHED]->() }
WITH u ORDER BY u.ws DESC, u.n DESC LIMIT 1
RETURN u.n AS n,
       COLLECT { MATCH (u)-[e:TOUCHED]->(t:Task)
                 RETURN {op: e.op, key: t.key,
                         revision: head(COLLECT { MATCH (t)-[:HAS_REVISION]->(r:Revision {turn: u.n})
                                                  RETURN r.n ORDER BY r.n })} } AS touched
