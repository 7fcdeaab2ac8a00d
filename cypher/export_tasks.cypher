// Purpose: one page of a workspace's tasks for an export, in key order, after key $after.
//          Times are ISO strings, exactly as stored.
// Parameters: $ws STRING, $after STRING (the last key of the previous page, '' for the first),
//             $limit INTEGER
// Returns: task MAP{id, key, title, value, status, stale, stale_reason, version, created_at,
//          updated_at, created_by, updated_by, stale_on, stale_basis}
// Mode: read
MATCH (t:Task {ws: $ws})
WHERE t.key > $after
RETURN t {.id, .key, .title, .value, .status, .stale, .stale_reason, .version,
          created_at: toString(t.created_at), updated_at: toString(t.updated_at),
          .created_by, .updated_by, .stale_on, .stale_basis} AS task
ORDER BY t.key
LIMIT $limit
