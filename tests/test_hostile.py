"""Bad and hostile input: arbitrary text through TRIM, Cypher-injection attempts everywhere,
one text rule (control characters, surrogates, full-match names, 64-bit numbers) at the
Python API and the command line."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import NamedTuple

import httpx
import pytest
from conftest import graph_snapshot, new_workspace_id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mcp_helpers import http_config, http_server, server_env
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import InvalidInputError
from tme_neo4j.models import Task
from tme_neo4j.portable import export_workspace, import_workspace
from tme_neo4j.store import MemoryStore
from tme_neo4j.text import MAX_AGENT, MAX_INT, MAX_REASON, MAX_TITLE, MAX_VALUE
from tme_neo4j.trim.base import READ_ONLY, TrimView
from tme_neo4j.trim.rules import RuleInterpreter

TME = Path(sys.executable).with_name("tme")

INJECTIONS = [
    "x'}) MATCH (n) DETACH DELETE n //",
    'x"}) DETACH DELETE n RETURN 1 //',
    "`Task` {ws: $ws} $ws $key",
    "}]->(:Task) CALL db.clearQueryCaches() //",
    "'; MATCH (n) SET n.hacked = true; //",
    "\\' OR 1=1 /* */ {{}} ${ws}",
]

VIEW = TrimView(tasks=[
    Task(key="cart", id="1", title="Cart"),
    Task(key="charger", id="2", title="charger", parents=["cart"]),
    Task(key="destination", id="3", title="Destination", value="Seattle"),
], focus=["cart"])


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=3000))
def test_trim_never_crashes_on_arbitrary_text(text: str) -> None:
    result = RuleInterpreter().interpret(text, VIEW)
    for sub in result.subtasks:
        if sub.intent in READ_ONLY:
            assert sub.operations == []


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet=st.characters(blacklist_categories=["Cs"]), min_size=1, max_size=200)
       .map(lambda s: s.rstrip("?. ") + "?"))
def test_a_question_never_carries_operations(text: str) -> None:
    result = RuleInterpreter().interpret("what is " + text, VIEW)
    # The noise may hold sentence breaks ("what is .0!0?"); the clause that asks is read as a
    # question and writes nothing, and so does every other clause read as one. Text with no
    # readable clause at all writes nothing either.
    if not result.subtasks:
        assert result.operations == []
        return
    asking = result.subtasks[0]
    assert asking.intent in READ_ONLY
    assert asking.operations == []
    for sub in result.subtasks:
        if sub.intent in READ_ONLY:
            assert sub.operations == [], sub


@settings(max_examples=25, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.sampled_from(["What's in my cart?", "Did I ever say Boston?", "Can you double-check?",
                        "wasn't I going to Seattle?", "Why is it like this?"])
       .flatmap(lambda q: st.text(st.characters(blacklist_categories=["Cc", "Cs"]), max_size=40)
                .map(lambda noise: f"{noise} {q}")))
def test_questions_never_write_to_the_graph(store: MemoryStore, text: str) -> None:
    engine = TaskMemoryEngine(store, RuleInterpreter())
    if not store.state().tasks:
        engine.process("Add a charger and a MacBook stand to my cart.")
    before = graph_snapshot(store)
    result = engine.process(text) if text.strip() else None
    if result is not None and result.intent in READ_ONLY:
        assert graph_snapshot(store) == before


@pytest.fixture
def sentinel(store: MemoryStore) -> Iterator[MemoryStore]:
    """A second workspace that must come through every attack unchanged."""
    other = store.for_workspace(new_workspace_id("sentinel"))
    other.create_workspace()
    other.add_task("guard", "Guard", "untouched")
    yield other
    other.delete_workspace()


def _untouched(sentinel: MemoryStore, before: object) -> bool:
    records, _, _ = sentinel.driver.execute_query(
        "RETURN COUNT { MATCH (n) WHERE n.hacked IS NOT NULL } AS hacked, "
        "COUNT { MATCH (w:Workspace {id: $ws}) } AS workspaces", ws=sentinel.workspace)
    return (graph_snapshot(sentinel) == before and records[0]["hacked"] == 0
            and records[0]["workspaces"] == 1)


@pytest.mark.parametrize("evil", INJECTIONS)
def test_injection_in_titles_values_and_turns_is_stored_literally(
    store: MemoryStore, sentinel: MemoryStore, evil: str
) -> None:
    guarded = graph_snapshot(sentinel)
    store.add_task("evil", evil, evil)
    store.revise("evil", evil + " again", title=evil)
    assert store.get_task("evil").title == evil
    assert [r.value for r in store.history("evil")] == [evil, evil + " again"]
    TaskMemoryEngine(store, RuleInterpreter()).process(evil)
    assert store.turns()[-1].text == evil.strip()
    assert store.align(evil) is not None
    assert _untouched(sentinel, guarded)


@pytest.mark.parametrize("evil", INJECTIONS)
def test_injection_in_keys_and_workspaces_is_refused(
    store: MemoryStore, sentinel: MemoryStore, evil: str
) -> None:
    guarded = graph_snapshot(sentinel)
    before = graph_snapshot(store)
    with pytest.raises(InvalidInputError, match="task key"):
        store.add_task(evil, "title")
    with pytest.raises(InvalidInputError, match="workspace id"):
        store.for_workspace(evil)
    with pytest.raises(InvalidInputError):
        store.inspect("get_task_history", {"key": evil, "ws": evil, evil: 1})
    assert graph_snapshot(store) == before
    assert _untouched(sentinel, guarded)


# -- one text rule at every edge ---------------------------------------------------------------

# DEL, C1 (NEL, CSI), ESC starting a terminal sequence, NUL, a lone surrogate.
BAD_CHARACTERS = ["\x7f", "\x85", "\x9b", "\x1b[2J", "\x00", "\ud800"]


def _everything(store: MemoryStore) -> object:
    """The graph, the sequence and the turn log: all a refused write must leave alone."""
    return graph_snapshot(store), store.workspace_info()["seq"], store.turns()


@pytest.mark.parametrize("bad", BAD_CHARACTERS)
def test_control_characters_and_surrogates_are_refused_in_every_text_field(
    store: MemoryStore, bad: str
) -> None:
    store.add_task("hotel", "Hotel", "Ace")
    before = _everything(store)
    attempts = [
        lambda: store.add_task("motel", f"Mo{bad}tel"),
        lambda: store.add_task("motel", "Motel", f"cheap{bad}"),
        lambda: store.revise("hotel", f"Ace{bad}"),
        lambda: store.revise("hotel", "Ace", title=f"Ho{bad}tel"),
        lambda: store.revise("hotel", "Hilton", reason=f"why{bad}"),
        lambda: store.cancel("hotel", reason=f"why{bad}"),
        lambda: store.rollback("hotel", to_value=f"Ace{bad}"),
        lambda: store.for_workspace(store.workspace, agent=f"bob{bad}"),
        lambda: TaskMemoryEngine(store, RuleInterpreter()).process(f"hotel: make it {bad}Hyatt"),
    ]
    for attempt in attempts:
        with pytest.raises(InvalidInputError) as refused:
            attempt()
        assert "Value error" not in str(refused.value)
    assert _everything(store) == before


@pytest.mark.parametrize("name", ["hotel\n", "trip\n", "bob\n"])
def test_a_trailing_newline_is_refused_in_keys_workspaces_and_agents(
    store: MemoryStore, name: str
) -> None:
    before = _everything(store)
    with pytest.raises(InvalidInputError, match="task key"):
        store.add_task(name, "Title")
    with pytest.raises(InvalidInputError, match="workspace id"):
        store.for_workspace(name)
    with pytest.raises(InvalidInputError, match="agent name"):
        MemoryStore(store.settings, workspace=store.workspace, agent=name)
    assert _everything(store) == before


def test_names_and_reasons_have_the_limits_import_has(store: MemoryStore, tmp_path: Path) -> None:
    """What the API accepts at the limits imports again; one character more is refused."""
    agent = "a" * MAX_AGENT
    longest = store.for_workspace(store.workspace, agent=agent)
    longest.add_task("hotel", "T" * MAX_TITLE, "v" * MAX_VALUE)
    longest.revise("hotel", "w", reason="r" * MAX_REASON)
    with pytest.raises(InvalidInputError, match="agent name"):
        store.for_workspace(store.workspace, agent="a" * (MAX_AGENT + 1))
    with pytest.raises(InvalidInputError, match=f"limit is {MAX_REASON}"):
        store.revise("hotel", "x", reason="r" * (MAX_REASON + 1))
    document = tmp_path / "ws.json"
    with document.open("w", encoding="utf-8") as out:
        export_workspace(store, out)
    copy = new_workspace_id("copy")
    result = import_workspace(store, document, workspace=copy)
    try:
        assert result.workspace == copy
        history = store.for_workspace(copy).history("hotel")
        assert [(r.by, r.reason) for r in history] == [(agent, None), (agent, "r" * MAX_REASON)]
    finally:
        store.for_workspace(copy).delete_workspace()


def test_numbers_beyond_64_bits_are_refused(store: MemoryStore) -> None:
    store.add_task("hotel", "Hotel", "Ace")
    before = _everything(store)
    for attempt in [lambda: store.changes(MAX_INT + 1),
                    lambda: store.state(as_of_turn=MAX_INT + 1),
                    lambda: store.revise("hotel", "x", expected_version=MAX_INT + 1),
                    lambda: store.rollback("hotel", to_n=MAX_INT + 1)]:
        with pytest.raises(InvalidInputError):
            attempt()
    assert store.changes(MAX_INT) == []
    assert _everything(store) == before


# -- the same at the command line --------------------------------------------------------------


class Ran(NamedTuple):
    """What a person at the terminal sees of one `tme` command."""

    exit_code: int
    stdout: str
    stderr: str


def _tme(store: MemoryStore, *args: str, **env: str) -> Ran:
    """`tme ARGS` on the store's workspace, in-process through typer's runner (the entry point
    itself runs as a program where only a program shows the behaviour: its argv)."""
    environment = {"TME_WORKSPACE": store.workspace} | env
    if store.settings.neo4j_uri:
        environment["TME_NEO4J_URI"] = store.settings.neo4j_uri
    result = CliRunner().invoke(app, list(args), env=environment)
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a traceback the program would have printed
    return Ran(result.exit_code, result.stdout, result.stderr)


def _tme_program(store: MemoryStore, *args: str | bytes) -> Ran:
    environment = dict(os.environ) | {"TME_WORKSPACE": store.workspace}
    if store.settings.neo4j_uri:
        environment["TME_NEO4J_URI"] = store.settings.neo4j_uri
    done = subprocess.run([str(TME), *args], env=environment, capture_output=True, text=True,
                          errors="replace", timeout=120, check=False)
    return Ran(done.returncode, done.stdout, done.stderr)


def _one_line_refusal(result: Ran, *expected: str) -> None:
    assert result.exit_code == 2, result.stderr
    assert result.stderr.startswith("error: "), result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    for part in expected:
        assert part in result.stderr, result.stderr


def test_the_cli_refuses_bad_text_and_names_in_one_line(store: MemoryStore) -> None:
    store.add_task("hotel", "Hotel", "Ace")
    before = _everything(store)
    _one_line_refusal(_tme(store, "task", "add", "motel", "Mo\x9btel"), "the title", "U+009B")
    _one_line_refusal(_tme(store, "task", "revise", "hotel", "x", "--reason", "a\x7fb"),
                      "the reason", "U+007F")
    # Bytes that are not UTF-8 reach Python as lone surrogates: seen only by the program.
    _one_line_refusal(_tme_program(store, "task", "add", "motel", b"Mo\xfftel"),
                      "lone surrogate")
    _one_line_refusal(_tme(store, "task", "add", "motel", "Motel", "--agent", "bob\x1b"),
                      "agent name")
    _one_line_refusal(_tme(store, "task", "add", "motel", "Motel", TME_AGENT="bob\x85"),
                      "TME_AGENT=", "agent name")
    _one_line_refusal(_tme(store, "task", "add", "hotel\n", "Hotel"), "task key")
    _one_line_refusal(_tme(store, "task", "revise", "hotel", "x", "-w", f"{store.workspace}\n"),
                      "workspace id")
    # The message names the field, not the internal path of the operation list.
    added = _tme(store, "task", "add", "Bad Key", "Title")
    _one_line_refusal(added, "key: a task key")
    assert "0.add" not in added.stderr
    assert _everything(store) == before


def test_tme_init_refuses_a_workspace_id_with_a_trailing_newline(store: MemoryStore) -> None:
    _one_line_refusal(_tme(store, "init", "-w", "trip\n"), "workspace id")
    assert "trip\n" not in [w["ws"] for w in store.list_workspaces()]


@pytest.mark.parametrize("args", [
    ["changes", "--since", str(MAX_INT + 1)],
    ["watch", "--since", str(MAX_INT + 1)],
    ["watch", "--until-seq", "99999999999999999999999"],
    ["task", "revise", "hotel", "x", "--expected-version", str(MAX_INT + 1)],
    ["task", "rollback", "hotel", "--to", str(MAX_INT + 1)],
    ["state", "--as-of-turn", str(MAX_INT + 1)],
])
def test_the_cli_refuses_numbers_beyond_64_bits(store: MemoryStore, args: list[str]) -> None:
    result = _tme(store, *args)
    assert result.exit_code == 2, result.stderr
    assert args[-2] in result.stderr
    assert str(MAX_INT) in result.stderr
    assert "Traceback" not in result.stderr
    assert "OverflowError" not in result.stderr


def test_a_bad_setting_is_one_line_naming_the_variable_and_the_choices(
    store: MemoryStore,
) -> None:
    _one_line_refusal(_tme(store, "state", TME_TRIM="bogus"),
                      "TME_TRIM='bogus'", "'auto', 'rules' or 'llm'")
    _one_line_refusal(_tme(store, "state", TME_BOLT_PORT="99999"), "TME_BOLT_PORT")


def test_history_and_changes_never_replay_terminal_escapes(store: MemoryStore) -> None:
    """Text stored before the rule (or by another program) is shown escaped, never obeyed."""
    store.add_task("hotel", "Hotel", "Ace")
    evil = "\x1b]0;owned\x07\x1b[2J\x9b31m"
    store.driver.execute_query(
        "MATCH (t:Task {ws: $ws, key: 'hotel'})-[:HAS_REVISION]->(r:Revision) "
        "SET r.value = $evil, r.title = $evil, r.by = $evil, r.reason = $evil "
        "WITH DISTINCT t MATCH (c:Change {ws: $ws}) SET c.agent = $evil",
        ws=store.workspace, evil=evil)
    for args in (["history", "hotel"], ["changes"]):
        result = _tme(store, *args)
        assert result.exit_code == 0, result.stderr
        assert "\\x1b]0;owned\\x07\\x1b[2J\\x9b31m" in result.stdout
        assert not any(c in result.stdout for c in "\x1b\x07\x9b")
        as_json = _tme(store, *args, "--json")
        assert as_json.exit_code == 0, as_json.stderr
        assert not any(c in as_json.stdout for c in "\x1b\x07\x9b")
        assert evil in json.loads(as_json.stdout)[0].values()


# -- the same over MCP, below what the SDK's client can send -----------------------------------


@pytest.mark.slow
def test_a_lone_surrogate_over_mcp_is_refused(
    store: MemoryStore, tmp_path: Path
) -> None:
    """JSON can spell a lone surrogate (``"\\ud800"``) that no SDK client would encode. Sent raw
    over HTTP it is refused, by the SDK's JSON parser (today: 400, parse error) or else by the
    text rule as a tool error, and nothing is written."""
    before = _everything(store)
    env = server_env(store.settings, tmp_path / "home")
    with http_server(env, tmp_path / "http.log", "--workspace", store.workspace) as url:
        headers = http_config(env, url.split("/")[2])["headers"] | {
            "Accept": "application/json, text/event-stream"}
        with httpx.Client(headers=headers, timeout=60) as http:
            opened = http.post(url, json={
                "jsonrpc": "2.0", "id": 1, "method": "initialize",
                "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                           "clientInfo": {"name": "raw", "version": "1"}}})
            assert opened.status_code == 200, opened.text
            session = {"mcp-session-id": opened.headers["mcp-session-id"],
                       "mcp-protocol-version": "2025-06-18"}
            http.post(url, headers=session,
                      json={"jsonrpc": "2.0", "method": "notifications/initialized"})
            body = ('{"jsonrpc": "2.0", "id": 2, "method": "tools/call", "params": '
                    '{"name": "process_turn", "arguments": {"text": "hotel: a\\ud800b"}}}')
            answer = http.post(url, headers=session | {"Content-Type": "application/json"},
                               content=body.encode("ascii"))
    if answer.status_code == 400:
        assert "-32700" in answer.text, answer.text
    else:
        assert answer.status_code == 200, answer.text
        assert '"isError":true' in answer.text.replace(" ", ""), answer.text
        assert "lone surrogate" in answer.text
    assert _everything(store) == before
