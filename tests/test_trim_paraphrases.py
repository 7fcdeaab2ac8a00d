"""Paraphrase sets for the offline reader: for each intent, many phrasings across domains, each
with the operation it must give on one hand-built memory. No database; the sentences are
written for these tests and are not taken from any scenario. The sets themselves live in
``tme_neo4j/trim/paraphrases.toml``, which ``tme eval --intents`` scores too."""

from __future__ import annotations

from collections import Counter

import pytest

from tme_neo4j.models import AddTask, Operation, ReviseTask, RollbackTask, Task, TaskStatus
from tme_neo4j.trim import paraphrases
from tme_neo4j.trim.base import TrimResult, TrimView
from tme_neo4j.trim.rules import RuleInterpreter


def _task(key: str, title: str, value: str | None = None, *, parent: str | None = None,
          cancelled: bool = False) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value,
                parents=[parent] if parent else [],
                status=TaskStatus.CANCELLED if cancelled else TaskStatus.ACTIVE)


def read(text: str, focus: str) -> TrimResult:
    return RuleInterpreter().interpret(text, paraphrases.view(focus))


def _kinds(ops: list[Operation]) -> list[tuple[str, str]]:
    return [(op.op, op.key) for op in ops]


@pytest.mark.parametrize("case", paraphrases.cases(), ids=lambda c: f"{c.set}: {c.text}")
def test_each_phrasing_gives_its_intent_and_operations(case: paraphrases.Case) -> None:
    result = read(case.text, case.focus)
    intent_right, operations_right = paraphrases.judge(case, result)
    assert intent_right, (result.intent, result.subtasks)
    assert operations_right, result.operations


def test_every_intent_has_at_least_thirty_phrasings() -> None:
    counts = Counter(case.intent.value for case in paraphrases.cases())
    assert min(counts.values()) >= 30, counts


def test_a_kind_word_takes_the_new_choice() -> None:
    assert read("Actually make it vanilla.", "party").operations == [
        ReviseTask(key="cake", value="vanilla flavour")]


# The failure kinds the reader was rebuilt for, each in a phrasing of its own.
def test_two_verb_phrases_are_two_clauses() -> None:
    result = read("Add a juggler and take out the balloons.", "party")
    assert _kinds(result.operations) == [("add", "juggler"), ("cancel", "balloons")]


def test_a_swap_never_splices_the_next_clause_into_a_value() -> None:
    memory = [_task("picnic", "Picnic on Saturday", "bring wraps, cider and a rug")]
    view = TrimView(tasks=memory, focus=["picnic"])
    result = RuleInterpreter().interpret(
        "Swap the cider for cold brew, and we can't leave before the fog lifts.", view)
    assert result.operations == [ReviseTask(key="picnic", value="bring wraps, cold brew and a rug",
                                            reason="replaced cider with cold brew")]


def test_a_number_correction_revises_the_count() -> None:
    memory = [_task("dinner", "Dinner"), _task("plates", "plates", "six plates",
                                               parent="dinner")]
    view = TrimView(tasks=memory, focus=["dinner"])
    result = RuleInterpreter().interpret("Make it eight plates, not six.", view)
    assert result.operations == [ReviseTask(key="plates", value="eight plates")]


def test_a_date_pushed_back_is_a_move_not_a_rollback() -> None:
    memory = [_task("audit", "Audit", "May 2")]
    result = RuleInterpreter().interpret("The audit's been pushed back to May 9.",
                                         TrimView(tasks=memory, focus=["audit"]))
    assert result.operations == [ReviseTask(key="audit", value="May 9")]


def test_a_named_attribute_that_does_not_exist_yet_is_added_to_the_plan() -> None:
    result = read("Set the theme to pirates.", "party")
    assert _kinds(result.operations) == [("add", "theme")]
    add = result.operations[0]
    assert isinstance(add, AddTask)
    assert (add.value, add.parents) == ("pirates", ["party"])


