"""Paraphrase sets for the offline reader: for each intent, many phrasings across domains, each
with the operation it must give on one hand-built memory. No database; the sentences are
written for these tests and are not taken from any scenario. The sets themselves live in
``tme_neo4j/trim/paraphrases.toml``, which ``tme eval --intents`` scores too."""

from __future__ import annotations

from collections import Counter

import pytest

from tme_neo4j.models import AddTask, Operation, ReviseTask, Task, TaskStatus
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
