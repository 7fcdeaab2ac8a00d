"""The engine end to end on a real Neo4j: the paper's cases, read-only checks, context, undo."""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from conftest import graph_snapshot

from tme_neo4j.context import count_tokens
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import InvalidInputError, LLMError
from tme_neo4j.scenarios import load_scenario, run_scenario
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import Intent, TrimResult
from tme_neo4j.trim.rules import RuleInterpreter

SCENARIOS = Path(__file__).parent / "scenarios"


@pytest.fixture
def engine(store: MemoryStore) -> TaskMemoryEngine:
    return TaskMemoryEngine(store, RuleInterpreter())


@pytest.mark.parametrize(
    "path",
    [pytest.param(p, marks=() if p.parent.name == "paper" else pytest.mark.slow) for p in
     sorted([*(SCENARIOS / "paper").glob("*.json"), *(SCENARIOS / "domains").glob("*.json"),
             *(SCENARIOS / "blind").glob("*/*.json")])],
    ids=lambda p: f"{p.parent.name}/{p.stem}",
)
def test_scenarios_pass_every_check(store: MemoryStore, path: Path) -> None:
    """The paper's four cases, scenarios in other domains written in the same format, and the
    blind batches (written by people who had not read the reader's code); all but the paper's
    cases run only in the full suite."""
    scenario = load_scenario(path)
    report = run_scenario(scenario, store, RuleInterpreter(),
                          workspace=f"{store.workspace}-{path.stem}".replace("_", "-"))
    failed = [(t.n, c.key, c.detail) for t in report.turns for c in t.checks if not c.ok]
    store.for_workspace(f"{store.workspace}-{path.stem}".replace("_", "-")).delete_workspace()
    assert failed == []
    assert report.total > 0


def test_a_check_turn_writes_nothing_to_the_task_graph(engine: TaskMemoryEngine) -> None:
    engine.process("Add a charger and a MacBook stand to my cart.")
    engine.process("Remove the charger.")
    before = graph_snapshot(engine.store)
    seq_before = engine.store.workspace_info()["seq"]
    for question in ("What's currently in my cart?", "Did I ever add a charger?",
                     "Can you double-check the cart?"):
        result = engine.process(question)
        assert result.intent == Intent.CHECK
        assert result.operations == []
        assert graph_snapshot(engine.store) == before
    # Only the turn log moved on: one record per question, and no sequence number taken
    # (every number in the change feed names an entry).
    assert engine.store.workspace_info()["seq"] == seq_before
    assert [t.intent for t in engine.store.turns()][-3:] == ["check"] * 3


def test_a_turn_and_its_record_are_written_together(engine: TaskMemoryEngine) -> None:
    result = engine.process("To make soup, wash and chop celery.")
    turns = engine.store.turns()
    assert [t.n for t in turns] == [result.turn] == [1]
    assert turns[0].reply == result.reply
    assert sorted((t.op, t.key) for t in turns[0].touched) == [("add", "celery"),
                                                               ("add", "soup")]
    assert {r.turn for r in engine.store.history("celery")} == {1}


def test_replies_come_from_memory_and_name_the_past(engine: TaskMemoryEngine) -> None:
    engine.process("start: I will depart from Chicago.")
    reply = engine.process("start: Wasn't I departing from Boston?").reply
    assert "Chicago" in reply
    assert "Boston was never recorded" in reply
    assert reply.startswith("No")


def test_context_is_small_and_counted(engine: TaskMemoryEngine) -> None:
    engine.process("To make soup, wash and chop celery.")
    result = engine.process("Can you list all ingredients used in the soup?")
    assert "celery" in result.context.lower()
    assert result.context_tokens == count_tokens(result.context)
    assert 0 < result.context_tokens <= engine.budget


def test_context_respects_the_budget(store: MemoryStore) -> None:
    engine = TaskMemoryEngine(store, RuleInterpreter(), budget=120)
    store.apply([{"op": "add", "key": "big", "title": "Big project"},
                 *({"op": "add", "key": f"step-{i}", "title": f"Step number {i} of the big project",
                    "value": f"value {i}", "parents": ["big"]} for i in range(60))])
    context = engine.context(["big"])
    assert context.tokens <= 120
    assert context.dropped > 0
    assert "Big project" in context.text


def test_undo_rolls_back_the_last_turn(engine: TaskMemoryEngine) -> None:
    engine.process("destination: Set the destination to Seattle.")
    engine.process("destination: Actually, make that Portland.")
    assert engine.store.get_task("destination").value == "Portland"
    assert engine.undo() == 2
    assert engine.store.get_task("destination").value == "Seattle"


