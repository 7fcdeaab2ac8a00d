// Purpose: range index for the state view, which filters tasks by workspace and status.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX task_ws_status IF NOT EXISTS FOR (t:Task) ON (t.ws, t.status)
