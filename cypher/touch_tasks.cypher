// Purpose: link a turn to the tasks it changed, with the operation that changed each.
// Parameters: $ws STRING, $turn INTEGER, $touched LIST<MAP{key STRING, op STRING}>
// Returns: linked INTEGER
// Mode: write
MATCH (u:Turn {ws: $ws, n: $turn})
UNWIND $touched AS touch
MATCH (t:Task {ws: $ws, key: touch.key})
CREATE (u)-[:TOUCHED {op: touch.op}]->(t)
RETURN count(*) AS linked
