"""Every named query in the registry, run on one workspace while a second one is present: none
returns or touches the other workspace's nodes."""

from __future__ import annotations

import json
from typing import Any

import neo4j
import pytest
from conftest import graph_snapshot, new_workspace_id

from benchmarks.turns import bench_queries
from tme_neo4j import queries
from tme_neo4j.store import SCHEMA_GENERATION, MemoryStore, schema_version

NOW = "2026-01-01T00:00:00Z"
MARK = "OTHER-WORKSPACE-MARK"

# Sample values by parameter name; ``ws`` is always the workspace under test.
SAMPLES: dict[str, Any] = {
    "key": "a", "keys": ["a", "b", "c"], "parent": "b", "depends_on": "c", "id": "fresh-id",
    "title": "Title", "value": "Value", "agent": "tester", "turn": 1, "seq": 1_000,
    "op": "revise", "status": None, "reason": "because", "expected_version": None, "n": None,
    "include_cancelled": True, "since": 0, "limit": 100, "query": "a OR value OR title",
    "text": "text", "intent": "note", "reply": "reply", "seconds": 30, "at": None, "turns": 5,
    "after": "", "after_key": "", "after_seq": 0, "parents": [], "dependencies": [],
    "touched": [{"key": "a", "op": "revise"}], "changes": [{"key": "a", "op": "revise"}],
    "workspace": {"seq": 1, "turns": 0, "created_at": NOW},
    "other": "c", "type": "DEPENDS_ON", "request": "retry-1", "undoes": None, "roots": 10,
    "version": schema_version(), "generation": SCHEMA_GENERATION,
    # An import's staging id (no node carries it) and the target's commit, refused: it exists.
    "staging": "~import-isolation", "prefix": "~import-isolation", "replace": False,
    "created_at": NOW, "phase": "moving",
}
ROWS: dict[str, list[dict[str, Any]]] = {
    "import_tasks": [{"id": "imp-1", "key": "imported", "title": "Imported", "value": "v",
                      "status": "active", "stale": False, "stale_reason": None, "version": 1,
                      "created_at": NOW, "updated_at": NOW, "created_by": "x",
                      "updated_by": "x"}],
    "import_edges": [{"type": "DEPENDS_ON", "from": "b", "to": "a"}],
    "import_revisions": [{"task": "a", "revisions": [
        {"n": 99, "value": "v", "title": "t", "status": "active", "op": "revise", "at": NOW,
         "by": "x", "turn": None, "seq": 1, "reason": None}]}],
    "import_turns": [{"n": 99, "text": "t", "intent": "note", "reply": None, "at": NOW,
                      "agent": "x", "seq": 1, "touched": [{"task": "a", "op": "revise"}]}],
    "import_changes": [{"seq": 1, "key": "a", "op": "add", "agent": "x", "turn": None,
                        "at": NOW}],
    "bench/create_bench_tasks": [{"key": "bench-1", "title": "Bench", "values": ["v1", "v2"]}],
}
# Per-query values where the shared sample would be refused by design.
OVERRIDES: dict[str, dict[str, Any]] = {
    "add_task": {"key": "added", "id": "added-id"},
}
# Queries that end the workspace under test run last; the schema ones touch no data.
LAST = ("delete_workspace", "bench/delete_bench_nodes", "delete_workspace_nodes")
# Creating a workspace that exists is refused by design; run on a fresh id instead.
FRESH = ("import_workspace",)


def _params(name: str, query: queries.Query, ws: str) -> dict[str, Any]:
    samples = SAMPLES | OVERRIDES.get(name, {})
    values = {p: samples[p] for p in query.parameter_names if p in samples}
    if "rows" in query.parameter_names:
        values["rows"] = ROWS[name]
    if "target" in query.parameter_names:  # an import into the workspace under test
        values["target"] = ws
    missing = set(query.parameter_names) - set(values) - {"ws"}
    assert not missing, f"{name}: no sample for {missing}"
    return values | {"ws": ws}


@pytest.mark.slow
def test_no_named_query_crosses_workspaces(store: MemoryStore) -> None:
    for key in ("a", "b", "c"):
        store.add_task(key, key.upper(), f"value {key}")
    store.depend("b", "a")
    other = store.for_workspace(new_workspace_id("other"))
    other.create_workspace()
    try:
        for key in ("a", "b", "c", "imported", "bench-1"):
            other.add_task(key, f"{MARK} {key}", MARK)
        other.depend("b", "a")
        other.revise("a", f"{MARK} again")
        guarded = graph_snapshot(other)
        # The benchmark's statements write into workspaces too: they are checked alike.
        every = queries.all_queries() | {f"bench/{n}": q for n, q in bench_queries().items()}
        names = [n for n, q in every.items() if q.mode not in ("schema", "part")]
        names.sort(key=lambda n: n in LAST)
        fresh = new_workspace_id("fresh")
        for name in names:
            query = every[name]
            ws = fresh if name in FRESH else store.workspace
            params = _params(name, query, ws)
            with store.driver.session(database=store.settings.neo4j_database) as session:
                try:
                    records = session.run(query.text, params).data()
                except neo4j.exceptions.ClientError as e:
                    pytest.fail(f"{name} failed with sample parameters: {e.message}")
            assert MARK not in json.dumps(records, default=str), name
            assert graph_snapshot(other) == guarded, name
        store.for_workspace(fresh).delete_workspace()
        store.create_workspace()  # the last queries deleted it; the fixture deletes it again
    finally:
        other.delete_workspace()
