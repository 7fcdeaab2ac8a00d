// Purpose: range index over the root tasks (label Root: no SUBTASK_OF edge out) by workspace and
//          updated_at: the most recently updated roots are read newest first and the read stops
//          at its limit, however many subtasks the workspace holds.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX root_ws_updated IF NOT EXISTS FOR (t:Root) ON (t.ws, t.updated_at)
