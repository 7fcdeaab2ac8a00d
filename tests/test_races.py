"""Agents racing on one workspace, in processes of their own, against a real Neo4j: claims are
exclusive, a write never lands on a task another agent has claimed, and a workspace deleted
under writers leaves nothing behind."""

from __future__ import annotations

import multiprocessing
import random
from dataclasses import dataclass, field
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier, Event
from typing import Any

import pytest

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConflictError, NotFoundError, TmeError
from tme_neo4j.store import MemoryStore

pytestmark = pytest.mark.slow
_ctx = multiprocessing.get_context("spawn")


@dataclass(frozen=True)
class Job:
    """Who races where: passed whole to each process."""

    settings: Settings
    ws: str
    agent: str
    keys: list[str] = field(default_factory=list)


def claim_all(job: Job, start: Barrier, results: Queue[tuple[str, str, str]]) -> None:
    """Claim every key once, in an order of this agent's own; report (agent, key, outcome)."""
    keys = list(job.keys)
    with MemoryStore(job.settings, workspace=job.ws, agent=job.agent) as store:
        random.Random(job.agent).shuffle(keys)
        start.wait(timeout=120)
        for key in keys:
            try:
                store.claim(key, seconds=300)
                results.put((job.agent, key, "won"))
            except ConflictError as e:
                results.put((job.agent, key, str(e)))


def test_exactly_one_of_several_racing_claimants_wins(settings: Settings,
                                                      store: MemoryStore) -> None:
    keys = [f"task{i}" for i in range(10)]
    for key in keys:
        store.add_task(key, key.capitalize())
    agents = [f"agent-{n}" for n in range(6)]
    start = _ctx.Barrier(len(agents))
    results: Queue[tuple[str, str, str]] = _ctx.Queue()
    procs = [_ctx.Process(target=claim_all, args=(Job(settings, store.workspace, a, keys),
                                                  start, results)) for a in agents]
    for p in procs:
        p.start()
    outcomes = [results.get(timeout=300) for _ in range(len(agents) * len(keys))]
    for p in procs:
        p.join(timeout=60)
    assert [p.exitcode for p in procs] == [0] * len(procs)
    winners = {key: [a for a, k, o in outcomes if k == key and o == "won"] for key in keys}
    assert all(len(w) == 1 for w in winners.values()), winners
    for _, key, outcome in outcomes:
        if outcome != "won":
            assert f"claimed by {winners[key][0]}" in outcome
    assert {c.key: c.claimed_by for c in store.claims()} == {k: w[0] for k, w in winners.items()}


def claim_one_by_one(settings: Settings, ws: str, keys: list[str], ready: Event,
                     results: Queue[dict[str, int]]) -> None:
    """Claim the keys one after the other while others write; report each task's version as the
    claim left it (read under the claim: nobody else may add a revision after it)."""
    with MemoryStore(settings, workspace=ws, agent="claimer") as store:
        ready.wait(timeout=120)
        versions = {}
        for key in keys:
            store.claim(key, seconds=600)
            versions[key] = store.get_task(key).version
        results.put(versions)


def write_until(job: Job, ready: Event, stop: Event, results: Queue[Any]) -> None:
    with MemoryStore(job.settings, workspace=job.ws, agent=job.agent) as store:
        written = refused = 0
        i = 0
        while not stop.is_set():
            key = job.keys[i % len(job.keys)]
            i += 1
            try:
                store.revise(key, f"{job.agent}-{i}")
                written += 1
                ready.set()
            except ConflictError:
                refused += 1
        results.put((job.agent, written, refused))


def test_a_write_never_lands_on_a_task_claimed_by_another_agent(settings: Settings,
                                                                store: MemoryStore) -> None:
    keys = [f"task{i}" for i in range(12)]
    for key in keys:
        store.add_task(key, key.capitalize(), "start")
    ready, stop = _ctx.Event(), _ctx.Event()
    claimed: Queue[dict[str, int]] = _ctx.Queue()
    written: Queue[Any] = _ctx.Queue()
    writers = [_ctx.Process(target=write_until,
                            args=(Job(settings, store.workspace, f"writer-{n}", keys),
                                  ready, stop, written))
               for n in range(3)]
    claimer = _ctx.Process(target=claim_one_by_one, args=(settings, store.workspace, keys,
                                                          ready, claimed))
    for p in [*writers, claimer]:
        p.start()
    versions = claimed.get(timeout=300)
    stop.set()
    tallies = [written.get(timeout=120) for _ in writers]
    for p in [*writers, claimer]:
        p.join(timeout=60)
    assert sum(t[1] for t in tallies) > 0
    assert sum(t[2] for t in tallies) > 0  # the writers met the claims
    for key in keys:
        late = [(r.n, r.by) for r in store.history(key) if r.n > versions[key]]
        assert late == [], f"{key}: written after the claim: {late}"


def write_until_gone(settings: Settings, ws: str, agent: str, ready: Event,
                     results: Queue[tuple[str, int, str]]) -> None:
    """Add and revise tasks until the workspace is gone; report how the end was met."""
    with MemoryStore(settings, workspace=ws, agent=agent) as store:
        n = 0
        try:
            while True:
                n += 1
                store.add_task(f"{agent}-{n}", f"Task {n} of {agent}", "v1",
                               depends_on=[f"{agent}-{n - 1}"] if n > 1 else [])
                store.revise(f"{agent}-{n}", "v2")
                ready.set()
        except NotFoundError as e:
            results.put((agent, n, f"NotFoundError: {e}"))
        except (TmeError, TypeError) as e:
            results.put((agent, n, f"{type(e).__name__}: {e}"))


def test_deleting_a_workspace_under_writers_leaves_nothing(settings: Settings,
                                                           store: MemoryStore) -> None:
    ready = _ctx.Event()
    results: Queue[tuple[str, int, str]] = _ctx.Queue()
    writers = [_ctx.Process(target=write_until_gone,
                            args=(settings, store.workspace, f"w{n}", ready, results))
               for n in range(4)]
    for p in writers:
        p.start()
    assert ready.wait(timeout=300)
    store.delete_workspace()
    ends = [results.get(timeout=300) for _ in writers]
    for p in writers:
        p.join(timeout=60)
    assert all(end.startswith("NotFoundError") for _, _, end in ends), ends
    records, _, _ = store.driver.execute_query(
        "MATCH (n) WHERE n.ws = $ws OR n:Workspace AND n.id = $ws RETURN count(n) AS left",
        ws=store.workspace)
    assert records[0]["left"] == 0
    store.create_workspace()  # the same name again starts empty
    assert store.state(include_cancelled=True).tasks == []
    assert store.changes() == []
