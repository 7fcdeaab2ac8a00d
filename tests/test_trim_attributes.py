"""The rule-based reader on attributes and on plans told as statements: a date, day, time,
count or person of a task changed by name or by kind, a report before a request to finish, an
event told as a noun phrase, requests coordinated in one sentence, and a verb shared by a list
of objects under a plan named first. Each test builds its view of memory by hand; no database."""

from __future__ import annotations

import pytest
from test_trim_rules import interpret, task

from tme_neo4j.models import AddTask, CompleteTask, ReviseTask, RollbackTask, Task
from tme_neo4j.trim.base import Intent, TrimResult


def added(result: TrimResult) -> list[AddTask]:
    return [op for op in result.operations if isinstance(op, AddTask)]


def revised(result: TrimResult) -> dict[str, ReviseTask]:
    return {op.key: op for op in result.operations if isinstance(op, ReviseTask)}


def recital() -> list[Task]:
    return [
        task("recital", "Piano recital"),
        task("recital.date", "Date", "Thursday", parents=("recital",)),
        task("recital.time", "Time", "6pm", parents=("recital",)),
        task("recital.person", "Person", "Mrs Ortiz", parents=("recital",)),
    ]


# -- a report, then a request to finish --------------------------------------------------


@pytest.mark.parametrize("text", [
    "I booked the plumber, mark it done.",
    "We booked the plumber, tick it off.",
    "I've booked the plumber, so mark it as done.",
])
def test_a_report_before_a_request_to_finish_only_finishes(text: str) -> None:
    tasks = [task("plumber", "Book the plumber", "Tuesday"),
             task("tiles", "Buy four boxes of tiles")]
    result = interpret(text, *tasks, focus=("plumber",))
    assert result.operations == [CompleteTask(key="plumber")]


def test_i_is_no_person_named_to_do_a_task() -> None:
    tasks = [task("fence", "Paint the fence", "white")]
    result = interpret("I painted the fence", *tasks, focus=("fence",))
    assert not revised(result)


# -- a date moved ----------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Audit's been pushed back to March 20.",
    "The audit's moved to March 20.",
    "The audit has been postponed to March 20.",
    "They've moved the audit to March 20.",
])
def test_a_moved_date_revises_the_date_attribute(text: str) -> None:
    tasks = [task("audit", "Schedule the audit"),
             task("audit.date", "Date", "March 4", parents=("audit",))]
    result = interpret(text, *tasks, focus=("audit",))
    assert result.operations == [ReviseTask(key="audit.date", value="March 20")]


@pytest.mark.parametrize("text", [
    "Move the recital to Saturday, same time.",
    "Shift the recital to Saturday.",
    "Push the recital to Saturday, keep the time.",
])
def test_a_new_day_changes_the_day_and_keeps_the_time(text: str) -> None:
    result = interpret(text, *recital(), focus=("recital",))
    assert result.operations == [ReviseTask(key="recital.date", value="Saturday")]


# -- a count ---------------------------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "Make it five lamps, not three.",
    "Make that five lamps.",
    "Make it 5 lamps",
])
def test_a_count_in_words_in_a_title_is_revised_there(text: str) -> None:
    tasks = [task("lamps", "Buy three lamps"), task("paint", "Buy grey paint")]
    result = interpret(text, *tasks, focus=("lamps",))
    assert set(revised(result)) == {"lamps"}
    assert revised(result)["lamps"].title in ("Buy five lamps", "Buy 5 lamps")


def test_a_count_of_something_memory_lacks_writes_nothing() -> None:
    tasks = [task("soil", "Order potting soil"), task("pots", "Buy pots")]
    result = interpret("Make it five lamps, not three.", *tasks, focus=("soil",))
    assert not result.operations
    assert result.unparsed


# -- an event told as a noun phrase ----------------------------------------------------------


@pytest.mark.parametrize(("text", "title", "attributes"), [
    ("Brunch with Lena on Sunday at 11am.", "Brunch",
     {"person": "Lena", "date": "Sunday", "time": "11am"}),
    ("Vet appointment on June 2 at 9:30.", "Vet appointment", {"date": "June 2", "time": "9:30"}),
    ("Choir practice at St Mary's on Wednesday.", "Choir practice",
     {"place": "St Mary's", "date": "Wednesday"}),
])
def test_an_event_told_as_a_noun_phrase_is_a_task_with_attributes(
        text: str, title: str, attributes: dict[str, str]) -> None:
    result = interpret(text)
    ops = added(result)
    assert ops[0].title == title
    assert not ops[0].parents
    assert {op.key.split(".")[-1]: op.value for op in ops[1:]} == attributes
    assert all(op.parents == [ops[0].key] for op in ops[1:])


@pytest.mark.parametrize("text", [
    "Nothing on Sunday.",
    "Brunch with Lena.",
    "Don't panic until Friday.",
])
def test_a_phrase_that_names_no_event_writes_nothing(text: str) -> None:
    assert not added(interpret(text))


# -- an attribute rolled back by its kind ----------------------------------------------------


