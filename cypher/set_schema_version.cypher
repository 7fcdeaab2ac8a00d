// Purpose: record that the schema statements with fingerprint $version have run.
// Parameters: $version STRING
// Returns: version STRING
// Mode: write
MERGE (m:TmeSchema {id: 'tme'})
SET m.version = $version, m.at = datetime()
RETURN m.version AS version
