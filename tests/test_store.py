"""MemoryStore against a real Neo4j: every operation, propagation, history and isolation."""

from __future__ import annotations

import time
from datetime import UTC, datetime

import neo4j
import pytest
from conftest import graph_snapshot, new_workspace_id

from benchmarks.turns.run import generate_tasks
from tme_neo4j.errors import (
    ConflictError,
    CycleError,
    InvalidInputError,
    NotFoundError,
)
from tme_neo4j.models import MAX_TITLE, MAX_VALUE, Task, TaskStatus, WorkspaceState
from tme_neo4j.store import (
    SCHEMA_FINGERPRINT,
    SCHEMA_GENERATION,
    MemoryStore,
    TurnInput,
    schema_version,
)


def test_add_and_read_a_task(store: MemoryStore) -> None:
    store.add_task("trip", "Plan a trip")
    task = store.add_task("destination", "Destination", "Seattle", parents=["trip"])
    assert task.value == "Seattle"
    assert task.parents == ["trip"]
    assert task.version == 1
    assert task.created_by == "tester"
    assert store.get_task("destination").status == TaskStatus.ACTIVE


def test_revise_keeps_every_value_in_history(store: MemoryStore) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.revise("destination", "San Francisco", reason="user changed mind")
    task = store.revise("destination", "Portland")
    assert task.value == "Portland"
    assert task.version == 3
    history = store.history("destination")
    assert [r.value for r in history] == ["Seattle", "San Francisco", "Portland"]
    assert [r.op for r in history] == ["add", "revise", "revise"]
    assert history[1].reason == "user changed mind"
    assert [r.seq for r in history] == sorted(r.seq for r in history)


def test_rollback_to_previous_to_n_and_to_value(store: MemoryStore) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.revise("destination", "San Francisco")
    store.revise("destination", "Portland")
    assert store.rollback("destination").value == "San Francisco"
    assert store.rollback("destination", to_n=3).value == "Portland"
    assert store.rollback("destination", to_value="seattle").value == "Seattle"
    history = store.history("destination")
    # A rollback appends; the original revisions are untouched.
    assert [r.value for r in history] == [
        "Seattle", "San Francisco", "Portland", "San Francisco", "Portland", "Seattle"]
    assert [r.op for r in history][3:] == ["rollback"] * 3


def test_rollback_to_the_first_value(store: MemoryStore) -> None:
    store.add_task("date", "Departure date", "June 10")
    for day in ("June 12", "June 15", "June 20"):
        store.revise("date", day)
    assert store.rollback("date", to_n=1).value == "June 10"
    assert store.get_task("date").version == 5


def test_rollback_without_earlier_value_is_not_found(store: MemoryStore) -> None:
    store.add_task("date", "Departure date", "June 10")
    with pytest.raises(NotFoundError, match="earlier value"):
        store.rollback("date")
    with pytest.raises(NotFoundError, match="revision 7"):
        store.rollback("date", to_n=7)


def test_cancel_restore_and_done(store: MemoryStore) -> None:
    store.add_task("cart", "Shopping cart")
    store.add_task("charger", "Charger", parents=["cart"])
    assert store.cancel("charger").status == TaskStatus.CANCELLED
    assert store.state().task("charger") is None
    assert store.state(include_cancelled=True).task("charger") is not None
    with pytest.raises(InvalidInputError, match="cancelled"):
        store.revise("charger", "USB-C")
    assert store.restore("charger").status == TaskStatus.ACTIVE
    assert store.complete("charger").status == TaskStatus.DONE
    assert [r.op for r in store.history("charger")] == ["add", "cancel", "restore", "done"]


def test_a_subtask_may_have_several_parents(store: MemoryStore) -> None:
    store.add_task("soup", "Make soup")
    store.add_task("dumplings", "Make dumplings")
    store.add_task("celery", "Wash and chop celery", parents=["soup"])
    store.link("celery", "dumplings")
    assert store.get_task("celery").parents == ["dumplings", "soup"]
    state = store.state()
    assert {t.key for t in state.children("soup")} == {"celery"}
    assert {t.key for t in state.children("dumplings")} == {"celery"}
    store.unlink("celery", "soup")
    assert store.get_task("celery").parents == ["dumplings"]


