"""Second thoughts and asides the offline reader must read as the speaker meant them: a value
corrected in the same breath, a change taken back by keeping what memory holds, a request to
be told that lists what to tell after a colon, a remark after a value. Paraphrase sets on a
hand-built memory of their own (a street party); no database, and no sentence taken from any
scenario."""

from __future__ import annotations

import pytest

from tme_neo4j.models import AddDependency, AddTask, ReviseTask, RollbackTask, Task, TaskStatus
from tme_neo4j.trim.base import READ_ONLY, Intent, TrimResult, TrimView
from tme_neo4j.trim.language import corrected_values, split_clauses, split_list
from tme_neo4j.trim.lexicon import names_only_a_thing
from tme_neo4j.trim.rules import RuleInterpreter


def _task(key: str, title: str, value: str | None = None, parent: str | None = None) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value,
                parents=[parent] if parent else [], status=TaskStatus.ACTIVE)


MEMORY = [
    _task("street", "Street party", "on Saturday the 14th from noon"),
    _task("street.dj", "DJ", "Marlon from 3pm, £120", "street"),
    _task("street.bunting", "Bunting", "60 metres", "street"),
    _task("street.tables", "Trestle tables", "12", "street"),
    _task("street.permit", "Road closure permit", None, "street"),
    _task("street.ivy", "Ivy", "running the cake stall at 1pm", "street"),
]


def read(text: str) -> TrimResult:
    return RuleInterpreter().interpret(text, TrimView(tasks=MEMORY, focus=["street"]))


def _written(result: TrimResult) -> list[object]:
    return [op for s in result.subtasks if s.intent not in READ_ONLY for op in s.operations]


@pytest.mark.parametrize(("said", "read_as"), [
    ("shift it to 2, no, 3, sorry, 3pm", "shift it to 3pm"),
    ("the fee is £90 - sorry, £95", "the fee is £95"),
    ("make it Friday, I mean Thursday", "make it Thursday"),
    ("book 4, no 5 vans", "book 5 vans"),
    ("on the 3rd... no wait, the 4th", "on the 4th"),
    ("the raffle's £2 a strip, no, let's be generous, £1", "the raffle's £1 a strip"),
    ("judging on the 3rd actually, no, the 4th", "judging on the 4th"),
    ("make the hire £30, no wait, he's family, call it £25", "make the hire £25"),
    ("bring 6 tables, no hang on, 8", "bring 8 tables"),
    # a reason between: the value set is corrected, unless the reason ends on one like it
    ("move the fitting to the 9th since Monday is a holiday... no wait, the 10th",
     "move the fitting to the 10th"),
    ("set the start to 7pm because the bar opens at 6, no sorry, 7:30pm, it's on the poster",
     "set the start to 7:30pm, it's on the poster"),
    ("keep it Friday as Jo is off Tuesday, no wait, Wednesday",
     "keep it Friday as Jo is off Wednesday"),
])
def test_a_value_corrected_in_the_same_breath_is_not_read(said: str, read_as: str) -> None:
    assert corrected_values(said) == read_as


@pytest.mark.parametrize("said", [
    "at 4, no later than that",  # what follows the 'no' is no value
    "2 adults, no children",
    "6 chairs, no tables",
])
def test_a_no_before_words_corrects_no_value(said: str) -> None:
    assert corrected_values(said) == said


@pytest.mark.parametrize("text", [
    "Move the DJ to 4, no, 5, sorry, 5pm.",
    "Push the DJ to 4pm - no wait - 5pm.",
    "The DJ's now on at 4pm, no, 5pm.",
])
def test_only_the_corrected_value_is_written(text: str) -> None:
    ops = _written(read(text))
    assert [op.key for op in ops] == ["street.dj"]
    value = ops[0].value if isinstance(ops[0], ReviseTask) else None
    assert value is not None
    assert "5pm" in value
    assert "4" not in value


@pytest.mark.parametrize("text", [
    "Leave Ivy at 1pm.",
    "Keep the DJ at 3pm.",
    "leave the bunting as it is",
    "Just keep the tables as they are.",
    "Move the DJ to 5pm. Hmm, no, leave him at 3pm.",
    "Move Ivy to 2pm, no wait, leave her at 1pm.",
    "Shift the DJ to 4pm. Actually no, keep him at 3pm after all.",
    "Leave Ivy at 1.",  # the hour said bare is the time memory holds
    "Push the DJ to 5pm. Hmm, no, I promised Marlon I'd keep him the same till August.",
])
def test_keeping_what_memory_holds_writes_nothing(text: str) -> None:
    assert _written(read(text)) == []


