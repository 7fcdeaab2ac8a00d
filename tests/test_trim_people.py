"""People a plan names and the times they hold: a time for each person said in one list, a
person sending word (no step finished), "him" for the one person just spoken of, a slot named
by someone memory never held (nothing moves), the whole plan moved to a new day, and a person
added with their time. Paraphrase sets on a memory of their own (viewings of a flat); no
database, and no sentence taken from any scenario."""

from __future__ import annotations

import pytest

from tme_neo4j.models import AddTask, ReviseTask, Task, TaskStatus
from tme_neo4j.trim.base import READ_ONLY, TrimResult, TrimView
from tme_neo4j.trim.rules import RuleInterpreter


def _task(key: str, title: str, value: str | None = None, *, parent: str | None = None) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value,
                parents=[parent] if parent else [], status=TaskStatus.ACTIVE)


MEMORY = [
    _task("viewings", "Arrange viewings of the flat"),
    _task("ana", "Ana Silva", "Saturday", parent="viewings"),
    _task("ben", "Ben Ross", "Saturday", parent="viewings"),
    _task("cleo", "Cleo Hart", "Saturday", parent="viewings"),
    _task("keys", "Get spare keys cut"),
]


def _read(text: str) -> TrimResult:
    return RuleInterpreter().interpret(text, TrimView(tasks=MEMORY, focus=["viewings"]))


def _written(result: TrimResult) -> list[object]:
    return [op for s in result.subtasks if s.intent not in READ_ONLY for op in s.operations]


def _values(result: TrimResult) -> dict[str, str | None]:
    return {op.key: op.value for op in _written(result) if isinstance(op, ReviseTask)}


@pytest.mark.parametrize(("text", "values"), [
    ("Ana at 10:00, Ben at 11:30 and Cleo at 2:00.",
     {"ana": "Saturday, 10:00", "ben": "Saturday, 11:30", "cleo": "Saturday, 2:00"}),
    ("Ben at 9:15 and Cleo in the afternoon at 3pm",
     {"ben": "Saturday, 9:15", "cleo": "Saturday, 3pm"}),
    ("Cleo at 12:30, Ana at 1:45", {"cleo": "Saturday, 12:30", "ana": "Saturday, 1:45"}),
])
def test_a_time_for_each_person_in_one_list(text: str, values: dict[str, str]) -> None:
    assert _values(_read(text)) == values


def test_a_list_with_someone_memory_does_not_hold_writes_nothing() -> None:
    assert _written(_read("Ana at 10:00, Zoe at 11:30 and Cleo at 2:00.")) == []


@pytest.mark.parametrize("text", [
    "Ben's emailed.", "Cleo has just rung.", "Ana's texted, all good.", "Ben has replied.",
])
def test_a_person_sending_word_finishes_nothing(text: str) -> None:
    assert _written(_read(text)) == []


@pytest.mark.parametrize(("text", "key"), [
    ("Ben's emailed, he can't make it then. Put him at 4:30 instead.", "ben"),
    ("Ana called and she can't do it then. Move her to 4:30.", "ana"),
])
def test_him_or_her_is_the_one_person_just_spoken_of(text: str, key: str) -> None:
    assert _values(_read(text)) == {key: "Saturday, 4:30"}


@pytest.mark.parametrize("text", [
    "Push Zoe's viewing to 4:00.", "Move Priti's slot to Monday.", "Shift Omar's visit to 5pm.",
])
def test_a_slot_named_by_someone_memory_never_held_moves_nothing(text: str) -> None:
    result = _read(text)
    assert _written(result) == []
    assert any(s.intent == "unparsed" for s in result.subtasks)


@pytest.mark.parametrize("text", [
    "Shift the whole lot to Sunday.", "Shift everything to Sunday, the agent's away.",
    "Push the entire day to Sunday",
])
def test_the_whole_plan_moved_moves_every_date_it_holds(text: str) -> None:
    assert _values(_read(text)) == {"ana": "Sunday", "ben": "Sunday", "cleo": "Sunday"}


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Add Dan Moss at 3:45 in her slot.", "Dan Moss", "3:45"),
    ("add Eve Hill at 4pm", "Eve Hill", "4pm"),
    ("Add Finn Ray on Sunday in Ben's place", "Finn Ray", "Sunday"),
])
def test_a_person_added_with_their_time_is_a_title_and_its_value(
        text: str, title: str, value: str) -> None:
    added = [op for op in _written(_read(text)) if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, ["viewings"])]