def test_a_one_word_change_replaces_the_qualifier_not_the_title() -> None:
    memory = [_task("order", "Order a lemon tart")]
    result = RuleInterpreter().interpret("Change the tart to raspberry.",
                                         TrimView(tasks=memory, focus=["order"]))
    assert result.operations == [ReviseTask(key="order", title="Order a raspberry tart",
                                            value="raspberry")]


@pytest.mark.parametrize(("text", "focus", "key", "value"), [
    # nothing but values: each goes in place of its kind, the rest of the value stays
    ("The flight is now May 5.", "trip", "flight", "May 5 at 9 AM"),
    ("The flight is now at 11 AM.", "trip", "flight", "May 3 at 11 AM"),
    ("The hotel is now $150 a night.", "trip", "hotel", "Hotel Roma, $150 a night"),
    ("Guest count is now 40.", "party", "guests", "40"),
    # more than values: the phrase is the new value, never spliced into the old one
    ("The flight is now May 5 with a stopover in Oslo.", "trip", "flight",
     "May 5 with a stopover in Oslo"),
    ("The party date is now June 21, in the garden.", "party", "party-date",
     "June 21, in the garden"),
    ("The hotel is now $150 a night with breakfast.", "trip", "hotel",
     "$150 a night with breakfast"),
])
def test_a_stated_value_goes_in_place_only_when_it_is_nothing_but_values(
        text: str, focus: str, key: str, value: str) -> None:
    assert read(text, focus).operations == [ReviseTask(key=key, value=value)]


def test_details_for_a_task_named_by_an_unknown_verb_are_its_value() -> None:
    assert read("Order the DJ from Soundwave, vinyl only.", "party").operations == [
        ReviseTask(key="dj", value="from Soundwave, vinyl only")]


@pytest.mark.parametrize("text", [
    "The DJ relies on the venue.", "The DJ is dependent on the venue.",
    "The DJ relied on the venue.",
])
def test_rely_on_and_dependent_on_order_two_tasks(text: str) -> None:
    assert _kinds(read(text, "party").operations) == [("depend", "dj")]


def test_a_dependency_after_a_comma_is_a_clause_of_its_own() -> None:
    result = read("Each flight runs two hours, and the hotel relies on the flight.", "trip")
    assert ("depend", "hotel") in _kinds(result.operations)
    assert all("relies" not in (getattr(op, "value", None) or "") for op in result.operations)


@pytest.mark.parametrize("text", [
    "The first supplier fell through, we're going with Northwind Paper instead.",
    "The first supplier fell through, so we're using Northwind Paper instead.",
])
def test_a_choice_told_as_what_we_are_doing_replaces_the_earlier_name(text: str) -> None:
    memory = [_task("zine", "Zine"), _task("paper", "Paper", "from Acme Paper Mills",
                                              parent="zine")]
    view = TrimView(tasks=memory, focus=["zine"])
    result = RuleInterpreter().interpret(text.replace("The first supplier", "Acme"), view)
    assert result.operations == [ReviseTask(key="paper", value="from Northwind Paper",
                                            reason="replaced Acme with Northwind Paper")]


def test_a_plan_told_by_a_third_person_starts_it_with_its_values() -> None:
    result = RuleInterpreter().interpret(
        "Our choir's doing the spring concert at St Anne's. "
        "The concert's on May 4th in the nave.", TrimView())
    root = result.operations[0]
    assert isinstance(root, AddTask)
    assert root.title == "Spring concert"
    assert root.value == "at St Anne's"
    assert result.operations[1:] == [ReviseTask(
        key=root.key, value="at St Anne's, on May 4th in the nave")]


