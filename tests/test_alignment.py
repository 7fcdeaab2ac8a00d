"""Which task the offline reader picks among aligned candidates depends on the workspace alone.

Full-text scores weigh words by the whole index, every workspace included, so the order in
which the store returns candidates can change with unrelated data. The reader ranks candidates
by its own lemma overlap instead.
"""

from __future__ import annotations

import random
import string
import uuid

from conftest import new_workspace_id

from tme_neo4j.config import Settings
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.models import AddTask, AlignedTask, Task
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import TrimView
from tme_neo4j.trim.rules import RuleInterpreter


def _word() -> str:
    """A made-up word no other test or workspace uses, so its index weight is ours to set."""
    letters = random.Random(uuid.uuid4().int).choices(string.ascii_lowercase, k=9)
    return "zq" + "".join(letters)


def _task(key: str, title: str, parent: str | None = None) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, parents=[parent] if parent else [])


def test_the_reader_ignores_the_order_and_scores_of_aligned_candidates() -> None:
    tasks = [_task("boat", "Boat trip"), _task("east-dock", "paint the east dock", "boat"),
             _task("west-dock", "paint the west dock", "boat")]
    text = "Cancel the dock."
    readings = []
    for order, scores in (((0, 1, 2), (3.0, 2.0, 1.0)), ((2, 1, 0), (0.5, 4.0, 9.0)),
                          ((1, 2, 0), (1.0, 1.0, 1.0))):
        aligned = [AlignedTask(task=tasks[i], score=s, via="text")
                   for i, s in zip(order, scores, strict=True)]
        view = TrimView(aligned=aligned, focus=["boat"])
        readings.append(RuleInterpreter().interpret(text, view).model_dump())
    assert readings[0] == readings[1] == readings[2]
    assert readings[0]["subtasks"][0]["operations"] == [
        {"op": "cancel", "key": "east-dock", "reason": None}]


def test_other_workspaces_do_not_change_the_reading(store: MemoryStore,
                                                    settings: Settings) -> None:
    first, second = _word(), _word()
    store.apply([AddTask(key="fair", title="Harbour fair"),
                 AddTask(key="gate-a", title=f"paint the {first} gate", parents=["fair"]),
                 AddTask(key="gate-b", title=f"paint the {second} gate", parents=["fair"])])
    engine = TaskMemoryEngine(store, RuleInterpreter())
    text = f"cancel the {first} {second} gate"
    other = MemoryStore(settings, workspace=new_workspace_id("distract"), agent="tester",
                        driver=store.driver)
    other.create_workspace()
    try:
        # Another workspace full of the second word: the first one weighs more in the index.
        other.apply([AddTask(key=f"n{i}", title=f"{second} note {i}") for i in range(150)])
        view = engine.view(text)
        before = [a.task.key for a in view.aligned]
        reading = RuleInterpreter().interpret(text, view).model_dump()
        # Now far more of the first word: the index weighs the two the other way round.
        other.apply([AddTask(key=f"m{i}", title=f"{first} memo {i}") for i in range(600)])
        view = engine.view(text)
        after = [a.task.key for a in view.aligned]
        assert RuleInterpreter().interpret(text, view).model_dump() == reading
    finally:
        other.delete_workspace()
    assert reading["subtasks"][0]["operations"] == [
        {"op": "cancel", "key": "gate-a", "reason": None}]
    # What the test stands on: the full-text order did change with the other workspace.
    assert before.index("gate-a") < before.index("gate-b")
    assert after.index("gate-b") < after.index("gate-a")