def test_dependencies_add_and_remove(store: MemoryStore) -> None:
    store.add_task("flight", "Book flight")
    store.add_task("hotel", "Book hotel", depends_on=["flight"])
    assert store.get_task("hotel").depends_on == ["flight"]
    store.undepend("hotel", "flight")
    assert store.get_task("hotel").depends_on == []
    with pytest.raises(NotFoundError, match="no such edge"):
        store.undepend("hotel", "flight")


def test_a_dependency_cycle_is_refused_and_named(store: MemoryStore) -> None:
    store.add_task("a", "A")
    store.add_task("b", "B", depends_on=["a"])
    store.add_task("c", "C", depends_on=["b"])
    before = graph_snapshot(store)
    with pytest.raises(CycleError) as raised:
        store.depend("a", "c")
    assert raised.value.cycle == ["a", "c", "b", "a"]
    assert "a -> c -> b -> a" in str(raised.value)
    with pytest.raises(CycleError):
        store.depend("a", "a")
    assert graph_snapshot(store) == before


def test_a_parent_cycle_is_refused(store: MemoryStore) -> None:
    store.add_task("root", "Root")
    store.add_task("child", "Child", parents=["root"])
    with pytest.raises(CycleError, match="root -> child -> root"):
        store.link("root", "child")


def test_propagation_through_a_diamond_three_levels_deep(store: MemoryStore) -> None:
    #        top
    #       /   \
    #    left   right      (both depend on top)
    #       \   /
    #      bottom          (depends on left and right)
    #        |
    #      leaf            (depends on bottom)
    store.add_task("top", "Top", "v1")
    store.add_task("left", "Left", depends_on=["top"])
    store.add_task("right", "Right", depends_on=["top"])
    store.add_task("bottom", "Bottom", depends_on=["left", "right"])
    store.add_task("leaf", "Leaf", depends_on=["bottom"])
    store.add_task("other", "Unrelated")
    result = store.apply([{"op": "revise", "key": "top", "value": "v2"}])
    assert set(result.stale) == {"left", "right", "bottom", "leaf"}
    state = store.state()
    stale = {t.key: t.stale_reason for t in state.tasks if t.stale}
    assert set(stale) == {"left", "right", "bottom", "leaf"}
    assert all("top" in r and "'v1'" in r and "'v2'" in r for r in stale.values() if r)
    assert not state.task("other").stale  # type: ignore[union-attr]
    assert not state.task("top").stale  # type: ignore[union-attr]
    store.clear_stale("bottom")
    assert not store.get_task("bottom").stale
    assert store.get_task("leaf").stale


def test_cancel_and_rollback_also_propagate(store: MemoryStore) -> None:
    store.add_task("venue", "Venue", "Hall A")
    store.add_task("catering", "Catering", depends_on=["venue"])
    store.revise("venue", "Hall B")
    store.clear_stale("catering")
    assert store.apply([{"op": "rollback", "key": "venue"}]).stale.keys() == {"catering"}
    store.clear_stale("catering")
    result = store.apply([{"op": "cancel", "key": "venue"}])
    assert "cancelled" in result.stale["catering"]


def test_state_as_of_a_turn_and_a_time(store: MemoryStore) -> None:
    store.apply([{"op": "add", "key": "destination", "title": "Destination", "value": "Seattle"}],
                turn=TurnInput("Go to Seattle", "new"))
    time.sleep(0.01)
    between = datetime.now(UTC)
    time.sleep(0.01)
    store.apply([{"op": "revise", "key": "destination", "value": "Boston"},
                 {"op": "add", "key": "hotel", "title": "Hotel"}],
                turn=TurnInput("Boston instead, and a hotel", "update"))
    assert store.state().task("destination").value == "Boston"  # type: ignore[union-attr]
    first = store.state(as_of_turn=1)
    assert first.task("destination").value == "Seattle"  # type: ignore[union-attr]
    assert first.task("hotel") is None
    at_time = store.state(as_of=between)
    assert at_time.task("destination").value == "Seattle"  # type: ignore[union-attr]
    with pytest.raises(NotFoundError, match="no turn 9"):
        store.state(as_of_turn=9)
    turns = store.turns()
    assert [t.n for t in turns] == [1, 2]
    assert [(t.op, t.key) for t in turns[1].touched] == [("revise", "destination"),
                                                         ("add", "hotel")]


