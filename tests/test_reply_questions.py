"""Questions read from their wording and answered from current values: paraphrase sets in
domains of their own (a garage sale, a bike repair, a book club)."""

from __future__ import annotations

import pytest

from tme_neo4j.models import Task, TaskStatus
from tme_neo4j.questions import (
    Asked,
    asked_kind,
    asks_listing,
    attribute_answer,
    attribute_answers,
    listing,
    order_answer,
    premise_answer,
    question_parts,
)
from tme_neo4j.replies import compose_reply
from tme_neo4j.trim.base import Intent, Subtask, TrimResult


def _task(key: str, title: str, value: str | None = None, parents: tuple[str, ...] = (),
          status: TaskStatus = TaskStatus.ACTIVE) -> Task:
    return Task(key=key, id=key, title=title, value=value, parents=list(parents), status=status)


def _memory() -> dict[str, Task]:
    tasks = [
        _task("sale", "Garage sale", "at Oak Street on Saturday the 9th, opening 8:30"),
        _task("signs", "Paint signs", parents=("sale",)),
        _task("tables", "Borrow 4 tables", parents=("sale",)),
        _task("tables.van", "Van", "Marek", parents=("tables",)),
        _task("float", "Cash float", "$60", parents=("sale",)),
        _task("ad", "Post an ad", parents=("sale",), status=TaskStatus.DONE),
        _task("lamps", "Sell the lamps", parents=("sale",), status=TaskStatus.CANCELLED),
        _task("glue", "Let the glue set for 3 days", parents=("sale",)),
    ]
    return {t.key: t for t in tasks}


@pytest.mark.parametrize("question", [
    "what's left?", "could you list everything we have", "show me the whole plan",
    "what still needs doing?", "what's on the sale now?", "run me through the plan",
    "what have we got so far?", "give me the rundown", "where are we with the sale overall?",
    "so where am I at?", "gimme the full picture", "catch me up on the sale",
    "read the plan back to me",
])
def test_a_listing_names_every_open_task_with_its_value(question: str) -> None:
    assert asks_listing(question)
    answer = listing(question, _memory())
    for part in ("Paint signs", "Borrow 4 tables", "Marek", "$60", "3 days", "8:30"):
        assert part in answer
    assert "lamps" not in answer  # cancelled
    assert "Post an ad" not in answer.split("Done:")[0]  # done: not among the open items


@pytest.mark.parametrize("question", [
    "how many tables are we borrowing?", "what time does it open?", "who drives the van?",
])
def test_a_fact_question_is_no_listing(question: str) -> None:
    assert not asks_listing(question)


@pytest.mark.parametrize(("question", "kind", "expected"), [
    ("how many tables are we borrowing?", Asked.COUNT, "4 tables"),
    ("what number of tables do we borrow, how many?", Asked.COUNT, "4 tables"),
    ("how much is the cash float?", Asked.PRICE, "$60"),
    ("what's the float going to cost", Asked.PRICE, "$60"),
    ("how long does the glue need?", Asked.DURATION, "3 days"),
    ("what time does the sale open?", Asked.TIME, "8:30"),
    ("where is the sale?", Asked.PLACE, "Oak Street"),
    ("who's bringing the van?", Asked.PERSON, "Marek"),
])
def test_an_attribute_question_gets_that_value(question: str, kind: Asked,
                                               expected: str) -> None:
    assert asked_kind(question) == kind
    found, _ = attribute_answer(question, kind, _memory())
    assert found
    assert expected in f"{found[0].title} {found[0].value}"


@pytest.mark.parametrize(("question", "wrong", "expected"), [
    ("so the sale opens at 9:30, right?", "9:30", "8:30"),
    ("we're borrowing 6 tables, yeah?", "6", "4 tables"),
    ("the float is $80, correct?", "$80", "$60"),
    ("it's on the 16th, right?", "16th", "9th"),
])
def test_a_false_premise_gets_the_value_memory_holds(question: str, wrong: str,
                                                     expected: str) -> None:
    said, instead = premise_answer(question, _memory())
    assert any(wrong in s for s in said)
    assert any(expected in f"{t.title} {t.value}" for t in instead)


