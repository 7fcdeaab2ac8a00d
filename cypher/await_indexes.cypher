// Purpose: wait until every index is online (after creating them), up to $seconds.
// Parameters: $seconds INTEGER
// Returns: nothing
// Mode: read
CALL db.awaitIndexes($seconds)
