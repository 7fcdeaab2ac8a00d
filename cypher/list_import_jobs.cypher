// Purpose: the committed imports whose nodes are not all moved yet.
// Parameters: none
// Returns: staging STRING, target STRING, phase STRING ('clearing' or 'moving')
// Mode: read
MATCH (j:ImportJob)
RETURN j.id AS staging, j.target AS target, j.phase AS phase
ORDER BY staging
