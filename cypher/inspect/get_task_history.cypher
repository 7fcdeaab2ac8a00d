// Purpose: every value a task has had, oldest first, with who changed it and in which turn.
// Parameters: $ws STRING, $key STRING
// Returns: n INTEGER, op STRING, title STRING, value STRING?, status STRING, by STRING?,
//          turn INTEGER?, at DATETIME, reason STRING?
// Mode: read
MATCH (:Task {ws: $ws, key: $key})-[:HAS_REVISION]->(r:Revision)
RETURN r.n AS n, r.op AS op, r.title AS title, r.value AS value, r.status AS status,
       r.by AS by, r.turn AS turn, r.at AS at, r.reason AS reason
ORDER BY n
