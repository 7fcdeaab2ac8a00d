// Purpose: the smallest round trip to the server, the floor every query stands on (tme bench).
// Parameters: none
// Returns: one INTEGER
// Mode: read
RETURN 1 AS one
