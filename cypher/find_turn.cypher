// Purpose: the turn recorded under an idempotency key, with the tasks it touched.
// Parameters: $ws STRING, $request STRING
// Returns: turn MAP, touched LIST<MAP{op STRING, key STRING}>
// Mode: read
MATCH (u:Turn {ws: $ws, request: $request})
RETURN u {.*} AS turn,
       COLLECT { MATCH (u)-[e:TOUCHED]->(t:Task) RETURN {op: e.op, key: t.key} ORDER BY t.key }
         AS touched
