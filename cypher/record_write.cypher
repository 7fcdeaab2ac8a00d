// Purpose: close a write (the last part of every write statement): when it changed something or
//          records a turn, advance the workspace's sequence number to seq (only when it changed
//          something, so every number in the feed has an entry), append the changes to the feed,
//          record the turn (when turn is not null) with its reply, linked to the previous turn
//          and to the tasks it changed; then read back the tasks read_back. Keeps the Root label
//          of the changed tasks right (a task without a parent is a Root): every edge a write
//          adds or removes is from a task it changed, so this one place suffices. The task
//          lookups name a seek of the (ws, key) index, the previous turn's of (ws, n) (see
//          begin_write).
// Parameters: $ws STRING, $agent STRING?, $text STRING?, $intent STRING?, $reply STRING?,
//             $request STRING?, $undoes INTEGER?
// Reads:   w NODE (the workspace), seq INTEGER, turn INTEGER?, go BOOLEAN (false: record
//          nothing), changes LIST<MAP{key STRING, op STRING}>, read_back LIST<STRING>
// Times:   a task's created_at, updated_at and claimed_until come as ISO-8601 strings: decoding
//          driver temporal values costs more than the rest of a large read.
// Binds:   tasks LIST<MAP{task MAP, parents LIST<STRING>, depends_on LIST<STRING>}>
// Mode: part
CALL (w, seq, turn, go, changes) {
  WITH w, turn, changes, go, CASE WHEN changes = [] THEN seq - 1 ELSE seq END AS taken
  WHERE go AND (changes <> [] OR turn IS NOT NULL)
  SET w.seq = taken, w.turns = coalesce(turn, w.turns)
  WITH taken, turn, changes
  CALL (taken, turn, changes) {
    UNWIND changes AS change
    CREATE (:Change {ws: $ws, seq: taken, key: change.key, op: change.op, agent: $agent,
                     turn: turn, at: datetime()})
  }
  CALL (changes) {
    UNWIND changes AS change
    MATCH (t:Task {ws: $ws, key: change.key}) USING INDEX SEEK t:Task(ws, key)
    WITH t, NOT EXISTS { (t)-[:SUBTASK_OF]->() } AS root
    WHERE root <> t:Root
    FOREACH (_ IN CASE WHEN root THEN [1] ELSE [] END | SET t:Root)
    FOREACH (_ IN CASE WHEN root THEN [] ELSE [1] END | REMOVE t:Root)
  }
  CALL (taken, turn, changes) {
    WITH taken, turn, changes WHERE turn IS NOT NULL
    CREATE (u:Turn {ws: $ws, n: turn, text: $text, intent: $intent, agent: $agent,
                    at: datetime(), seq: taken, reply: $reply, request: $request,
                    undoes: $undoes})
    WITH u, turn, changes
    CALL (u, turn) {
      MATCH (prev:Turn {ws: $ws, n: turn - 1}) USING INDEX SEEK prev:Turn(ws, n)
      CREATE (prev)-[:NEXT]->(u)
    }
    UNWIND changes AS change
    MATCH (t:Task {ws: $ws, key: change.key}) USING INDEX SEEK t:Task(ws, key)
    CREATE (u)-[:TOUCHED {op: change.op}]->(t)
  }
}
WITH *, COLLECT {
  UNWIND read_back AS key
  MATCH (t:Task {ws: $ws, key: key}) USING INDEX SEEK t:Task(ws, key)
  // past (what history search finds a task by) stays here: it grows with history.
  RETURN {task: t {.*, past: null, created_at: toString(t.created_at),
                  updated_at: toString(t.updated_at), claimed_until: toString(t.claimed_until)},
          parents: COLLECT { MATCH (t)-[:SUBTASK_OF]->(p) RETURN p.key ORDER BY p.key },
          depends_on: COLLECT { MATCH (t)-[:DEPENDS_ON]->(d) RETURN d.key ORDER BY d.key }}
} AS tasks
