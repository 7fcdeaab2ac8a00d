// Purpose: the revisions recorded in a workspace, per agent (checks concurrent writers for lost
//          updates: every revision made must be in the history).
// Parameters: $ws STRING
// Returns: agent STRING?, revisions INTEGER (revisions with op 'revise')
// Mode: read
MATCH (r:Revision {ws: $ws})
WHERE r.op = 'revise'
RETURN r.by AS agent, count(r) AS revisions
ORDER BY agent
