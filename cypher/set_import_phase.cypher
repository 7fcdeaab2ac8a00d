// Purpose: record that a committed import has finished clearing its target and now moves its
//          staged nodes (so a restart does not clear what was already moved).
// Parameters: $staging STRING, $phase STRING ('moving')
// Returns: phase STRING
// Mode: write
MATCH (j:ImportJob {id: $staging})
SET j.phase = $phase
RETURN j.phase AS phase