def test_state_as_of_a_turn_is_the_state_that_turn_left(store: MemoryStore) -> None:
    store.apply([{"op": "add", "key": "trip", "title": "Trip", "value": "Lisbon"},
                 {"op": "add", "key": "flight", "title": "Flight", "value": "TP 201",
                  "parents": ["trip"]},
                 {"op": "add", "key": "hotel", "title": "Hotel", "parents": ["trip"],
                  "depends_on": ["flight"]}],
                turn=TurnInput("A trip to Lisbon", "new"))
    then = store.state()
    store.apply([{"op": "revise", "key": "hotel", "value": "Alfama"},
                 {"op": "add", "key": "museum", "title": "Museum"}],
                turn=TurnInput("The hotel in Alfama, and a museum", "update"))
    now = store.state()
    assert now.task("hotel").version == 2  # type: ignore[union-attr]
    as_of = store.state(as_of_turn=1)
    assert as_of.tasks == then.tasks  # every field: values, versions, times, authors, edges
    assert (as_of.seq, as_of.as_of_seq) == (now.seq, then.seq)
    assert store.state(as_of_turn=2).tasks == now.tasks


def test_state_holds_the_same_tasks_as_reading_them_one_by_one(store: MemoryStore) -> None:
    store.add_task("trip", "Trip", "Lisbon")
    store.add_task("budget", "Budget", "900")
    store.add_task("flight", "Flight", "TP 201", parents=["trip", "budget"])
    store.add_task("hotel", "Hotel", parents=["trip"], depends_on=["flight", "budget"])
    store.add_task("car", "Car", parents=["trip"])
    store.revise("flight", "TP 203")  # the hotel goes stale
    store.claim("car")
    store.cancel("budget")
    for include_cancelled in (False, True):
        state = store.state(include_cancelled=include_cancelled)
        keys = [t.key for t in state.tasks]
        assert state.tasks == store.get_tasks(keys)  # every field, types included
        assert WorkspaceState.model_validate(state.model_dump()) == state
    hotel, car = state.task("hotel"), state.task("car")
    assert hotel is not None
    assert car is not None
    assert (hotel.parents, hotel.depends_on, hotel.stale) == (["trip"], ["budget", "flight"], True)
    assert state.task("flight").parents == ["budget", "trip"]  # type: ignore[union-attr]
    assert state.task("budget").status is TaskStatus.CANCELLED  # type: ignore[union-attr]
    assert isinstance(car.claimed_until, datetime)
    assert car.claimed_by == "tester"
    assert car.model_fields_set == set(Task.model_fields)


def test_apply_is_all_or_nothing(store: MemoryStore) -> None:
    store.add_task("a", "A", "1")
    before = graph_snapshot(store)
    seq = store.workspace_info()["seq"]
    with pytest.raises(NotFoundError, match="'missing'"):
        store.apply([
            {"op": "revise", "key": "a", "value": "2"},
            {"op": "add", "key": "b", "title": "B"},
            {"op": "revise", "key": "missing", "value": "x"},
            {"op": "add", "key": "c", "title": "C"},
        ], turn=TurnInput("several things", "update"))
    assert graph_snapshot(store) == before
    assert store.workspace_info()["seq"] == seq
    assert store.turns() == []


def test_optimistic_concurrency(store: MemoryStore) -> None:
    store.add_task("a", "A", "1")
    store.revise("a", "2", expected_version=1)
    with pytest.raises(ConflictError) as raised:
        store.revise("a", "3", expected_version=1)
    assert raised.value.current.value == "2"
    assert store.get_task("a").value == "2"


def test_workspaces_are_isolated(store: MemoryStore) -> None:
    other = store.for_workspace(new_workspace_id())
    other.create_workspace()
    try:
        store.add_task("shared-name", "Mine", "1")
        other.add_task("shared-name", "Theirs", "A")
        other.add_task("only-there", "Only there")
        store.revise("shared-name", "2")
        assert other.get_task("shared-name").value == "A"
        assert [t.key for t in store.state().tasks] == ["shared-name"]
        with pytest.raises(NotFoundError):
            store.get_task("only-there")
        with pytest.raises(NotFoundError):
            store.link("shared-name", "only-there")
        assert [a.task.key for a in store.align("only there")] == []
    finally:
        other.delete_workspace()


