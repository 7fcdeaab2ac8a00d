// Purpose: the schema marker: the fingerprint of the schema statements last run on this database
//          and their generation (null when set by code older than generations). Two processes
//          meeting a fresh database may each have made a marker: the newest one counts (a write
//          of the marker sets them all).
// Parameters: none
// Returns: version STRING, generation INTEGER
// Mode: read
MATCH (m:TmeSchema {id: 'tme'})
RETURN m.version AS version, m.generation AS generation
ORDER BY m.at DESC
LIMIT 1
