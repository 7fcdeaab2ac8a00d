// Purpose: full-text index over task title, value and key, used to align text with tasks.
// Parameters: none
// Returns: nothing
// Mode: schema
CREATE FULLTEXT INDEX task_text IF NOT EXISTS FOR (t:Task) ON EACH [t.title, t.value, t.key]
