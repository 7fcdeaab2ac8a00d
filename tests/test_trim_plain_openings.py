"""What is still needed said without a subject, a task named before the value it takes,
plans opened by a short name and whom it is for, an -ing word that names a kind of thing, a
verb of telling said of what one is doing, fractions that are no dates, "a Y one" for the
thing it replaces, a removal naming one entry of a list, a value for a task the same message
removed, "it, and ..." that sets no value, a day of the month with its ordinal, the weekday
of a date just said, what someone has on after a change, "round two" against "round one", and
who does which, a thing in capitals that is nobody, a person taken off a list and the one put
in after them, thanks and feelings that write nothing, and a question under a label.
Paraphrase sets on memories of their own; no database, and no sentence taken from any
scenario."""

from __future__ import annotations

import pytest
from test_trim_people import _task, _values, _written

from tme_neo4j.models import AddTask, CancelTask, ReviseTask, Task
from tme_neo4j.questions import listing
from tme_neo4j.trim.base import Intent, TrimResult, TrimView
from tme_neo4j.trim.language import DATE_RE
from tme_neo4j.trim.rules import RuleInterpreter

TRIP = [_task("trip", "Walking week", "in the Lakes, 3rd to 10th June")]

KIT = [
    _task("club", "Archery club"),
    _task("bow", "recurve bow", parent="club"),
    _task("quiver", "quiver", "green", parent="club"),
    _task("arrows", "carbon arrows", parent="club"),
]

FEEDS = [
    _task("lambs", "Orphan lambs"),
    _task("bottles", "Bottles", "6am, noon and 6pm", parent="lambs"),
    _task("straw", "Straw bales", parent="lambs"),
]


def _read(text: str, tasks: list[Task] | None = None) -> TrimResult:
    tasks = [] if tasks is None else tasks
    focus = [t.key for t in tasks if not t.parents][:1]
    return RuleInterpreter().interpret(text, TrimView(tasks=tasks, focus=focus))


def _added(result: TrimResult) -> dict[str, AddTask]:
    return {op.title.lower(): op for op in _written(result) if isinstance(op, AddTask)}


@pytest.mark.parametrize(("text", "items"), [
    ("We still need boots, maps and a first aid kit.", {"boots", "maps", "first aid kit"}),
    ("Still need boots, maps and a first aid kit.", {"boots", "maps", "first aid kit"}),
    ("I still need waterproofs, a compass and gaiters", {"waterproofs", "compass", "gaiters"}),
    ("still need a flask, a head torch and spare socks",
     {"flask", "head torch", "spare socks"}),
    ("Still to sort: the B&B and the train tickets.", {"b&b", "train tickets"}),
    ("To book: a guide and the minibus", {"guide", "minibus"}),
])
def test_what_is_still_needed_is_more_of_the_plan_in_talk(text: str, items: set[str]) -> None:
    added = _added(_read(text, TRIP))
    assert set(added) == items
    assert all(op.parents == ["trip"] for op in added.values())


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Piano lessons for Noor", "Piano lessons", "for Noor"),
    ("Birthday cake for Grandad", "Birthday cake", "for Grandad"),
    ("Swimming lessons for the twins", "Swimming lessons", "for the twins"),
    ("Climbing sessions for my nephew, Fridays at 5", "Climbing sessions",
     "for my nephew, Fridays at 5"),
    ("Driving lessons for Kai", "Driving lessons", "for Kai"),
])
def test_a_short_name_and_whom_it_is_for_opens_a_plan(text: str, title: str, value: str) -> None:
    added = list(_added(_read(text)).values())
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, [])]


@pytest.mark.parametrize("text", [
    "Quick question for you", "Thanks for that", "Something for the weekend",
    "Piano lessons for Noor?",
])
def test_talk_or_a_question_with_for_opens_nothing(text: str) -> None:
    assert not _written(_read(text))


@pytest.mark.parametrize(("text", "kept"), [
    ("Mum and I are showing our old Land Rover at the county show on the 9th August.",
     "county show"),
    ("We're showing the ponies at Ardingly on Sunday", "Ardingly"),
    ("Me and my sister are listing the spare furniture on Gumtree this weekend", "Gumtree"),
])
def test_a_verb_of_telling_said_of_what_one_is_doing_opens_a_plan(text: str, kept: str) -> None:
    added = list(_added(_read(text)).values())
    assert len(added) == 1
    assert kept in f"{added[0].title} {added[0].value}"