def test_a_progressive_statement_naming_a_word_of_the_plan_adds_an_item_to_it() -> None:
    memory = [_task("shop", "Bike shop called Chain Reaction")]
    result = RuleInterpreter().interpret("We're ordering chains from Velo Parts.",
                                         TrimView(tasks=memory, focus=["shop"]))
    assert _kinds(result.operations) == [("add", "chains")]
    add = result.operations[0]
    assert isinstance(add, AddTask)
    assert (add.value, add.parents) == ("from Velo Parts", ["shop"])


def _fete() -> TrimView:
    memory = [_task("fete", "Village fete", "at the green, June 3rd"),
              _task("pies", "bake pies", parent="fete"),
              _task("raffle", "run a raffle", parent="fete"),
              _task("friday", "Friday evening", parent="fete"),
              _task("saturday", "Saturday morning", parent="fete")]
    return TrimView(tasks=memory, focus=["fete"])


def test_named_people_doing_tasks_are_their_values_one_clause_each() -> None:
    result = RuleInterpreter().interpret(
        "Uncle Bo is doing the pies, and Aunt Mia handles the raffle.", _fete())
    assert result.operations == [ReviseTask(key="pies", value="Uncle Bo"),
                                 ReviseTask(key="raffle", value="Aunt Mia")]


def test_a_rota_gives_each_named_slot_its_people_and_times() -> None:
    result = RuleInterpreter().interpret(
        "Ann and Raj take Saturday, and Friday runs 5:45 to 8:15.", _fete())
    assert result.operations == [ReviseTask(key="saturday", value="Ann and Raj"),
                                 ReviseTask(key="friday", value="5:45 to 8:15")]


def test_details_after_a_comma_stay_with_the_value_before_them() -> None:
    result = RuleInterpreter().interpret("Food is Dot's Deli, ham and pickled onions.", _fete())
    assert len(result.subtasks) == 1
    add = result.operations[0]
    assert isinstance(add, AddTask)
    assert add.value == "Dot's Deli, ham and pickled onions"


def test_put_back_on_a_date_moves_the_plan() -> None:
    assert RuleInterpreter().interpret("Put the fete back on June 10th.", _fete()).operations == [
        ReviseTask(key="fete", value="at the green, June 10th")]


def test_a_possessive_subject_names_the_slot() -> None:
    assert RuleInterpreter().interpret("Friday's slot is now 6:15 to 8:45.", _fete()
                                       ).operations == [
        ReviseTask(key="friday", value="6:15 to 8:45")]


def test_a_schedule_told_with_the_plan_is_a_slot_of_it() -> None:
    result = RuleInterpreter().interpret(
        "I'm starting a chess club this spring, we meet the second Monday of every month "
        "at 6:30.", TrimView())
    assert _kinds(result.operations) == [("add", "chess-club"), ("add", "chess-club.meet")]
    slot = result.operations[1]
    assert isinstance(slot, AddTask)
    assert slot.value == "second Monday of every month at 6:30"


@pytest.mark.parametrize("text", [
    "People want to leave earlier.", "Neighbours say the hall is cold.",
    "Guests prefer the garden.",
])
def test_a_plural_subject_and_its_verb_is_no_request(text: str) -> None:
    assert read(text, "party").operations == []


@pytest.mark.parametrize("text", ["We're skipping March.", "We're dropping the raffle."])
def test_a_lexicon_verb_in_the_progressive_starts_no_plan(text: str) -> None:
    assert not any(isinstance(op, AddTask) for op in read(text, "party").operations)


def test_removing_one_entry_of_a_list_value_keeps_the_others() -> None:
    memory = [_task("club", "Film club"),
              _task("season", "Season", "Alien in May, Vertigo in June, and Heat in July",
                    parent="club")]
    result = RuleInterpreter().interpret("Drop Vertigo.", TrimView(tasks=memory, focus=["club"]))
    assert result.operations == [ReviseTask(key="season", value="Alien in May, and Heat in July")]