@pytest.mark.parametrize("text", [
    "Give me a summary: who plays, at what time, and the cost.",
    "Give me the full picture: tables, bunting and the permit.",
    "Tell me: when's the DJ on and how much is he?",
    "Show me everything: times, prices, people.",
])
def test_a_request_to_be_told_before_a_colon_reads(text: str) -> None:
    result = read(text)
    assert _written(result) == []
    assert [s.intent for s in result.subtasks] == [Intent.CHECK]


@pytest.mark.parametrize(("text", "key"), [
    ("Put down the permit as depending upon the tables.", "street.permit"),
    ("Mark the bunting as waiting on the permit.", "street.bunting"),
    ("Have the DJ down as dependent on the permit.", "street.dj"),
    ("Make the tables depend on the permit.", "street.tables"),
])
def test_an_order_said_as_a_listing_links_the_two_tasks(text: str, key: str) -> None:
    ops = _written(read(text))
    assert len(ops) == 1
    assert isinstance(ops[0], AddDependency)
    assert ops[0].key == key
    assert ops[0].depends_on in {t.key for t in MEMORY}


@pytest.mark.parametrize("text", [
    "The DJ's moved to 5pm instead of 3pm.",
    "Marlon has been moved to 5pm instead of 3pm.",
    "The DJ is changed to 5pm instead of 3pm, traffic.",
])
def test_moved_instead_of_revises_the_task_holding_the_old_value(text: str) -> None:
    ops = _written(read(text))
    assert len(ops) == 1
    assert isinstance(ops[0], ReviseTask)
    assert ops[0].key == "street.dj"
    assert ops[0].value == "Marlon from 5pm, £120"


@pytest.mark.parametrize("text", [
    "The bunting's moved to 5pm instead of 3pm.",  # the subject is no task holding 3pm
    "Mrs Okoro has moved to 5pm instead of 3pm.",  # nobody memory knows
])
def test_moved_instead_of_with_no_task_named_writes_nothing(text: str) -> None:
    assert _written(read(text)) == []