@pytest.mark.parametrize("text", ["Show me the plan", "Showing me the list", "List it all"])
def test_a_verb_of_telling_asked_of_memory_still_reads(text: str) -> None:
    result = _read(text, TRIP)
    assert not _written(result)
    assert [s.intent for s in result.subtasks] == [Intent.CHECK]


@pytest.mark.parametrize(("text", "dates"), [
    ("a 3/4 size cello", []), ("1/2 price tickets", []), ("a 7/8 length coat", []),
    ("due 3/4", ["3/4"]), ("on 12/05/2026 at noon", ["12/05/2026"]),
])
def test_a_fraction_before_what_it_measures_is_no_date(text: str, dates: list[str]) -> None:
    assert DATE_RE.findall(text) == dates


def test_a_list_starting_with_a_fraction_keeps_it_an_item() -> None:
    added = _added(_read("Kit: a 3/4 size violin, a shoulder rest, rosin and a case."))
    assert {"3/4 size violin", "shoulder rest", "rosin", "case"} <= set(added)
    assert added["kit"].value is None


@pytest.mark.parametrize(("text", "key", "new"), [
    ("swap the recurve bow for a compound one", "bow", "compound bow"),
    ("replace the quiver with a leather one", "quiver", "leather quiver"),
    ("change the carbon arrows to aluminium ones", "arrows", "aluminium arrows"),
    ("swap the bow for a lighter one", "bow", "lighter bow"),
])
def test_a_y_one_is_the_kind_of_thing_it_replaces(text: str, key: str, new: str) -> None:
    ops = [op for op in _written(_read(text, KIT)) if isinstance(op, ReviseTask)]
    assert [op.key for op in ops] == [key]
    assert new in {ops[0].title, ops[0].value}
    assert all("one" not in (v or "").split() for v in (ops[0].title, ops[0].value))


@pytest.mark.parametrize("text", [
    "drop the evening bottle", "scrap the midnight bottle", "cancel the early bottles",
])
def test_a_removal_naming_one_entry_of_a_list_removes_nothing_it_cannot_tell(text: str) -> None:
    result = _read(text, FEEDS)
    assert not _written(result)
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]
    assert "Bottles" in (result.subtasks[0].reason or "")


@pytest.mark.parametrize(("text", "key"), [
    ("drop the bottles", "bottles"), ("cancel the straw bales", "straw"),
    ("scrap the bottles altogether", "bottles"),
])
def test_a_removal_naming_the_task_itself_still_removes_it(text: str, key: str) -> None:
    assert [op.key for op in _written(_read(text, FEEDS)) if isinstance(op, CancelTask)] == [key]


@pytest.mark.parametrize("text", [
    "drop the bottles. they're weaned now, twice a day at 7am is plenty",
    "cancel the bottles, then set them to 6am",
])
def test_a_value_for_a_task_removed_in_the_same_message_is_refused(text: str) -> None:
    result = _read(text, FEEDS)
    cancelled = [op.key for op in _written(result) if isinstance(op, CancelTask)]
    revised = [op.key for op in _written(result) if isinstance(op, ReviseTask)]
    assert cancelled == ["bottles"]
    assert "bottles" not in revised


@pytest.mark.parametrize("text", [
    "Add a cake stall, Priya's running it, and three trestle tables.",
    "Book a coach, Tom's sorting it, and two drivers.",
])
def test_it_followed_by_and_sets_no_value(text: str) -> None:
    plan = [_task("fete", "Summer fete", "at the Willows on the 2nd August")]
    assert "fete" not in _values(_read(text, plan))


def test_a_question_naming_several_plans_lists_each() -> None:
    tasks = {t.key: t for t in [
        _task("budget", "Budget", "£6,000"),
        _task("cars", "Cars to see"), _task("fiesta", "Fiesta", "£4,200", parent="cars"),
        _task("checks", "Checks"), _task("hpi", "HPI check", parent="checks"),
    ]}
    told = listing("run me through it all: budget, cars and checks", tasks)
    assert all(s in told for s in ("£6,000", "Fiesta", "HPI"))
    assert "Fiesta" not in listing("run me through the budget", tasks)


LEAGUE = [
    _task("league", "Quiz league", "at the Red Lion"),
    _task("r1", "Round one", "Sunday morning", parent="league"),
    _task("r2", "Round two on the 22nd", parent="league"),
    _task("subs", "Subs", "£5 a head, by the 1st of June", parent="league"),
]