def test_a_new_source_replaces_the_one_the_title_names() -> None:
    memory = [_task("bike", "Road bike"),
              _task("chain", "Order a new chain from Acme Cycles for $28", parent="bike")]
    result = RuleInterpreter().interpret(
        "Acme Cycles is sold out, order the chain from Velo Hub instead.",
        TrimView(tasks=memory, focus=["bike"]))
    assert result.operations == [ReviseTask(
        key="chain", title="Order a new chain from Velo Hub for $28", value="from Velo Hub")]


@pytest.mark.parametrize(("text", "value"), [
    ("Theme's a haunted lighthouse.", "haunted lighthouse"),
    ("The theme is a sunken city.", "sunken city"),
])
def test_a_noun_phrase_for_a_task_without_a_value_is_its_value(text: str, value: str) -> None:
    memory = [_task("jam", "Game jam"), _task("theme", "Pick a theme", parent="jam")]
    result = RuleInterpreter().interpret(text, TrimView(tasks=memory, focus=["jam"]))
    assert result.operations == [ReviseTask(key="theme", value=value)]


@pytest.mark.parametrize("text", ["The theme is a bit dull.", "The theme's a real mess."])
def test_a_judgement_is_no_value(text: str) -> None:
    memory = [_task("jam", "Game jam"), _task("theme", "Pick a theme", parent="jam")]
    assert RuleInterpreter().interpret(text, TrimView(tasks=memory, focus=["jam"])
                                       ).operations == []


def test_a_date_put_back_goes_to_the_task_named_not_to_a_dated_part() -> None:
    memory = [_task("fair", "Craft fair", "at the mill, May 10th"),
              _task("hall", "Book the hall", "free on the 10th", parent="fair")]
    result = RuleInterpreter().interpret("Put the fair back on May 3rd.",
                                         TrimView(tasks=memory, focus=["fair"]))
    assert result.operations == [ReviseTask(key="fair", value="at the mill, May 3rd")]


def test_a_new_source_goes_to_the_task_whose_title_has_one() -> None:
    memory = [_task("bike", "Road bike"), _task("rusty", "rusty chain", parent="bike"),
              _task("chain", "Order a new chain from Acme Cycles", parent="bike")]
    result = RuleInterpreter().interpret("Order the chain from Velo Hub.",
                                         TrimView(tasks=memory, focus=["bike"]))
    assert [op.key for op in result.operations] == ["chain"]


def test_sticking_with_an_earlier_value_rolls_back_to_it() -> None:
    memory = [_task("pantry", "Pantry"), _task("wed", "Wednesday evening", "6:30 to 9:00",
                                               parent="pantry")]
    view = TrimView(tasks=memory, focus=["pantry"],
                    past_values={"wed": ["5:30 to 8:00", "6:15 to 8:45", "6:30 to 9:00"]})
    result = RuleInterpreter().interpret(
        "Hmm, 6:15 to 8:45 suited us better, so we'll stick with that.", view)
    assert result.operations == [RollbackTask(key="wed", to_value="6:15 to 8:45")]


def test_a_named_choice_replaces_the_name_the_turn_spoke_of() -> None:
    memory = [_task("club", "Film club"),
              _task("season", "Season", "Alien in May, Vertigo in June", parent="club")]
    result = RuleInterpreter().interpret("Half of us saw Vertigo already. Let's do Heat.",
                                         TrimView(tasks=memory, focus=["club"]))
    assert result.operations == [ReviseTask(key="season", value="Alien in May, Heat in June",
                                            reason="replaced Vertigo with Heat")]


def test_what_someone_has_to_do_for_the_plan_in_talk_are_its_steps() -> None:
    memory = [_task("fair", "Science fair project", "on how frost affects roads")]
    result = RuleInterpreter().interpret(
        "He has to build a model, take photos, print a poster and practise a speech.",
        TrimView(tasks=memory, focus=["fair"]))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [a.title for a in adds] == ["Build a model", "Take photos", "Print a poster",
                                       "Practise a speech"]
    assert all(a.parents == ["fair"] for a in adds)


