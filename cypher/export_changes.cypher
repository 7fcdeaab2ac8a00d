// Purpose: one page of a workspace's change feed for an export, in (seq, key) order, after
//          ($after_seq, $after_key). Times are ISO strings, exactly as stored.
// Parameters: $ws STRING, $after_seq INTEGER, $after_key STRING (the last change of the previous
//             page; 0 and '' for the first), $limit INTEGER
// Returns: change MAP{seq, key, op, agent, turn, at}
// Mode: read
MATCH (c:Change {ws: $ws})
WHERE c.seq >= $after_seq AND (c.seq > $after_seq OR c.key > $after_key)
RETURN c {.seq, .key, .op, .agent, .turn, at: toString(c.at)} AS change
ORDER BY c.seq, c.key
LIMIT $limit