def test_missing_workspace_unknown_key_and_oversized_text(store: MemoryStore) -> None:
    ghost = store.for_workspace("no-such-workspace")
    with pytest.raises(NotFoundError, match="workspace 'no-such-workspace' does not exist"):
        ghost.add_task("a", "A")
    with pytest.raises(NotFoundError, match="no task 'nope'"):
        store.revise("nope", "x")
    before = graph_snapshot(store)
    with pytest.raises(InvalidInputError, match="value"):
        store.add_task("big", "Big", "x" * (MAX_VALUE + 1))
    with pytest.raises(InvalidInputError, match="title"):
        store.add_task("big", "x" * (MAX_TITLE + 1))
    with pytest.raises(InvalidInputError, match="task key"):
        store.add_task("Bad Key!", "Bad")
    with pytest.raises(InvalidInputError, match="workspace id"):
        MemoryStore(workspace="bad workspace!")
    assert graph_snapshot(store) == before


def test_duplicate_key_is_refused(store: MemoryStore) -> None:
    store.add_task("a", "A")
    with pytest.raises(InvalidInputError, match="already exists"):
        store.add_task("a", "Another A")


def test_align_finds_tasks_by_key_and_text(store: MemoryStore) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.add_task("prep", "Wash and chop celery")
    store.add_task("tomatoes", "Chop tomatoes")
    by_key = store.align("destination: make that Portland")
    assert by_key[0].task.key == "destination"
    assert by_key[0].via == "key"
    by_text = store.align("no celery in the fridge")
    assert by_text[0].task.key == "prep"
    assert by_text[0].via == "text"
    plural = store.align("the tomato")
    assert plural
    assert plural[0].task.key == "tomatoes"
    assert store.align("???") == []


def test_text_search_keeps_to_the_workspace(store: MemoryStore) -> None:
    # A workspace whose id extends this one's shares its words: its many matches must neither
    # show here nor crowd this workspace's one match out of the full-text top.
    other = store.for_workspace(f"{store.workspace}-b")
    other.create_workspace()
    try:
        other.apply([{"op": "add", "key": f"celery-{i}", "title": f"Celery batch {i}",
                      "value": "celery"} for i in range(40)])
        store.add_task("prep", "Wash and chop celery", "celery sticks")
        store.revise("prep", "leeks")
        assert [a.task.key for a in store.align("celery")] == ["prep"]
        assert [a.task.key for a in store.turn_view("celery").aligned] == ["prep"]
        assert [t.key for t, _ in store.search_history(["celery"])] == ["prep"]
        assert len(other.align("celery", limit=50)) == 40
    finally:
        other.delete_workspace()


def test_a_dependent_back_at_the_value_it_was_checked_against_is_not_stale(
    store: MemoryStore,
) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.add_task("budget", "Budget", "900")
    store.add_task("hotel", "Hotel", "near downtown", depends_on=["destination", "budget"])
    store.add_task("taxi", "Taxi", depends_on=["hotel"])
    store.revise("destination", "Portland")
    store.revise("destination", "Denver")
    assert store.get_task("hotel").stale
    result = store.apply([{"op": "rollback", "key": "destination", "to_value": "Seattle"}])
    assert sorted(result.cleared) == ["hotel", "taxi"]
    assert result.stale == {}
    assert not store.get_task("hotel").stale
    assert not store.get_task("taxi").stale
    # Two changes hold it: undoing one leaves it stale for the other.
    store.revise("destination", "Austin")
    store.revise("budget", "1200")
    store.rollback("destination", to_value="Seattle")
    hotel = store.get_task("hotel")
    assert hotel.stale
    assert "budget" in (hotel.stale_reason or "")
    store.revise("budget", "900")
    assert not store.get_task("hotel").stale
    # Confirmed by hand, then revised: stale again, against the confirmed value.
    store.revise("budget", "1000")
    store.clear_stale("hotel")
    store.revise("budget", "900")
    assert store.get_task("hotel").stale
    store.revise("budget", "1000")
    assert not store.get_task("hotel").stale


def test_schema_statements_run_once_per_version(store: MemoryStore) -> None:
    assert store.ensure_schema() is False  # the marker is current
    assert store.ensure_schema(force=True) is True
    assert store.ensure_schema() is False


def test_a_change_to_the_schema_files_raises_the_generation() -> None:
    assert schema_version() == SCHEMA_FINGERPRINT, (
        f"cypher/schema/ changed: raise SCHEMA_GENERATION to {SCHEMA_GENERATION + 1} and set "
        f"SCHEMA_FINGERPRINT to {schema_version()!r} in tme_neo4j/store.py")


