"""The MCP server through the SDK's own client, for real: `tme mcp` runs as a subprocess over
stdio for one agent ("alice") and over streamable HTTP for another ("bob"), both on one
workspace of the test Neo4j."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import AsyncExitStack, asynccontextmanager
from pathlib import Path
from typing import Any

import pytest
from conftest import graph_snapshot, new_workspace_id
from mcp import Client
from mcp.shared.exceptions import MCPError
from mcp_helpers import (
    call,
    http_agent,
    http_config,
    http_server,
    read_json,
    refused,
    run,
    server_env,
    stdio_agent,
)
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.cli.mcp import parse_address
from tme_neo4j.config import Settings
from tme_neo4j.mcp_server import is_loopback
from tme_neo4j.models import MAX_TEXT, MAX_VALUE
from tme_neo4j.store import MemoryStore
from tme_neo4j.text import MAX_INT

EXPECTED_TOOLS = {
    "process_turn", "get_state", "get_context", "get_history", "get_changes", "add_task",
    "revise_task", "rollback_task", "cancel_task", "restore_task", "complete_task", "link_task",
    "depend_task", "clear_stale_task", "claim_task", "release_task",
}


@asynccontextmanager
async def two_agents(
    settings: Settings, tmp_path: Path, ws: str, bob_ws: str | None = None
) -> AsyncIterator[tuple[Client, Client]]:
    """alice over stdio on ``ws``; bob over streamable HTTP on ``bob_ws`` (default ``ws``),
    with the bearer token his configuration names."""
    env = server_env(settings, tmp_path / "home")
    with http_server(env, tmp_path / "bob.log", "--workspace", bob_ws or ws,
                     "--agent", "bob") as url:
        config = http_config(env, url.split("/")[2])
        assert config["url"] == url
        async with AsyncExitStack() as stack:
            alice = await stack.enter_async_context(
                stdio_agent(env, tmp_path / "alice.log", "--workspace", ws, "--agent", "alice"))
            bob = await stack.enter_async_context(http_agent(url, config["headers"]))
            yield alice, bob


# -- two agents, one workspace -----------------------------------------------------------------


@pytest.mark.slow
def test_two_agents_share_a_workspace_over_stdio_and_http(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    ws = store.workspace
    # bob's server defaults to a workspace of its own, so every call of his names ``ws``.
    elsewhere = store.for_workspace(new_workspace_id())
    elsewhere.create_workspace()

    async def main() -> None:
        async with two_agents(settings, tmp_path, ws, elsewhere.workspace) as (alice, bob):
            for client in (alice, bob):
                tools = {t.name for t in (await client.list_tools()).tools}
                assert tools == EXPECTED_TOOLS
            await alice_plans(alice)
            since = await bob_catches_up(bob, ws)
            await bob_claims_the_hotel(alice, bob, store)
            await agents_named_per_call(bob, ws, since)
            await resources_read_back(alice, bob, ws)

    try:
        run(main)
    finally:
        elsewhere.delete_workspace()
    assert f"serving workspace '{ws}' as agent 'alice' on stdio" in \
        (tmp_path / "alice.log").read_text()
    for log in ("alice.log", "bob.log"):
        assert "Traceback" not in (tmp_path / log).read_text()


async def alice_plans(alice: Client) -> None:
    added = await call(alice, "add_task", key="destination", title="Destination", value="Seattle")
    assert (added["value"], added["created_by"]) == ("Seattle", "alice")
    await call(alice, "add_task", key="hotel", title="Hotel", value="near downtown",
               depends_on=["destination"])
    said = "destination: Actually, make that Portland."
    turn = await call(alice, "process_turn", text=said, idempotency_key="plan-1")
    assert turn["changed"] == {"destination": "revise"}
    assert "hotel" in turn["stale"]
    assert turn["turn"] == 1
    retried = await call(alice, "process_turn", text=said, idempotency_key="plan-1")
    assert (retried["turn"], retried["replayed"], retried["reply"]) == (1, True, turn["reply"])


async def bob_catches_up(bob: Client, ws: str) -> int:
    """bob sees alice's work in the state and, attributed to her, in the change feed."""
    state = await call(bob, "get_state", workspace=ws)
    tasks = {t["key"]: t for t in state["tasks"]}
    assert tasks["destination"]["value"] == "Portland"
    assert tasks["destination"]["updated_by"] == "alice"
    assert tasks["hotel"]["stale"] is True
    assert (await call(bob, "get_state"))["tasks"] == []  # his own default workspace
    feed = await call(bob, "get_changes", since=0, workspace=ws)
    assert [(c["key"], c["op"], c["agent"]) for c in feed["changes"]] == [
        ("destination", "add", "alice"), ("hotel", "add", "alice"),
        ("destination", "revise", "alice")]
    assert feed["changes"][-1]["turn"] == 1
    return int(feed["next_since"])


