// Purpose: range index to find an import's staged tasks by key (its edges, revisions and
//          turns are attached by key) and all of them (the move, the cleanup). Staged nodes
//          carry labels of their own so that the task indexes are written once, by the move.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX staged_task_ws_key IF NOT EXISTS FOR (t:StagedTask) ON (t.ws, t.key)
