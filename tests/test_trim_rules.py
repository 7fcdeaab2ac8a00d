"""The rule-based TRIM backend without a database: its language helpers, and the interpreter
on hand-built views of memory."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from tme_neo4j.models import (
    AddDependency,
    AddTask,
    CancelTask,
    CompleteTask,
    RestoreTask,
    ReviseTask,
    Revision,
    RollbackTask,
    Task,
    TaskStatus,
)
from tme_neo4j.replies import compose_reply
from tme_neo4j.trim.base import Intent, TrimResult, TrimView
from tme_neo4j.trim.language import (
    ValueKind,
    apostrophised,
    clean_phrase,
    fold,
    is_question,
    listed_inline,
    mentions,
    replace_word,
    sentences,
    split_clauses,
    split_list,
    stem,
    typed_phrases,
    value_kind,
    value_phrases,
)
from tme_neo4j.trim.rules import RuleInterpreter


def task(key: str, title: str, value: str | None = None, *, parents: tuple[str, ...] = (),
         status: TaskStatus = TaskStatus.ACTIVE, depends_on: tuple[str, ...] = ()) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value, status=status,
                parents=list(parents), depends_on=list(depends_on))


def interpret(text: str, *tasks: Task, focus: tuple[str, ...] = (),
              past: dict[str, list[str]] | None = None) -> TrimResult:
    view = TrimView(tasks=list(tasks), focus=list(focus), past_values=past or {})
    return RuleInterpreter().interpret(text, view)


def kitchen() -> list[Task]:
    return [
        task("kitchen", "Redo the kitchen"),
        task("cabinets", "Install oak cabinets", parents=("kitchen",)),
        task("walls", "Paint the walls", parents=("kitchen",), depends_on=("cabinets",)),
        task("list", "Shopping list"),
        task("shelves", "oak shelves", parents=("list",)),
        task("sink", "new sink", parents=("list",)),
    ]


# -- language helpers ---------------------------------------------------------------------


def test_split_list_keeps_parentheses_whole() -> None:
    assert split_list("three mugs (red and blue), a kettle, and a tray") == [
        "three mugs (red and blue)", "kettle", "tray"]
    assert split_list("salt & pepper, and eggs") == ["salt & pepper", "eggs"]  # '&' binds
    assert split_list("  ,  and ") == []


def test_contractions_typed_without_an_apostrophe_get_it_back() -> None:
    assert apostrophised("Im sure thats fine, whats next? dont wait") == (
        "I'm sure that's fine, what's next? don't wait")
    assert apostrophised("its imprint is well made") == "its imprint is well made"


def test_sentences_do_not_break_version_numbers() -> None:
    assert sentences("To ship version 2.4, tag it. Then rest!") == [
        "To ship version 2.4, tag it.", "Then rest!"]
    assert sentences("Is it done?") == ["Is it done?"]
    assert sentences("...") == []


def test_a_goal_sentence_is_one_clause_and_so_starts_a_new_one() -> None:
    assert split_clauses("To ship it, freeze the code, then tag the release") == [
        "To ship it, freeze the code, then tag the release"]
    assert split_clauses("He knows a DJ, so bring the DJ back") == [
        "He knows a DJ", "bring the DJ back"]
    assert split_clauses("keep the kettle, and remove the red mug") == [
        "keep the kettle", "remove the red mug"]
    assert split_clauses("add a tray and take out the kettle") == [
        "add a tray", "take out the kettle"]
    assert split_clauses("put the Hollies back, and take Glen Farm off") == [
        "put the Hollies back", "take Glen Farm off"]
    assert split_clauses("buy bread and take the bins out") == [
        "buy bread and take the bins out"]  # a chore, no removal of the bins
    assert split_clauses("move it to noon, I have a call then") == [
        "move it to noon", "I have a call then"]


def test_values_are_found_by_kind() -> None:
    assert value_phrases("Move it to 4 PM on June 15th with Alice") == [
        "4 PM", "June 15th", "Alice"]
    assert value_kind("2:45") == ValueKind.TIME
    assert value_kind("Saturday, June 21") == ValueKind.DATE
    assert value_kind("San Francisco") == ValueKind.NAME
    assert value_kind("near downtown") == ValueKind.OTHER
    assert value_phrases("Denver is nice") == []  # a capital that only starts a sentence


def test_a_weekday_cut_short_is_part_of_the_date_after_it_only() -> None:
    assert typed_phrases("ferry wed 3 june at noon", sentence=False) == [
        (ValueKind.DATE, "wed 3 june"), (ValueKind.TIME, "noon")]
    assert typed_phrases("tue the 4th", sentence=False) == [(ValueKind.DATE, "tue the 4th")]
    assert typed_phrases("we sat 3 rows back", sentence=False) == [(ValueKind.COUNT, "3 rows")]


@pytest.mark.parametrize(("text", "day"), [
    ("the vet can see him thurs", "thurs"),
    ("keys back by tues", "tues"),
    ("choir practice moved to weds", "weds"),
    ("invoice due fri.", "fri"),
])
def test_a_weekday_cut_short_that_is_no_other_word_is_a_day_alone(text: str, day: str) -> None:
    assert typed_phrases(text, sentence=False) == [(ValueKind.DATE, day)]


@pytest.mark.parametrize("text", ["we sat down early", "bring sun cream", "they wed in May"])
def test_a_weekday_cut_short_that_is_a_word_too_is_no_day_alone(text: str) -> None:
    assert ValueKind.DATE not in {k for k, p in typed_phrases(text, sentence=False)
                                  if p.lower() != "may"}


@pytest.mark.parametrize("text", ["37 after the leaflets went out", "7 not 8", "2 this week",
                                  "3 because of the rain"])
def test_a_word_that_joins_or_points_is_no_unit_of_a_count(text: str) -> None:
    counts = [p for k, p in typed_phrases(text, sentence=False) if k == ValueKind.COUNT]
    assert all(p.isdigit() for p in counts)


def test_questions_and_read_requests() -> None:
    assert is_question("what's in my cart")
    assert is_question("Did we once cancel the band")
    assert is_question("Can you list all ingredients")
    assert is_question("the total?")
    assert not is_question("Remove the charger")
    assert not is_question("")


def test_stems_let_word_forms_meet() -> None:
    assert stem("painting") == stem("paint") == stem("painted")
    assert stem("tagging") == stem("tag")
    assert stem("moved") == stem("move")
    assert stem("string") == "string"
    assert stem("need") == "need"


def test_replace_word_takes_in_a_shared_tail_and_fixes_the_article() -> None:
    assert replace_word("Sourdough bread", "sourdough", "rye bread") == "rye bread"
    assert replace_word("Rent an SUV", "SUV", "sedan") == "Rent a sedan"
    assert replace_word("Wash and chop celery", "celery", "mushrooms") == "Wash and chop mushrooms"
    assert replace_word("celery sticks", "celery", r"a\1b") == r"a\1b sticks"


def test_fold_clean_phrase_and_mentions() -> None:
    assert fold("it\u2019s \u201cfine\u201d\x00\x07  now") == "it's \"fine\" now"
    assert clean_phrase("the black case instead") == "black case"
    assert mentions("Chop tomatoes", "tomato")
    assert not mentions("Chop tomatoes", "tom")


# -- the interpreter ------------------------------------------------------------------------


def test_replace_revises_every_task_that_mentions_the_old_word() -> None:
    result = interpret("Let's use walnut instead of oak.", *kitchen(), focus=("kitchen",))
    assert result.intent == Intent.REPLACE
    revised = {op.key: op for op in result.operations if isinstance(op, ReviseTask)}
    assert set(revised) == {"cabinets", "shelves"}
    assert revised["cabinets"].title == "Install walnut cabinets"
    assert revised["shelves"].title == "walnut shelves"
    # A title-only task takes the choice as its value, so what depends on it is flagged.
    assert revised["cabinets"].value == "walnut"


def test_a_bare_instead_replaces_what_the_turn_spoke_of_before() -> None:
    result = interpret("The oak costs far too much. Go with walnut instead.", *kitchen(),
                       focus=("kitchen",))
    assert {op.key for op in result.operations if isinstance(op, ReviseTask)} == {
        "cabinets", "shelves"}
    assert result.subtasks[0].intent == Intent.NOTE


def test_a_reworded_task_with_instead_swaps_the_differing_words() -> None:
    tasks = [task("release", "Ship version 2.4"),
             task("tests", "Run the regression tests", parents=("release",))]
    result = interpret("Run the smoke tests instead.", *tasks, focus=("release",))
    assert result.operations == [ReviseTask(key="tests", value="smoke",
                                            title="Run the smoke tests",
                                            reason="replaced regression with smoke")]


def test_a_check_produces_no_operations() -> None:
    for question in ("What remains on the shopping list?", "Did I once choose oak anywhere?",
                     "Does painting need the cabinets?", "Is the sink still in my list?",
                     "Was the kitchen moved to June 2?"):
        result = interpret(question, *kitchen(), focus=("kitchen",))
        assert result.operations == [], question
        assert result.intent == Intent.CHECK, question


def test_a_reset_cancels_the_rest_and_restores_what_it_names() -> None:
    tasks = [task("cart", "Cart"),
             task("black", "black iPhone case", parents=("cart",)),
             task("charger", "charger", parents=("cart",), status=TaskStatus.CANCELLED),
             task("stand", "MacBook stand", parents=("cart",))]
    result = interpret("Could you trim it to only the charger and the MacBook stand?", *tasks,
                       focus=("cart",))
    assert result.intent == Intent.RESET
    assert RestoreTask(key="charger") in result.operations
    assert CancelTask(key="black") in result.operations
    assert not any(op.key == "stand" for op in result.operations)


def test_cancel_and_restore() -> None:
    tasks = kitchen()
    cancel = interpret("Hmm, forget the new sink, ours is fine.", *tasks,
                       focus=("list",))
    assert cancel.operations == [CancelTask(key="sink")]
    tasks[-1] = task("sink", "new sink", parents=("list",), status=TaskStatus.CANCELLED)
    for text in ("Put the sink back in.", "We really need the sink after all."):
        assert interpret(text, *tasks, focus=("list",)).operations == [RestoreTask(key="sink")]


def test_a_dependency_on_something_new_creates_it_in_the_same_plan() -> None:
    tasks = [task("wedding", "Wedding checklist"),
             task("florist", "florist", parents=("wedding",)),
             task("caterer", "caterer", parents=("wedding",))]
    result = interpret("The florist and also the caterer need a seating plan first.",
                       *tasks, focus=("wedding",))
    add = result.operations[0]
    assert isinstance(add, AddTask)
    assert add.title == "Seating plan"
    assert add.parents == ["wedding"]
    assert result.operations[1:] == [AddDependency(key="florist", depends_on=add.key),
                                     AddDependency(key="caterer", depends_on=add.key)]


def test_a_dependency_after_something_done_finishes_nothing() -> None:
    tasks = [task("plan", "Prepare for the final"),
             task("cards", "Make flashcards", parents=("plan",)),
             task("exams", "Do two practice exams", parents=("plan",))]
    result = interpret("The practice exams can only start once the flashcards are done.",
                       *tasks, focus=("plan",))
    assert result.operations == [AddDependency(key="exams", depends_on="cards")]


def test_rollback_to_the_original_named_value() -> None:
    tasks = [task("release", "Ship it"),
             task("release-date", "Release date", "March 21", parents=("release",))]
    past = {"release-date": ["March 14", "March 21"]}
    result = interpret("Hmm, revert to the initial release date.", *tasks,
                       focus=("release",), past=past)
    assert result.operations == [RollbackTask(key="release-date", to_n=1)]
    result = interpret("Let's return to March 14 as first agreed.", *tasks,
                       focus=("release",), past=past)
    assert result.operations == [RollbackTask(key="release-date", to_value="March 14")]


def test_a_named_task_is_retimed() -> None:
    tasks = [task("exam", "Prepare for the exam"),
             task("exam-date", "Exam date", "December 12", parents=("exam",))]
    for text in ("The exam was pushed to December 15.", "Shift the exam date to December 15."):
        result = interpret(text, *tasks, focus=("exam",))
        assert result.operations == [ReviseTask(key="exam-date", value="December 15")], text


HOSTILE = [
    "",
    "   ",
    "?",
    "\x00\x01\x02\x1b[31m",
    "x" * 8000,
    "and , and , , and",
    "MATCH (n) DETACH DELETE n; // what is here?",
    "'}) MATCH (t:Task) SET t.title = 'pwned' RETURN t //",
    "remove remove remove",
    "replace with",
    "go back to",
    "split it into 999999999999 parts",
    "To , ,",
    "(((((((((( add ))))",
    "key: \\1 \\g<0> $ws {ws}",
]


@pytest.mark.parametrize("text", HOSTILE)
def test_hostile_text_never_raises(text: str) -> None:
    result = interpret(text, *kitchen(), focus=("kitchen",))
    for op in result.operations:
        assert op.model_dump()  # every operation is a valid model
    empty = interpret(text)
    assert isinstance(empty, TrimResult)


@pytest.mark.parametrize("text", [
    "MATCH (n) DETACH DELETE n; RETURN n?",
    "What is \x00\x07 in the list?",
    "Did I ever remove everything from the kitchen? " + "x" * 7000 + "?",
    "Is it 'oak') DETACH DELETE (t?",
])
def test_a_hostile_question_writes_nothing(text: str) -> None:
    result = interpret(text, *kitchen(), focus=("kitchen",))
    assert result.operations == []


# -- replies about the past ------------------------------------------------------------------


def _revision(n: int, title: str, value: str | None = None,
              status: TaskStatus = TaskStatus.ACTIVE) -> Revision:
    return Revision(n=n, title=title, value=value, status=status, op="revise",
                    at=datetime(2025, 1, 1, tzinfo=UTC), turn=n, seq=n)


def _reply(question: str, current: Task, revisions: list[Revision]) -> str:
    trim = interpret(question, current)
    return compose_reply(question, trim, None, {current.key: current}, [(current, revisions)],
                         [current.key])


def test_questions_about_the_past_read_the_verb() -> None:
    date = task("date", "Date", "October 3")
    revs = [_revision(1, "Date", "October 3"), _revision(2, "Date", "October 2"),
            _revision(3, "Date", "October 3")]
    assert _reply("Did I originally want to fly on October 2?", date, revs).startswith("No.")
    assert _reply("Did I ever pick October 2?", date, revs).startswith("Yes.")
    dj = task("dj", "DJ")
    revs = [_revision(1, "DJ"), _revision(2, "DJ", status=TaskStatus.CANCELLED),
            _revision(3, "DJ")]
    reply = _reply("Did we ever drop the DJ?", dj, revs)
    assert reply.startswith("Yes.")
    assert "removed in turn 2" in reply
    assert _reply("Did we ever replace the DJ?", dj, revs).startswith("No.")


@pytest.mark.parametrize("text", ["ok, thanks.", "Thanks!", "sounds good.", "noted.",
                                  "let me think about it.", "Thank you very much!"])
def test_small_talk_is_a_note(text: str) -> None:
    result = RuleInterpreter().interpret(text, TrimView())
    assert result.intent == Intent.NOTE
    assert result.operations == []


@pytest.mark.parametrize("text", ["good news, the kiln is free on Friday",
                                  "my mistake - the kiln is free on Friday",
                                  "bad news: the kiln is free on Friday"])
def test_a_leading_remark_on_the_news_is_no_clause_of_its_own(text: str) -> None:
    result = RuleInterpreter().interpret(text, TrimView())
    unread = [s.text.lower() for s in result.subtasks if s.intent == Intent.UNPARSED]
    assert not any("news" in u or "mistake" in u for u in unread)


@pytest.mark.parametrize(("text", "value"), [
    ("shelf: change it to walnut 4.", "walnut 4"),
    ("shelf: switch it to cedar 3 please.", "cedar 3"),
    ("shelf: set shelf to maple 12.", "maple 12"),
])
def test_a_new_value_with_words_besides_its_number_replaces_the_whole_value(
    text: str, value: str
) -> None:
    """Only a phrase that is nothing but a value goes in place of that kind inside the old
    value; otherwise its other words would be dropped."""
    shelf = task("shelf", "Shelf", "oak 2")
    result = interpret(text, shelf, focus=("shelf",))
    assert [(op.key, op.value) for op in result.operations if isinstance(op, ReviseTask)] \
        == [("shelf", value)]



def _adds(result: TrimResult) -> list[AddTask]:
    return [op for s in result.subtasks for op in s.operations if isinstance(op, AddTask)]


def test_a_plan_opened_with_no_subject_is_a_root_with_its_colon_steps() -> None:
    result = interpret("Building a treehouse this summer in the back garden: buy timber, then "
                       "a rope ladder for the kids, and a coat of paint at the end.")
    adds = _adds(result)
    root = adds[0]
    assert root.title == "Treehouse"
    assert "back garden" in (root.value or "")
    steps = [a for a in adds[1:] if root.key in a.parents]
    assert [s.title for s in steps][:1] == ["Buy timber"]
    assert len(steps) == 3


def test_a_plan_got_with_an_exclamation_takes_the_steps_of_the_next_sentence() -> None:
    result = interpret("Got our first market stall at Riverside Square, opening day May 4 at "
                       "8:00! We need to bake 40 loaves, label the jars and print price cards.")
    adds = _adds(result)
    root = adds[0]
    assert "stall" in root.title.lower()
    assert "May 4" in (root.value or "")
    titles = " ".join(a.title for a in adds[1:] if root.key in a.parents)
    assert "loaves" in titles
    assert "jars" in titles
    assert "price cards" in titles


def test_a_plan_opened_with_a_gerund_takes_its_to_do_list() -> None:
    result = interpret("Planning Omar's 40th anniversary dinner at Luigi's, July 2 from 7 to 10. "
                       "To do: invitations, flowers, a cake.")
    adds = _adds(result)
    root = adds[0]
    assert "anniversary" in root.title
    assert "July 2" in (root.value or "")
    assert {a.title for a in adds if root.key in a.parents} >= {"invitations", "flowers"}


def test_an_opening_gerund_never_makes_a_second_plan_or_reads_a_change() -> None:
    plan = task("trip", "Camping trip", "Lake Tahoe on June 3")
    assert not _adds(interpret("Thinking about the weekend a lot", plan, focus=("trip",)))
    assert not _adds(interpret("Moving the desk to the left"))
    assert not any(s.operations for s in interpret("Planning anything fun?").subtasks)


def test_they_moved_us_retimes_the_plan_itself() -> None:
    plan = task("gala", "Charity gala", "at the Grand Hotel, May 3 from 6 to 9")
    tickets = task("tickets", "Tickets", "sold out today", parents=("gala",))
    ops = [op for s in interpret("the hotel moved us to May 10, same time", plan, tickets,
                                 focus=("gala", "tickets")).subtasks for op in s.operations]
    assert ops == [ReviseTask(key="gala", value="at the Grand Hotel, May 10 from 6 to 9")]


def test_a_quoted_price_is_the_value_of_the_task_named() -> None:
    plan = task("wedding", "Wedding")
    flowers = task("flowers", "table flowers", parents=("wedding",))
    ops = [op for s in interpret("The florist quoted $60 for the table flowers.", plan, flowers,
                                 focus=("wedding",)).subtasks for op in s.operations]
    assert ops == [ReviseTask(key="flowers", value="$60")]


def test_a_pictograph_ends_a_sentence_and_an_inflected_noun_is_a_subject() -> None:
    assert sentences("the van broke down 😩 book a taxi") == ["the van broke down",
                                                            "book a taxi"]
    plan = task("fair", "Craft fair")
    result = interpret("Shows are at the town hall.", plan, focus=("fair",))
    assert all(s.intent != Intent.CHECK for s in result.subtasks)


def _ops(text: str, *tasks: Task, focus: tuple[str, ...] = ()) -> list[object]:
    return [op for s in interpret(text, *tasks, focus=focus).subtasks for op in s.operations]


def _garden() -> list[Task]:
    return [task("garden", "Garden makeover", "in the back yard, April 2"),
            task("tiles", "Lay the patio tiles", parents=("garden",)),
            task("pond", "Dig a pond", "Omar", parents=("garden",)),
            task("lights", "solar lights", parents=("garden",), status=TaskStatus.CANCELLED)]


def test_a_state_that_says_a_task_is_finished_marks_it_done() -> None:
    tasks = _garden()
    ops = _ops("the patio tiles are in and the pond's dug", *tasks, focus=("garden",))
    assert ops == []  # "dug" is no finishing state the reader knows: nothing at all
    assert _ops("the patio tiles are in", *tasks, focus=("garden",)) == [
        CompleteTask(key="tiles")]
    assert _ops("the patio tiles are in and the lights are up", *tasks, focus=("garden",)) == []
    assert _ops("Omar's out", *tasks, focus=("garden",)) == []  # a person, no task


def test_a_task_back_on_is_restored_and_a_pronoun_back_on_restores_nothing_new() -> None:
    tasks = _garden()
    ops = _ops("money turned up - the solar lights are back on", *tasks, focus=("garden",))
    assert [getattr(o, "key", "") for o in ops] == ["lights"]
    assert _ops("they're back on", *tasks, focus=("garden",)) == []


def test_a_verbless_source_and_price_is_the_value_of_the_task() -> None:
    tasks = _garden()
    ops = _ops("Patio tiles from the stone yard, $300 for forty.", *tasks, focus=("garden",))
    assert ops == [ReviseTask(key="tiles", value="from the stone yard, $300 for forty")]


def test_a_named_person_takes_a_role_of_the_plan() -> None:
    tasks = _garden()
    ops = _ops("Wendelin's going to be foreman.", *tasks, focus=("garden",))
    assert len(ops) == 1
    add = ops[0]
    assert isinstance(add, AddTask)
    assert (add.title, add.value, add.parents) == ("Foreman", "Wendelin", ["garden"])


def test_a_first_plan_told_as_what_we_do_is_a_root() -> None:
    adds = _adds(interpret("We host a quarterly quiz night for the parish, and the autumn round "
                           "is on the 9th"))
    assert adds
    assert adds[0].title == "Quarterly quiz night"
    assert "9th" in (adds[0].value or "")
    assert not _adds(interpret("I need a new laptop for work"))
    assert not _adds(interpret("We booked a room at the inn"))


def test_a_seller_raising_its_price_revises_the_one_task_it_supplies() -> None:
    plan = task("fete", "Summer fete")
    bread = task("bread", "Bake 20 loaves", "flour from Mill Farm at $3 a bag", parents=("fete",))
    jam = task("jam", "Jam jars", "from the market at $1 each", parents=("fete",))
    ops = _ops("the farm raised its price to $4 a bag", plan, bread, jam, focus=("fete",))
    assert ops == [ReviseTask(key="bread", value="flour from Mill Farm at $4 a bag")]
    assert _ops("the mill put the price up to $4", plan, jam, focus=("fete",)) == []


def test_a_named_doer_with_a_trailing_too_takes_the_task_over() -> None:
    plan = task("picnic", "Picnic", "in the park")
    rolls = task("rolls", "sausage rolls", "Bea", parents=("picnic",))
    ops = _ops("Colm will do the sausage rolls too", plan, rolls, focus=("picnic",))
    assert [(op.key, op.value) for op in ops if isinstance(op, ReviseTask)] == [("rolls", "Colm")]
    assert len(ops) == 1


def test_a_stand_in_takes_the_place_of_a_person_who_is_away() -> None:
    plan = task("launch", "Book launch", "in the reading room")
    host = task("launch.host", "Host", "Oskar", parents=("launch",))
    ops = _ops("Oskar's off sick, Wilhelmina will host", plan, host, focus=("launch",))
    assert ops == [ReviseTask(key="launch.host", value="Wilhelmina",
                              reason="replaced Oskar with Wilhelmina")]
    # Two people on the task: only the one who is away is replaced.
    both = host.model_copy(update={"value": "Oskar and Ida"})
    assert _ops("Oskar's on holiday, Wilhelmina will host", plan, both, focus=("launch",)) == [
        ReviseTask(key="launch.host", value="Wilhelmina and Ida",
                   reason="replaced Oskar with Wilhelmina")]


def test_where_the_thing_just_added_comes_from_is_its_value() -> None:
    before, now = datetime(2026, 3, 1, tzinfo=UTC), datetime(2026, 3, 2, tzinfo=UTC)
    plan = task("loft", "Loft conversion")
    beams = task("beams", "Oak beams", "$400 from the timber yard", parents=("loft",))
    rugs = task("rugs", "Two wool rugs", parents=("loft",))
    beams = beams.model_copy(update={"created_at": before, "updated_at": before})
    rugs = rugs.model_copy(update={"created_at": now, "updated_at": now})
    ops = _ops("I'll get them from the weavers' market", plan, beams, rugs, focus=("loft",))
    assert ops == [ReviseTask(key="rugs", value="from the weavers' market")]
    # Two things added together: which one 'them' means is not clear, so not that one.
    both = beams.model_copy(update={"created_at": now, "updated_at": now, "value": None})
    assert ReviseTask(key="rugs", value="from the weavers' market") not in _ops(
        "I'll get them from the weavers' market", plan, both, rugs, focus=("loft",))


def test_back_to_a_value_named_with_the_task_finds_the_value_that_said_it() -> None:
    banner = task("banner", "Banner", "green one from the print shop, $30")
    past = {"banner": ["blue one from the print shop, $30", "green one from the print shop, $30"]}
    result = interpret("back to the blue banner", banner, focus=("banner",), past=past)
    assert [op for s in result.subtasks for op in s.operations] == [
        RollbackTask(key="banner", to_value="blue one from the print shop, $30")]


def test_the_speaker_takes_over_a_task_done_by_someone_else() -> None:
    plan = task("fair", "School fair")
    stall = task("stall", "Run the cake stall", "Ingrid", parents=("fair",))
    result = interpret("changed my mind, I'll run it myself", plan, stall, focus=("fair",))
    assert [op for s in result.subtasks for op in s.operations] == [
        ReviseTask(key="stall", value="me")]
    assert all(s.intent != Intent.UNPARSED for s in result.subtasks)


def test_a_time_said_in_the_title_moves_there_and_comes_back() -> None:
    plan = task("farm", "Allotment")
    water = task("water", "Nightly watering of the beds at 9:00", parents=("farm",))
    ops = _ops("move the watering to 7:15 and make it weekly", plan, water, focus=("farm",))
    assert ops == [ReviseTask(key="water", title="Nightly watering of the beds at 7:15"),
                   ReviseTask(key="water", title="Weekly watering of the beds at 7:15")]
    moved = water.model_copy(update={"title": "Weekly watering of the beds at 7:15"})
    assert _ops("no wait, 9:00 was fine. keep it weekly then", plan, moved,
                focus=("farm",)) == [
        ReviseTask(key="water", title="Weekly watering of the beds at 9:00")]
    # Two dates in a title: which one moves is not clear, so the title stays.
    both = task("water", "Watering from May 2, Sundays", parents=("farm",))
    assert not any(getattr(op, "title", None) for op in _ops(
        "the watering moves to Mondays", plan, both, focus=("farm",)))


def test_a_swap_for_another_one_changes_the_modifier_and_keeps_what_is_told() -> None:
    plan = task("studio", "Home studio")
    mic = task("mic", "Record vocals through the 2m XLR cable", parents=("studio",))
    ops = _ops("swap the 2m cable for the 5m one we had in the loft", plan, mic,
               focus=("studio",))
    assert ops == [ReviseTask(key="mic", title="Record vocals through the 5m XLR cable",
                              value="5m cable, had in the loft",
                              reason="replaced 2m cable with 5m cable")]


def test_a_place_that_fell_through_is_replaced_where_memory_names_it() -> None:
    plan = task("gala", "Spring gala", "at the old boathouse, 7:00, 80 guests")
    book = task("book", "Book the boathouse", parents=("gala",))
    seats = task("seats", "Seating plan", parents=("gala",), depends_on=("book",))
    result = interpret("the old boathouse fell through. we've got the town museum instead",
                       plan, book, seats, focus=("gala",))
    assert [s.intent for s in result.subtasks] == [Intent.NOTE, Intent.REPLACE]
    ops = [op for s in result.subtasks for op in s.operations]
    assert ops == [
        ReviseTask(key="gala", value="at the town museum, 7:00, 80 guests",
                   reason="replaced old boathouse with town museum"),
        ReviseTask(key="book", title="Book the town museum", value="town museum",
                   reason="replaced old boathouse with town museum")]


def test_a_leading_gerund_is_the_subject_of_a_dependency_not_a_request() -> None:
    plan = task("shed", "Garden shed")
    paint = task("paint", "Paint the shed", parents=("shed",))
    roof = task("roof", "Fix the roof", parents=("shed",))
    assert _ops("painting the shed needs the roof fixed first", plan, paint, roof,
                focus=("shed",)) == [AddDependency(key="paint", depends_on="roof")]


def test_a_value_put_back_keeps_the_other_parts_changed_since() -> None:
    fair = task("fair", "Craft fair", "in the barn, 50 stalls, $12 a pitch")
    past = {"fair": ["in the church hall, 50 stalls, $10 a pitch",
                     "in the church hall, 50 stalls, $12 a pitch",
                     "in the barn, 50 stalls, $12 a pitch"]}
    result = interpret("put the pitch fee back to $10", fair, focus=("fair",), past=past)
    assert [op for s in result.subtasks for op in s.operations] == [
        ReviseTask(key="fair", value="in the barn, 50 stalls, $10 a pitch",
                   reason="set back by request")]


def test_a_person_put_back_on_a_slot_joins_the_people_it_names() -> None:
    rota = task("rota", "Library rota")
    friday = task("friday", "Friday desk", "Ola and Tomasz", parents=("rota",))
    ops = _ops("Zofia has time again, put her back on Friday with Ola", rota, friday,
               focus=("rota",))
    assert ops == [ReviseTask(key="friday", value="Ola, Tomasz and Zofia")]
    timed = friday.model_copy(update={"value": "10:00 to 13:30"})
    assert not any(isinstance(op, ReviseTask) and op.key == "friday"  # no list of people
                   for op in _ops("put Zofia on Friday", rota, timed, focus=("rota",)))


def test_one_added_instead_of_an_entry_taken_off_joins_the_list() -> None:
    quiz = task("quiz", "Pub quiz")
    crew = task("crew", "Quiz team", "Aoife, Bram and Chidi", parents=("quiz",))
    result = interpret("take Bram off the quiz team and add Dagny instead", quiz, crew,
                       focus=("quiz",), past={"crew": ["Aoife, Bram and Chidi"]})
    ops = [op for s in result.subtasks for op in s.operations]
    assert ops[-1] == ReviseTask(key="crew", value="Aoife, Chidi and Dagny")
    assert not _adds(result)


def test_two_items_of_one_list_that_share_a_verb_stay_two_tasks() -> None:
    result = interpret("I'm redoing the shed. steps: clean the windows, clean the back, "
                       "then paint the door")
    titles = [op.title for op in result.operations if isinstance(op, AddTask)]
    assert titles == ["Shed", "Clean the windows", "Clean the back", "Paint the door"]


def test_a_wished_change_with_nothing_in_memory_opens_the_first_task() -> None:
    result = interpret("we want to move house by the end of May. to do: find an agent, "
                       "and book a van")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert adds[0].title == "Move house by the end of May"
    assert [op.parents for op in adds[1:]] == [[adds[0].key], [adds[0].key]]
    for vague in ("I want to cancel that one", "we need to move everything"):
        assert not interpret(vague).operations  # a reference with nothing to refer to
    assert not any(isinstance(op, AddTask) for op in interpret(
        "we want to move the party to Friday", task("party", "Garden party", "Saturday"),
        focus=("party",)).operations)


def test_a_change_told_by_its_participle_alone_is_that_change() -> None:
    lamp = task("lamp", "Fit 40w bulbs in the porch lamp", parents=("porch",))
    porch = task("porch", "Porch repair")
    gate = task("gate", "Oil the gate", "Saturday", parents=("porch",))
    result = interpret("moving the gate to Sunday", porch, lamp, gate, focus=("porch",))
    assert result.operations == [ReviseTask(key="gate", value="Sunday")]
    result = interpret("switching the bulbs to 60w", porch, lamp, gate, focus=("porch",))
    assert result.operations == [ReviseTask(key="lamp", title="Fit 60w bulbs in the porch lamp",
                                            value="60w")]
    assert not interpret("moving the gate to Sunday?", porch, lamp, gate,
                         focus=("porch",)).operations  # a question never writes
    assert not interpret("getting the gate oiled", porch, lamp, gate,
                         focus=("porch",)).operations  # a verb that asks for no change


def test_what_happened_to_a_thing_before_the_steps_wished_for_names_the_plan() -> None:
    result = interpret("ugh, our boiler finally broke. I need to call the landlord, "
                       "book an engineer and buy a heater")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert adds[0].title == "Boiler"
    assert {a.title for a in adds[1:] if a.parents == ["boiler"]} == {
        "Call the landlord", "Book an engineer", "Buy a heater"}
    # a statement alone, or one step only, opens no plan
    assert not interpret("our boiler finally broke").operations
    assert all(op.parents == [] for op in interpret(
        "our boiler finally broke. I need to call the landlord").operations
        if isinstance(op, AddTask))


def test_a_problem_then_what_needs_doing_opens_a_plan_of_the_thing_with_those_steps() -> None:
    adds = _adds(interpret("the shed roof leaks whenever it rains - it needs patching and the "
                           "gate oiling before winter"))
    assert adds[0].title == "Shed roof"
    assert [(a.title, a.parents) for a in adds[1:]] == [
        ("Patch the shed roof", [adds[0].key]),
        ("Oil the gate before winter", [adds[0].key])]
    passive = _adds(interpret("the kettle died today :( a replacement needs ordering, "
                              "and the broken one has to be recycled"))
    assert [a.title for a in passive] == ["Kettle", "Order a replacement",
                                          "Recycle the broken one"]
    wished = _adds(interpret("my railcard expired yesterday - I need to renew it, find a photo "
                             "and fill in the form"))
    assert [a.title for a in wished] == ["Railcard", "Renew the railcard", "Find a photo",
                                         "Fill in the form"]
    told_apart = _adds(interpret("The shed roof leaks whenever it rains. It needs patching."))
    assert [(a.title, a.parents) for a in told_apart] == [
        ("Shed roof", []), ("Patch the shed roof", ["shed-roof"])]
    # a problem alone, or one followed by anything but needs, opens no plan
    assert not interpret("the shed roof leaks whenever it rains").operations
    assert not any(a.title == "Shed roof" for a in _adds(interpret(
        "the shed roof leaks whenever it rains - call the roofer")))


def test_a_step_got_done_by_someone_else_or_wished_on_a_thing_not_held_is_a_new_step() -> None:
    plan = task("loft", "Loft conversion")
    told = _adds(interpret("also get them to seal the skylight", plan, focus=("loft",)))
    assert [(a.title, a.parents) for a in told] == [("Seal the skylight", ["loft"])]
    wished = _adds(interpret("I'll need to move the bike out of the hall", plan,
                             focus=("loft",)))
    assert [(a.title, a.parents) for a in wished] == [("Move the bike out of the hall", ["loft"])]
    # a task that is there is moved, not added; 'instead' gives a task to someone
    beams = task("beams", "Oak beams", "on the 3rd", parents=("loft",))
    assert not _adds(interpret("I need to move the beams to the 9th", plan, beams,
                               focus=("loft",)))
    assert not _adds(interpret("get Ola to fit the beams instead", plan, beams,
                               focus=("loft",)))


def test_a_person_taken_to_a_thing_is_no_plan_and_their_wish_after_it_gives_its_steps() -> None:
    adds = _adds(interpret("Bringing Leo to the county show on May 3. he wants to see the "
                           "tractors and the sheepdogs"))
    root = adds[0]
    assert (root.title, root.value) == ("County show", "on May 3, with Leo")
    assert [(a.title, a.parents) for a in adds[1:]] == [
        ("See the tractors", [root.key]), ("See the sheepdogs", [root.key])]


def test_a_particle_verb_plan_keeps_its_object_as_the_title() -> None:
    result = interpret("we're clearing out the attic on Saturday")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [op.title for op in adds] == ["Attic"]
    opened = _adds(interpret("Clearing out the garage this weekend"))
    assert [op.title for op in opened] == ["Garage"]


def test_a_labelled_list_for_the_plan_in_talk_goes_under_it() -> None:
    text = ("I'm building a garden shed. jobs for it: lay the base, fix the roof, "
            "buy felt and order the timber")
    adds = [op for op in interpret(text).operations if isinstance(op, AddTask)]
    assert adds[0].title == "Garden shed"
    assert [(op.title.lower(), op.parents) for op in adds[1:]] == [
        ("lay the base", [adds[0].key]), ("fix the roof", [adds[0].key]),
        ("buy felt", [adds[0].key]), ("order the timber", [adds[0].key])]


def test_the_last_of_listed_steps_joined_by_and_is_two_steps() -> None:
    text = ("I'm hosting a quiz night. to do: write the questions, print answer sheets, "
            "book the back room and collect the prizes")
    titles = [op.title for op in interpret(text).operations if isinstance(op, AddTask)]
    assert titles[-2:] == ["Book the back room", "Collect the prizes"]


def test_first_then_steps_go_under_the_plan_each_after_the_one_before() -> None:
    text = ("I'm building a treehouse. first the platform, then the walls, then fitting "
            "the roof")
    ops = interpret(text).operations
    adds = [op for op in ops if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in adds[1:]] == [
        ("Platform", ["treehouse"]), ("Walls", ["treehouse"]),
        ("Fitting the roof", ["treehouse"])]
    deps = [(op.key, op.depends_on) for op in ops if isinstance(op, AddDependency)]
    assert deps == [(adds[2].key, adds[1].key), (adds[3].key, adds[2].key)]


def test_a_unit_written_on_to_its_number_is_a_quantity() -> None:
    assert typed_phrases("a 12ft mast and 250g of wax", sentence=False) == [
        (ValueKind.COUNT, "12ft"), (ValueKind.COUNT, "250g")]
    assert typed_phrases("the 3rd at 6pm", sentence=False) == [
        (ValueKind.DATE, "3rd"), (ValueKind.TIME, "6pm")]


def test_a_name_before_a_dash_opens_a_plan_with_the_steps_after_it() -> None:
    adds = _adds(interpret("Allotment jobs this autumn - dig the beds, update the planting chart, "
                           "cancel the seed order and net the brassicas by the 30th"))
    root = adds[0]
    assert root.title == "Allotment jobs this autumn"
    steps = [a.title for a in adds[1:] if root.key in a.parents]
    assert steps == ["Dig the beds", "Update the planting chart", "Cancel the seed order",
                     "Net the brassicas by the 30th"]


def test_a_modal_lead_after_the_dash_of_an_opening_only_introduces_the_steps() -> None:
    adds = _adds(interpret("hosting the chess club's summer tournament at the library on June "
                           "8th - need to reserve the tables, buy clocks and email the players"))
    root = adds[0]
    assert "tournament" in root.title
    assert "June 8th" in (root.value or "")
    assert [a.title for a in adds[1:] if root.key in a.parents] == [
        "Reserve the tables", "Buy clocks", "Email the players"]


def test_a_long_name_before_a_dash_opens_a_plan_with_its_facts_and_named_values() -> None:
    adds = _adds(interpret("a new kitchen refit job for Marsh & Daughters Ltd - 3 rooms, "
                           "oak worktops, due 9 March, labour $40/hour"))
    root = adds[0]
    assert root.title == "New kitchen refit job for Marsh & Daughters Ltd"
    assert not root.parents
    assert "3 rooms" in (root.value or "")
    assert "due 9 March" in (root.value or "")
    assert ("Labour", "$40/hour", [root.key]) in [(a.title, a.value, a.parents) for a in adds]


def test_a_name_and_its_facts_after_a_dash_then_a_labelled_list_make_one_plan() -> None:
    adds = _adds(interpret("Gran's 90th tea party - Sunday 4 May at the bowls club, 25 guests. "
                           "to do: book the urn, order sandwiches, print name cards"))
    root = adds[0]
    assert (root.title, root.value) == ("Gran's 90th tea party",
                                        "Sunday 4 May at the bowls club, 25 guests")
    assert [(a.title, a.parents) for a in adds[1:]] == [
        ("Book the urn", [root.key]), ("Order sandwiches", [root.key]),
        ("Print name cards", [root.key])]


def test_a_clause_before_a_dash_or_a_plan_in_memory_opens_no_plan_by_the_dash() -> None:
    assert all("boiler" not in a.title.lower() for a in _adds(
        interpret("the boiler stopped - ring the landlord, boil a kettle")))
    plan = task("fete", "School fete")
    adds = _adds(interpret("raffle prizes - wrap them, label them and price them", plan,
                           focus=("fete",)))
    assert all(a.title != "Raffle prizes" or a.parents for a in adds)


def test_a_dashed_name_with_a_proper_name_in_it_opens_a_plan_of_counted_items() -> None:
    adds = _adds(interpret("Bakery reorder for Crumb & Rye - 40 kg of rye flour, 12 loaf tins, "
                           "300 paper bags and sourdough starter"))
    root = adds[0]
    assert (root.title, root.value, root.parents) == ("Bakery reorder for Crumb & Rye", None, [])
    # counted things with no date, time or price beside them are items, not facts of the plan
    assert [(a.title, a.value) for a in adds[1:] if root.key in a.parents] == [
        ("rye flour", "40 kg"), ("12 loaf tins", None), ("300 paper bags", None),
        ("sourdough starter", None)]


def test_a_plan_named_with_a_check_verb_before_its_colon_list_is_no_question() -> None:
    adds = _adds(interpret("show kit for Hart & Vine: 30 programmes, 12 music stands and a "
                           "lectern"))
    assert adds[0].title == "Show kit for Hart & Vine"
    assert [a.title for a in adds[1:] if adds[0].key in a.parents] == [
        "30 programmes", "12 music stands", "lectern"]


def test_a_time_after_the_dash_of_an_opening_cuts_no_list() -> None:
    adds = _adds(interpret("Choir rehearsal weekend - St Jude's hall, Saturday 3 May, 09:45 "
                           "start."))
    assert [(a.title, a.value) for a in adds] == [
        ("Choir rehearsal weekend", "St Jude's hall, Saturday 3 May, 09:45 start")]


def test_a_possessed_thing_with_a_place_and_a_date_opens_a_plan() -> None:
    adds = _adds(interpret("Tom's piano exam is at the Royal Academy on Friday 14 March."))
    assert [(a.title, a.value) for a in adds] == [
        ("Tom's piano exam", "Royal Academy on Friday 14 March")]
    assert _adds(interpret("Tom's piano is at the Royal Academy on Friday"))[0].title == (
        "Tom's piano")


def test_a_problem_then_a_list_of_what_it_needs_opens_a_plan_of_those_steps() -> None:
    adds = _adds(interpret("The garden bench I inherited is rotten and the paint flakes - it "
                           "needs sanding, two coats of stain and new bolts, then I'll give it "
                           "to my sister."))
    root = adds[0]
    assert root.title == "Garden bench"
    assert [a.title for a in adds[1:] if root.key in a.parents] == [
        "Sanding", "Two coats of stain", "New bolts", "Give the garden bench to my sister"]


def test_each_verb_phrase_after_need_to_is_a_step_whatever_its_verb() -> None:
    adds = _adds(interpret("I need to rent a van at Hertz and make twenty boxes for the move "
                           "on the 3rd of June."))
    assert [a.title for a in adds if not a.parents] == [
        "Rent a van", "Make twenty boxes for the move"]
    assert ("Date", "3rd of June") in [(a.title, a.value) for a in adds]
    assert not [op for op in interpret("I need to rent a van at Hertz and make twenty boxes "
                                       "for the move on the 3rd of June.").subtasks
                if op.intent.value == "update"]


def test_a_thing_named_with_where_it_comes_from_takes_the_facts_as_its_value() -> None:
    plan = task("recital", "Cello recital")
    scores = task("scores", "Print the scores", parents=("recital",))
    assert _ops("scores from the library, 12 of them, bound by Friday", plan, scores,
                focus=("recital",)) == [
        ReviseTask(key="scores", value="from the library, 12 of them, bound by Friday")]
    # facts of a thing memory does not hold whole are no value of a task
    assert not any(isinstance(op, ReviseTask) for op in _ops(
        "sheet music from the library, 12 of them", plan, scores, focus=("recital",)))


def test_a_replacement_told_with_a_preposition_never_takes_a_modifier_place() -> None:
    plan = task("party", "Retirement party")
    banner = task("banner", "Print the banner sheets", parents=("party",))
    assert _ops("swap the banner for the one from the office", plan, banner,
                focus=("party",)) == []
    assert split_clauses("swap the mug for the tall one, the blue one's chipped") == [
        "swap the mug for the tall one", "the blue one's chipped"]


def test_a_pronoun_object_is_no_word_to_align_on() -> None:
    plan = task("quilt", "Baby quilt")
    cut = task("cut", "Cut the squares", parents=("quilt",))
    post = task("post", "Post them to Jo by the 3rd", parents=("quilt",))
    ops = _ops("I can't start sewing them until the squares are cut", plan, cut, post,
               focus=("quilt",))
    assert [op.key for op in ops if isinstance(op, AddDependency)] != ["post"]


def test_a_thing_booked_for_a_time_opens_a_plan_on_an_empty_memory() -> None:
    adds = _adds(interpret("the boiler service is booked for 3 May at 10:15, Unit 4 Mill Lane"))
    assert [(a.title, a.value) for a in adds] == [
        ("Boiler service", "3 May at 10:15, Unit 4 Mill Lane")]
    assert _adds(interpret("the spelling bee is on the 5th at 6pm"))[0].title == "Spelling bee"
    assert not _adds(interpret("the weather is lovely on Sunday"))
    assert not _adds(interpret("Priya is away on the 3rd"))
    plan = task("fair", "Book fair")
    assert all(a.parents for a in _adds(interpret("the raffle is booked for 3 May", plan,
                                                  focus=("fair",))))  # no second plan


def test_a_plan_told_as_doing_something_for_people_is_named_with_them() -> None:
    adds = _adds(interpret("I'm cat-sitting for the Duvals from the 4th to the 9th"))
    assert [(a.title, a.value) for a in adds] == [
        ("Cat-sitting for the Duvals", "from the 4th to the 9th")]


def test_a_wish_with_a_deadline_needs_no_subject() -> None:
    ops = _ops("need it fixed by the 3rd", task("roof", "Shed roof"), focus=("roof",))
    assert ops == [ReviseTask(key="roof", value="fixed by the 3rd")]


def _darkroom() -> list[Task]:
    return [task("prints", "Photo exhibition"),
            task("frames", "Order the frames", parents=("prints",)),
            task("hang", "Hang the prints", parents=("prints",)),
            task("framer", "Find a framer", "Ola Berg", parents=("prints",)),
            task("class", "six darkroom classes", "mondays at 6", parents=("prints",)),
            task("review", "a portfolio review", parents=("prints",))]


def test_a_step_told_as_done_after_until_is_what_waits() -> None:
    tasks = _darkroom()
    assert _ops("no point hanging the prints until Ola's actually fixed the frames", *tasks,
                focus=("prints",)) == [AddDependency(key="hang", depends_on="framer")]
    assert _ops("the review can't go ahead till I've sat 3 of the classes", *tasks,
                focus=("prints",)) == [AddDependency(key="review", depends_on="class")]
    adds = _adds(interpret("the prints can't be hung until I've varnished the walls", *tasks,
                           focus=("prints",)))
    assert [a.title for a in adds] == ["Varnish the walls"]


def test_a_new_time_takes_the_place_of_a_bare_hour() -> None:
    ops = _ops("she's moving them to tuesdays at 6:45", *_darkroom(), focus=("class",))
    assert ReviseTask(key="class", value="tuesdays at 6:45") in ops


def test_advice_passed_on_is_the_change_it_advises_and_nothing_else() -> None:
    tasks = _darkroom()
    assert _ops("Ola reckons skip the review", *tasks, focus=("prints",)) == [
        CancelTask(key="review")]
    assert _ops("my tutor says drop the review", *tasks, focus=("prints",)) == [
        CancelTask(key="review")]
    assert _ops("Ola says the frames look cheap", *tasks, focus=("prints",)) == []


def test_put_it_back_after_a_restore_in_the_same_turn_says_it_again() -> None:
    tasks = [*_darkroom()[:-1], task("review", "a portfolio review", parents=("prints",),
                                     status=TaskStatus.CANCELLED)]
    ops = _ops("keep the review, we need it - bring it back on", *tasks, focus=("prints",))
    assert ops == [RestoreTask(key="review")]


def test_an_object_told_in_the_participle_of_its_step_finishes_that_step() -> None:
    tasks = [task("fete", "Church fete"),
             task("hedge", "Trim the hedge by the gate", parents=("fete",)),
             task("urn", "Borrow a tea urn", parents=("fete",)),
             task("cakes", "Bake the cakes", parents=("fete",))]
    assert _ops("the hedge is trimmed and looking tidy", *tasks, focus=("fete",)) == [
        CompleteTask(key="hedge")]
    assert _ops("tea urn's borrowed, Jo dropped it round", *tasks, focus=("fete",)) == [
        CompleteTask(key="urn")]
    assert _ops("the cakes are all done and in the tins", *tasks, focus=("fete",)) == [
        CompleteTask(key="cakes")]
    # another verb's participle is no finishing of the step
    assert _ops("the hedge is overgrown", *tasks, focus=("fete",)) == []
    assert _ops("the hedge isn't trimmed", *tasks, focus=("fete",)) == []
    assert split_clauses("bought the flour, and the bread tin's all greased") == [
        "bought the flour", "the bread tin's all greased"]


def test_when_a_named_person_comes_joins_their_task_then_moves_with_them() -> None:
    plan = task("roof", "Fix the roof")
    roofer = task("roofer", "Book a roofer", "Priya Shah", parents=("roof",))
    assert _ops("roofer's Priya Shah, she can come Monday at 8am", plan, roofer,
                focus=("roof",))[-1:] == [
        ReviseTask(key="roofer", value="Priya Shah, Monday at 8am")]
    booked = roofer.model_copy(update={"value": "Priya Shah, Monday at 8am"})
    assert _ops("priya rang, she'll come wednesday instead, same time", plan, booked,
                focus=("roof",)) == [ReviseTask(key="roofer", value="Priya Shah, wednesday at 8am")]


def _shed() -> list[Task]:
    return [task("shed", "Rebuild the shed"),
            task("walls", "Paint the walls", parents=("shed",)),
            task("felt", "Buy roof felt", "from Wickes, £20", parents=("shed",))]


def test_a_choice_for_a_thing_is_the_value_of_its_step_or_a_new_attribute() -> None:
    tasks = _shed()
    assert _ops("for the walls use sage green, matt", *tasks, focus=("shed",)) == [
        ReviseTask(key="walls", value="sage green, matt")]
    assert _adds(interpret("for screws I'm going with Spax 5mm", *tasks, focus=("shed",))) == [
        AddTask(key="shed.screws", title="Screws", value="Spax 5mm", parents=["shed"])]
    # with an article it is a thing to get, a step, not a choice
    assert not any(isinstance(op, ReviseTask) for op in _ops(
        "for the walls get a roller", *tasks, focus=("shed",)))


def test_that_after_a_statement_about_a_step_is_that_steps_value() -> None:
    walls = task("walls", "Paint the walls", "sage green", parents=("shed",))
    tasks = [*_shed()[:1], walls, _shed()[2]]
    assert _ops("hmm, the walls are more of a grey - make that Slate Blue", *tasks,
                focus=("shed",)) == [ReviseTask(key="walls", value="Slate Blue")]


def test_a_step_told_in_the_perfect_with_its_own_verb_is_finished() -> None:
    tasks = [task("move", "Move flat"), task("gas", "Shut off the gas", parents=("move",)),
             task("van", "Book a van", parents=("move",))]
    assert _ops("I've shut the gas off now", *tasks, focus=("move",)) == [
        CompleteTask(key="gas")]
    assert _ops("we've booked the van", *tasks, focus=("move",)) == [CompleteTask(key="van")]
    assert not any(isinstance(op, CompleteTask) for op in _ops(
        "I've seen the van", *tasks, focus=("move",)))


def test_when_the_step_waited_for_is_due_is_its_value() -> None:
    tasks = [task("jam", "Jam making"), task("jars", "Fill the jars", parents=("jam",))]
    adds = _adds(interpret("the jars can't be filled until I've washed the lids, sunday "
                           "night ideally", *tasks, focus=("jam",)))
    assert [(a.title, a.value) for a in adds] == [("Wash the lids", "sunday night")]


def test_a_statement_after_a_change_with_instead_is_its_reason() -> None:
    tasks = [task("jam", "Jam making"),
             task("lids", "Wash the lids", "sunday morning", parents=("jam",))]
    result = interpret("washing the lids has to be saturday morning instead, the sink's "
                       "blocked sunday", *tasks, focus=("jam",))
    assert [op.key for s in result.subtasks for op in s.operations] == ["lids"]
    assert result.subtasks[-1].intent == Intent.NOTE


def test_a_list_marked_line_by_line_is_read_as_one_list() -> None:
    assert listed_inline("Chores:\n- mop the hall\n* water the ferns.\nThat's all") == (
        "Chores: mop the hall, water the ferns.\nThat's all")
    assert listed_inline("Agenda: 1) minutes 2) budget, 3) any other business") == (
        "Agenda: minutes, budget, any other business")
    # numbers that do not run one after another, or a dash with no heading, list nothing
    assert listed_inline("Dose: 1) twice 3) daily") == "Dose: 1) twice 3) daily"
    assert listed_inline("the car broke down\n- no idea why") == (
        "the car broke down\n- no idea why")
    # a head with no colon over two marked lines or more is the list's head all the same
    assert listed_inline("Allotment jobs\n* dig the beds\n* fix the water butt") == (
        "Allotment jobs: dig the beds, fix the water butt")
    assert listed_inline("it broke.\n- no idea why\n- ugh") == "it broke.\n- no idea why\n- ugh"


def test_a_long_name_before_a_marked_list_opens_a_plan_of_steps_and_named_items() -> None:
    adds = _adds(interpret("Shed rebuild at the allotment before the frost:\n- order the "
                           "timber\n- clear the old base\n- gravel delivery\n- paint the door"))
    root = adds[0]
    assert root.title == "Shed rebuild at the allotment before the frost"
    assert [a.title for a in adds[1:]] == ["Order the timber", "Clear the old base",
                                           "Gravel delivery", "Paint the door"]
    assert all(a.parents == [root.key] for a in adds[1:])


def test_numbered_items_after_a_label_go_under_the_plan_just_opened() -> None:
    adds = _adds(interpret("Hosting the regional chess open at the library on May 3. To do: "
                           "1) book the hall 2) print 40 score sheets 3) trophies for each "
                           "section"))
    root = adds[0]
    assert [a.title for a in adds[1:]] == ["Book the hall", "Print 40 score sheets",
                                           "Trophies for each section"]
    assert all(a.parents == [root.key] for a in adds[1:])


def test_a_dependency_on_a_thing_pointed_at_links_what_was_said_never_adds_it() -> None:
    fair = task("fair", "Garden fair")
    seedlings = task("plants", "Order seedlings", "from the nursery", parents=("fair",))
    ribbons = task("ribbons", "Order ribbons", parents=("fair",))
    ops = _ops("Entries are at 14 so far, and the ribbon order depends on that count.",
               fair, seedlings, ribbons)
    assert AddDependency(key="ribbons", depends_on="fair.entries") in ops
    ops = _ops("Also pot the seedlings Friday night and label the trays. Potting depends on "
               "that shipment.", fair, seedlings)
    assert AddDependency(key="pot-seedlings-friday-night", depends_on="plants") in ops
    assert not any(isinstance(op, AddTask) and op.title.lower().startswith("that") for op in ops)
    result = interpret("The ribbons depend on that weather.", fair, ribbons)
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


def test_a_remark_after_a_request_is_a_note_never_a_task() -> None:
    result = interpret("I have to sand the gate, the dogs lose their footing on it")
    assert [a.title for a in _adds(result)] == ["Sand the gate"]
    assert result.subtasks[-1].intent == Intent.NOTE
    result = interpret("Email the parents, they always forget")
    assert [a.title for a in _adds(result)] == ["Email the parents"]
    # a second noun phrase with no verb is part of the request, no remark
    assert [a.title for a in _adds(interpret("book the hall, the big one"))] == [
        "Book the hall, the big one"]


def test_a_verb_on_a_person_alone_names_no_task() -> None:
    result = interpret("The caretaker keeps asking about the raffle, bless him.",
                       task("fair", "Garden fair"))
    assert not _adds(result)


def test_a_phrasal_verb_that_names_a_task_is_no_change_of_a_value() -> None:
    trip = task("trip", "Fishing trip", "at the loch on Sunday")
    rods = task("rods", "Fix the rods", "with the Smiths", parents=("trip",))
    ops = _ops("And set up a lift share with the Patels.", trip, rods)
    assert not any(isinstance(op, ReviseTask) for op in ops)
    assert any(isinstance(op, AddTask) and op.title == "Set up a lift share" for op in ops)


def test_a_step_owed_with_ought_or_should_joins_the_plan_in_talk() -> None:
    trip = task("trip", "Fishing trip", "at the loch on Sunday")
    bait = task("bait", "Buy bait", parents=("trip",))
    for said in ("Right, I ought to oil the reels and pack a thermos too.",
                 "I should oil the reels and pack a thermos too."):
        adds = _adds(interpret(said, trip, bait, focus=("trip",)))
        assert [(a.title, a.parents) for a in adds] == [("Oil the reels", ["trip"]),
                                                        ("Pack a thermos", ["trip"])]
    assert not _adds(interpret("I must have left the net at home", trip, bait))


def test_a_reading_verb_on_a_thing_outside_memory_is_a_step() -> None:
    trip = task("trip", "Fishing trip")
    adds = _adds(interpret("also gotta print the permits and buy spare hooks.", trip,
                           focus=("trip",)))
    assert [a.title for a in adds] == ["Print the permits", "Buy spare hooks"]
    for said in ("print the list", "print what is left", "show me the plan"):
        assert [s.intent for s in interpret(said, trip).subtasks] == [Intent.CHECK]


def test_a_thing_named_before_a_dash_is_what_the_request_after_it_speaks_of() -> None:
    assert split_clauses("the lanterns - hang them by the gate") == [
        "the lanterns - hang them by the gate"]
    assert split_clauses("the car broke down - need a new one") == [
        "the car broke down", "need a new one"]  # a statement first: two clauses
    assert split_clauses("the gazebo - scrap it") == ["the gazebo", "scrap it"]
    party = task("party", "Garden party")
    icing = task("icing", "icing", parents=("party",))
    assert _ops("icing - do it in lemon yellow", party, icing) == [
        ReviseTask(key="icing", value="in lemon yellow")]
    # a request about a thing memory does not hold writes nothing, and says so
    result = interpret("edge trim - do it in gold", party, icing)
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


def test_what_someone_is_told_with_a_bare_a_is_a_remark_not_an_attribute() -> None:
    trip = task("trip", "School trip")
    bus = task("bus", "Book the bus", parents=("trip",))
    for said in ("the caterer is a star", "honestly the driver's a saint"):
        assert not _adds(interpret(said, trip, bus, focus=("trip",)))
    adds = _adds(interpret("the theme is a sunken city", trip, bus, focus=("trip",)))
    assert [(a.title, a.value) for a in adds] == [("Theme", "sunken city")]


def test_so_before_a_wish_starts_a_clause_of_what_must_be_done() -> None:
    assert split_clauses("The lease ends in May so we need to find a van and pack the books") == [
        "The lease ends in May", "we need to find a van and pack the books"]
    adds = _adds(interpret("Term starts September 4 so I need to buy new lunchboxes, book eye "
                           "tests and order the uniforms."))
    root = adds[0]
    assert [a.title for a in adds[1:]] == ["Buy new lunchboxes", "Book eye tests",
                                           "Order the uniforms"]
    assert all(a.parents == [root.key] for a in adds[1:])


def test_how_a_thing_just_finished_was_got_is_a_note_on_it() -> None:
    term = task("term", "School term")
    eyes = task("eyes", "Book eye tests", "Saturday at 11", parents=("term",))
    coats = task("coats", "Buy raincoats", parents=("term",))
    result = interpret("Put the eye tests on Sunday at 2, and the raincoats are done, picked them "
                       "up at the market yesterday.", term, eyes, coats)
    assert [op for s in result.subtasks for op in s.operations] == [
        ReviseTask(key="eyes", value="Sunday at 2"), CompleteTask(key="coats")]
    assert result.subtasks[-1].intent == Intent.NOTE


def test_an_order_told_after_a_value_points_back_to_the_task_just_told() -> None:
    assert split_clauses("Kick-off is 9:40 and the minibus rota depends on that") == [
        "Kick-off is 9:40", "the minibus rota depends on that"]
    assert split_clauses("The cones and the bibs each wait for the final squad list.") == [
        "The cones and the bibs each wait for the final squad list."]
    season = task("season", "Football season")
    rota = task("rota", "Sort the minibus rota", parents=("season",))
    ops = _ops("Kick-off is 9:40 and the minibus rota depends on that", season, rota)
    assert AddDependency(key="rota", depends_on="season.kick-off") in ops
    assert [op.key for op in ops if isinstance(op, AddTask)] == ["season.kick-off"]