def test_a_true_premise_is_not_contradicted() -> None:
    assert premise_answer("so the sale opens at 8:30, right?", _memory()) == ([], [])
    assert premise_answer("we're borrowing 4 tables, yeah?", _memory()) == ([], [])


def test_a_possessive_name_is_the_name() -> None:
    assert premise_answer("so Marek's driving the van?", _memory()) == ([], [])
    said, instead = premise_answer("so Ines's driving the van?", _memory())
    assert said == ["Ines"]
    assert [t.key for t in instead] == ["tables.van"]


def test_a_person_asked_about_on_another_day_gets_their_own_day() -> None:
    tasks = {t.key: t for t in [
        _task("rota", "Shop rota"),
        _task("rota.tue", "Tuesday till", "Noor and Piet", parents=("rota",)),
        _task("rota.ilse", "Ilse", "on Thursday", parents=("rota",)),
    ]}
    said, instead = premise_answer("Ilse's on Tuesday, isn't she?", tasks)
    assert said == ["Tuesday"]
    assert [t.key for t in instead] == ["rota.ilse"]
    assert premise_answer("Ilse's on Thursday, isn't she?", tasks) == ([], [])


@pytest.mark.parametrize(("question", "parts"), [
    ("who's bringing the van and how much is the float?", 2),
    ("what time does it open, and where is it?", 2),
    ("who's driving and on what day?", 2),
    ("how many tables are we borrowing?", 1),
    ("where's the sale and when", 2),
])
def test_a_question_asking_two_facts_has_two_parts(question: str, parts: int) -> None:
    assert len(question_parts(question)) == parts


def test_each_fact_of_a_two_part_question_is_answered() -> None:
    found, named = attribute_answers("who's bringing the van and how much is the float?",
                                     _memory())
    assert [t.key for t in found] == ["tables.van", "float"]
    assert named
    # a part that names nothing ('and where is it?') is about what the other part names
    found, _ = attribute_answers("what time does the sale open and where is it?", _memory())
    assert [t.key for t in found] == ["sale"]
    found, _ = attribute_answers("how many tables, and how long does the glue need?", _memory())
    assert [t.key for t in found] == ["tables", "glue"]


def test_a_day_asked_about_by_its_full_name_is_held_by_its_short_name() -> None:
    fair = _task("fair", "Craft fair", "Sat 14 May at the town hall")
    trim = TrimResult(subtasks=[Subtask(text="q", intent=Intent.CHECK, about=["fair"])])
    reply = compose_reply("what still needs doing before saturday?", trim, None, {"fair": fair},
                          [], ["fair"])
    assert "never recorded" not in reply
    reply = compose_reply("what still needs doing before sunday?", trim, None, {"fair": fair},
                          [], ["fair"])
    assert "sunday was never recorded" in reply


def _lessons() -> dict[str, Task]:
    tasks = [
        _task("course", "Spanish evening course", "at the library, Mondays"),
        _task("fee", "Pay the course fee", "€45 a term", parents=("course",)),
        _task("books", "Buy the workbook", parents=("course",)),
        _task("books.level", "Level", "B1", parents=("books",)),
        _task("tutor", "Find a conversation tutor", "Inés, Thursdays at 6pm", parents=("course",)),
        _task("club", "Conversation club", "meets after the tutor comes", parents=("course",)),
        _task("exam", "Sit the exam", parents=("course",)),
        _task("exam.venue", "Venue", "the Cervantes Institute", parents=("exam",)),
    ]
    return {t.key: t for t in tasks}


@pytest.mark.parametrize(("question", "expected"), [
    ("what am I paying for the course?", "€45"),
    ("what's the rate per term?", "€45"),
    ("what does it cost per term?", "€45"),
])
def test_paying_or_a_rate_asks_for_a_price(question: str, expected: str) -> None:
    assert asked_kind(question) == Asked.PRICE
    found, _ = attribute_answer(question, Asked.PRICE, _lessons())
    assert found
    assert expected in f"{found[0].title} {found[0].value}"


