// Purpose: at most one import moves into a workspace id at a time.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE CONSTRAINT import_job_target_unique IF NOT EXISTS FOR (j:ImportJob) REQUIRE j.target IS UNIQUE
