// Purpose: the server's product version, printed with benchmark results.
// Parameters: none
// Returns: version STRING
// Mode: read
CALL dbms.components() YIELD name, versions
RETURN versions[0] AS version
LIMIT 1
