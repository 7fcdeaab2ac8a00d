// Purpose: the workspace's sequence number at the end of turn $turn, or at time $at.
// Parameters: $ws STRING, $turn INTEGER?, $at DATETIME?
// Returns: seq INTEGER? (null when no such turn, or nothing had happened yet)
// Mode: read
OPTIONAL MATCH (u:Turn {ws: $ws, n: $turn})
WITH u.seq AS turn_seq
OPTIONAL MATCH (r:Revision {ws: $ws}) WHERE $at IS NOT NULL AND r.seq IS NOT NULL AND r.at <= $at
WITH turn_seq, max(r.seq) AS time_seq
RETURN CASE WHEN $turn IS NOT NULL THEN turn_seq ELSE time_seq END AS seq
