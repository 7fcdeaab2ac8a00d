// Purpose: the turn log, oldest first, with what each turn touched and how.
// Parameters: $ws STRING
// Returns: n INTEGER, agent STRING?, intent STRING, text STRING, reply STRING?,
//          touched LIST<STRING>
// Mode: read
MATCH (u:Turn {ws: $ws})
RETURN u.n AS n, u.agent AS agent, u.intent AS intent, u.text AS text, u.reply AS reply,
       COLLECT { MATCH (u)-[e:TOUCHED]->(t:Task) RETURN e.op + ' ' + t.key } AS touched
ORDER BY n