@pytest.mark.parametrize(("text", "key", "said"), [
    ("Make round two the 28th.", "r2", "28th"),
    ("push round one to 1pm", "r1", "1pm"),
    ("move round one to 10:30", "r1", "10:30"),
    ("make round two the 29th", "r2", "29th"),
])
def test_a_task_named_before_the_value_takes_it(text: str, key: str, said: str) -> None:
    ops = [op for op in _written(_read(text, LEAGUE)) if isinstance(op, ReviseTask)]
    assert [op.key for op in ops] == [key]
    assert said in f"{ops[0].title} {ops[0].value}"


@pytest.mark.parametrize("text", [
    "Make the raffle the 28th", "move the buffet to 8pm", "make raffle prizes the 28th",
])
def test_a_name_before_the_value_that_names_no_task_moves_nothing(text: str) -> None:
    assert not _written(_read(text, LEAGUE))


@pytest.mark.parametrize(("said", "value"), [
    ("move it to the 9th", "£5 a head, by the 9th of June"),
    ("make that the 3rd", "£5 a head, by the 3rd of June"),
])
def test_a_new_day_of_the_month_keeps_a_right_ordinal(said: str, value: str) -> None:
    subs = [_task("league", "Quiz league"), _task("subs", "Subs", "£5 a head, by the 1st of June",
                                                    parent="league")]
    assert _values(_read(said, subs)) == {"subs": value}


@pytest.mark.parametrize("text", [
    "Make round two the 28th, that's the Saturday.",
    "make round two the 30th... no, the 28th, which is a Saturday",
    "Move round two to the 28th - it's the Saturday",
])
def test_the_weekday_of_a_date_just_said_changes_nothing_more(text: str) -> None:
    ops = [op for op in _written(_read(text, LEAGUE)) if isinstance(op, ReviseTask)]
    assert [(op.key, op.title) for op in ops] == [("r2", "Round two on the 28th")]


@pytest.mark.parametrize("text", [
    "Move round one to 1pm, he's got a darts match at 12.",
    "push round one to 2pm, she's got a dentist appointment at 1",
    "Round one's moved to 3pm, they've got a wedding at noon",
])
def test_what_someone_has_on_after_a_change_is_why_not_a_task(text: str) -> None:
    written = _written(_read(text, LEAGUE))
    assert [op.key for op in written if isinstance(op, ReviseTask)] == ["r1"]
    assert not [op for op in written if isinstance(op, AddTask)]


@pytest.mark.parametrize(("text", "key"), [
    ("Move round two to the 28th", "r2"), ("push round one to the 28th", "r1"),
    ("Move round 2 to the 29th", "r2"),
])
def test_a_number_after_a_name_tells_one_task_of_its_kind_from_another(
        text: str, key: str) -> None:
    assert {op.key for op in _written(_read(text, LEAGUE))} == {key}


def test_a_number_that_names_no_task_of_its_kind_moves_none() -> None:
    assert "r1" not in {op.key for op in _written(_read("push round three to 1pm", LEAGUE))}
    assert "r2" not in {op.key for op in _written(_read("push round three to 1pm", LEAGUE))}


PICNIC = [
    _task("picnic", "Club picnic", "on the 3rd of August"),
    _task("kit", "Kit list", "rugs, VHF radio, parasols, cool box"),
    _task("cake", "Cake", "lemon", parent="picnic"),
    _task("drinks", "Drinks", parent="picnic"),
]


@pytest.mark.parametrize("text", [
    "Put Ann down for the cake and Jo for the drinks.",
    "Ann on cake, Jo on drinks",
    "Ann for the cake and Jo for the drinks",
])
def test_who_does_which_gives_each_task_its_person(text: str) -> None:
    assert _values(_read(text, PICNIC)) == {"cake": "lemon, Ann", "drinks": "Jo"}


@pytest.mark.parametrize("text", [
    "Put Kai down for the parasols and Bea for the VHF.",  # entries of a list, no tasks
    "Put Sol down for Saturday",  # no Sol in memory: no date of the plan either
])
def test_who_does_what_memory_holds_no_task_for_writes_nothing(text: str) -> None:
    assert not _written(_read(text, PICNIC))


def test_a_day_for_a_named_task_that_holds_none_is_that_tasks() -> None:
    assert _values(_read("put the cake down for Saturday", PICNIC)) == {
        "cake": "lemon, Saturday"}


@pytest.mark.parametrize(("text", "value"), [
    ("Sol's bringing the VHF", "spray decks, VHF radio, flask"),
    ("Nadia's doing the GPS", "GPS unit, spare paddle"),
])
def test_a_thing_in_capitals_is_nobody_to_replace(text: str, value: str) -> None:
    kit = [_task("trip", "Kayak trip"), _task("kit", "Kit list", value, parent="trip")]
    assert all("Sol" not in (v or "") and "Nadia" not in (v or "")
               for v in _values(_read(text, kit)).values())


