"""What the offline reader must get right, end to end on a real Neo4j: short conversations in
which a user changes attributes, finishes tasks, rolls values back and states plans, each said
once where a user expects it to work and once where it should write nothing. Every test asserts
the state a user would look at afterwards."""

from __future__ import annotations

import pytest
from conftest import graph_snapshot

from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.models import Task, TaskStatus
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.rules import RuleInterpreter


@pytest.fixture
def engine(store: MemoryStore) -> TaskMemoryEngine:
    return TaskMemoryEngine(store, RuleInterpreter())


def said(engine: TaskMemoryEngine, *turns: str) -> dict[str, Task]:
    for turn in turns:
        engine.process(turn)
    return {t.key: t for t in engine.store.state(include_cancelled=True).tasks}


def writes_nothing(engine: TaskMemoryEngine, turn: str) -> None:
    before = graph_snapshot(engine.store)
    result = engine.process(turn)
    assert graph_snapshot(engine.store) == before, turn
    assert not result.changed


def titled(state: dict[str, Task], title: str) -> Task:
    return next(t for t in state.values() if t.title == title)


def test_two_requests_in_one_sentence_a_count_and_a_report_before_done(
        engine: TaskMemoryEngine) -> None:
    state = said(engine, "Book a string quartet for the gala and hire ten easels.")
    quartet = titled(state, "Book a string quartet for the gala")
    easels = titled(state, "Hire ten easels")
    state = said(engine, "Make it twelve easels, not ten.",
                 "I booked the quartet, mark it done.")
    assert state[easels.key].title == "Hire twelve easels"
    assert state[quartet.key].status == TaskStatus.DONE
    assert state[easels.key].status == TaskStatus.ACTIVE
    assert not any("I" in (t.value or "").split(", ") for t in state.values())


def test_marking_one_of_two_tasks_done_finishes_that_one(engine: TaskMemoryEngine) -> None:
    state = said(engine, "Book a string quartet for the gala and hire ten easels.",
                 "Mark the quartet as done.")
    assert titled(state, "Book a string quartet for the gala").status == TaskStatus.DONE
    assert titled(state, "Hire ten easels").status == TaskStatus.ACTIVE


def test_changes_to_things_memory_lacks_write_nothing(engine: TaskMemoryEngine) -> None:
    said(engine, "Sand the deck and oil the railings.")
    for turn in ("Make it twelve easels, not ten.", "Change the quartet to a trio.",
                 "The inspection's been pushed back to March 17.",
                 "Move the recital to Saturday, same time.", "Revert the launch date.",
                 "Go back to the previous date.", "Should we go back to the first plan?",
                 "I booked the quartet, mark it done.", "Mark the quartet as done."):
        writes_nothing(engine, turn)


def test_a_moved_date_revises_the_date_attribute(engine: TaskMemoryEngine) -> None:
    state = said(engine, "Book the inspection for March 3.",
                 "The inspection's been pushed back to March 17.")
    dates = [t for t in state.values() if t.parents and t.title == "Date"]
    assert [d.value for d in dates] == ["March 17"]
    assert all("March 17" not in (t.value or "") for t in state.values() if not t.parents)


def test_an_event_its_day_moved_and_moved_back(engine: TaskMemoryEngine) -> None:
    state = said(engine, "Coffee with Priya on Tuesday at 10am.")
    coffee = titled(state, "Coffee")
    attributes = {t.title: t.value for t in state.values() if coffee.key in t.parents}
    assert attributes == {"Person": "Priya", "Date": "Tuesday", "Time": "10am"}
    state = said(engine, "Move the coffee to Thursday, same time.")
    attributes = {t.title: t.value for t in state.values() if coffee.key in t.parents}
    assert attributes == {"Person": "Priya", "Date": "Thursday", "Time": "10am"}
    state = said(engine, "Sorry, go back to the previous date.")
    attributes = {t.title: t.value for t in state.values() if coffee.key in t.parents}
    assert attributes == {"Person": "Priya", "Date": "Tuesday", "Time": "10am"}


def test_a_named_date_rolls_back_and_another_is_untouched(engine: TaskMemoryEngine) -> None:
    said(engine, "Book the launch for May 2.", "Move the launch to May 9.",
         "Book the retro for May 12.")
    state = said(engine, "Revert the launch date.")
    dates = {t.parents[0]: t.value for t in state.values() if t.title == "Date"}
    assert sorted(dates.values()) == ["May 12", "May 2"]


def test_a_plan_then_one_verb_for_a_list_of_its_steps(engine: TaskMemoryEngine) -> None:
    state = said(engine, "I'm planning a book fair at the library from June 6 to June 8.")
    (root,) = [t for t in state.values() if not t.parents]
    state = said(engine, "For the fair, let's hire a printer, a caterer and a sound system.")
    steps = sorted(t.title for t in state.values() if root.key in t.parents)
    assert steps == ["Hire a caterer", "Hire a printer", "Hire a sound system"]
    assert [t.key for t in state.values() if not t.parents] == [root.key]
    writes_nothing(engine, "For the fair, should we hire a printer, a caterer and a band?")