def test_who_or_when_paying_asks_for_a_person_or_a_day() -> None:
    assert asked_kind("who's paying for the workbook?") == Asked.PERSON
    assert asked_kind("when am I paying the tutor?") == Asked.DATE


def test_a_word_of_a_tasks_name_counts_before_a_word_of_a_value() -> None:
    # 'tutor' names one task and is only said in the value of another
    found, named = attribute_answer("when is the tutor coming?", Asked.DATE, _lessons())
    assert [t.key for t in found] == ["tutor"]
    assert named


def test_a_slot_named_for_the_kind_asked_answers_for_the_task_above_it() -> None:
    found, named = attribute_answer("where do I sit the exam?", Asked.PLACE, _lessons())
    assert [t.key for t in found] == ["exam.venue"]
    assert named


def test_a_part_with_no_question_word_of_a_kind_gets_the_task_it_names() -> None:
    found, _ = attribute_answers("when do I see the tutor, and what was the level?", _lessons())
    assert [t.key for t in found] == ["tutor", "books.level"]
    # a part naming no task alone adds nothing
    found, _ = attribute_answers("when do I see the tutor, and what was that?", _lessons())
    assert [t.key for t in found] == ["tutor"]


def test_where_a_thing_comes_from_is_its_place() -> None:
    tasks = _lessons() | {"dict": _task("dict", "Order a dictionary", "from Foyles, €20",
                                        parents=("course",))}
    found, named = attribute_answer("where's the dictionary coming from?", Asked.PLACE, tasks)
    assert [t.key for t in found] == ["dict"]
    assert named


def test_a_part_naming_no_one_task_alone_asks_for_the_plan_around_too() -> None:
    found, named = attribute_answers("when do I see the tutor, and what's the course like?",
                                     _lessons())
    assert [t.key for t in found] == ["tutor"]
    assert not named  # 'the course' names several tasks: the reply adds the plan


@pytest.mark.parametrize("question", [
    "what have I finished so far?", "show me everything we've completed",
    "tell me what I've done so far",
])
def test_a_listing_of_what_is_finished_names_the_finished_tasks_only(question: str) -> None:
    assert asks_listing(question)
    answer = listing(question, _memory())
    assert "Done: Post an ad" in answer
    assert "Paint signs" not in answer


@pytest.mark.parametrize("question", ["which are done and which are left?", "what's not done yet?"])
def test_a_listing_of_what_is_left_and_done_keeps_them_apart(question: str) -> None:
    answer = listing(question, _memory())
    assert "Paint signs" in answer.split("Done:")[0]
    assert ("Done: Post an ad" in answer) is ("not done" not in question)


def test_an_answer_says_whether_the_task_it_names_is_finished() -> None:
    tasks = {t.key: t for t in [
        _task("gig", "Band gig"), _task("van", "Hire a van", "from Vanline, £90", ("gig",),
                                         status=TaskStatus.DONE),
        _task("amps", "Fix the amps", parents=("gig",))]}

    def reply(question: str, key: str) -> str:
        trim = TrimResult(subtasks=[Subtask(text=question, intent=Intent.CHECK, about=[key])])
        return compose_reply(question, trim, None, tasks, [], [key])

    assert "Hire a van: from Vanline, £90 (done)" in reply("how much was the van?", "van")
    assert "Fix the amps (not done yet)" in reply("are the amps fixed yet?", "amps")
    assert "not done" not in reply("what about the amps?", "amps")


def test_a_fact_no_named_task_holds_comes_from_the_one_slot_named_for_it() -> None:
    tasks = [
        _task("choir", "Choir tour", "in spring"),
        _task("choir.dates", "Rehearsals begin in March, then weekly", parents=("choir",)),
        _task("choir.dates.venue", "Venue", "St Aldate's hall", parents=("choir.dates",)),
        _task("choir.music", "Copy the scores", parents=("choir",)),
    ]
    found, named = attribute_answer("where do we sing?", Asked.PLACE, {t.key: t for t in tasks})
    assert [t.key for t in found] == ["choir.dates.venue"]
    assert not named  # a guess: the reply gives the plan around it too