ROTA = [
    _task("camp", "Scout camp", "at Hollow Wood"),
    _task("cooks", "Cooks", "Priya, Dermot and Kwame", parent="camp"),
    _task("canoe", "Canoe session", "Ollie and Grace, mornings", parent="camp"),
    _task("tarp", "Tarp", parent="camp"),
]


@pytest.mark.parametrize(("text", "key", "value"), [
    ("take Grace off canoe session", "canoe", "Ollie, mornings"),
    ("Knock Dermot off the cooks", "cooks", "Priya and Kwame"),
    ("Dermot's dropped out. Take him off the cooks.", "cooks", "Priya and Kwame"),
    ("Priya's pulled out, take her off", "cooks", "Dermot and Kwame"),
])
def test_a_person_taken_off_leaves_the_list_that_names_them(
        text: str, key: str, value: str) -> None:
    assert _values(_read(text, ROTA)) == {key: value}


@pytest.mark.parametrize("text", [
    "take Ella off washing-up duty",  # no such task: never a task titled by the request
    "take the tarp off the minibus roof",  # off a thing, not off the plan
])
def test_taking_off_what_memory_holds_no_list_for_writes_nothing(text: str) -> None:
    assert not _written(_read(text, ROTA))


@pytest.mark.parametrize("text", [
    "Dermot's dropped out - knock him off and put Maeve in",
    "take Dermot off the cooks and put Maeve in instead",
])
def test_the_one_put_in_after_a_removal_joins_that_list(text: str) -> None:
    assert _values(_read(text, ROTA)) == {"cooks": "Priya, Kwame and Maeve"}


def test_the_one_put_in_joins_the_one_list_of_people_or_nothing() -> None:
    two = [*ROTA, _task("drivers", "Drivers", "Ann and Bo", parent="camp")]
    assert _values(_read("put Sinead in", two)) == {}  # two lists of people: which?
    one = [t for t in ROTA if t.key != "canoe"]
    assert _values(_read("put Sinead in", one)) == {"cooks": "Priya, Dermot, Kwame and Sinead"}
    assert not _written(_read("get Sinead on instead", one))  # in place of whom?
    plan = [_task("gig", "Band night", "Friday at the Brewers Arms, 7pm")]
    assert not _written(_read("put Sinead in", plan))  # a person, no place


@pytest.mark.parametrize("text", [
    "Thank you for sorting all that.", "Thanks for putting up with me, love.",
    "Cheers for the help with the rota", "Thank you dear, that's everything.",
    "she'd have loved all this fuss, bless her", "he'd have laughed his head off",
    "Brilliant. I'll stop worrying now.", "ok, I'll quit stressing about it",
    "Goodness, what a day.", "How lovely!",
])
def test_thanks_feelings_and_what_someone_would_have_done_write_nothing(text: str) -> None:
    assert not _written(_read(text, ROTA))


@pytest.mark.parametrize("text", [
    "q: when's the camp again and who's cooking", "quick question: where's the tarp from?",
    "full rundown pls: dates, cooks, canoes", "Read the whole list back to me, day by day.",
    "read the cooks back to us",
])
def test_a_question_under_a_label_or_read_back_is_a_check(text: str) -> None:
    result = _read(text, ROTA)
    assert not _written(result)
    assert [s.intent for s in result.subtasks] == [Intent.CHECK]


def test_a_question_under_a_label_that_names_a_task_is_about_that_task() -> None:
    trip = [_task("trip", "Road trip"), _task("start", "Start", "Leeds", parent="trip"),
            _task("stop", "Stop", "York", parent="trip")]
    result = _read("start: wasn't I leaving from Hull?", trip)
    assert not _written(result)
    assert [s.about for s in result.subtasks] == [["start"]]


@pytest.mark.parametrize(("text", "value"), [
    ("Ann's doing the cake", "lemon, Ann"), ("Jo's making the cake", "lemon, Jo"),
])
def test_who_does_a_task_joins_what_it_is(text: str, value: str) -> None:
    assert _values(_read(text, PICNIC)) == {"cake": value}


def test_who_does_a_task_someone_else_did_takes_their_place() -> None:
    held = [t.model_copy(update={"value": "Bea"}) if t.key == "cake" else t for t in PICNIC]
    assert _values(_read("Ann's doing the cake", held)) == {"cake": "Ann"}
