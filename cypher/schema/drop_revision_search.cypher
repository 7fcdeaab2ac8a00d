// Purpose: remove the revision full-text index of earlier versions: a revision's value and title
//          are in its task's `past` (task_fulltext), so that a write updates one full-text
//          document, not two.
// Parameters: none
// Returns: nothing
// Mode: schema
DROP INDEX revision_search IF EXISTS
