// Purpose: give a workspace's tasks display labels (:Stale, :Done, :Cancelled, and :HasValue
//          for a task with a value) so the Browser style (tme_neo4j/browser/style.grass) colours
//          them by status and captions them 'title = value'. Browser styles by label only; the
//          labels are a snapshot: run again after the graph changes.
// Parameters: $ws STRING
// Returns: nothing (Browser reports the labels added)
// Mode: write
MATCH (t:Task {ws: $ws})
REMOVE t:Stale:Done:Cancelled:HasValue
FOREACH (_ IN CASE WHEN t.status = 'done' THEN [1] ELSE [] END | SET t:Done)
FOREACH (_ IN CASE WHEN t.status = 'cancelled' THEN [1] ELSE [] END | SET t:Cancelled)
FOREACH (_ IN CASE WHEN t.stale AND t.status <> 'cancelled' THEN [1] ELSE [] END | SET t:Stale)
FOREACH (_ IN CASE WHEN t.value IS NOT NULL AND t.value <> '' THEN [1] ELSE [] END |
         SET t:HasValue)