def test_no_slot_answers_when_two_are_named_for_the_fact() -> None:
    tasks = [
        _task("choir", "Choir tour", "in spring"),
        _task("choir.a", "Venue", "St Aldate's hall", parents=("choir",)),
        _task("choir.b", "Venue", "the Corn Exchange", parents=("choir",)),
    ]
    found, _ = attribute_answer("where do we sing?", Asked.PLACE, {t.key: t for t in tasks})
    assert found == []


def _scattered() -> dict[str, Task]:
    # two plans, one holding nothing: what a question names may be the empty one
    return {t.key: t for t in [
        _task("flyer", "Tell Dana about the flyer"),
        _task("fair", "Craft fair", "at the Corn Hall on the 4th"),
        _task("stall", "Book a stall", "£35", parents=("fair",)),
        _task("float", "Cash float", "£50", parents=("fair",)),
    ]}


@pytest.mark.parametrize("question", [
    "remind me what Dana's charging?", "run me through the flyer plan",
    "what's left for the flyer?", "where are we with Dana?",
])
def test_a_plan_that_holds_nothing_is_no_whole_answer(question: str) -> None:
    tasks = _scattered()
    trim = TrimResult(subtasks=[Subtask(text=question, intent=Intent.CHECK, about=["flyer"])])
    reply = compose_reply(question, trim, None, tasks, [], ["flyer"])
    assert "£35" in reply
    assert "Cash float" in reply


@pytest.mark.parametrize(("question", "kind"), [
    ("what's the florist charging?", Asked.PRICE), ("what did they quote?", Asked.PRICE),
    ("how much is it costing us?", Asked.PRICE), ("what are the fees?", Asked.PRICE),
])
def test_price_words_in_any_form_ask_for_a_price(question: str, kind: Asked) -> None:
    assert asked_kind(question) == kind


def _ordered() -> dict[str, Task]:
    tasks = [
        _task("fence", "Mend the fence"),
        _task("quotes", "Get quotes", "two so far", parents=("fence",)),
        _task("posts", "Buy posts", "8 at the yard", parents=("fence",)),
        _task("holes", "Dig holes", parents=("fence",)).model_copy(
            update={"depends_on": ["posts", "quotes", "skip"]}),
        _task("skip", "Hire a skip", parents=("fence",), status=TaskStatus.CANCELLED),
    ]
    return {t.key: t for t in tasks}


@pytest.mark.parametrize("question", [
    "what's digging the holes waiting on?", "what are the holes waiting for?",
    "what does digging depend on?", "what's holding the holes up?",
    "what is dig holes blocked by", "what has to happen first before the holes can start?",
    "whats the holes waiting on", "what do the holes rely on?",
    "is digging still waiting on anything?",
])
def test_a_question_about_what_a_task_waits_for_lists_its_dependencies(question: str) -> None:
    tasks = _ordered()
    answer = order_answer(question, [tasks["holes"]], tasks)
    assert answer is not None
    assert "Buy posts: 8 at the yard" in answer
    assert "Get quotes: two so far" in answer
    assert "skip" not in answer  # cancelled: nothing waits for it any more


@pytest.mark.parametrize("question", [
    "what's waiting on the posts?", "what depends on buying posts?",
    "which steps are waiting for the posts", "what relies on the posts?",
    "what is held up by the posts?",
])
def test_a_question_about_what_waits_for_a_task_lists_its_dependents(question: str) -> None:
    tasks = _ordered()
    answer = order_answer(question, [tasks["posts"]], tasks)
    assert answer is not None
    assert "Dig holes" in answer
    assert "Get quotes" not in answer


@pytest.mark.parametrize("question", [
    "where are the posts from?", "how many posts?", "what's left?", "who's digging?",
])
def test_other_questions_get_no_answer_about_order(question: str) -> None:
    tasks = _ordered()
    assert order_answer(question, [tasks["posts"]], tasks) is None
