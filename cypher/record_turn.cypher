// Purpose: append a turn to the workspace's log, after the previous one.
// Parameters: $ws STRING, $text STRING, $intent STRING, $agent STRING?, $seq INTEGER
// Returns: n INTEGER (the turn's number)
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.turns = w.turns + 1
CREATE (u:Turn {ws: $ws, n: w.turns, text: $text, intent: $intent, agent: $agent,
                at: datetime(), seq: $seq})
WITH w, u
OPTIONAL MATCH (prev:Turn {ws: $ws, n: w.turns - 1})
CALL (prev, u) {
  WITH prev, u WHERE prev IS NOT NULL
  CREATE (prev)-[:NEXT]->(u)
}
RETURN u.n AS n
