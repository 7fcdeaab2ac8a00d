// Purpose: one operation of a write: remove the SUBTASK_OF edge from op.key to op.other.
//          Matches nothing when there is no such edge.
//          The lookups name a seek of the (ws, key) index (see begin_write).
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, other STRING}
// Returns: result MAP{key, op: 'unlink'}
// Mode: part
MATCH (t:Task {ws: $ws, key: op.key})-[e:SUBTASK_OF]->(:Task {ws: $ws, key: op.other})
USING INDEX SEEK t:Task(ws, key)
DELETE e
RETURN {key: op.key, op: 'unlink'} AS result