async def bob_claims_the_hotel(alice: Client, bob: Client, store: MemoryStore) -> None:
    """While bob holds the claim, alice's revision is refused and writes nothing."""
    ws = store.workspace
    claim = await call(bob, "claim_task", key="hotel", seconds=60, workspace=ws)
    assert claim["claimed_by"] == "bob"
    before = graph_snapshot(store)
    message = await refused(alice, "revise_task", key="hotel", value="Ace Hotel")
    assert "ConflictError" in message
    assert "bob" in message
    assert graph_snapshot(store) == before
    # bob, holding the claim, writes; a stale expected_version is refused.
    state = await call(bob, "get_state", workspace=ws)
    version = next(t["version"] for t in state["tasks"] if t["key"] == "hotel")
    assert "ConflictError" in await refused(bob, "revise_task", key="hotel", value="Ace Hotel",
                                            expected_version=version + 5, workspace=ws)
    hotel = await call(bob, "revise_task", key="hotel", value="Ace Hotel",
                       expected_version=version, workspace=ws)
    assert hotel["updated_by"] == "bob"
    released = await call(bob, "release_task", key="hotel", workspace=ws)
    assert released == {"key": "hotel", "released": True}
    cleared = await call(alice, "clear_stale_task", key="hotel")
    assert cleared["stale"] is False


async def agents_named_per_call(bob: Client, ws: str, since: int) -> None:
    """The agent can be named per call; the feed picks up where bob left off."""
    carol = await call(bob, "add_task", key="budget", title="Budget", value="900",
                       workspace=ws, agent="carol")
    assert carol["created_by"] == "carol"
    newer = await call(bob, "get_changes", since=since, workspace=ws)
    assert [(c["key"], c["agent"]) for c in newer["changes"]] == [
        ("hotel", "bob"), ("hotel", "alice"), ("budget", "carol")]


async def resources_read_back(alice: Client, bob: Client, ws: str) -> None:
    """Resources give the same state and history as the tools, over either transport."""
    state = await read_json(alice, f"tme://workspace/{ws}/state")
    assert {t["key"]: t["value"] for t in state["tasks"]} == {
        "destination": "Portland", "hotel": "Ace Hotel", "budget": "900"}
    history = await read_json(bob, f"tme://workspace/{ws}/task/destination/history")
    assert [(r["value"], r["by"]) for r in history] == [
        ("Seattle", "alice"), ("Portland", "alice")]
    assert history == (await call(alice, "get_history", key="destination"))["revisions"]
    with pytest.raises(MCPError, match="no task 'nope'"):
        await bob.read_resource(f"tme://workspace/{ws}/task/nope/history")
    templates = {t.uri_template for t in (await bob.list_resource_templates()).resource_templates}
    assert templates == {"tme://workspace/{workspace}/state",
                         "tme://workspace/{workspace}/task/{key}/history"}
    context = await call(alice, "get_context", focus=["destination"])
    assert "Portland" in context["text"]
    rolled = await call(bob, "rollback_task", key="destination", workspace=ws)
    assert (rolled["value"], rolled["updated_by"]) == ("Seattle", "bob")


# -- refusals ----------------------------------------------------------------------------------


