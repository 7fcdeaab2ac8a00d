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
from tme_neo4j.cli._output import plain
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


def test_no_query_file_opens_with_browser_params() -> None:
    # Browser runs a pasted `:param` line and a query as a two-statement script and draws
    # nothing; `tme query NAME --browser` prints one statement with the values in it instead.
    for name, q in queries.all_queries().items():
        if name.startswith(("inspect/", "browser/")):
            text = (queries.cypher_root() / f"{name}.cypher").read_text(encoding="utf-8")
            assert ":param" not in text, name
            assert q.defaults == (), name
    assert all(q.mode == "read" for n, q in queries.all_queries().items()
               if n.startswith("inspect/"))


def test_browser_statement_is_one_statement_that_gives_the_same_rows(
    seeded: MemoryStore,
) -> None:
    seeded.revise("hotel", "it's \\ \"odd\" \n two lines")  # quotes, a backslash, a newline
    for name, params in (("get_task_history", ["-p", "key=hotel"]),
                         ("find_dependents", ["-p", "key=destination"]),
                         ("list_stale_tasks", [])):
        printed = runner.invoke(app, ["query", name, "-w", seeded.workspace, "--browser",
                                      *params])
        assert printed.exit_code == 0, printed.stderr
        statement = printed.stdout
        assert "$" not in statement
        assert ":param" not in statement
        records, _, _ = seeded.driver.execute_query(statement)
        ran = runner.invoke(app, ["query", name, "-w", seeded.workspace, "--json", *params])
        assert json.loads(ran.stdout) == json.loads(json.dumps(
            [{k: plain(v) for k, v in r.items()} for r in records]))
    history = runner.invoke(app, ["query", "get_task_history", "-w", seeded.workspace, "--json",
                                  "-p", "key=hotel"])
    assert json.loads(history.stdout)[-1]["value"] == "it's \\ \"odd\" \n two lines"


def test_query_json_is_json_for_nodes_paths_and_times(seeded: MemoryStore) -> None:
    out = runner.invoke(app, ["query", "draw_task_graph", "-w", seeded.workspace, "--json"])
    assert out.exit_code == 0, out.stderr
    assert "element_id" not in out.stdout
    assert "neo4j.time" not in out.stdout
    rows = json.loads(out.stdout)
    hotel = next(r for r in rows if r["t"]["properties"]["key"] == "hotel" and r["p"]
                 and r["p"]["relationships"][0]["type"] == "DEPENDS_ON")
    assert hotel["t"]["labels"] == ["Task"]
    assert hotel["p"]["relationships"][0]["end"] == "destination"
    assert hotel["t"]["properties"]["created_at"].startswith("20")


def test_query_workspace_from_param_and_unknown_workspaces(seeded: MemoryStore) -> None:
    by_param = runner.invoke(app, ["query", "list_stale_tasks", "-p", f"ws={seeded.workspace}",
                                   "--json"])
    assert by_param.exit_code == 0, by_param.stderr
    assert {r["key"] for r in json.loads(by_param.stdout)} == {"hotel", "tour"}
    both = runner.invoke(app, ["query", "list_stale_tasks", "-p", "ws=other", "-w",
                               seeded.workspace])
    assert both.exit_code == 2
    assert "two workspaces" in both.stderr
    missing = new_workspace_id("missing")
    for args in (["query", "list_turns", "-w", missing], ["changes", "-w", missing]):
        out = runner.invoke(app, args)
        assert out.exit_code == 2, args
        assert f"workspace '{missing}' does not exist" in out.stderr
        assert out.stdout == ""


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