@pytest.mark.parametrize(("failing", "error", "message"), [
    ({"op": "add", "key": "a", "title": "Again"}, InvalidInputError, "already exists"),
    ({"op": "add", "key": "n", "title": "N", "depends_on": ["ghost"]}, NotFoundError, "'ghost'"),
    ({"op": "revise", "key": "a", "value": "x", "expected_version": 1}, ConflictError,
     "version 2, not 1"),
    ({"op": "revise", "key": "gone", "value": "x"}, InvalidInputError, "cancelled"),
    ({"op": "rollback", "key": "a", "to_n": 9}, NotFoundError, "no revision 9"),
    ({"op": "depend", "key": "a", "depends_on": "b"}, CycleError, "a -> b -> a"),
    ({"op": "link", "key": "a", "parent": "ghost"}, NotFoundError, "'ghost'"),
    ({"op": "undepend", "key": "a", "depends_on": "gone"}, NotFoundError, "no such edge"),
    ({"op": "cancel", "key": "ghost"}, NotFoundError, "'ghost'"),
    ({"op": "clear_stale", "key": "ghost"}, NotFoundError, "'ghost'"),
])
def test_a_refused_operation_after_others_leaves_nothing_written(
    store: MemoryStore, failing: dict[str, object], error: type[Exception], message: str
) -> None:
    store.add_task("a", "A", "1")
    store.add_task("b", "B", depends_on=["a"])
    store.add_task("gone", "Gone")
    store.cancel("gone")
    before = graph_snapshot(store)
    seq = store.workspace_info()["seq"]
    feed = store.changes()
    with pytest.raises(error, match=message):
        store.apply([
            {"op": "revise", "key": "a", "value": "2"},
            {"op": "add", "key": "c", "title": "C", "depends_on": ["b"]},
            {"op": "cancel", "key": "b"},
            failing,
        ], turn=TurnInput("several things", "update"))
    assert graph_snapshot(store) == before
    assert store.workspace_info()["seq"] == seq
    assert store.changes() == feed
    assert store.turns() == []


def test_a_write_of_one_operation_is_one_statement_sent_alone(store: MemoryStore) -> None:
    """A write of one operation other than an add is one statement run on its own, committed
    by the server when it ends (one round trip, no transaction opened around it), with the
    same text for every write of its kind, so the server plans it once a kind."""
    store.add_task("a", "A", "1")
    store.add_task("b", "B", "1", depends_on=["a"])
    store.add_task("c", "C")
    driver = store.driver
    sent: list[str] = []
    real_query, real_session = driver.execute_query, driver.session

    def execute_query(*args: object, **kwargs: object) -> object:
        raise AssertionError("a write of one operation opened a transaction")

    class Recording:
        """A session whose only use allowed is run."""

        def __init__(self, session: neo4j.Session) -> None:
            self.session = session

        def __enter__(self) -> Recording:
            self.session.__enter__()
            return self

        def __exit__(self, *exc: object) -> None:
            self.session.__exit__(*exc)  # type: ignore[arg-type]

        def run(self, query: object, *args: object, **kwargs: object) -> object:
            sent.append(str(getattr(query, "text", query)))
            return self.session.run(query, *args, **kwargs)  # type: ignore[arg-type]

        def __getattr__(self, name: str) -> object:
            raise AssertionError(f"a write of one operation called session.{name}")

    def session(*args: object, **kwargs: object) -> object:
        return Recording(real_session(*args, **kwargs))  # type: ignore[arg-type]

    driver.execute_query = execute_query  # type: ignore[method-assign]
    driver.session = session  # type: ignore[method-assign]
    try:
        assert store.revise("a", "2").value == "2"
        assert store.revise("a", "3").version == 3
        assert store.depend("c", "a").depends_on == ["a"]
    finally:
        driver.execute_query = real_query  # type: ignore[method-assign]
        driver.session = real_session  # type: ignore[method-assign]
    assert len(sent) == 3
    assert sent[0] == sent[1] != sent[2]
    assert store.get_task("b").stale
    assert [c.op for c in store.changes()][-3:] == ["revise", "revise", "depend"]


