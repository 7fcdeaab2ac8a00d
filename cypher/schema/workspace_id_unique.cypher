// Purpose: one Workspace node per id.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT workspace_id_unique IF NOT EXISTS FOR (w:Workspace) REQUIRE w.id IS UNIQUE
