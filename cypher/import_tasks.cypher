// Purpose: stage a batch of imported tasks, ids and times as given, as StagedTask nodes
//          (move_staged_nodes makes them tasks).
// Parameters: $ws STRING, $rows LIST<MAP{id, key, title, value, status, stale, stale_reason,
//             version, created_at STRING (ISO), updated_at STRING (ISO), created_by,
//             updated_by, stale_on LIST<STRING>?, stale_basis LIST<STRING>?}>
// Returns: created INTEGER
// Mode: write
UNWIND $rows AS row
CREATE (t:StagedTask {ws: $ws, id: row.id, key: row.key, title: row.title, value: row.value,
                      status: row.status, stale: row.stale, stale_reason: row.stale_reason,
                      version: row.version, created_at: datetime(row.created_at),
                      updated_at: datetime(row.updated_at), created_by: row.created_by,
                      updated_by: row.updated_by, stale_on: row.stale_on,
                      stale_basis: row.stale_basis})
RETURN count(t) AS created
