// Purpose: the change feed: what changed after sequence number $since, oldest first.
// Parameters: $ws STRING, $since INTEGER, $limit INTEGER
// Returns: seq INTEGER, key STRING, op STRING, agent STRING?, turn INTEGER?, at DATETIME
// Mode: read
MATCH (c:Change {ws: $ws})
WHERE c.seq > $since
RETURN c.seq AS seq, c.key AS key, c.op AS op, c.agent AS agent, c.turn AS turn, c.at AS at
ORDER BY seq, key
LIMIT $limit
