// Purpose: bulk-create generated benchmark tasks, each with one revision per value it has had
//          (the first an add, the rest revisions), in one batch; each a Root until
//          link_bench_tasks gives it a parent, as a real write keeps it; its `past` as
//          revise_task keeps it (each value, then the title, each once).
// Parameters: $ws STRING, $agent STRING, $seq INTEGER (the write's sequence number),
//             $rows LIST<MAP{key STRING, title STRING, values LIST<STRING> (oldest first,
//             at least one)}>
// Returns: tasks INTEGER, revisions INTEGER
// Mode: write
UNWIND $rows AS row
CREATE (t:Task:Root {ws: $ws, id: randomUUID(), key: row.key, title: row.title,
                value: last(row.values), status: 'active', stale: false,
                version: size(row.values), created_at: datetime(), updated_at: datetime(),
                created_by: $agent, updated_by: $agent,
                past: reduce(past = [], said IN reduce(each = [], v IN row.values
                                                       | each + [v, row.title])
                             | CASE WHEN said IN past THEN past ELSE past + said END)})
WITH t, row
CALL (t, row) {
  UNWIND range(1, size(row.values)) AS n
  CREATE (t)-[:HAS_REVISION]->(:Revision {ws: $ws, n: n, value: row.values[n - 1],
                                          title: row.title, status: 'active',
                                          op: CASE n WHEN 1 THEN 'add' ELSE 'revise' END,
                                          at: datetime(), by: $agent, seq: $seq})
  RETURN count(*) AS revisions
}
RETURN count(t) AS tasks, sum(revisions) AS revisions