@pytest.mark.parametrize(("text", "expected"), [
    ("2,000 flyers, 300 balloons and 1,250 stickers",
     ["2,000 flyers", "300 balloons", "1,250 stickers"]),
    ("cones, 1,000 wristbands and a gazebo", ["cones", "1,000 wristbands", "gazebo"]),
])
def test_a_thousands_comma_separates_no_items(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


def test_a_thousands_count_is_written_whole() -> None:
    added = [op for op in _written(read("We've got 2,000 flyers and 40 posters."))
             if isinstance(op, AddTask)]
    assert sorted(op.title for op in added) == ["2,000 flyers", "40 posters"]


@pytest.mark.parametrize("word", ["dodgy", "cheeky", "grotty", "naffish"])
def test_an_unlisted_word_ending_as_adjectives_do_names_no_thing(word: str) -> None:
    assert not names_only_a_thing(word)


@pytest.mark.parametrize("text", [
    "Marlon's reviews are dodgy.",
    "the neighbours are beside themselves",
    "the kids are over the moon about it",
])
def test_a_remark_about_people_is_no_attribute(text: str) -> None:
    assert _written(read(text)) == []


@pytest.mark.parametrize(("text", "value"), [
    ("The tables have gone up to £6, daylight robbery.", "12, £6"),
    ("The tables went up to £6.", "12, £6"),
])
def test_a_price_said_after_a_count_joins_it_without_the_remark(text: str, value: str) -> None:
    ops = _written(read(text))
    assert len(ops) == 1
    assert isinstance(ops[0], ReviseTask)
    assert (ops[0].key, ops[0].value) == ("street.tables", value)


@pytest.mark.parametrize("text", [
    "Could you go through which neighbours bring what?",
    "can you talk me through the timings",
    "Go through the plan with me.",
])
def test_going_through_the_plan_reads(text: str) -> None:
    assert _written(read(text)) == []


@pytest.mark.parametrize(("sentence", "clauses"), [
    ("Actually 3,000 is too many, we only need 1,200.", ["Actually 3,000 is too many",
                                                         "we only need 1,200."]),
    ("it was 5,000 in the end, go back to that", ["it was 5,000 in the end", "go back to that"]),
])
def test_a_thousands_comma_breaks_no_clause(sentence: str, clauses: list[str]) -> None:
    assert split_clauses(sentence) == clauses


@pytest.mark.parametrize("text", ["Add Tom and Priya.", "add Dev and Mo instead",
                                  "Also add Ruth and Kemi."])
def test_two_people_added_are_two_entries_not_a_name_and_its_value(text: str) -> None:
    added = [op for op in _written(read(text)) if isinstance(op, AddTask)]
    assert len(added) == 2
    assert all(op.value is None for op in added)


@pytest.mark.parametrize(("text", "expected"), [
    ("the 4th, any time between 9 and 1", ["4th", "time between 9 and 1"]),
    ("a skip between Monday and Wednesday, gloves and bags",
     ["skip between Monday and Wednesday", "gloves", "bags"]),
])
def test_the_and_of_a_range_separates_no_items(text: str, expected: list[str]) -> None:
    assert split_list(text) == expected


@pytest.mark.parametrize("text", [
    "Put the quiz down as depending upon a licence.",  # neither task is in memory
    "Mark the raffle as waiting on the licence.",
])
def test_an_order_asked_for_between_tasks_memory_lacks_writes_nothing(text: str) -> None:
    result = read(text)
    assert _written(result) == []
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


@pytest.mark.parametrize("text", [
    "return to what it was",
    "Right, revert to what they were before.",
    "put it back how it was",
    "Return to the way it was, the old one was better.",
    "revert to what we had",
])
def test_going_back_to_how_it_was_rolls_back_the_task_in_talk(text: str) -> None:
    past = {"street.dj": ["Marlon from 2pm, £120", "Marlon from 3pm, £120"]}
    result = RuleInterpreter().interpret(text, TrimView(tasks=MEMORY, focus=["street"],
                                                         past_values=past))
    assert _written(result) == [RollbackTask(key="street.dj")]


def _opened(text: str) -> list[tuple[str, str | None]]:
    result = RuleInterpreter().interpret(text, TrimView(tasks=[], focus=[]))
    return [(op.title, op.value) for op in _written(result) if isinstance(op, AddTask)]


def test_entries_named_before_a_comma_are_named_by_that_name() -> None:
    assert _opened("Autumn rota for the allotment: Wendy, watering, Mondays at 7pm, £5; Raj, "
                   "compost, Thursdays at 6; and Lou, the gate, Sundays at 9.") == [
        ("Autumn rota for the allotment", None),
        ("Wendy", "watering, Mondays at 7pm, £5"), ("Raj", "compost, Thursdays at 6"),
        ("Lou", "the gate, Sundays at 9")]


@pytest.mark.parametrize("text", [
    "Trying to sort the choir trip for Abi and Sol.",
    "Hoping to run a plant swap in the church hall on the 9th.",
    "We're looking to book a narrowboat for the bank holiday.",
])
def test_a_plan_told_as_what_one_sets_out_to_do_opens_it(text: str) -> None:
    opened = _opened(text)
    assert len(opened) == 1
    assert opened[0][0].split()[-1].lower() in {"trip", "swap", "narrowboat"}


@pytest.mark.parametrize("text", [
    "Put the fireworks back a day.",
    "Make the raffle £2 a ticket.",
    "Leave the barbecue where it was.",
    "Move the face painting to 4pm.",
    "Bring the pub quiz back after all.",
])
def test_a_change_asked_of_a_task_memory_lacks_writes_nothing(text: str) -> None:
    result = read(text)
    assert _written(result) == []
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


FAIR = [
    _task("fair", "Craft fair", "at the church hall from June 4 to June 6, £20 a pitch"),
    _task("skip", "Skip hire", None),
    _task("skip.date", "Date", "May 30", "skip"),
    _task("raffle", "Raffle", "£1 a ticket"),
    _task("kiln", "Kiln hire", "on Friday"),
    _task("show", "Dog show", "setup on the 3rd, judging on the 5th, prizes at 4pm"),
]


def _read_fair(text: str) -> TrimResult:
    return RuleInterpreter().interpret(text, TrimView(tasks=FAIR, focus=["fair"]))


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Put the craft fair back a day.", "fair",
     "at the church hall from June 5 to June 7, £20 a pitch"),
    ("push the fair back a week", "fair",
     "at the church hall from June 11 to June 13, £20 a pitch"),
    ("Bring the craft fair forward two days.", "fair",
     "at the church hall from June 2 to June 4, £20 a pitch"),
    ("Move the skip hire back a day.", "skip.date", "May 31"),
    ("shift the skip back 3 days", "skip.date", "June 2"),
])
def test_a_task_moved_by_days_moves_each_date_it_holds(text: str, key: str, value: str) -> None:
    assert _written(_read_fair(text)) == [ReviseTask(key=key, value=value)]