def test_a_write_of_several_operations_is_one_statement_with_the_same_text(
        store: MemoryStore) -> None:
    """A write of several operations of different kinds is one execute_query call (BEGIN
    travels with the statement, the commit waits for the client's check of every operation),
    opens no session of its own, and sends the same text whatever its operations, so the
    server plans it once."""
    store.add_task("a", "A", "1")
    driver = store.driver
    sent: list[str] = []
    real_query, real_session = driver.execute_query, driver.session

    def execute_query(query: object, *args: object, **kwargs: object) -> object:
        sent.append(str(getattr(query, "text", query)))
        return real_query(query, *args, **kwargs)  # type: ignore[arg-type]

    def session(*args: object, **kwargs: object) -> object:
        raise AssertionError("a write opened a session")

    driver.execute_query = execute_query  # type: ignore[method-assign]
    driver.session = session  # type: ignore[method-assign]
    try:
        store.apply([{"op": "revise", "key": "a", "value": "2"},
                     {"op": "add", "key": "b", "title": "B", "depends_on": ["a"]}])
        store.apply([{"op": "add", "key": "c", "title": "C"},
                     {"op": "depend", "key": "c", "depends_on": "b"}])
    finally:
        driver.execute_query = real_query  # type: ignore[method-assign]
        driver.session = real_session  # type: ignore[method-assign]
    assert len(sent) == 2
    assert sent[0] == sent[1]
    assert store.get_task("c").depends_on == ["b"]
    # The first operation on a task names what the write did to it: c was added.
    assert [c.op for c in store.changes()][-3:] == ["revise", "add", "add"]


def test_the_write_statement_finds_tasks_and_turns_by_seeks(store: MemoryStore) -> None:
    """Every task and turn the write statement looks up is found by a seek of an index on its
    workspace and key (a turn's: its number or request), whatever statistics the server plans
    it on: never a read of every task of the workspace (the (ws) index) or of the database (an
    index scan)."""
    store.add_task("a", "A", "1")
    driver = store.driver
    sent: list[tuple[str, dict[str, object]]] = []
    real_query = driver.execute_query

    def execute_query(query: object, params: dict[str, object], **kwargs: object) -> object:
        sent.append((str(getattr(query, "text", query)), params))
        return real_query(query, params, **kwargs)  # type: ignore[arg-type]

    driver.execute_query = execute_query  # type: ignore[assignment]
    try:
        # Operations of two kinds: the statement that holds every kind's branch.
        store.apply([{"op": "add", "key": "b", "title": "B", "depends_on": ["a"]},
                     {"op": "revise", "key": "a", "value": "2"}])
    finally:
        driver.execute_query = real_query  # type: ignore[method-assign]
    text, params = sent[0]
    with driver.session(database=store.settings.neo4j_database) as session:
        plan = session.run("EXPLAIN " + text, params).consume().plan
    assert plan is not None
    lookups: list[tuple[str, str]] = []

    def walk(step: dict[str, object]) -> None:
        operator = str(step["operatorType"]).split("@")[0]
        if "Seek" in operator or "Scan" in operator:
            lookups.append((operator, str(step["args"].get("Details", ""))))  # type: ignore[attr-defined]
        for child in step.get("children", []):  # type: ignore[attr-defined]
            walk(child)

    walk(plan)
    tasks_and_turns = [(op, d) for op, d in lookups if ":Task(" in d or ":Turn(" in d]
    assert len(tasks_and_turns) >= 15
    slow = [(op, d) for op, d in tasks_and_turns
            if "Scan" in op or ":Task(ws)" in d or ":Turn(ws)" in d]
    assert slow == []


def test_a_long_write_is_all_or_nothing_too(store: MemoryStore) -> None:
    """A write of many operations is the same one statement, all or nothing."""
    store.add_task("root", "Root", "1")
    result = store.apply([{"op": "add", "key": f"t{i}", "title": f"T {i}",
                           "depends_on": ["root"]} for i in range(10)]
                         + [{"op": "revise", "key": "root", "value": "2"}])
    assert len(result.touched) == 11
    assert sorted(result.stale) == sorted(f"t{i}" for i in range(10))
    assert {c.seq for c in store.changes()[-11:]} == {result.seq}
    before = graph_snapshot(store)
    seq = store.workspace_info()["seq"]
    with pytest.raises(NotFoundError, match="'ghost'"):
        store.apply([{"op": "add", "key": f"u{i}", "title": f"U {i}"} for i in range(9)]
                    + [{"op": "revise", "key": "ghost", "value": "x"}])
    assert graph_snapshot(store) == before
    assert store.workspace_info()["seq"] == seq


