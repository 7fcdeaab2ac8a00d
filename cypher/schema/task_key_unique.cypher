// Purpose: task keys (stable slot names) are unique within a workspace; also the lookup index.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT task_key_unique IF NOT EXISTS FOR (t:Task) REQUIRE (t.ws, t.key) IS UNIQUE