@pytest.mark.parametrize("text", [
    "Push the kiln hire back a day.",  # a weekday: nothing to count from
    "Put the raffle back a week.",  # no date at all
])
def test_a_task_moved_by_days_with_no_date_to_count_from_writes_nothing(text: str) -> None:
    assert _written(_read_fair(text)) == []


@pytest.mark.parametrize("text", [
    "bring the raffle back after all",
    "put the raffle back again",
    "Put the raffle back, still £1 a ticket.",
])
def test_a_task_brought_back_with_words_after_its_particle_is_restored(text: str) -> None:
    cancelled = [t.model_copy(update={"status": TaskStatus.CANCELLED}) if t.key == "raffle"
                 else t for t in FAIR]
    result = RuleInterpreter().interpret(text, TrimView(tasks=cancelled, focus=["fair"]))
    assert [s.intent for s in result.subtasks] == [Intent.RESTORE]
    assert [op.key for op in _written(result)] == ["raffle"]


@pytest.mark.parametrize(("text", "value"), [
    ("Judging's on the 6th now.", "setup on the 3rd, judging on the 6th, prizes at 4pm"),
    ("judging on the 6th", "setup on the 3rd, judging on the 6th, prizes at 4pm"),
    ("Move the judging to the 6th.", "setup on the 3rd, judging on the 6th, prizes at 4pm"),
    ("the setup is on the 2nd", "setup on the 2nd, judging on the 5th, prizes at 4pm"),
    ("Prizes at 5pm instead.", "setup on the 3rd, judging on the 5th, prizes at 5pm"),
])
def test_a_value_named_inside_another_is_changed_in_place(text: str, value: str) -> None:
    assert _written(_read_fair(text)) == [ReviseTask(key="show", value=value)]


@pytest.mark.parametrize("text", [
    "I'm out on the 6th.",
    "we're away on the 6th",
    "She's busy at 5pm.",
])
def test_where_a_person_will_be_is_no_value(text: str) -> None:
    assert _written(_read_fair(text)) == []


@pytest.mark.parametrize(("text", "check"), [
    ("Tell the neighbours on Friday.", False),
    ("remind Ivy about the float", False),
    ("Tell my landlord about the party.", False),
    ("Tell me what's left.", True),
    ("remind us who's doing the DJ", True),
    ("Tell him I said thanks, ha.", None),  # talk, whatever it is read as: no task
])
def test_telling_someone_else_is_a_thing_to_do(text: str, check: bool | None) -> None:
    result = read(text)
    intents = {s.intent for s in result.subtasks}
    if check is None:
        assert not [op for op in _written(result) if isinstance(op, AddTask)]
    elif check:
        assert intents == {Intent.CHECK}
    else:
        assert Intent.CHECK not in intents
        assert _written(result)


@pytest.mark.parametrize("text", [
    "It starts on Saturday now.",
    "so it begins Saturday",
    "it kicks off on Saturday instead",
])
def test_when_it_starts_is_the_date_of_the_task_in_talk(text: str) -> None:
    kiln = [t for t in FAIR if t.key == "kiln"]
    result = RuleInterpreter().interpret(text, TrimView(tasks=kiln, focus=["kiln"]))
    assert _written(result) == [ReviseTask(key="kiln", value="on Saturday")]


@pytest.mark.parametrize("text", [
    "He can't do the 30th, move him to June 2.",
    "push her to June 2",
    "Shift him to June 2 then.",
])
def test_a_person_moved_is_the_task_they_do(text: str) -> None:
    skip = [t for t in FAIR if t.key.startswith("skip")]
    result = RuleInterpreter().interpret(text, TrimView(tasks=skip, focus=["skip"]))
    assert _written(result) == [ReviseTask(key="skip.date", value="June 2")]