def test_each_operation_of_a_write_sees_what_the_ones_before_it_wrote(
    store: MemoryStore,
) -> None:
    """The operations of one write run in order: a task added is there for a link and a
    dependency after it; a revision then a rollback of the same task leaves the old value, with
    both revisions in its history; a revision of a task added in the same write propagates to a
    dependent added in it too."""
    store.add_task("plan", "Plan", "draft")
    result = store.apply([
        {"op": "add", "key": "venue", "title": "Venue", "value": "hall"},
        {"op": "add", "key": "menu", "title": "Menu"},
        {"op": "link", "key": "menu", "parent": "venue"},
        {"op": "depend", "key": "menu", "depends_on": "venue"},
        {"op": "revise", "key": "plan", "value": "final"},
        {"op": "rollback", "key": "plan"},
        {"op": "revise", "key": "venue", "value": "garden"},
    ])
    assert result.touched == {"venue": "add", "menu": "add", "plan": "revise"}
    menu = store.get_task("menu")
    assert (menu.parents, menu.depends_on, menu.stale) == (["venue"], ["venue"], True)
    assert "garden" in (menu.stale_reason or "")
    assert result.stale == {"menu": menu.stale_reason}
    plan = store.get_task("plan")
    assert (plan.value, plan.version) == ("draft", 3)
    assert [(r.value, r.op) for r in store.history("plan")] == [
        ("draft", "add"), ("final", "revise"), ("draft", "rollback")]
    assert store.get_task("venue").value == "garden"


def test_a_parent_or_dependency_named_twice_in_an_add_is_one_edge(store: MemoryStore) -> None:
    store.add_task("trip", "Trip")
    store.add_task("visa", "Visa")
    store.apply([{"op": "add", "key": "flight", "title": "Flight", "parents": ["trip", "trip"],
                  "depends_on": ["visa", "visa"]}])
    flight = store.get_task("flight")  # one key a listed edge: two edges would list it twice
    assert (flight.parents, flight.depends_on) == (["trip"], ["visa"])


def _root_keys(store: MemoryStore) -> list[str]:
    return sorted(t.key for t in store.roots())


def test_roots_follow_every_edge_a_write_adds_or_removes(store: MemoryStore) -> None:
    store.add_task("trip", "Trip")
    store.add_task("hotel", "Hotel", parents=["trip"])
    store.add_task("dinner", "Dinner")
    assert _root_keys(store) == ["dinner", "trip"]
    store.link("dinner", "trip")
    assert _root_keys(store) == ["trip"]
    store.link("hotel", "dinner")  # a second parent
    store.unlink("hotel", "trip")
    assert _root_keys(store) == ["trip"]  # hotel keeps a parent
    store.unlink("dinner", "trip")
    assert _root_keys(store) == ["dinner", "trip"]
    # Several edges in one write, the task added and linked in the same write included.
    store.apply([{"op": "add", "key": "museum", "title": "Museum"},
                 {"op": "link", "key": "museum", "parent": "trip"},
                 {"op": "link", "key": "dinner", "parent": "trip"},
                 {"op": "unlink", "key": "hotel", "parent": "dinner"}])
    assert _root_keys(store) == ["hotel", "trip"]
    store.cancel("hotel")
    assert _root_keys(store) == ["trip"]  # a cancelled root is not listed
    store.restore("hotel")
    assert _root_keys(store) == ["hotel", "trip"]
    # A write refused as a whole leaves the roots as they were.
    with pytest.raises(CycleError):
        store.apply([{"op": "link", "key": "hotel", "parent": "trip"},
                     {"op": "link", "key": "trip", "parent": "hotel"}])
    assert _root_keys(store) == ["hotel", "trip"]


def test_roots_are_the_newest_first_and_stop_at_the_limit(store: MemoryStore) -> None:
    for key in ("a", "b", "c"):
        store.add_task(key, key.upper())
    store.revise("a", "again")
    assert [t.key for t in store.roots(limit=2)] == ["a", "c"]  # shown oldest first


def test_schema_statements_mark_roots_of_tasks_written_without_the_marker(
    store: MemoryStore,
) -> None:
    store.add_task("trip", "Trip")
    store.add_task("hotel", "Hotel", parents=["trip"])
    # As a database written before the marker existed holds them, or one marked wrong.
    store.driver.execute_query("MATCH (t:Task {ws: $ws}) REMOVE t:Root", ws=store.workspace)
    store.driver.execute_query("MATCH (t:Task {ws: $ws, key: 'hotel'}) SET t:Root",
                               ws=store.workspace)
    assert _root_keys(store) == ["hotel"]
    store.ensure_schema(force=True)
    assert _root_keys(store) == ["trip"]


