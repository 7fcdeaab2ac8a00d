// Purpose: give tasks written before tasks kept it their `past`: every value and title of their
//          revisions, in the order of the revisions (value before title), each once. Up to
//          5,000 tasks a run, which ensure_schema repeats until it fills none, so that a large
//          store is upgraded in transactions a small heap holds (100,000 tasks in one ran a
//          512 MB heap out of memory). Writes keep it since (add_task, revise_task;
//          move_staged_nodes for an import).
// Parameters: none
// Returns: filled INTEGER (tasks this run gave their past; 0 when none was left)
// Mode: schema
MATCH (t:Task) WHERE t.past IS NULL
WITH t LIMIT 5000
SET t.past = reduce(past = [], said IN COLLECT { MATCH (t)-[:HAS_REVISION]->(r)
                                                 WITH r ORDER BY r.n
                                                 UNWIND [r.value, r.title] AS said
                                                 RETURN said }
                    | CASE WHEN said IS NULL OR said IN past THEN past ELSE past + said END)
RETURN count(t) AS filled