@pytest.mark.parametrize("text", [
    "Revert to the original dates, please.",
    "back to the original date, please",
])
def test_the_original_dates_are_those_of_the_task_changed_last(text: str) -> None:
    import datetime

    earlier, later = (datetime.datetime(2026, 5, d, tzinfo=datetime.UTC) for d in (1, 2))
    tasks = [t.model_copy(update={"updated_at": later if t.key == "fair" else earlier})
             for t in FAIR]
    past = {"fair": ["at the church hall from June 1 to June 3, £20 a pitch",
                     "at the church hall from June 4 to June 6, £20 a pitch"],
            "skip.date": ["May 28", "May 30"]}
    result = RuleInterpreter().interpret(text, TrimView(tasks=tasks, focus=["fair"],
                                                        past_values=past))
    assert [op.key for op in _written(result)] == ["fair"]
    assert isinstance(_written(result)[0], RollbackTask)


@pytest.mark.parametrize("text", [
    "Actually no, leave the raffle where it was.",
    "keep the raffle as it was before",
    "Leave the raffle how it was, we sold loads at that price.",
])
def test_leaving_a_changed_task_as_it_was_rolls_it_back(text: str) -> None:
    past = {"raffle": ["£1 a ticket", "£2 a ticket"]}
    tasks = [t.model_copy(update={"value": "£2 a ticket"}) if t.key == "raffle" else t
             for t in FAIR]
    result = RuleInterpreter().interpret(text, TrimView(tasks=tasks, focus=["fair"],
                                                        past_values=past))
    assert _written(result) == [RollbackTask(key="raffle")]


@pytest.mark.parametrize("text", [
    "Can't wait to see the fireworks this year, the last lot were rubbish.",
    "So excited about it all!",
    "I'm a bit nervous about the weather to be honest.",
    "Really looking forward to it.",
])
def test_how_the_speaker_feels_writes_nothing(text: str) -> None:
    assert _written(read(text)) == []


@pytest.mark.parametrize("when", ["Saturday morning", "Sunday evening", "Friday afternoon"])
def test_a_day_and_its_part_are_one_when(when: str) -> None:
    written = _written(read(f"Move the DJ to {when}."))
    assert [op.key for op in written] == ["street.dj"]
    assert isinstance(written[0], ReviseTask)
    assert when in (written[0].value or "")


@pytest.mark.parametrize("text", [
    "Honestly these forms are like a maze.",
    "The permit office is just like a black hole.",
    "Honestly the street's going to look amazing.",
    "It'll sound brilliant with the speakers out.",
    "I really need a lie-in after this.",
    "We both need a break after this one.",
])
def test_a_remark_about_the_plan_writes_nothing(text: str) -> None:
    assert _written(read(text)) == []


def test_a_day_corrected_with_its_month_replaces_the_whole_date() -> None:
    tasks = [*[t for t in FAIR if t.key != "show"],  # the show's setup is on the 3rd too
             _task("permit", "Apply for the permit", "due by the 3rd of May")]
    result = RuleInterpreter().interpret("The hall says the 26th of April, not the 3rd.",
                                         TrimView(tasks=tasks, focus=["fair"]))
    assert _written(result) == [ReviseTask(key="permit", value="due by the 26th of April")]


@pytest.mark.parametrize("text", [
    "She's got a netball match, so she can't come.",
    "He's got a cold.",
    "They've got the builders in.",
])
def test_what_someone_else_has_got_is_no_task(text: str) -> None:
    assert not [op for op in _written(read(text)) if isinstance(op, AddTask)]


@pytest.mark.parametrize("text", ["the", "The.", "and then", "instead of the hall",
                                  "rather than Friday"])
def test_a_text_that_names_nothing_is_no_title_or_value(text: str) -> None:
    from tme_neo4j.trim.gate import unwritable

    assert unwritable(text) is not None