@pytest.mark.parametrize("text", [
    "Ana's been nervous about it all week, bless her.", "bless him", "Bless them.",
    "Cleo's panicking, poor thing.",
])
def test_a_word_of_sympathy_is_talk_and_names_no_one(text: str) -> None:
    assert _written(_read(text)) == []


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Swap Ben Ross to 5:50.", "ben", "Saturday, 5:50"),
    ("switch Cleo to 4pm", "cleo", "Saturday, 4pm"),
])
def test_swapping_someone_to_a_time_moves_them(text: str, key: str, value: str) -> None:
    assert _values(_read(text)) == {key: value}


@pytest.mark.parametrize(("text", "key"), [
    ("Actually leave Ben Ross behind.", "ben"), ("leave the spare keys at home", "keys"),
])
def test_leaving_something_at_home_or_behind_drops_it(text: str, key: str) -> None:
    written = _written(_read(text))
    assert [(type(op).__name__, getattr(op, "key", None)) for op in written] == [
        ("CancelTask", key)]


@pytest.mark.parametrize(("text", "value"), [
    ("Let's say £900 for the deposit, the agent wants more.", "£900"),
    ("say £850 for the deposit", "£850"),
    ("We'll call it £800 for the deposit.", "£800"),
])
def test_a_value_said_for_a_thing_is_a_change_of_it(text: str, value: str) -> None:
    memory = [*MEMORY, _task("deposit", "Deposit", "£700", parent="viewings")]
    result = RuleInterpreter().interpret(text, TrimView(tasks=memory, focus=["viewings"]))
    assert _values(result) == {"deposit": value}


TEACHERS = [_task("evening", "Open evening"),
            _task("hughes", "Mr Lamb for maths", "5:10", parent="evening"),
            _task("do", "Do Ana's form", parent="evening")]


def test_him_is_a_person_named_by_title_and_surname() -> None:
    past = {"hughes": ["5:10", "5:50"]}
    memory = [*TEACHERS[:1], TEACHERS[1].model_copy(update={"value": "5:50"}), TEACHERS[2]]
    result = RuleInterpreter().interpret(
        "Mr Lamb says 5:50 is no good now, so set him back to his initial slot.",
        TrimView(tasks=memory, focus=["evening"], past_values=past))
    assert [(type(op).__name__, op.key) for op in _written(result)] == [
        ("RollbackTask", "hughes")]


def test_a_common_word_that_opens_a_title_names_no_one() -> None:
    result = RuleInterpreter().interpret("Mr Lamb can't do 6, so cancel his.",
                                         TrimView(tasks=TEACHERS, focus=["evening"]))
    assert not any(getattr(op, "key", "") == "do" for op in _written(result))


@pytest.mark.parametrize("text", ["11:30 again.", "so 11:30 again"])
def test_a_value_said_again_sets_back_the_value_that_held_it(text: str) -> None:
    memory = [*MEMORY[:2], MEMORY[2].model_copy(update={"value": "Saturday, 12:00"}),
              *MEMORY[3:]]
    past = {"ben": ["Saturday", "Saturday, 11:30", "Saturday, 12:00"]}
    result = RuleInterpreter().interpret(text, TrimView(tasks=memory, focus=["viewings"],
                                                        past_values=past))
    assert [(type(op).__name__, op.key) for op in _written(result)] == [("RollbackTask", "ben")]


def test_a_title_that_is_a_function_word_names_no_one() -> None:
    memory = [*MEMORY, _task("lunch.from", "From", "the deli", parent="viewings")]
    result = RuleInterpreter().interpret("Ana wants to bring Zoe from work too, add him.",
                                         TrimView(tasks=memory, focus=["viewings"]))
    assert not any(isinstance(op, AddTask) and op.title == "From" for op in _written(result))


@pytest.mark.parametrize("text", [
    "Ben's away that week. Put Dan in his place.", "Ben's on holiday, make it Dan.",
    "Ben's off sick, get Dan instead.",
])
def test_someone_asked_for_in_place_of_a_person_away_takes_their_place(text: str) -> None:
    memory = [*MEMORY, _task("keys.who", "Who", "Ben and Cleo", parent="viewings")]
    result = RuleInterpreter().interpret(text, TrimView(tasks=memory, focus=["viewings"]))
    assert _values(result).get("keys.who") == "Dan and Cleo"


def test_a_person_asked_for_with_no_one_away_replaces_no_one() -> None:
    memory = [*MEMORY, _task("keys.who", "Who", "Ben and Cleo", parent="viewings")]
    result = RuleInterpreter().interpret("Put Dan in her place.",
                                         TrimView(tasks=memory, focus=["viewings"]))
    assert "keys.who" not in _values(result)
