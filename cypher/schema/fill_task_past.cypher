// Purpose: give every task written before tasks kept it its `past`: every value and title of its
//          revisions, in the order of the revisions (value before title), each once. Reads the
//          tasks without one, when the schema statements run (a new version of them); writes
//          keep it since (add_task, revise_task; move_staged_nodes for an import).
// Parameters: none
// Returns: nothing
// Mode: schema
MATCH (t:Task) WHERE t.past IS NULL
SET t.past = reduce(past = [], said IN COLLECT { MATCH (t)-[:HAS_REVISION]->(r)
                                                 WITH r ORDER BY r.n
                                                 UNWIND [r.value, r.title] AS said
                                                 RETURN said }
                    | CASE WHEN said IS NULL OR said IN past THEN past ELSE past + said END)
