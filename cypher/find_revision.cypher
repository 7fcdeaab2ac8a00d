// Purpose: the revision a rollback returns to: number $n, else the newest whose value equals
//          $value (case-insensitively), else the newest with a value different from the
//          current one (the previous value).
// Parameters: $ws STRING, $key STRING, $n INTEGER?, $value STRING?
// Returns: n INTEGER, value STRING?, title STRING
// Mode: read
MATCH (t:Task {ws: $ws, key: $key})-[:HAS_REVISION]->(r:Revision)
WHERE ($n IS NOT NULL AND r.n = $n)
   OR ($n IS NULL AND $value IS NOT NULL AND toLower(r.value) = toLower($value))
   OR ($n IS NULL AND $value IS NULL AND coalesce(r.value, '') <> coalesce(t.value, ''))
RETURN r.n AS n, r.value AS value, r.title AS title
ORDER BY r.n DESC
LIMIT 1