@pytest.mark.parametrize(("wanted", "title", "value"), [
    ("30", "30 traffic cones", "30 traffic cones"),  # the count where it is said
    ("30 bollards", None, "30 bollards"),  # a unit of its own: said whole, nothing spliced
])
def test_a_count_set_back_changes_it_where_it_is_said(wanted: str, title: str | None,
                                                       value: str) -> None:
    from tme_neo4j.trim.rules import _set_back

    cones = _task("cones", "50 traffic cones", "50 traffic cones")
    op = _set_back(cones, wanted)
    assert (op.title, op.value) == (title, value)


@pytest.mark.parametrize(("title", "refused"), [
    ("Be going loads", True),
    ("be needing more", True),
    ("Be at the station by 8", False),
])
def test_a_state_is_no_title(title: str, refused: bool) -> None:
    from tme_neo4j.trim.gate import unwritable

    assert (unwritable(title) is not None) is refused


@pytest.mark.parametrize(("title", "statement"), [
    ("Sorting the shed will take till Friday", True),
    ("Check who will drive", False),
    ("Book a room that will fit ten", False),
])
def test_a_title_that_says_what_will_happen_is_a_statement(title: str, statement: bool) -> None:
    from tme_neo4j.trim.gate import stated

    assert stated(title) is statement


NAMED_MEMORY = [
    _task("fete", "Church fete", "on the green"),
    _task("fete.raffle", "Ask Marlon to run the raffle", None, "fete"),
    _task("fete.vet", "Dog show judge", "Dr Okafor from the surgery", "fete"),
    _task("fete.licence", "Licence", "ref LIC/4471/B, £40", "fete"),
    _task("fete.hire", "Marquee hire", "order 88-1204", "fete"),
]


def _read_named(text: str) -> TrimResult:
    return RuleInterpreter().interpret(text, TrimView(tasks=NAMED_MEMORY, focus=["fete"]))


@pytest.mark.parametrize(("said", "key", "title", "value"), [
    ("oh it's Marvin not Marlon", "fete.raffle", "Ask Marvin to run the raffle", None),
    ("Marvin, not Marlon", "fete.raffle", "Ask Marvin to run the raffle", None),
    ("not Marlon, Marvin", "fete.raffle", "Ask Marvin to run the raffle", None),
    ("sorry, his name's Marvin not Marlon, Marlon was last year's", "fete.raffle",
     "Ask Marvin to run the raffle", None),
    ("Okafor's left the surgery, it's Dr Singh now", "fete.vet", None, "Dr Singh from the surgery"),
    ("Okafor has retired so it's Dr Singh now", "fete.vet", None, "Dr Singh from the surgery"),
    ("dog show judge: Okafor's gone, it's Priya Shah now", "fete.vet", None,
     "Dr Priya Shah from the surgery"),
])
def test_a_name_said_in_place_of_another_changes_the_one_task_naming_it(
        said: str, key: str, title: str | None, value: str | None) -> None:
    written = _written(_read_named(said))
    held = next(t for t in NAMED_MEMORY if t.key == key)
    assert written == [ReviseTask(key=key, title=title, value=value or held.value)], said


@pytest.mark.parametrize(("said", "key", "value"), [
    ("sorry typo, it's LIC/4417/B", "fete.licence", "ref LIC/4417/B, £40"),
    ("misread it, it should be LIC/4471/D", "fete.licence", "ref LIC/4471/D, £40"),
    ("oops, wrong number, its 88-1240", "fete.hire", "order 88-1240"),
])
def test_a_reference_told_again_after_a_typo_replaces_the_one_written_the_same_way(
        said: str, key: str, value: str) -> None:
    assert _written(_read_named(said)) == [ReviseTask(key=key, value=value)], said


@pytest.mark.parametrize("said", [
    "it's Marvin not Gemma",          # no task names Gemma
    "sorry typo, it's 1234",          # no reference written like it
    "typo, it's XY/99",               # none written that way either
    "Okafor's left the surgery",      # gone, with no one named in their place
])
def test_a_name_or_reference_memory_does_not_hold_is_changed_nowhere(said: str) -> None:
    assert _written(_read_named(said)) == [], said


@pytest.mark.parametrize("said", [
    "make the DJ £150. hmm no, keep it at £120, he's a mate",
    "DJ to £150. no wait, keep it at £100 as agreed",
    "make it 80 metres of bunting. nah, keep it at 60",
])
def test_keeping_it_at_a_value_takes_back_the_change_of_that_kind_just_said(said: str) -> None:
    assert _written(read(said)) == [], said