# (tool, arguments, a part of the error text): each one is refused and writes nothing.
REFUSALS: list[tuple[str, dict[str, Any], str]] = [
    ("add_task", {"key": "Bad Key!", "title": "x"}, "task key"),
    ("add_task", {"key": "notes", "title": "Notes", "value": "v" * (MAX_VALUE + 1)},
     "4000"),
    ("add_task", {"key": "notes", "title": "Notes", "depends_on": ["nope"]},
     "no task 'nope'"),
    ("add_task", {"key": "destination", "title": "Again"}, "already exists"),
    ("revise_task", {"key": "nope", "value": "x"}, "NotFoundError"),
    ("revise_task", {"key": "destination", "value": "x\x00y"}, "control"),
    ("revise_task", {"key": "destination", "value": "x", "expected_version": 7},
     "ConflictError"),
    ("revise_task", {"key": "destination", "value": "x",
                     "expected_version": "seven"}, "expected_version"),
    ("revise_task", {"value": "x"}, "key"),
    ("depend_task", {"key": "destination", "depends_on": "hotel"}, "cycle"),
    ("rollback_task", {"key": "destination", "to_n": 9}, "no revision 9"),
    ("claim_task", {"key": "hotel", "seconds": 0}, "86400"),
    ("process_turn", {"text": "x" * (MAX_TEXT + 1)}, "limit"),
    ("process_turn", {"text": "   "}, "empty"),
    ("get_state", {"workspace": "bad ws!"}, "workspace id"),
    ("get_state", {"workspace": new_workspace_id("absent")}, "does not exist"),
    ("get_context", {"focus": ["Not A Key"]}, "task key"),
    ("add_task", {"key": "notes", "title": "Notes", "agent": "x" * 65},
     "agent name"),
    # One text rule: control characters, trailing newlines, 64-bit numbers.
    ("add_task", {"key": "notes", "title": "No\x9btes"}, "U+009B"),
    ("add_task", {"key": "notes", "title": "Notes", "value": "a\x7f"}, "U+007F"),
    ("revise_task", {"key": "destination", "value": "x", "reason": "a\x1b[2Jb"}, "the reason"),
    ("process_turn", {"text": "destination: a\x00b"}, "U+0000"),
    ("add_task", {"key": "notes\n", "title": "Notes"}, "task key"),
    ("get_state", {"workspace": "trip\n"}, "workspace id"),
    ("add_task", {"key": "notes", "title": "Notes", "agent": "bob\n"}, "agent name"),
    ("get_changes", {"since": MAX_INT + 1}, "since"),
    ("revise_task", {"key": "destination", "value": "x", "expected_version": MAX_INT + 1},
     "expected_version"),
    ("rollback_task", {"key": "destination", "to_n": MAX_INT + 1}, "to_n"),
    ("no_such_tool", {}, "no_such_tool"),
]


@pytest.mark.slow
def test_invalid_input_is_a_tool_error_and_writes_nothing(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    ws = store.workspace
    store.add_task("destination", "Destination", "Seattle")
    store.add_task("hotel", "Hotel", depends_on=["destination"])
    before = graph_snapshot(store), store.workspace_info()["seq"], store.turns()

    async def main() -> None:
        async with two_agents(settings, tmp_path, ws) as (alice, bob):
            for client in (alice, bob):
                for tool, arguments, expected in REFUSALS:
                    message = await refused(client, tool, **arguments)
                    assert expected in message, (tool, arguments, message)
            with pytest.raises(MCPError):
                await alice.read_resource("tme://workspace/bad%20ws!/state")

    run(main)
    assert (graph_snapshot(store), store.workspace_info()["seq"], store.turns()) == before


# -- the command line --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "expected"),
    [
        ("127.0.0.1:8765", ("127.0.0.1", 8765)),
        (":8765", ("127.0.0.1", 8765)),
        ("8765", ("127.0.0.1", 8765)),
        ("localhost:0", ("localhost", 0)),
        ("[::1]:8765", ("::1", 8765)),
        ("0.0.0.0:8765", ("0.0.0.0", 8765)),
    ],
)
def test_http_addresses(address: str, expected: tuple[str, int]) -> None:
    assert parse_address(address) == expected


@pytest.mark.parametrize("address", ["nope", "127.0.0.1:", "127.0.0.1:99999", "::1:8765"])
def test_bad_http_addresses_exit_2_with_one_line(address: str) -> None:
    result = CliRunner().invoke(app, ["mcp", "--http", address])
    assert result.exit_code == 2
    assert result.stderr.startswith("error: --http expects HOST:PORT")
    assert result.stdout == ""


def test_loopback_hosts() -> None:
    assert all(map(is_loopback, ["127.0.0.1", "localhost", "::1", "127.0.0.2"]))
    assert not any(map(is_loopback, ["0.0.0.0", "192.168.1.10", "example.com", "::"]))


def test_bad_defaults_are_refused_before_serving() -> None:
    result = CliRunner().invoke(app, ["mcp", "--workspace", "bad ws!"])
    assert result.exit_code == 2
    assert "workspace id" in result.stderr
    result = CliRunner().invoke(app, ["mcp", "--agent", "bad agent!"])
    assert result.exit_code == 2
    assert "agent name" in result.stderr