def test_nouns_in_a_list_stay_one_request(engine: TaskMemoryEngine) -> None:
    state = said(engine, "Buy nails and screws.")
    assert [t.title for t in state.values()] == ["Buy nails and screws"]


def test_a_plan_with_its_day_its_items_a_swap_and_an_undo(engine: TaskMemoryEngine) -> None:
    state = said(engine, "Organise a barbecue on Saturday: buy charcoal, sausages and buns.")
    (root,) = [t for t in state.values() if not t.parents]
    under = sorted((t.title, t.value) for t in state.values() if root.key in t.parents)
    assert under == [("Date", "Saturday"), ("buy buns", None), ("buy charcoal", None),
                     ("buy sausages", None)]
    state = said(engine, "Swap the sausages for veggie burgers.")
    assert "buy veggie burgers" in {t.title for t in state.values()}
    assert "buy sausages" not in {t.title for t in state.values()}
    state = said(engine, "Undo that.")
    assert "buy sausages" in {t.title for t in state.values()}
    writes_nothing(engine, "Swap the lemonade for iced tea.")


def test_a_bare_count_corrects_the_count_it_names(engine: TaskMemoryEngine) -> None:
    said(engine, "Sand the deck and hire three ladders.")
    state = said(engine, "Make it five, not three.")
    assert {t.title for t in state.values()} == {"Sand the deck", "Hire five ladders"}
    writes_nothing(engine, "Make it Wednesday, not Tuesday.")


def test_a_booking_moved_by_someone_else_and_a_deadline_moved_by_a_span(
        engine: TaskMemoryEngine) -> None:
    said(engine, "Physio with Dr Lee on Tuesday at 2pm.", "Book the grant review for May 2.")
    state = said(engine, "They moved me to 3:30.")
    times = [t.value for t in state.values() if t.title == "Time"]
    assert times == ["3:30"]
    state = said(engine, "Push the grant review date back a week.")
    dates = sorted(t.value or "" for t in state.values() if t.title == "Date")
    assert dates == ["May 9", "Tuesday"]


def test_moves_of_bookings_memory_lacks_write_nothing(engine: TaskMemoryEngine) -> None:
    said(engine, "Sand the deck and oil the railings.")
    writes_nothing(engine, "They moved me to 3:30.")
    writes_nothing(engine, "Push the deadline back a week.")


def test_doing_what_a_task_says_finishes_only_that_task(engine: TaskMemoryEngine) -> None:
    said(engine, "Book a string quartet for the gala and hire ten easels.")
    state = said(engine, "We booked the string quartet.")
    assert titled(state, "Book a string quartet for the gala").status == TaskStatus.DONE
    assert titled(state, "Hire ten easels").status == TaskStatus.ACTIVE
    writes_nothing(engine, "We booked the harpist.")


def test_an_undo_with_no_earlier_value_says_why_and_writes_nothing(
        engine: TaskMemoryEngine) -> None:
    said(engine, "Book a table at the harbour bistro.")
    writes_nothing(engine, "Undo that.")
    assert "no earlier value to go back to" in engine.process("Revert it.").reply


@pytest.mark.parametrize("order", [
    "the panels wait on the posts and on the quotes",
    "painting the panels depends on the posts and the quotes",
    "the panels have to wait for the quotes and the posts",
    "the panels rely on both the posts and the quotes",
])
def test_a_task_that_waits_for_several_waits_for_each(engine: TaskMemoryEngine,
                                                      order: str) -> None:
    state = said(engine, "Mend the fence: get quotes, buy posts, dig holes, paint the panels")
    state = said(engine, order)
    panels = titled(state, "Paint the panels")
    assert sorted(state[k].title for k in panels.depends_on) == ["Buy posts", "Get quotes"]
    answer = engine.process("what are the panels waiting on?").reply
    assert "Buy posts" in answer
    assert "Get quotes" in answer
    assert "Dig holes" not in answer



@pytest.mark.parametrize("turn", [
    "the hedge is getting wild, so add: book the hedge trimmer",
    "Priya offered her van, so also add: book the hedge trimmer",
    "and add: book the hedge trimmer",
])
def test_an_add_after_a_colon_inside_a_sentence_adds_what_follows(engine: TaskMemoryEngine,
                                                                   turn: str) -> None:
    said(engine, "Mend the fence: get quotes, buy posts")
    state = said(engine, turn)
    trimmer = titled(state, "Book the hedge trimmer")
    assert trimmer.parents == [titled(state, "Mend the fence").key]
