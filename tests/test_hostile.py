"""Bad and hostile input: arbitrary text through TRIM, Cypher-injection attempts everywhere."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from conftest import graph_snapshot, new_workspace_id
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import InvalidInputError
from tme_neo4j.models import Task
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import READ_ONLY, TrimView
from tme_neo4j.trim.rules import RuleInterpreter

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
       .flatmap(lambda q: st.text(max_size=40).map(lambda noise: f"{noise} {q}")))
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
