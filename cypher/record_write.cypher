// Purpose: close a write: advance the workspace's sequence number to $seq (only when the write
//          changed something, so every number in the feed has an entry), append the changes to
//          the feed, record the turn (when $turn is given) with its reply, linked to the previous
//          turn and to the tasks it changed, and read back the tasks $keys. Keeps the Root
//          label of the changed tasks right (a task without a parent is a Root): every edge a
//          write adds or removes is from a task it changed, so this one place suffices.
// Parameters: $ws STRING, $seq INTEGER, $agent STRING?, $changes LIST<MAP{key STRING, op STRING}>,
//             $turn INTEGER?, $text STRING?, $intent STRING?, $reply STRING?, $request STRING?,
//             $undoes INTEGER?, $keys LIST<STRING>
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Returns: tasks LIST<MAP{task MAP, parents LIST<STRING>, depends_on LIST<STRING>}>
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.seq = $seq, w.turns = coalesce($turn, w.turns)
WITH w
CALL (w) {
  UNWIND $changes AS change
  CREATE (:Change {ws: $ws, seq: $seq, key: change.key, op: change.op, agent: $agent,
                   turn: $turn, at: datetime()})
}
CALL (w) {
  UNWIND $changes AS change
  MATCH (t:Task {ws: $ws, key: change.key})
  WITH t, NOT EXISTS { (t)-[:SUBTASK_OF]->() } AS root
  WHERE root <> t:Root
  FOREACH (_ IN CASE WHEN root THEN [1] ELSE [] END | SET t:Root)
  FOREACH (_ IN CASE WHEN root THEN [] ELSE [1] END | REMOVE t:Root)
}
CALL (w) {
  WITH w WHERE $turn IS NOT NULL
  CREATE (u:Turn {ws: $ws, n: $turn, text: $text, intent: $intent, agent: $agent, at: datetime(),
                  seq: $seq, reply: $reply, request: $request, undoes: $undoes})
  WITH u
  CALL (u) {
    MATCH (prev:Turn {ws: $ws, n: $turn - 1})
    CREATE (prev)-[:NEXT]->(u)
  }
  UNWIND $changes AS change
  MATCH (t:Task {ws: $ws, key: change.key})
  CREATE (u)-[:TOUCHED {op: change.op}]->(t)
}
RETURN COLLECT {
  UNWIND $keys AS key
  MATCH (t:Task {ws: $ws, key: key})
  RETURN {task: t {.*, created_at: toString(t.created_at), updated_at: toString(t.updated_at),
                  claimed_until: toString(t.claimed_until)},
          parents: COLLECT { MATCH (t)-[:SUBTASK_OF]->(p:Task) RETURN p.key ORDER BY p.key },
          depends_on: COLLECT { MATCH (t)-[:DEPENDS_ON]->(d:Task) RETURN d.key ORDER BY d.key }}
} AS tasks
