// Purpose: turn numbers are unique within a workspace.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT turn_n_unique IF NOT EXISTS FOR (t:Turn) REQUIRE (t.ws, t.n) IS UNIQUE
