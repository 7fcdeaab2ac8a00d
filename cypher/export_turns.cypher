// Purpose: one page of a workspace's turn log for an export, in order, after turn $after, with
//          the tasks each turn touched. Times are ISO strings, exactly as stored.
// Parameters: $ws STRING, $after INTEGER (the last turn of the previous page, 0 for the first),
//             $limit INTEGER
// Returns: turn MAP{n, text, intent, reply, at, agent, seq, request, undoes},
//          touched LIST<MAP{task STRING, op STRING}>
// Mode: read
MATCH (u:Turn {ws: $ws})
WHERE u.n > $after
RETURN u {.n, .text, .intent, .reply, at: toString(u.at), .agent, .seq, .request, .undoes} AS turn,
       COLLECT { MATCH (u)-[e:TOUCHED]->(t:Task {ws: $ws})
                 RETURN {task: t.key, op: e.op} AS touch ORDER BY t.key, e.op } AS touched
ORDER BY u.n
LIMIT $limit
