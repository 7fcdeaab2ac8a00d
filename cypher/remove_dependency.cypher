// Purpose: one operation of a write: remove the DEPENDS_ON edge from op.key to op.other.
//          Matches nothing when there is no such edge.
// Parameters: $ws STRING
// Reads:   op MAP{key STRING, other STRING}
// Returns: result MAP{key, op: 'undepend'}
// Mode: part
MATCH (:Task {ws: $ws, key: op.key})-[e:DEPENDS_ON]->(:Task {ws: $ws, key: op.other})
DELETE e
RETURN {key: op.key, op: 'undepend'} AS result