def releases() -> tuple[list[Task], dict[str, list[str]]]:
    tasks = [
        task("beta", "Ship the beta"),
        task("beta.date", "Date", "April 9", parents=("beta",)),
        task("retro", "Team retro"),
        task("retro.date", "Date", "Monday", parents=("retro",)),
    ]
    return tasks, {"beta.date": ["April 2", "April 9"], "retro.date": ["Monday"]}


@pytest.mark.parametrize(("text", "key"), [
    ("Revert the beta date.", "beta.date"),
    ("Roll back the beta date.", "beta.date"),
    ("Go back to the previous date.", "beta.date"),
    ("Sorry, switch back to the earlier date.", "beta.date"),
])
def test_an_attribute_named_by_its_kind_rolls_back(text: str, key: str) -> None:
    tasks, past = releases()
    result = interpret(text, *tasks, focus=("beta",), past=past)
    assert result.operations == [RollbackTask(key=key)]


@pytest.mark.parametrize("text", [
    "Revert the launch date.",  # no task is a launch
    "Revert the retro date.",  # it has had one date only
    "Go back to the previous venue.",  # no task has a venue
])
def test_an_attribute_with_nothing_to_go_back_to_writes_nothing(text: str) -> None:
    tasks, past = releases()
    result = interpret(text, *tasks, focus=("beta",), past=past)
    assert not result.operations
    assert all(s.intent in (Intent.UNPARSED, Intent.NOTE) for s in result.subtasks)


# -- plans told as statements ----------------------------------------------------------------


@pytest.mark.parametrize("text", [
    "For the reunion, let's hire a caterer, a DJ and a photographer.",
    "For the reunion, we should hire a caterer, a DJ and a photographer.",
    "For the reunion, hire a caterer, a DJ and a photographer.",
])
def test_one_verb_before_a_list_gives_a_step_for_each_under_the_plan(text: str) -> None:
    tasks = [task("reunion", "Family reunion", "at the lake in August")]
    result = interpret(text, *tasks, focus=("reunion",))
    assert [(op.title, op.parents) for op in added(result)] == [
        ("Hire a caterer", ["reunion"]), ("Hire a DJ", ["reunion"]),
        ("Hire a photographer", ["reunion"])]
    assert not result.unparsed


def test_one_request_under_a_plan_named_first_is_its_step() -> None:
    tasks = [task("reunion", "Family reunion"), task("garage", "Clear the garage")]
    result = interpret("For the reunion, let's reserve a picnic shelter.", *tasks,
                       focus=("garage",))
    assert [(op.title, op.parents) for op in added(result)] == [
        ("Reserve a picnic shelter", ["reunion"])]


@pytest.mark.parametrize(("text", "titles"), [
    ("Sand the deck and oil the railings.", ["Sand the deck", "Oil the railings"]),
    ("Renew the insurance and book an MOT.", ["Renew the insurance", "Book an MOT"]),
    ("Laminate the flyers for the fair and hire two tables.",
     ["Laminate the flyers for the fair", "Hire two tables"]),
])
def test_coordinated_requests_are_tasks_of_their_own(text: str, titles: list[str]) -> None:
    assert [op.title for op in added(interpret(text)) if not op.parents] == titles


@pytest.mark.parametrize("text", ["Buy rice and beans.", "Wash and dry the cups.",
                                  "Pick up bread and milk."])
def test_coordinated_nouns_stay_one_task(text: str) -> None:
    assert len([op for op in added(interpret(text)) if not op.parents]) == 1


def test_a_count_in_a_new_title_is_kept_out_of_its_key() -> None:
    result = interpret("Sand the deck and hire two ladders.")
    assert [op.key for op in added(result)] == ["deck", "ladders"]


@pytest.mark.parametrize("text", [
    "Make it five, not three.",
    "We need five lamps, not three.",
    "It's five lamps, not three.",
])
def test_a_count_said_with_the_one_it_replaces_revises_that_count(text: str) -> None:
    tasks = [task("lamps", "Buy three lamps"), task("paint", "Buy grey paint")]
    result = interpret(text, *tasks, focus=("lamps",))
    assert set(revised(result)) == {"lamps"}
    assert revised(result)["lamps"].title == "Buy five lamps"


def test_a_correction_of_a_value_memory_never_held_writes_nothing() -> None:
    tasks = [task("lamps", "Buy three lamps"), task("paint", "Buy grey paint")]
    result = interpret("Make it Wednesday, not Tuesday.", *tasks, focus=("lamps",))
    assert not result.operations
    assert result.unparsed


def test_a_new_day_and_time_revise_both_attributes() -> None:
    result = interpret("Push the recital to Saturday at 7pm.", *recital(), focus=("recital",))
    assert result.operations == [ReviseTask(key="recital.date", value="Saturday"),
                                 ReviseTask(key="recital.time", value="7pm")]


