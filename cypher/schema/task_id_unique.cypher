// Purpose: task ids are unique within a workspace.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT task_id_unique IF NOT EXISTS FOR (t:Task) REQUIRE (t.ws, t.id) IS UNIQUE
