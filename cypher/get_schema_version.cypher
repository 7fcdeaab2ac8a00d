// Purpose: the schema marker: the fingerprint of the schema statements last run on this database
//          and their generation (null when set by code older than generations).
// Parameters: none
// Returns: version STRING, generation INTEGER
// Mode: read
MATCH (m:TmeSchema {id: 'tme'})
RETURN m.version AS version, m.generation AS generation
