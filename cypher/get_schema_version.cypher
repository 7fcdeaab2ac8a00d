// Purpose: the schema marker: the fingerprint of the schema statements last run on this database.
// Parameters: none
// Returns: version STRING
// Mode: read
MATCH (m:TmeSchema {id: 'tme'})
RETURN m.version AS version