def test_that_one_is_the_task_the_turn_just_spoke_of() -> None:
    memory = [_task("fair", "Science fair project"),
              _task("hyp", "Write a hypothesis", parent="fair"),
              _task("board", "Make a board", parent="fair")]
    result = RuleInterpreter().interpret("He drafted the hypothesis today, so that one's done.",
                                         TrimView(tasks=memory, focus=["fair"]))
    assert _kinds(result.operations) == [("done", "hyp")]


def test_a_person_put_back_on_a_day_moves_no_date() -> None:
    memory = [_task("pantry", "Pantry"), _task("mon", "Monday morning", "Hannah",
                                               parent="pantry"),
              _task("greta", "Greta", "on Saturday", parent="pantry")]
    result = RuleInterpreter().interpret("Put him back on Tuesday alongside Omar.",
                                         TrimView(tasks=memory, focus=["pantry"]))
    assert result.operations == []


def test_a_title_with_a_plural_inside_is_found_in_a_list_value() -> None:
    memory = [_task("club", "Film club"),
              _task("season", "Season", "Alien in May, Lords of Dogtown in June, and Heat in July",
                    parent="club")]
    result = RuleInterpreter().interpret("Drop Lords of Dogtown.",
                                         TrimView(tasks=memory, focus=["club"]))
    assert result.operations == [ReviseTask(key="season", value="Alien in May, and Heat in July")]


def test_a_person_moved_to_a_day_moves_the_task_that_names_them() -> None:
    memory = [_task("lang", "Learn Welsh"), _task("tutor", "weekly lesson", "Rhian, Mondays at 5",
                                                   parent="lang")]
    result = RuleInterpreter().interpret("Move her to Wednesdays.",
                                         TrimView(tasks=memory, focus=["lang"]))
    assert result.operations == [ReviseTask(key="tutor", value="Rhian, Wednesdays at 5")]


def test_a_quantity_for_an_unnamed_thing_goes_to_the_task_holding_that_unit() -> None:
    memory = [_task("race", "Training plan"),
              _task("intervals", "Run intervals", "20 minutes", parent="race"),
              _task("runners", "Runner count", "12", parent="race")]
    result = RuleInterpreter().interpret("Actually make the sprints 25 minutes.",
                                         TrimView(tasks=memory, focus=["race"]))
    assert result.operations == [ReviseTask(key="intervals", value="25 minutes")]


def _crew() -> TrimView:
    memory = [_task("gig", "Street fair stall"),
              _task("crew", "Crew", "me, Odile, Bram and Kofi", parent="gig"),
              _task("sat", "Saturday shift", "Odile and Bram", parent="gig")]
    return TrimView(tasks=memory, focus=["gig"])


def test_him_is_the_person_the_turn_just_named_when_a_list_is_changed() -> None:
    result = RuleInterpreter().interpret("Kofi is ill, take him off the crew.", _crew())
    assert result.operations == [ReviseTask(key="crew", value="me, Odile, Bram")]
    result = RuleInterpreter().interpret("Bram can't do Saturday, swap him out for Lise.",
                                         _crew())
    assert _kinds(result.operations) == [("revise", "crew"), ("revise", "sat")]
    assert all("Lise" in (getattr(op, "value", "") or "") for op in result.operations)


def test_keeping_a_date_sets_it_back_rather_than_noting_it() -> None:
    memory = [_task("shop", "Bakery", "on Mill Lane, opening on May 10th")]
    view = TrimView(tasks=memory, focus=["shop"], past_values={
        "shop": ["on Mill Lane, opening on May 3rd", "on Mill Lane, opening on May 10th"]})
    result = RuleInterpreter().interpret("No, keep May 3rd.", view)
    assert result.operations == [ReviseTask(key="shop", value="on Mill Lane, opening on May 3rd")]
