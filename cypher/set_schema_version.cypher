// Purpose: record that the schema statements with fingerprint $version, of generation
//          $generation, have run.
// Parameters: $version STRING, $generation INTEGER
// Returns: version STRING, generation INTEGER
// Mode: write
MERGE (m:TmeSchema {id: 'tme'})
SET m.version = $version, m.generation = $generation, m.at = datetime()
RETURN m.version AS version, m.generation AS generation
