"""Named inspection queries, the terminal tree and the graph pictures, on a real Neo4j."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from conftest import new_workspace_id
from typer.testing import CliRunner

from tme_neo4j import queries
from tme_neo4j.cli import app
from tme_neo4j.store import MemoryStore

runner = CliRunner()


@pytest.fixture
def seeded(store: MemoryStore) -> MemoryStore:
    store.add_task("trip", "Plan a trip")
    store.add_task("destination", "Destination", "Seattle", parents=["trip"])
    store.add_task("hotel", "Hotel", "near downtown", parents=["trip"],
                   depends_on=["destination"])
    store.add_task("tour", "City tour", parents=["trip"], depends_on=["hotel"])
    store.revise("destination", "Portland")
    return store


def test_every_inspection_query_opens_with_browser_params() -> None:
    inspect = [q for n, q in queries.all_queries().items() if n.startswith("inspect/")]
    assert len(inspect) >= 6
    for q in inspect:
        assert q.mode == "read"
        assert {name for name, _ in q.defaults} == set(q.parameter_names), q.name
        assert ":param" not in q.text


def test_query_list_and_run(seeded: MemoryStore) -> None:
    listed = runner.invoke(app, ["query", "--list", "--json"])
    names = {q["name"] for q in json.loads(listed.stdout)}
    assert {"get_workspace_state", "find_dependents", "list_stale_tasks"} <= names
    out = runner.invoke(app, ["query", "find_dependents", "-p", "key=destination", "-w",
                              seeded.workspace, "--json"])
    assert out.exit_code == 0, out.stderr
    rows = json.loads(out.stdout)
    assert [(r["key"], r["depth"]) for r in rows] == [("hotel", 1), ("tour", 2)]
    stale = runner.invoke(app, ["query", "list_stale_tasks", "-w", seeded.workspace, "--json"])
    assert {r["key"] for r in json.loads(stale.stdout)} == {"hotel", "tour"}
    history = seeded.inspect("get_task_history", {"key": "destination"})
    assert [r["value"] for r in history] == ["Seattle", "Portland"]


def test_query_errors_are_clear(seeded: MemoryStore) -> None:
    unknown = runner.invoke(app, ["query", "drop_all", "-w", seeded.workspace])
    assert unknown.exit_code == 2
    assert "no inspection query 'drop_all'" in unknown.stderr
    bad = runner.invoke(app, ["query", "find_dependents", "-p", "nokey", "-w", seeded.workspace])
    assert bad.exit_code == 2
    assert "KEY=VALUE" in bad.stderr
    extra = runner.invoke(app, ["query", "list_stale_tasks", "-p", "key=x", "-w",
                                seeded.workspace])
    assert extra.exit_code == 2
    assert "no parameter(s): key" in extra.stderr


def test_named_queries_never_cross_workspaces(seeded: MemoryStore) -> None:
    """Every inspection query, run on a workspace with a twin next door, sees only its own."""
    other = seeded.for_workspace(new_workspace_id("twin"))
    other.create_workspace()
    try:
        other.add_task("destination", "Destination", "Elsewhere")
        other.add_task("hotel", "Hotel", "twin hotel", depends_on=["destination"])
        other.revise("destination", "Nowhere")
        for name, q in queries.all_queries().items():
            if not name.startswith("inspect/"):
                continue
            params = {"key": "destination", "turn": 1} if "turn" not in q.parameter_names \
                else {"turn": 1}
            params = {k: v for k, v in params.items() if k in q.parameter_names}
            rows = seeded.inspect(name, params)
            text = json.dumps(rows, default=str)
            assert "Elsewhere" not in text, name
            assert "Nowhere" not in text, name
            assert "twin hotel" not in text, name
    finally:
        other.delete_workspace()


def test_show_prints_a_tree_with_marks(seeded: MemoryStore) -> None:
    seeded.link("hotel", "destination")
    out = runner.invoke(app, ["show", "-w", seeded.workspace])
    assert out.exit_code == 0, out.stderr
    assert "Plan a trip" in out.stdout
    assert "Destination: Portland" in out.stdout
    assert "STALE" in out.stdout
    assert "needs destination" in out.stdout
    assert "shared by destination, trip" in out.stdout


def test_graph_text_formats(seeded: MemoryStore, tmp_path: Path) -> None:
    mermaid = runner.invoke(app, ["graph", "-w", seeded.workspace])
    assert mermaid.stdout.startswith("flowchart TD")
    assert "Destination: Portland [stale]" not in mermaid.stdout  # the revised task is fresh
    assert "Hotel: near downtown [stale]" in mermaid.stdout
    assert "-. needs .->" in mermaid.stdout
    target = tmp_path / "g.dot"
    dot = runner.invoke(app, ["graph", "-f", "dot", "-o", str(target), "-w", seeded.workspace])
    assert dot.exit_code == 0
    text = target.read_text()
    assert text.startswith("digraph")
    assert 'style=dashed, label="needs"' in text


def test_graph_images_need_graphviz(seeded: MemoryStore, tmp_path: Path) -> None:
    target = tmp_path / "g.svg"
    out = runner.invoke(app, ["graph", "-f", "svg", "-o", str(target), "-w", seeded.workspace])
    if shutil.which("dot") is None:
        assert out.exit_code == 1
        assert "graphviz" in out.stderr
    else:
        assert out.exit_code == 0
        assert "<svg" in target.read_text()
