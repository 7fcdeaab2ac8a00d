"""``tme export`` / ``tme import`` against the real Neo4j: exact round trips, refusals that name
the place in the file and leave the database as it was, the Cypher script, and atomicity."""

from __future__ import annotations

import io
import json
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest
from conftest import graph_snapshot, new_workspace_id
from typer.testing import CliRunner

from tme_neo4j import portable
from tme_neo4j.cli import app
from tme_neo4j.errors import InvalidInputError
from tme_neo4j.models import MAX_VALUE
from tme_neo4j.store import MemoryStore, TurnInput

runner = CliRunner()

# Text that would break a naive JSON or Cypher writer.
AWKWARD = "it's \"big\"; C:\\path\n\tx\u2028 caf\u00e9 \U0001f600 */ // `tick` $param"


def tme(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def populate(store: MemoryStore) -> None:
    """Tasks with a hierarchy, dependencies, revisions of every kind, and a turn log."""
    store.add_task("trip", AWKWARD)
    store.apply([{"op": "add", "key": "destination", "title": "Destination", "value": "Seattle",
                  "parents": ["trip"]}],
                turn=TurnInput("Plan a trip to Seattle", "new"))
    store.apply([{"op": "add", "key": "hotel", "title": "Hotel", "value": AWKWARD,
                  "parents": ["trip"], "depends_on": ["destination"]},
                 {"op": "add", "key": "flight", "title": "Flight", "parents": ["trip"],
                  "depends_on": ["destination"]}],
                turn=TurnInput("Book a hotel and a flight", "new"))
    write = store.apply([{"op": "revise", "key": "destination", "value": "Portland",
                          "reason": "changed plans"}],
                        turn=TurnInput("Actually Portland", "update"))
    assert write.turn is not None
    store.set_turn_reply(write.turn, "Destination is now Portland; " + AWKWARD)
    store.rollback("destination", to_value="Seattle")
    store.cancel("flight", reason="driving instead")
    store.complete("hotel")


def export_text(store: MemoryStore, **options: Any) -> str:
    out = io.StringIO()
    portable.export_workspace(store, out, **options)
    return out.getvalue()


def without_id(text: str) -> dict[str, Any]:
    document: dict[str, Any] = json.loads(text)
    document["workspace"].pop("id")
    return document


def staging_nodes(store: MemoryStore) -> int:
    """Nodes of import stagings that no running import owns."""
    live = [r["staging"] for r in store.run_statement("list_live_imports")]
    records, _, _ = store.driver.execute_query(
        "MATCH (n) WHERE n.ws STARTS WITH '~import-' AND NOT n.ws IN $live "
        "RETURN count(n) AS n", live=live)
    return int(records[0]["n"])


def node_count(store: MemoryStore, ws: str) -> int:
    records, _, _ = store.driver.execute_query(
        "MATCH (n) WHERE n.ws = $ws OR (n:Workspace AND n.id = $ws) RETURN count(n) AS n",
        ws=ws)
    return int(records[0]["n"])


@pytest.fixture
def populated(store: MemoryStore) -> MemoryStore:
    populate(store)
    return store


@pytest.fixture
def other(store: MemoryStore) -> Iterator[MemoryStore]:
    """A second workspace id, not created; deleted after the test if something made it."""
    second = store.for_workspace(new_workspace_id("imp"))
    yield second
    store.driver.execute_query("MATCH (n) WHERE n.ws = $ws OR (n:Workspace AND n.id = $ws) "
                               "DETACH DELETE n", ws=second.workspace)


# -- round trips ---------------------------------------------------------------------------------


def test_round_trip_is_exact(populated: MemoryStore, other: MemoryStore, tmp_path: Path) -> None:
    first = export_text(populated, batch_size=2)  # small pages: paging is exercised
    document = json.loads(first)
    assert document["format"] == "tme-neo4j"
    assert document["version"] == 1
    assert [t["key"] for t in document["tasks"]] == ["destination", "flight", "hotel", "trip"]
    assert len(document["edges"]) == 5
    assert len(document["turns"]) == 3
    assert document["turns"][1]["touched"] == [{"task": "flight", "op": "add"},
                                               {"task": "hotel", "op": "add"}]
    # Absent properties stay absent; times are Neo4j's own ISO strings.
    assert "value" not in next(t for t in document["tasks"] if t["key"] == "trip")
    assert first == export_text(populated)  # the page size changes nothing

    path = tmp_path / "trip.json"
    path.write_text(first, encoding="utf-8")
    result = portable.import_workspace(populated, path, workspace=other.workspace)
    assert (result.tasks, result.edges, result.revisions, result.turns) == (4, 5, 8, 3)
    assert result.changes == len(document["changes"]) > 0
    second = export_text(other)
    assert without_id(second) == without_id(first)
    assert json.loads(second)["workspace"]["id"] == other.workspace
    assert graph_snapshot(other) == graph_snapshot(populated)
    assert [t.key for t in other.roots()] == [t.key for t in populated.roots()] == ["trip"]
    # The imported memory works like the original: history, as-of reads, the turn chain.
    assert [r.value for r in other.history("destination")] == ["Seattle", "Portland", "Seattle"]
    assert [t.key for t, _ in other.search_history(["portland"])] == ["destination"]
    assert other.state(as_of_turn=3).task("destination").value == "Portland"  # type: ignore[union-attr]
    assert other.turns()[2].reply == populated.turns()[2].reply
    records, _, _ = other.driver.execute_query(
        "MATCH (:Turn {ws: $ws})-[:NEXT]->(b:Turn) RETURN collect(b.n) AS ns",
        ws=other.workspace)
    assert sorted(records[0]["ns"]) == [2, 3]
    # And takes new writes where the original left off.
    write = other.apply([{"op": "revise", "key": "destination", "value": "Boise"}],
                        turn=TurnInput("Boise", "update"))
    assert (write.seq, write.turn) == (json.loads(first)["workspace"]["seq"] + 1, 4)
    assert other.history("destination")[-1].n == 4


def test_revisions_in_any_order_import_whole(populated: MemoryStore, other: MemoryStore,
                                            tmp_path: Path) -> None:
    # Revisions are written grouped by task, two batches at a time: a document whose revisions
    # go from task to task and back (here in the order they were written) loses none of them.
    document = json.loads(export_text(populated))
    document["revisions"].sort(key=lambda r: r["seq"])
    assert len({r["task"] for r in document["revisions"][:3]}) > 1
    path = tmp_path / "by-seq.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    result = portable.import_workspace(populated, path, workspace=other.workspace,
                                       batch_size=3)
    assert result.revisions == len(document["revisions"])
    assert graph_snapshot(other) == graph_snapshot(populated)
    assert [r.value for r in other.history("destination")] == ["Seattle", "Portland", "Seattle"]


