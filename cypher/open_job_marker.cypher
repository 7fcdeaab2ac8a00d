// Purpose: start the transaction that marks a long job (an import) as alive: it carries the
//          job's metadata and stays open, doing nothing, until the job ends.
// Parameters: none
// Returns: open INTEGER
// Mode: read
RETURN 1 AS open
