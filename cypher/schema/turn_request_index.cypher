// Purpose: range index to find the turn recorded under an idempotency key.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE INDEX turn_ws_request IF NOT EXISTS FOR (u:Turn) ON (u.ws, u.request)
