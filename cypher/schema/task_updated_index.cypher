// Purpose: range index that lets the most recently updated roots be read in order, without
//          sorting the whole workspace.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX task_ws_updated IF NOT EXISTS FOR (t:Task) ON (t.ws, t.updated_at)
