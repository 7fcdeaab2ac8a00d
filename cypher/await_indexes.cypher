// Purpose: wait until every index is online (after the schema statements created them).
// Parameters: none
// Returns: nothing
// Mode: read
CALL db.awaitIndexes(60)
