"""Several agents on one workspace: provenance, optimistic concurrency, the change feed and
claims, on a real Neo4j."""

from __future__ import annotations

import json
import time

import pytest
from conftest import graph_snapshot

from tme_neo4j.errors import ConflictError, InvalidInputError
from tme_neo4j.store import MemoryStore, TurnInput


def test_every_write_records_its_agent(store: MemoryStore) -> None:
    alice = store.for_workspace(store.workspace, agent="alice")
    bob = store.for_workspace(store.workspace, agent="bob")
    alice.add_task("venue", "Venue", "Hall A")
    bob.revise("venue", "Hall B")
    history = store.history("venue")
    assert [(r.by, r.value) for r in history] == [("alice", "Hall A"), ("bob", "Hall B")]
    task = store.get_task("venue")
    assert (task.created_by, task.updated_by) == ("alice", "bob")


def test_the_change_feed_lets_an_agent_catch_up(store: MemoryStore) -> None:
    alice = store.for_workspace(store.workspace, agent="alice")
    bob = store.for_workspace(store.workspace, agent="bob")
    alice.add_task("venue", "Venue", "Hall A")
    seen = store.workspace_info()["seq"]
    bob.add_task("catering", "Catering", depends_on=["venue"])
    alice.revise("venue", "Hall B")
    bob.link("catering", "venue")
    changes = store.changes(since=seen)
    assert [(c.key, c.op, c.agent) for c in changes] == [
        ("catering", "add", "bob"), ("venue", "revise", "alice"), ("catering", "link", "bob")]
    assert [c.seq for c in changes] == sorted(c.seq for c in changes)
    assert changes[-1].seq == store.workspace_info()["seq"]
    assert store.changes(since=changes[-1].seq) == []


def test_claims_refuse_other_writers_until_released_or_forced(store: MemoryStore) -> None:
    alice = store.for_workspace(store.workspace, agent="alice")
    bob = store.for_workspace(store.workspace, agent="bob")
    alice.add_task("venue", "Venue", "Hall A")
    claim = alice.claim("venue", seconds=60)
    assert claim.claimed_by == "alice"
    assert [c.key for c in bob.claims()] == ["venue"]
    before = graph_snapshot(store)
    with pytest.raises(ConflictError, match="claimed by another agent: 'venue' by alice"):
        bob.revise("venue", "Hall B")
    with pytest.raises(ConflictError, match="claimed by alice"):
        bob.claim("venue")
    assert graph_snapshot(store) == before
    alice.revise("venue", "Hall C")  # the holder writes freely
    bob.apply([{"op": "revise", "key": "venue", "value": "Hall D"}], force=True)
    assert store.get_task("venue").value == "Hall D"
    assert bob.release("venue") is False  # not bob's to release
    assert alice.release("venue") is True
    bob.revise("venue", "Hall E")
    assert bob.claims() == []


def test_an_expired_claim_lapses(store: MemoryStore) -> None:
    alice = store.for_workspace(store.workspace, agent="alice")
    bob = store.for_workspace(store.workspace, agent="bob")
    alice.add_task("venue", "Venue", "Hall A")
    alice.claim("venue", seconds=1)
    time.sleep(1.2)
    assert bob.claims() == []
    bob.revise("venue", "Hall B")
    assert bob.claim("venue").claimed_by == "bob"
    with pytest.raises(InvalidInputError):
        bob.claim("venue", seconds=0)


def test_changes_watch_claim_and_release_from_the_cli(store: MemoryStore) -> None:
    from typer.testing import CliRunner

    from tme_neo4j.cli import app

    runner = CliRunner()
    ws = store.workspace
    store.for_workspace(ws, agent="alice").add_task("venue", "Venue", "Hall A")
    out = runner.invoke(app, ["changes", "-w", ws, "--json"])
    assert [(c["key"], c["op"], c["agent"]) for c in json.loads(out.stdout)] == [
        ("venue", "add", "alice")]
    last = store.workspace_info()["seq"]
    watched = runner.invoke(app, ["watch", "-w", ws, "--since", "0", "--until-seq", str(last),
                                  "--interval", "0.1"])
    assert watched.exit_code == 0
    assert "alice" in watched.stdout
    assert "add" in watched.stdout
    claimed = runner.invoke(app, ["claim", "venue", "-s", "30", "--agent", "bob", "-w", ws])
    assert claimed.exit_code == 0
    assert "claimed by bob" in claimed.stdout
    refused = runner.invoke(app, ["task", "revise", "venue", "Hall B", "--agent", "carol",
                                  "-w", ws])
    assert refused.exit_code == 1
    assert "claimed by another agent" in refused.stderr
    released = runner.invoke(app, ["release", "venue", "--agent", "bob", "-w", ws])
    assert "released" in released.stdout
    assert runner.invoke(app, ["task", "revise", "venue", "Hall B", "--agent", "carol",
                               "-w", ws]).exit_code == 0


def test_every_sequence_number_in_the_feed_names_a_change(store: MemoryStore) -> None:
    """A write that changes nothing takes no number, so a gap in the feed means a missed entry."""
    store.add_task("venue", "Venue", "Hall A")
    store.cancel("venue")
    seq = store.workspace_info()["seq"]
    assert store.apply([]).seq == seq
    store.cancel("venue")  # already cancelled: nothing changes
    store.apply([{"op": "restore", "key": "venue"}, {"op": "cancel", "key": "venue"}])
    store.apply([], turn=TurnInput("only a note", "note"))
    seqs = [c.seq for c in store.changes()]
    assert sorted(set(seqs)) == list(range(1, store.workspace_info()["seq"] + 1))
    assert store.workspace_info()["seq"] == seq + 1
