"""Concurrent writers on one workspace, threads and processes, against a real Neo4j: every
revision lands, versions form one total order, nothing crosses workspaces."""

from __future__ import annotations

import multiprocessing
import threading
from collections import Counter

import pytest
from conftest import new_workspace_id

from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore

REVISIONS = 200
TASKS = ["a", "b", "c", "d"]


def write_revisions(settings: Settings, workspace: str, agent: str, count: int) -> None:
    """One writer: ``count`` revisions spread over the shared tasks. Runs in a thread or in a
    process of its own (so it opens its own connection)."""
    with MemoryStore(settings, workspace=workspace, agent=agent) as store:
        for i in range(count):
            store.revise(TASKS[i % len(TASKS)], f"{agent}-{i}")


def _run_writers(settings: Settings, workspace: str, agents: list[str]) -> None:
    """Half the agents write from threads of this process, half from processes of their own."""
    in_threads, in_processes = agents[: len(agents) // 2], agents[len(agents) // 2:]
    errors: list[BaseException] = []

    def guarded(agent: str) -> None:
        try:
            write_revisions(settings, workspace, agent, REVISIONS)
        except BaseException as e:
            errors.append(e)

    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=write_revisions, args=(settings, workspace, a, REVISIONS))
             for a in in_processes]
    threads = [threading.Thread(target=guarded, args=(a,)) for a in in_threads]
    for worker in [*procs, *threads]:
        worker.start()
    for worker in [*threads, *procs]:
        worker.join(timeout=600)
    assert errors == []
    assert [p.exitcode for p in procs] == [0] * len(procs)


def _check_no_lost_revision(store: MemoryStore, agents: list[str]) -> None:
    written: Counter[str] = Counter()
    for task in TASKS:
        history = store.history(task)
        assert [r.n for r in history] == list(range(1, len(history) + 1))  # no gap, no repeat
        assert store.get_task(task).version == len(history)
        seqs = [r.seq for r in history]
        assert seqs == sorted(seqs)
        assert len(set(seqs)) == len(seqs)
        written.update(r.by for r in history[1:])
        values = {r.value for r in history[1:]}
        expected = {f"{a}-{i}" for a in agents for i in range(REVISIONS)
                    if TASKS[i % len(TASKS)] == task}
        assert values == expected
    assert written == dict.fromkeys(agents, REVISIONS)


@pytest.mark.slow
def test_eight_writers_lose_nothing(settings: Settings, store: MemoryStore) -> None:
    for key in TASKS:
        store.add_task(key, key.upper(), "start")
    agents = [f"agent-{n}" for n in range(8)]
    _run_writers(settings, store.workspace, agents)
    _check_no_lost_revision(store, agents)


@pytest.mark.slow
def test_two_workspaces_under_load_stay_apart(settings: Settings, store: MemoryStore) -> None:
    other = store.for_workspace(new_workspace_id())
    other.create_workspace()
    try:
        for s in (store, other):
            for key in TASKS:
                s.add_task(key, key.upper(), "start")
        mine, theirs = ["mine-0", "mine-1"], ["theirs-0", "theirs-1"]
        t1 = threading.Thread(target=_run_writers, args=(settings, store.workspace, mine))
        t2 = threading.Thread(target=_run_writers, args=(settings, other.workspace, theirs))
        t1.start()
        t2.start()
        t1.join(timeout=600)
        t2.join(timeout=600)
        _check_no_lost_revision(store, mine)
        _check_no_lost_revision(other, theirs)
    finally:
        other.delete_workspace()