def test_empty_and_oversized_turns_are_refused(engine: TaskMemoryEngine) -> None:
    before = graph_snapshot(engine.store)
    with pytest.raises(InvalidInputError, match="empty"):
        engine.process("   ")
    with pytest.raises(InvalidInputError, match="limit"):
        engine.process("x" * 9000)
    assert graph_snapshot(engine.store) == before
    assert engine.store.turns() == []


class _LLMDown(RuleInterpreter):
    """Reads offline, and its replies fail as an unreachable language model does."""

    def respond(self, text: str, trim: TrimResult, context: str) -> str:
        raise LLMError("the language model could not be reached")


class _Echo(RuleInterpreter):
    """Reads offline, and answers with what it was given, so the stored reply can be checked."""

    def respond(self, text: str, trim: TrimResult, context: str) -> str:
        return f"echo: {text}"


def test_a_failing_responder_keeps_the_offline_reply_and_the_turn(store: MemoryStore) -> None:
    engine = TaskMemoryEngine(store, _LLMDown())
    result = engine.process("destination: Set the destination to Seattle.")
    assert result.turn == 1
    assert result.reply_source == "offline"
    assert "Seattle" in result.reply
    assert store.turns()[0].reply == result.reply
    assert store.get_task("destination").value == "Seattle"


def test_a_responder_reply_is_stored_with_its_turn(store: MemoryStore) -> None:
    engine = TaskMemoryEngine(store, _Echo())
    result = engine.process("destination: Set the destination to Seattle.")
    assert (result.reply, result.reply_source) == (
        "echo: destination: Set the destination to Seattle.", "llm")
    assert store.turns()[0].reply == result.reply


def test_a_retried_turn_is_applied_once(engine: TaskMemoryEngine) -> None:
    engine.process("destination: Set the destination to Seattle.")
    first = engine.process("destination: Actually, make that Portland.", idempotency_key="r-1")
    again = engine.process("destination: Actually, make that Portland.", idempotency_key="r-1")
    assert again.replayed
    assert not first.replayed
    assert (again.turn, again.reply, again.changed) == (first.turn, first.reply, first.changed)
    assert [t.n for t in engine.store.turns()] == [1, 2]
    assert len(engine.store.history("destination")) == 2
    other = engine.process("destination: Actually, make that Portland.", idempotency_key="r-2")
    assert other.turn == 3
    assert not other.replayed


def test_a_long_question_is_answered_not_failed(engine: TaskMemoryEngine) -> None:
    engine.process("destination: Set the destination to Seattle.")
    # Ordinary prose near the length limit: hundreds of distinct words for the history search.
    vocabulary = [f"{a}{b}" for a in ("morning", "harbour", "garden", "market", "station",
                                      "library", "mountain", "river", "castle", "village")
                  for b in ("side", "walk", "view", "light", "house", "road", "field", "gate")]
    rng = random.Random(7)
    question = "Did I ever mention " + " ".join(rng.choice(vocabulary) for _ in range(2_000))
    question = question[:7_900] + "?"
    result = engine.process(question)
    assert result.turn == 2
    assert engine.store.turns()[-1].reply == result.reply


def test_undo_steps_back_through_this_agents_turns(store: MemoryStore) -> None:
    mine = TaskMemoryEngine(store, RuleInterpreter())
    theirs = TaskMemoryEngine(store.for_workspace(store.workspace, agent="other"),
                              RuleInterpreter())
    mine.process("destination: Set the destination to Seattle.")
    mine.process("destination: Actually, make that Portland.")
    mine.process("destination: Actually, make that Denver.")
    theirs.process("budget: Set the budget to 900.")
    assert mine.undo() == 3
    assert store.get_task("destination").value == "Portland"
    assert mine.undo() == 2
    assert store.get_task("destination").value == "Seattle"
    assert store.get_task("budget").value == "900"  # the other agent's turn stays
    assert mine.undo() == 1
    assert store.get_task("destination").status == "cancelled"
    assert mine.undo() is None
    assert theirs.undo() == 4
    assert store.get_task("budget").status == "cancelled"


def test_a_turn_is_one_read_and_one_write(engine: TaskMemoryEngine) -> None:
    """Every transaction the store opens goes through _read, _write or _query: count them."""
    store = engine.store
    opened: list[str] = []
    for name in ("_read", "_write", "_query"):
        real = getattr(store, name)

        def counted(*args: object, _real: object = real, _name: str = name,
                    **kwargs: object) -> object:
            opened.append(_name)
            return _real(*args, **kwargs)  # type: ignore[operator]

        setattr(store, name, counted)
    engine.process("destination: Set the destination to Seattle.")
    assert sorted(opened) == ["_query", "_write"]
    opened.clear()
    engine.process("What's the destination?")
    assert sorted(opened) == ["_query", "_write"]
