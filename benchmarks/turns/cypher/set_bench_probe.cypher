// Purpose: the bare single-node write a benchmark compares turns with: one indexed lookup and
//          one property set on the workspace node, committed on its own.
// Parameters: $ws STRING, $n INTEGER (any number; the write must change something)
// Returns: n INTEGER
// Mode: write
MATCH (w:Workspace {id: $ws})
SET w.bench_probe = $n
RETURN w.bench_probe AS n
