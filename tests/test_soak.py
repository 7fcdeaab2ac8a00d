"""A bounded soak: four agents mix turns, revisions, dependencies and reads on one workspace for
about 40 seconds; then the graph's invariants are checked on the real Neo4j."""

from __future__ import annotations

import random
import threading
import time

import pytest

from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import CycleError, NotFoundError
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.rules import RuleInterpreter

SECONDS = 40.0
MAX_STEPS = 400  # per agent: the loop stops at whichever bound comes first
SLOTS = [f"slot{i}" for i in range(8)]


def _agent(store: MemoryStore, name: str, seed: int, errors: list[BaseException]) -> None:
    rng = random.Random(seed)
    mine = store.for_workspace(store.workspace, agent=name)
    engine = TaskMemoryEngine(mine, RuleInterpreter())
    deadline = time.monotonic() + SECONDS
    try:
        for step in range(MAX_STEPS):
            if time.monotonic() > deadline:
                return
            slot = rng.choice(SLOTS)
            action = rng.random()
            try:
                if action < 0.35:
                    engine.process(f"{slot}: set {slot} to value {name}-{step}")
                elif action < 0.5:
                    engine.process(f"{slot}: what is {slot} now?")
                elif action < 0.7:
                    mine.revise(slot, f"direct {name}-{step}")
                elif action < 0.8:
                    mine.depend(slot, rng.choice(SLOTS))
                elif action < 0.85:
                    mine.rollback(slot)
                else:
                    mine.state()
                    mine.history(slot)
                    mine.align(f"value {slot}")
            except (CycleError, NotFoundError):
                pass  # refused as designed: a cycle, or a rollback with no earlier value
    except BaseException as e:
        errors.append(e)


@pytest.mark.slow
def test_four_agents_keep_the_graph_consistent(store: MemoryStore) -> None:
    for slot in SLOTS:
        store.add_task(slot, slot.capitalize(), "start")
    errors: list[BaseException] = []
    agents = [threading.Thread(target=_agent, args=(store, f"agent{n}", n, errors))
              for n in range(4)]
    for a in agents:
        a.start()
    for a in agents:
        a.join(timeout=SECONDS + 120)
    assert errors == []

    def one(query: str) -> int:
        records, _, _ = store.driver.execute_query(query, ws=store.workspace)
        return int(records[0][0])

    # Versions equal revision counts, numbered 1..n without gaps.
    assert one("MATCH (t:Task {ws: $ws}) WHERE t.version <> COUNT { (t)-[:HAS_REVISION]->() } "
               "RETURN count(t)") == 0
    for slot in SLOTS:
        version = store.get_task(slot).version
        assert [r.n for r in store.history(slot)] == list(range(1, version + 1))
    # No orphan revisions, none shared.
    assert one("MATCH (r:Revision {ws: $ws}) WHERE COUNT { ()-[:HAS_REVISION]->(r) } <> 1 "
               "RETURN count(r)") == 0
    # No dependency cycles.
    assert one("MATCH (t:Task {ws: $ws}) WHERE EXISTS { (t)-[:DEPENDS_ON]->+(t) } "
               "RETURN count(t)") == 0
    # Every stale flag names a task the stale one depends on, transitively.
    for task in store.state().tasks:
        if task.stale:
            cause = (task.stale_reason or "").split(" ", 1)[0]
            records, _, _ = store.driver.execute_query(
                "RETURN EXISTS { (:Task {ws: $ws, key: $key})-[:DEPENDS_ON]->+"
                "(:Task {ws: $ws, key: $cause}) } AS linked",
                ws=store.workspace, key=task.key, cause=cause)
            assert records[0]["linked"], (task.key, task.stale_reason)
    # Every turn is whole: its touched tasks have a revision or change in that turn.
    assert one("MATCH (u:Turn {ws: $ws})-[:TOUCHED]->(t:Task) "
               "WHERE NOT EXISTS { (c:Change {ws: $ws, turn: u.n, key: t.key}) } "
               "RETURN count(*)") == 0