def test_a_plan_with_its_day_before_a_colon_and_one_verb_for_its_items() -> None:
    result = interpret("Organise a barbecue on Saturday: buy charcoal, sausages and buns.")
    ops = added(result)
    assert [(op.title, op.value) for op in ops if not op.parents] == [("Organise a barbecue", None)]
    root = ops[0].key
    assert [(op.title, op.value) for op in ops if op.parents == [root]] == [
        ("Date", "Saturday"), ("buy charcoal", None), ("buy sausages", None), ("buy buns", None)]


def test_undo_that_rolls_back_a_value_given_where_there_was_none() -> None:
    swapped = task("drinks", "bring iced tea", "iced tea", parents=("barbecue",))
    swapped = swapped.model_copy(update={"version": 2})
    tasks = [task("barbecue", "Organise a barbecue"), swapped,
             task("buns", "buy buns", parents=("barbecue",))]
    result = interpret("Undo that.", *tasks, focus=("barbecue",), past={"drinks": ["iced tea"]})
    assert result.operations == [RollbackTask(key="drinks")]


def test_it_after_a_report_of_a_thing_memory_lacks_finishes_nothing() -> None:
    tasks = [task("plumber", "Book the plumber"), task("tiles", "Buy four boxes of tiles")]
    result = interpret("I sold the kayak, mark it done.", *tasks, focus=("tiles",))
    assert not result.operations
    assert result.unparsed


@pytest.mark.parametrize(("text", "key", "value"), [
    ("They moved me to 7:15.", "recital.time", "7:15"),
    ("The school has pushed us to Friday.", "recital.date", "Friday"),
])
def test_a_move_told_of_the_speaker_revises_the_booking_in_talk(
        text: str, key: str, value: str) -> None:
    result = interpret(text, *recital(), focus=("recital",))
    assert result.operations == [ReviseTask(key=key, value=value)]


def test_a_move_told_of_the_speaker_with_nothing_booked_writes_nothing() -> None:
    tasks = [task("fence", "Paint the fence"), task("gate", "Oil the gate")]
    assert not interpret("They moved me to 7:15.", *tasks, focus=("fence",)).operations


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Push the deadline back a week.", "grant.due", "May 9"),
    ("Move the deadline up by three days.", "grant.due", "April 29"),
    ("Push the retreat date back two days.", "retreat.date", "Sep 2"),
])
def test_a_date_attribute_moves_by_a_span(text: str, key: str, value: str) -> None:
    tasks = [task("grant", "Write the grant"), task("grant.due", "Deadline", "May 2",
                                                    parents=("grant",)),
             task("retreat", "Staff retreat"), task("retreat.date", "Date", "Aug 31",
                                                    parents=("retreat",))]
    result = interpret(text, *tasks, focus=("retreat",))
    assert result.operations == [ReviseTask(key=key, value=value)]


def test_a_span_with_no_date_to_count_from_writes_nothing() -> None:
    tasks = [task("grant", "Write the grant"), task("grant.due", "Deadline", "soon",
                                                    parents=("grant",))]
    result = interpret("Push the deadline back a week.", *tasks, focus=("grant",))
    assert not result.operations
    assert result.unparsed


@pytest.mark.parametrize(("text", "key"), [("I booked the plumber.", "plumber"),
                                           ("We've bought the tiles.", "tiles"),
                                           ("I finally booked the plumber", "plumber")])
def test_doing_what_a_task_says_finishes_it(text: str, key: str) -> None:
    tasks = [task("plumber", "Book the plumber"), task("tiles", "Buy the tiles")]
    assert interpret(text, *tasks, focus=("tiles",)).operations == [CompleteTask(key=key)]


@pytest.mark.parametrize("text", ["I booked the plumber for Friday.",
                                  "I didn't book the plumber.", "I called the plumber.",
                                  "I booked the electrician."])
def test_a_report_that_says_more_or_less_than_the_task_finishes_nothing(text: str) -> None:
    tasks = [task("plumber", "Book the plumber"), task("tiles", "Buy the tiles")]
    result = interpret(text, *tasks, focus=("tiles",))
    assert not any(isinstance(op, CompleteTask) for op in result.operations)


# -- an attribute is named by its own word, not its task's -------------------------------------


def test_a_quantity_for_a_task_goes_to_the_task_not_its_supplier() -> None:
    tasks = [task("gravel", "Order gravel", "3 tons"),
             task("gravel.from", "From", "Quarry Ltd", parents=("gravel",))]
    result = interpret("Make the gravel 5 tons", *tasks, focus=("gravel",))
    assert revised(result)["gravel"].value == "5 tons"
    assert "gravel.from" not in revised(result)


def test_a_plan_moved_by_it_changes_the_date_its_title_says() -> None:
    tasks = [task("open", "Open day starts May 2, free entry")]
    result = interpret("actually push it to May 9", *tasks, focus=("open",))
    assert revised(result)["open"].title == "Open day starts May 9, free entry"
    assert not added(result)


def test_a_plan_moved_by_it_changes_the_date_an_attribute_holds_first() -> None:
    tasks = [task("open", "Open day starts May 2"),
             task("open.date", "Date", "May 3", parents=("open",))]
    result = interpret("actually push it to May 9", *tasks, focus=("open",))
    assert "open" not in revised(result)
