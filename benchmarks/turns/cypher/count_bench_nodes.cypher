// Purpose: how many tasks and revisions a benchmark workspace holds (the size of an export).
// Parameters: $ws STRING
// Returns: tasks INTEGER, revisions INTEGER
// Mode: read
RETURN COUNT { (:Task {ws: $ws}) } AS tasks, COUNT { (:Revision {ws: $ws}) } AS revisions
