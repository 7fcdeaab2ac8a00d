// Purpose: one operation of a write: remove the SUBTASK_OF edge from op.key to op.other.
//          Matches nothing when there is no such edge.
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, other STRING}
// Returns: result MAP{key, op: 'unlink'}
// Mode: part
MATCH (:Task {ws: $ws, key: op.key})-[e:SUBTASK_OF]->(:Task {ws: $ws, key: op.other})
DELETE e
RETURN {key: op.key, op: 'unlink'} AS result