def test_round_trip_keeps_what_stale_flags_were_checked_against_and_retry_keys(
    store: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    store.add_task("venue", "Venue", "Hall A")
    store.apply([{"op": "add", "key": "catering", "title": "Catering", "value": "for Hall A",
                  "depends_on": ["venue"]}])
    store.apply([{"op": "revise", "key": "venue", "value": "Hall B"}],
                turn=TurnInput("the venue changed", "update", request="retry-7"))
    assert store.get_task("catering").stale
    path = tmp_path / "ws.json"
    path.write_text(export_text(store), encoding="utf-8")
    portable.import_workspace(store, path, workspace=other.workspace)
    imported = json.loads(export_text(other))
    assert [t.get("request") for t in imported["turns"]] == ["retry-7"]
    # Back to the value catering was checked against: the flag clears in the copy too.
    other.rollback("venue", to_value="Hall A")
    assert not other.get_task("catering").stale


def test_question_turns_which_take_no_sequence_number_round_trip(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    for question in ("what is left?", "where are we going?"):
        populated.apply([], turn=TurnInput(question, "check"))
    turns = json.loads(export_text(populated))["turns"]
    assert turns[-1]["seq"] == turns[-2]["seq"]  # questions write nothing, so share the seq
    path = tmp_path / "ws.json"
    path.write_text(export_text(populated), encoding="utf-8")
    portable.import_workspace(populated, path, workspace=other.workspace)
    assert without_id(export_text(other)) == without_id(export_text(populated))


def test_cli_export_import_replace(populated: MemoryStore, other: MemoryStore,
                                   tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    assert tme("export", "-w", populated.workspace, "-o", str(path))[0] == 0
    assert not list(tmp_path.glob("*.partial"))
    code, out, _ = tme("export", "-w", populated.workspace, "-o", "-")
    assert code == 0
    assert out == path.read_text(encoding="utf-8")

    code, out, _ = tme("import", str(path), "--workspace", other.workspace, "--json")
    assert code == 0, out
    assert json.loads(out)["replaced"] is False
    snapshot = graph_snapshot(other)
    exported = export_text(other)

    # An existing workspace is refused without --replace, and left alone.
    code, _, err = tme("import", str(path), "--workspace", other.workspace)
    assert code == 2
    assert "already exists" in err
    assert export_text(other) == exported

    # Replacing twice gives the same graph, the same document.
    for _ in range(2):
        code, out, _ = tme("import", str(path), "--workspace", other.workspace, "--replace")
        assert code == 0, out
        assert out.startswith(f"Replaced workspace {other.workspace}: 4 tasks")
        assert graph_snapshot(other) == snapshot
        assert export_text(other) == exported
        assert node_count(other, other.workspace) == node_count(populated, populated.workspace)


def test_export_of_a_missing_workspace_is_refused(tmp_path: Path) -> None:
    code, _, err = tme("export", "-w", new_workspace_id("none"), "-o", str(tmp_path / "x.json"))
    assert code == 2
    assert "does not exist" in err
    assert not list(tmp_path.iterdir())


# -- refusals --------------------------------------------------------------------------------------

Mutation = Callable[[dict[str, Any]], None]


def _set(path: str, value: Any) -> Mutation:
    *parents, last = path.split(".")

    def mutate(doc: dict[str, Any]) -> None:
        node: Any = doc
        for part in parents:
            node = node[int(part)] if part.isdigit() else node[part]
        node[int(last) if last.isdigit() else last] = value

    return mutate


def _append(section: str, item: dict[str, Any]) -> Mutation:
    return lambda doc: doc[section].append(item)


BAD_DOCUMENTS: list[tuple[str, Mutation, str]] = [
    ("unknown version", _set("version", 2), "version: Input should be 1"),
    ("unknown format", _set("format", "other"), "format: Input should be 'tme-neo4j'"),
    ("dangling edge", _append("edges", {"type": "DEPENDS_ON", "from": "hotel", "to": "nowhere"}),
     "edges[5]: unknown task 'nowhere'"),
    ("dependency cycle",
     _append("edges", {"type": "DEPENDS_ON", "from": "destination", "to": "hotel"}),
     "DEPENDS_ON cycle destination -> hotel -> destination"),
    ("subtask cycle", _append("edges", {"type": "SUBTASK_OF", "from": "trip", "to": "hotel"}),
     "SUBTASK_OF cycle"),
    ("self dependency", _append("edges", {"type": "DEPENDS_ON", "from": "trip", "to": "trip"}),
     "edges[5]: DEPENDS_ON cycle trip -> trip"),
    ("unknown edge type", _append("edges", {"type": "OWNS", "from": "trip", "to": "hotel"}),
     "edges[5].type"),
    ("duplicate edge", _append("edges", {"type": "SUBTASK_OF", "from": "hotel", "to": "trip"}),
     "edges[5]: duplicate of edges["),
    ("duplicate id", lambda d: d["tasks"][1].update(id=d["tasks"][0]["id"]),
     "tasks[1].id: duplicate id"),
    ("duplicate key", _set("tasks.2.key", "destination"), "tasks[2].key: duplicate key"),
    ("string for an integer", _set("tasks.0.version", "3"), "tasks[0].version"),
    ("float for an integer", _set("workspace.seq", 7.0), "workspace.seq"),
    ("number for a string", _set("tasks.0.title", 12), "tasks[0].title"),
    ("oversized value", _set("tasks.3.value", "x" * (MAX_VALUE + 1)),
     f"tasks[3].value: String should have at most {MAX_VALUE} characters"),
    ("control character", _set("tasks.3.title", "a\x00b"), "tasks[3].title"),
    ("bad key", _set("tasks.0.key", "Not A Key"), "tasks[0].key"),
    ("bad time", _set("revisions.0.at", "2024-02-30T10:00:00Z"), "revisions[0].at"),
    ("unknown field", _set("tasks.0.colour", "red"), "tasks[0].colour"),
    ("revision of a missing task", _set("revisions.4.task", "ghost"),
     "revisions[4].task: unknown task 'ghost'"),
    ("touch of a missing task", _set("turns.1.touched.0.task", "ghost"),
     "turns[1].touched[0].task: unknown task 'ghost'"),
    ("turn beyond the counter", _set("workspace.turns", 1), "turns[1].n: 2 is above"),
    ("revision beyond the version", _set("tasks.0.version", 1),
     "tasks[0].version: 1 is below the task's revision 2 (revisions[1])"),
    ("duplicate change", lambda d: d["changes"].append(d["changes"][0]),
     "changes[8]: duplicate change of"),
    ("missing section item field", lambda d: d["turns"][0].pop("text"), "turns[0].text"),
    # Every invariant the store keeps, named where it breaks.
    ("version above the revision count", _set("tasks.0.version", 4),
     "tasks[0].version: task 'destination' is at version 4 but has no revision 4"),
    ("task with no revisions",
     lambda d: d.update(revisions=[r for r in d["revisions"] if r["task"] != "trip"]),
     "tasks[3].version: task 'trip' is at version 1 but has no revision 1"),
    ("turns sharing a sequence number", lambda d: d["turns"][1].update(seq=d["turns"][0]["seq"]),
     "turns[1].seq: turn 2 has the sequence number of turn 1"),
    ("revision of a missing turn",
     lambda d: next(r for r in d["revisions"] if "turn" in r).update(turn=77),
     ".turn: no turn 77"),
    ("change of a missing turn", lambda d: next(c for c in d["changes"] if "turn" in c)
     .update(turn=78), ".turn: no turn 78"),
    ("change of a missing task", _set("changes.0.key", "ghost"),
     "changes[0].key: unknown task 'ghost'"),
    ("stale without a reason", _set("tasks.0.stale", True),
     "tasks[0].stale_reason: a stale task needs a reason"),
    ("time without an offset", _set("tasks.0.created_at", "2024-03-01T10:00:00"),
     "tasks[0].created_at: Value error, not a date and time with an offset"),
    ("unknown time zone", _set("turns.0.at", "2024-03-01T10:00:00+01:00[Mars/Olympus]"),
     "turns[0].at: Value error, unknown time zone 'Mars/Olympus'"),
    ("latest revision differs from the task", _set("tasks.0.value", "Elsewhere"),
     "the latest revision of task 'destination' does not match"),
    ("fewer turns than the counter", _set("workspace.turns", 5),
     "turns: 3 turns, but workspace.turns is 5"),
    ("integer beyond 64 bits", _set("workspace.seq", 2**63), "workspace.seq"),
    ("agent name the write path refuses", _set("revisions.0.by", "a" * 65),
     "revisions[0].by: Value error, an agent name is 1-64 characters"),
    ("section not a list", _set("edges", {}), "edges: Input should be a valid list"),
    ("unknown section", _set("colours", []), "colours: unknown section"),
]


@pytest.mark.parametrize(("mutate", "message"), [(m, msg) for _, m, msg in BAD_DOCUMENTS],
                         ids=[name for name, _, _ in BAD_DOCUMENTS])
def test_bad_document_is_refused_and_nothing_changes(
    populated: MemoryStore, tmp_path: Path, mutate: Mutation, message: str
) -> None:
    document = json.loads(export_text(populated))
    mutate(document)
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = (graph_snapshot(populated), node_count(populated, populated.workspace))
    # --replace onto the workspace itself: had anything been written, it would be gone.
    code, _, err = tme("import", str(path), "--workspace", populated.workspace, "--replace")
    assert code == 2, err
    assert err.startswith(f"error: {path}: ")
    assert message in err
    assert err.strip().count("\n") == 0, err
    assert (graph_snapshot(populated), node_count(populated, populated.workspace)) == before


def test_each_problem_is_named_on_one_line(populated: MemoryStore, tmp_path: Path) -> None:
    document = json.loads(export_text(populated))
    document["tasks"][1]["title"] = ""
    document["edges"].append({"type": "DEPENDS_ON", "from": "hotel", "to": "nowhere"})
    document["turns"][2]["seq"] = document["turns"][0]["seq"]
    path = tmp_path / "bad.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", new_workspace_id("imp"))
    assert code == 2
    assert err.strip().count("\n") == 0, err
    for problem in ("tasks[1].title: String should have at least 1 character",
                    "edges[5]: unknown task 'nowhere'",
                    "turns[2].seq: turn 3 has the sequence number of turn 1"):
        assert problem in err


def test_duplicate_json_keys_and_sections_out_of_order_are_refused(
    populated: MemoryStore, tmp_path: Path
) -> None:
    text = export_text(populated)
    path = tmp_path / "bad.json"
    # A duplicate key inside a record: JSON parsers keep the last one; an import refuses it.
    path.write_text(text.replace('"key": "flight",', '"key": "flight", "value": "a", '
                                 '"value": "b",', 1), encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", new_workspace_id("imp"))
    assert code == 2
    assert "tasks[1]: duplicate JSON key 'value'" in err
    # A duplicate section.
    path.write_text(text.replace('\n "edges": [', '\n "tasks": [],\n "edges": [', 1),
                    encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", new_workspace_id("imp"))
    assert code == 2
    assert "tasks: duplicate JSON key 'tasks'" in err
    # Sections in another order: a record could not be checked against those it names.
    document = json.loads(text)
    reordered = {k: document[k] for k in ("format", "version", "workspace", "edges", "tasks")}
    path.write_text(json.dumps(reordered), encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", new_workspace_id("imp"))
    assert code == 2
    assert "tasks: comes after edges" in err


def test_truncated_json_names_line_and_column(populated: MemoryStore, other: MemoryStore,
                                              tmp_path: Path) -> None:
    text = export_text(populated)
    path = tmp_path / "cut.json"
    path.write_text(text[: len(text) // 2], encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", other.workspace)
    assert code == 2
    assert "not valid JSON" in err
    assert "line" in err
    assert "column" in err
    assert err.strip().count("\n") == 0
    assert node_count(other, other.workspace) == 0


def test_unreadable_file_and_bad_target_id(tmp_path: Path) -> None:
    code, _, err = tme("import", str(tmp_path / "missing.json"))
    assert code == 2
    assert "cannot read" in err
    path = tmp_path / "x.json"
    path.write_text('{"format": "tme-neo4j", "version": 1, "workspace": '
                    '{"id": "a", "seq": 0, "turns": 0, "created_at": "2024-01-01T00:00:00Z"}}',
                    encoding="utf-8")
    code, _, err = tme("import", str(path), "--workspace", "no spaces")
    assert code == 2
    assert "--workspace" in err


# -- atomicity -------------------------------------------------------------------------------------


def test_failure_in_a_late_batch_leaves_the_old_workspace(populated: MemoryStore,
                                                          tmp_path: Path) -> None:
    path = tmp_path / "ws.json"
    path.write_text(export_text(populated), encoding="utf-8")
    before = (graph_snapshot(populated), node_count(populated, populated.workspace))
    calls: list[int] = []

    def fail_late(done: int, total: int) -> None:
        calls.append(done)
        if len(calls) > 6:  # after several batches were written
            raise RuntimeError("interrupted")

    # Replacing: several batches of the new one are staged when it fails.
    with pytest.raises(RuntimeError, match="interrupted"):
        portable.import_workspace(populated, path, replace=True, progress=fail_late,
                                  batch_size=2)
    assert (graph_snapshot(populated), node_count(populated, populated.workspace)) == before
    assert staging_nodes(populated) == 0


def test_database_refusal_in_a_late_batch_leaves_nothing(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "ws.json"
    path.write_text(export_text(populated), encoding="utf-8")
    # A stray task (no Workspace node) holds the id: found when the staged workspace is about
    # to take it, after every batch was written.
    other.driver.execute_query("CREATE (:Task {ws: $ws, id: 'stray', key: 'trip', title: 's'})",
                               ws=other.workspace)
    with pytest.raises(InvalidInputError, match="without their Workspace node"):
        portable.import_workspace(populated, path, workspace=other.workspace, batch_size=1)
    assert node_count(other, other.workspace) == 1  # only the stray
    assert staging_nodes(populated) == 0


# -- the Cypher script -----------------------------------------------------------------------------


def run_script(driver: neo4j.Driver, database: str, script: str) -> None:
    """Run a script the way cypher-shell does: ``:param NAME => EXPR`` lines are evaluated on
    the server, statements end with a semicolon at the end of a line."""
    params: dict[str, Any] = {}
    statement: list[str] = []
    for line in script.splitlines():
        if not statement and (not line.strip() or line.startswith("//")):
            continue
        if line.startswith(":param "):
            assert line.endswith(";"), "Browser runs a script of commands ended by semicolons"
            name, expr = line.removeprefix(":param ").removesuffix(";").split(" => ", 1)
            records, _, _ = driver.execute_query(f"RETURN {expr} AS v", database_=database)
            params[name] = records[0]["v"]
            continue
        statement.append(line)
        if line.endswith(";"):
            text = "\n".join(statement)[:-1]
            driver.execute_query(text, params, database_=database)
            statement = []
    assert not statement, "the script ends inside a statement"


def test_cypher_script_recreates_the_workspace(populated: MemoryStore) -> None:
    before = export_text(populated)
    snapshot = graph_snapshot(populated)
    script = export_text(populated, format_="cypher", batch_size=3)
    assert script.isascii()
    assert_header_names_the_source(populated)
    populated.delete_workspace()
    run_script(populated.driver, populated.settings.neo4j_database, script)
    assert export_text(populated) == before
    assert graph_snapshot(populated) == snapshot


def assert_header_names_the_source(store: MemoryStore) -> None:
    """The header names the server the script came from (user and password left out), as
    reached: here the test server under another spelling of its address, at its own port."""
    from pydantic import SecretStr

    from tme_neo4j.connection import resolve_credentials

    credentials = resolve_credentials(store.settings)
    port = credentials.uri.rsplit(":", 1)[1]
    spelled = f"bolt://{credentials.user}:pw@localhost:{port}"
    elsewhere = MemoryStore(store.settings.model_copy(update={
        "neo4j_uri": spelled, "neo4j_user": credentials.user,
        "neo4j_password": credentials.password or SecretStr("")}),
        workspace=store.workspace, driver=store.driver)
    header = export_text(elsewhere, format_="cypher").split("\n", 5)[:5]
    assert header[1] == f"// from the Neo4j at bolt://localhost:{port}."
    assert header[4] == f"//   cypher-shell -a bolt://localhost:{port} -u neo4j -f THIS_FILE"


@pytest.mark.parametrize("value", [
    "", "plain", AWKWARD, "'; MATCH (n) DETACH DELETE n //", "\\'", "\\", "\x00\x1f\x7f",
    "\U0001f600\U00010000\U0010ffff", "\ud7ff\ue000\ufffd", 0, -(2**63), 2**63 - 1, 1.5, True,
    None, [1, "a", None, [True]], {"from": 1, "a b": "c", "`x`": [], "": 2},
])
def test_cypher_literal_reads_back_as_the_value(driver: neo4j.Driver, value: Any) -> None:
    records, _, _ = driver.execute_query(f"RETURN {portable.cypher_literal(value)} AS v")
    assert records[0]["v"] == value


@pytest.mark.parametrize("value", [2**63, float("nan"), float("inf"), object(), {1: 2}])
def test_cypher_literal_refuses_what_it_cannot_encode(value: Any) -> None:
    with pytest.raises((TypeError, ValueError)):
        portable.cypher_literal(value)


# -- a killed import -------------------------------------------------------------------------------

# Imports a document in batches of two and stops at a point ("staged": after several batches;
# "committed": after the commit, before anything moved), says so on stdout and waits to be
# killed: a process that dies there, as a SIGKILL or a power cut would leave it.
KILLED_IMPORT = """
import sys
from tme_neo4j import portable
from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore

path, target, stop = sys.argv[1:4]
calls = []

def wait_here(what):
    print(what, flush=True)
    sys.stdin.read()  # until killed

def progress(done, total):
    calls.append(done)
    if stop == "staged" and len(calls) == 5:
        wait_here("staged")

moving = portable._move
def stop_before_moving(*args, **kwargs):
    if stop == "committed":
        wait_here("committed")
    return moving(*args, **kwargs)
portable._move = stop_before_moving

with MemoryStore(Settings(), workspace=target) as store:
    portable.import_workspace(store, path, workspace=target, replace=True, batch_size=2,
                              progress=progress)
"""


def kill_import_at(stop: str, path: Path, target: str) -> None:
    import signal
    import subprocess
    import sys

    with subprocess.Popen([sys.executable, "-c", KILLED_IMPORT, str(path), target, stop],
                          stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True) as child:
        try:
            assert child.stdout is not None
            assert child.stdout.readline().strip() == stop  # the event, not a guess at timing
        finally:
            child.send_signal(signal.SIGKILL)
            child.wait(timeout=60)


def until_the_server_drops_dead_imports(store: MemoryStore) -> None:
    """A killed import's transaction stays listed until the server notices the closed
    connection; until then its staging counts as live and nothing cleans it up."""
    import time

    deadline = time.monotonic() + 60
    while store.run_statement("list_live_imports"):
        assert time.monotonic() < deadline, "the killed import's transaction is still open"
        time.sleep(0.05)


def live_stagings(store: MemoryStore) -> int:
    records, _, _ = store.driver.execute_query(
        "MATCH (n) WHERE n.ws STARTS WITH '~import-' RETURN count(n) AS n")
    return int(records[0]["n"])


@pytest.mark.slow  # an import in a process of its own, killed mid-way
def test_an_import_killed_while_staging_leaves_nothing_and_is_cleaned_up(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "ws.json"
    path.write_text(export_text(populated), encoding="utf-8")
    before = (graph_snapshot(populated), export_text(populated))
    kill_import_at("staged", path, populated.workspace)
    until_the_server_drops_dead_imports(populated)
    # The target is as it was; the staged batches are there, but nothing names them.
    assert (graph_snapshot(populated), export_text(populated)) == before
    assert live_stagings(populated) > 0
    assert staging_nodes(populated) > 0
    # The next import (of anything, anywhere) deletes them.
    portable.import_workspace(populated, path, workspace=other.workspace)
    assert staging_nodes(populated) == 0
    assert export_text(populated) == before[1]


@pytest.mark.slow  # an import in a process of its own, killed mid-way
def test_an_import_killed_after_its_commit_is_finished_by_the_next(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "ws.json"
    exported = export_text(populated)
    path.write_text(exported, encoding="utf-8")
    other.create_workspace()
    other.add_task("old", "Replaced by the import")
    kill_import_at("committed", path, other.workspace)
    until_the_server_drops_dead_imports(other)
    # Committed: the old workspace is gone; the new one is not visible yet.
    assert not [w for w in other.list_workspaces() if w["ws"] == other.workspace]
    # The next import finishes it before its own work.
    third = other.for_workspace(new_workspace_id("imp"))
    try:
        portable.import_workspace(populated, path, workspace=third.workspace)
    finally:
        third.driver.execute_query("MATCH (n) WHERE n.ws = $ws OR (n:Workspace AND n.id = $ws)"
                                   " DETACH DELETE n", ws=third.workspace)
    assert without_id(export_text(other)) == without_id(exported)
    assert staging_nodes(populated) == 0


def staging_ids(store: MemoryStore) -> set[str]:
    return {r["staging"] for r in store.run_statement("list_staging_workspaces",
                                                      prefix="~import-")}


def test_server_start_removes_what_a_killed_import_staged(
    populated: MemoryStore, tmp_path: Path
) -> None:
    if populated.settings.neo4j_uri:
        pytest.skip("`tme server start` cleans up the local server only")
    path = tmp_path / "ws.json"
    path.write_text(export_text(populated), encoding="utf-8")
    before = (graph_snapshot(populated), export_text(populated))
    others = staging_ids(populated)
    kill_import_at("staged", path, populated.workspace)
    (killed,) = staging_ids(populated) - others
    # The server drops the dead process's marker transaction when it sees its socket close.
    while killed in {r["staging"] for r in populated.run_statement("list_live_imports")}:
        pass
    code, out, err = tme("server", "start")
    assert code == 0, err
    line = next(x for x in out.splitlines() if killed in x)
    assert line.startswith("Removed ")
    assert "nodes staged by an import that did not finish" in line
    assert int(line.split()[1]) > 0
    assert killed not in staging_ids(populated)
    assert (graph_snapshot(populated), export_text(populated)) == before


# -- replace under writers, the sequence, export under load ---------------------------------------


@pytest.mark.slow  # concurrent writers
def test_replace_under_writers_takes_the_lock_and_the_sequence_never_goes_back(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    import threading

    from tme_neo4j.errors import NotFoundError

    path = tmp_path / "ws.json"
    exported = export_text(populated)
    path.write_text(exported, encoding="utf-8")
    portable.import_workspace(populated, path, workspace=other.workspace)
    for i in range(30):  # the live copy runs ahead of the document
        other.add_task(f"extra{i}", f"Extra {i}")
    seq_before = other.workspace_info()["seq"]
    assert seq_before > json.loads(exported)["workspace"]["seq"]

    stop = threading.Event()
    started = threading.Event()
    errors: list[str] = []

    def write() -> None:
        writer = other.for_workspace(other.workspace, agent="writer")
        i = 0
        while not stop.is_set():
            i += 1
            try:
                writer.add_task(f"late{i}", f"Late {i}")
            except NotFoundError:
                pass  # the workspace is being replaced: refused cleanly
            except Exception as e:
                errors.append(f"{type(e).__name__}: {e}")
            started.set()

    thread = threading.Thread(target=write)
    thread.start()
    try:
        assert started.wait(60)
        portable.import_workspace(populated, path, workspace=other.workspace, replace=True,
                                  batch_size=2)
    finally:
        stop.set()
        thread.join(60)
    assert errors == []
    # Nothing of the old workspace is left; what writers added after the replace is new.
    tasks = {t.key for t in other.state(include_cancelled=True).tasks}
    assert not [k for k in tasks if k.startswith("extra")]
    document_keys = {t["key"] for t in json.loads(exported)["tasks"]}
    assert document_keys <= tasks
    assert all(k.startswith("late") for k in tasks - document_keys)
    # The sequence went on from where the replaced workspace was, and the feed follows it.
    info = other.workspace_info()
    assert info["seq"] >= seq_before
    assert all(c.seq <= info["seq"] for c in other.changes())
    write_after = other.revise("destination", "Boise")
    assert write_after.version > 0
    assert [c.key for c in other.changes(since=seq_before)][-1] == "destination"


@pytest.mark.slow  # eight exports and imports under a concurrent writer
def test_export_under_load_reads_one_consistent_state(
    populated: MemoryStore, other: MemoryStore, tmp_path: Path
) -> None:
    import threading

    for start in range(0, 300, 100):
        populated.apply([{"op": "add", "key": f"t{i}", "title": f"Task {i}",
                          "depends_on": ["destination"]} for i in range(start, start + 100)])
    stop = threading.Event()
    writes: list[int] = []

    def write() -> None:
        writer = populated.for_workspace(populated.workspace, agent="writer")
        while not stop.is_set():
            # Each write revises a task and marks 300 dependents stale: a torn read would
            # show a version without its revision, or a seq below a change.
            writer.revise("destination", f"City {len(writes)}")
            writes.append(1)

    thread = threading.Thread(target=write)
    thread.start()
    try:
        for i in range(8):
            before = len(writes)
            text = export_text(populated, batch_size=50)
            path = tmp_path / f"load{i}.json"
            path.write_text(text, encoding="utf-8")
            # Every invariant holds in what was read: the import's checks pass.
            target = other.for_workspace(new_workspace_id("load"))
            try:
                portable.import_workspace(populated, path, workspace=target.workspace)
            finally:
                target.driver.execute_query(
                    "MATCH (n) WHERE n.ws = $ws OR (n:Workspace AND n.id = $ws) "
                    "DETACH DELETE n", ws=target.workspace)
            assert len(writes) >= before
    finally:
        stop.set()
        thread.join(60)
    assert len(writes) > 0


# -- limits, the command line ---------------------------------------------------------------------


def test_what_the_api_writes_at_its_limits_imports_again(store: MemoryStore,
                                                          other: MemoryStore,
                                                          tmp_path: Path) -> None:
    from tme_neo4j.models import MAX_TEXT, MAX_TITLE

    agent = "a" + "g" * 63  # the longest agent name the write path takes
    writer = store.for_workspace(store.workspace, agent=agent)
    writer.apply([{"op": "add", "key": "k" * 120, "title": "T" * MAX_TITLE,
                   "value": "v" * MAX_VALUE}], turn=TurnInput("x" * MAX_TEXT, "new"))
    writer.revise("k" * 120, "w" * MAX_VALUE, reason="r" * MAX_TITLE)
    path = tmp_path / "limits.json"
    path.write_text(export_text(store), encoding="utf-8")
    portable.import_workspace(store, path, workspace=other.workspace)
    assert without_id(export_text(other)) == without_id(export_text(store))


def test_cli_export_says_what_it_wrote_and_refuses_a_missing_folder(
    populated: MemoryStore, tmp_path: Path
) -> None:
    path = tmp_path / "ws.json"
    code, out, _ = tme("export", "-w", populated.workspace, "-o", str(path))
    assert code == 0
    document = json.loads(path.read_text(encoding="utf-8"))
    assert out.strip() == (
        f"Exported workspace {populated.workspace} at seq {document['workspace']['seq']}: "
        f"4 tasks, 5 edges, 8 revisions, 3 turns, {len(document['changes'])} changes to {path}")
    code, out, err = tme("export", "-w", populated.workspace)
    assert json.loads(out)["workspace"]["id"] == populated.workspace  # stdout stays the file
    assert "4 tasks" in err
    code, out, err = tme("export", "-w", populated.workspace, "-o",
                         str(tmp_path / "nonexistent" / "x.json"))
    assert code == 2
    assert err.strip().count("\n") == 0, err
    assert "cannot write the file" in err
    assert "Traceback" not in err


def test_replay_refuses_an_existing_workspace_unless_replace(populated: MemoryStore,
                                                              tmp_path: Path) -> None:
    scenario = tmp_path / "s.json"
    scenario.write_text(json.dumps(["Plan a trip to Oslo"]), encoding="utf-8")
    before = export_text(populated)
    code, _, err = tme("replay", str(scenario), "-w", populated.workspace, "--trim", "rules")
    assert code == 2
    assert "already exists" in err
    assert export_text(populated) == before
    code, _, err = tme("replay", str(scenario), "-w", populated.workspace, "--trim", "rules",
                       "--replace")
    assert code == 0, err
    assert "destination" not in {t.key for t in populated.state().tasks}


# -- the Cypher script in cypher-shell -------------------------------------------------------------

# cypher-shell is published on Maven Central; the rest of what it needs (the Java driver, the
# Cypher parser, netty) is in the local server's lib folder.
_MAVEN = "https://repo1.maven.org/maven2/"
_SHELL_JARS = [
    "org/neo4j/cypher-shell/{v}/cypher-shell-{v}.jar",
    "org/neo4j/cypher-v5-literal-interpreter/{v}/cypher-v5-literal-interpreter-{v}.jar",
    "net/sourceforge/argparse4j/argparse4j/0.9.0/argparse4j-0.9.0.jar",
    "org/jline/jline-terminal/3.26.3/jline-terminal-3.26.3.jar",
    "org/jline/jline-reader/3.26.3/jline-reader-3.26.3.jar",
    "org/jline/jline-terminal-jansi/3.26.3/jline-terminal-jansi-3.26.3.jar",
    "org/fusesource/jansi/jansi/2.4.1/jansi-2.4.1.jar",
    "org/neo4j/neo4j-cypher-dsl/2024.2.0/neo4j-cypher-dsl-2024.2.0.jar",
    "org/apiguardian/apiguardian-api/1.1.2/apiguardian-api-1.1.2.jar",
]


@pytest.fixture(scope="module")
def cypher_shell(settings: Any) -> list[str]:
    """The command that runs cypher-shell against the test server, fetched once."""
    import shutil
    import urllib.request

    from tme_neo4j.connection import resolve_credentials
    from tme_neo4j.server import LocalServer

    if settings.neo4j_uri:
        pytest.skip("cypher-shell is run with the local server's jars")
    server = LocalServer(settings)
    lib = server.install()
    version = lib.parent.name.removeprefix("neo4j-")
    java = shutil.which("java")
    if java is None:
        pytest.skip("no java")
    folder = Path.home() / ".cache" / "tme-neo4j-tests" / f"cypher-shell-{version}"
    folder.mkdir(parents=True, exist_ok=True)
    for jar in _SHELL_JARS:
        path = folder / jar.format(v=version).rsplit("/", 1)[1]
        if not path.exists():
            try:
                with urllib.request.urlopen(_MAVEN + jar.format(v=version), timeout=60) as r:
                    path.with_suffix(".part").write_bytes(r.read())
            except OSError as e:
                pytest.skip(f"cypher-shell not available from Maven Central: {e}")
            path.with_suffix(".part").rename(path)
    credentials = resolve_credentials(settings)
    assert credentials.password is not None
    return [java, "-cp", f"{folder}/*:{lib}/*", "org.neo4j.shell.Main", "-a", credentials.uri,
            "-u", credentials.user, "-p", credentials.password.get_secret_value(),
            "-d", settings.neo4j_database]


@pytest.mark.slow  # cypher-shell is a JVM of its own
def test_cypher_script_runs_in_cypher_shell(populated: MemoryStore, cypher_shell: list[str],
                                            tmp_path: Path) -> None:
    import subprocess

    before = export_text(populated)
    snapshot = graph_snapshot(populated)
    script = tmp_path / "ws.cypher"
    code, _, err = tme("export", "-w", populated.workspace, "--format", "cypher", "-o",
                       str(script))
    assert code == 0, err
    populated.delete_workspace()
    run = subprocess.run([*cypher_shell, "-f", str(script)], capture_output=True, text=True,
                         timeout=600, check=False)
    assert run.returncode == 0, run.stderr
    assert export_text(populated) == before
    assert graph_snapshot(populated) == snapshot


# -- the Cypher script in Neo4j Browser ------------------------------------------------------------


@pytest.mark.slow
def test_cypher_script_runs_pasted_whole_into_browser(populated: MemoryStore,
                                                      settings: Any, tmp_path: Path) -> None:
    import time

    from test_browser import CHROMEDRIVER, CHROMIUM, BrowserPage, _selenium

    from tme_neo4j.connection import resolve_credentials
    from tme_neo4j.server import LocalServer

    credentials = resolve_credentials(settings)
    if not credentials.local:
        pytest.skip("the Browser address is known only for the local server")
    assert credentials.password is not None
    webdriver = _selenium()
    from selenium.webdriver.chrome.service import Service

    before = export_text(populated)
    script = export_text(populated, format_="cypher")
    populated.delete_workspace()
    options = webdriver.ChromeOptions()
    options.binary_location = CHROMIUM
    for arg in ("--headless", "--no-sandbox", "--disable-gpu", "--no-first-run",
                "--disable-background-networking", "--disable-component-update",
                f"--user-data-dir={tmp_path / 'profile'}", "--window-size=1400,1000"):
        options.add_argument(arg)
    chromium = webdriver.Chrome(options=options, service=Service(CHROMEDRIVER))
    try:
        page = BrowserPage(chromium)
        page.connect(LocalServer(settings).status().browser_url, credentials.uri,
                     credentials.user, credentials.password.get_secret_value())
        page.run(script)  # pasted whole, as a person would
        # The event: the Workspace node, which the script's last statement creates.
        deadline = time.monotonic() + 120
        while not [w for w in populated.list_workspaces() if w["ws"] == populated.workspace]:
            assert time.monotonic() < deadline, chromium.execute_script(
                "return document.querySelector('[data-testid=\"frame\"]').innerText")[-3000:]
    finally:
        chromium.save_screenshot(str(tmp_path / "browser.png"))
        chromium.quit()
    assert export_text(populated) == before