def test_a_word_with_a_digit_finds_that_id_not_its_neighbours(store: MemoryStore) -> None:
    store.add_task("room-41207", "Room 41207", "booked")
    store.add_task("room-41208", "Room 41208", "free")
    store.add_task("itinerary", "Itinerary", "draft")
    assert [a.task.key for a in store.align("is 41207 booked")] == ["room-41207"]
    # A word of letters still forgives a typo or a plural.
    assert [a.task.key for a in store.align("itinerery")] == ["itinerary"]
    assert [t.key for t, _ in store.search_history(["41207"])] == ["room-41207"]


def _past(store: MemoryStore) -> dict[str, list[str]]:
    records, _, _ = store.driver.execute_query(
        "MATCH (t:Task {ws: $ws}) RETURN t.key AS key, t.past AS past", ws=store.workspace)
    return {r["key"]: r["past"] for r in records}


def test_a_task_keeps_every_value_and_title_it_had_once(store: MemoryStore) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.add_task("budget", "Budget")
    store.add_task("plan", "Plan", "Plan")
    store.revise("destination", "Portland")
    store.revise("destination", "Denver", title="Where to")
    store.rollback("destination", to_value="Seattle")
    store.cancel("destination")
    store.restore("destination")
    store.revise("destination", "Portland")
    store.revise("budget", None)
    assert len(store.history("destination")) == 7
    assert _past(store) == {
        "destination": ["Seattle", "Destination", "Portland", "Denver", "Where to"],
        "budget": ["Budget"], "plan": ["Plan"]}
    # History search finds a task by a value or a title it no longer has.
    assert [t.key for t, _ in store.search_history(["denver"])] == ["destination"]
    assert [t.key for t, _ in store.search_history(["where to"])] == ["destination"]
    assert store.search_history(["boise"]) == []
    task = store.get_task("destination")  # the rollback took the title back too
    assert (task.title, task.value) == ("Destination", "Portland")


def test_a_store_of_the_previous_generation_is_upgraded_and_its_history_found(
    store: MemoryStore,
) -> None:
    store.add_task("destination", "Destination", "Seattle")
    store.revise("destination", "Portland", title="Where to")
    store.rollback("destination", to_value="Seattle")
    store.add_task("budget", "Budget", "900")
    # More tasks than the upgrade fills in one transaction.
    generate_tasks(store, [{"key": f"g{i}", "title": f"Step {i}", "values": [f"v{i}", "w"]}
                           for i in range(5_100)], [], [])
    kept = _past(store)
    assert kept["g7"] == ["v7", "Step 7", "w"]
    # As generation 2 left it: tasks without `past`, revisions in a full-text index of their
    # own, and the task index without the field.
    run = store.driver.execute_query
    run("MATCH (t:Task {ws: $ws}) REMOVE t.past", ws=store.workspace)
    assert set(_past(store).values()) == {None}
    run("CREATE FULLTEXT INDEX task_search IF NOT EXISTS FOR (t:Task) "
        "ON EACH [t.title, t.value, t.key, t.ws] "
        "OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}")
    run("CREATE FULLTEXT INDEX revision_search IF NOT EXISTS FOR (r:Revision) "
        "ON EACH [r.value, r.title, r.ws] "
        "OPTIONS {indexConfig: {`fulltext.eventually_consistent`: true}}")
    run("MATCH (m:TmeSchema {id: 'tme'}) SET m.generation = 2, m.version = 'generation-2'")
    assert store.search_history(["portland"]) == []
    assert store.ensure_schema() is True  # the marker names an older generation
    assert _past(store) == kept
    assert [t.key for t, h in store.search_history(["portland"])] == ["destination"]
    assert [r.value for _, h in store.search_history(["portland"]) for r in h] == [
        "Seattle", "Portland", "Seattle"]
    records, _, _ = run("SHOW FULLTEXT INDEXES YIELD name, labelsOrTypes, properties "
                        "WHERE any(label IN labelsOrTypes WHERE label IN ['Task', 'Revision']) "
                        "RETURN name, labelsOrTypes, properties")
    assert [r.data() for r in records] == [{
        "name": "task_fulltext", "labelsOrTypes": ["Task"],
        "properties": ["title", "value", "key", "ws", "past"]}]
    assert store.ensure_schema() is False
