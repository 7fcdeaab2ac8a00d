"""What an item is, told after it is named: an item named and then where it comes from, a
firm's name with an 's, what a thing just set includes, a price someone asks for the item
just added, priced items in a list, one more item with its facts, and "Ann's is ..." for the
one Ann has. Paraphrase sets on a memory of their own (a charity dinner); no database, and no
sentence taken from any scenario."""

from __future__ import annotations

import pytest
from test_trim_people import _task, _values, _written

from tme_neo4j.models import AddDependency, AddTask, CancelTask, ReviseTask, Task
from tme_neo4j.trim.base import TrimResult, TrimView
from tme_neo4j.trim.language import ValueKind, retype, split_clauses
from tme_neo4j.trim.rules import RuleInterpreter

MEMORY = [
    _task("dinner", "Charity dinner", "on the 12th"),
    _task("flowers", "flowers", parent="dinner"),
    _task("band", "band", parent="dinner"),
    _task("tables", "Tables", "Ann's, £300", parent="dinner"),
    _task("ushers", "Find ushers", parent="dinner"),
]


def _read(text: str, tasks: list[Task] | None = None) -> TrimResult:
    tasks = MEMORY if tasks is None else tasks
    focus = [t.key for t in tasks if not t.parents][:1]
    return RuleInterpreter().interpret(text, TrimView(tasks=tasks, focus=focus))


@pytest.mark.parametrize(("text", "key", "value"), [
    ("Flowers from Petal Lane for 12 tables.", "flowers", "from Petal Lane for 12 tables"),
    ("Flowers from Daisy's Florist", "flowers", "from Daisy's Florist"),
    ("The band from the jazz society.", "band", "from the jazz society"),
    ("band at the Old Vic", "band", "Old Vic"),
])
def test_an_item_named_then_where_it_comes_from_is_its_value(
        text: str, key: str, value: str) -> None:
    assert _values(_read(text)) == {key: value}


@pytest.mark.parametrize("text", [
    "Flowers from Petal Lane, and the band from the jazz society.",  # two items: not one value
    "Band from Jo and Sam",
    "Flowers from nowhere, the band's cancelled",
])
def test_an_item_and_a_list_or_a_second_clause_is_not_one_value(text: str) -> None:
    values = _values(_read(text))
    assert "from Petal Lane, and the band from the jazz society" not in values.values()
    assert not any(v and " and " in v for v in values.values())


@pytest.mark.parametrize("text", [
    "Flowers from Daisy's Florist for 12 tables.", "The band from Jo's Jazz Trio",
])
def test_a_firms_name_with_an_s_is_no_is(text: str) -> None:
    values = _values(_read(text))
    assert values
    assert all("'s" in (v or "") for v in values.values())


@pytest.mark.parametrize(("text", "value"), [
    ("The menu is the three-course one at £40, and we get 2 glasses of wine.",
     "three-course one at £40, 2 glasses of wine"),
    ("The menu is the buffet at £25, and it includes three desserts.",
     "buffet at £25, three desserts"),
])
def test_what_a_thing_just_set_includes_joins_its_value(text: str, value: str) -> None:
    added = [op for op in _written(_read(text)) if isinstance(op, AddTask)]
    written = {op.key: op.value for op in added} | _values(_read(text))
    assert value in written.values()


@pytest.mark.parametrize(("text", "value"), [
    ("Also hire a cloakroom attendant, Ben charges £60 for that.", "£60"),
    ("Add a photographer, she charges £150 for it.", "£150"),
])
def test_a_price_someone_asks_for_the_item_just_added_is_its_value(text: str,
                                                                     value: str) -> None:
    result = _read(text)
    added = [op for op in _written(result) if isinstance(op, AddTask)]
    assert len(added) == 1
    assert (_values(result).get(added[0].key) or added[0].value) == value


def test_priced_items_keep_their_names_and_lose_the_for() -> None:
    result = _read("Sponsors to thank: Harbour Cafe for £200, the Blue Boar for £150 and Kite "
                   "Print for £90.", tasks=[])
    items = [(op.title, op.value) for op in _written(result) if isinstance(op, AddTask)][1:]
    assert items == [("Harbour Cafe", "£200"), ("Blue Boar", "£150"), ("Kite Print", "£90")]


def test_one_more_item_takes_facts_that_carry_a_value() -> None:
    added = [op for op in _written(_read("Add another one: Lark Hall, £500 for the room, due "
                                         "the 3rd.")) if isinstance(op, AddTask)]
    assert [(op.title, op.value) for op in added] == [("Lark Hall", "£500 for the room, due the "
                                                                    "3rd")]


@pytest.mark.parametrize(("text", "value"), [
    ("Ann's is actually £320.", "£320"),
    ("Ann's is £280", "£280"),
])
def test_someones_one_told_with_is_leaves_the_is_out(text: str, value: str) -> None:
    memory = [_task("dinner", "Charity dinner"), _task("ann", "Ann", parent="dinner"),
              _task("bo", "Bo", "£90", parent="dinner")]
    assert _values(_read(text, memory)) == {"ann": value}


WITH_MENU = [*MEMORY, _task("menu", "Menu", "three-course one at £40, 2 glasses of wine",
                           parent="dinner")]


@pytest.mark.parametrize(("text", "value"), [
    ("Let's upgrade to the gold menu at £55.", "gold menu at £55, 2 glasses of wine"),
    ("switch to the vegan menu", "vegan menu, 2 glasses of wine"),
    ("We should go to the buffet menu at £30", "buffet menu at £30, 2 glasses of wine"),
])
def test_switching_to_a_kind_of_a_held_thing_sets_it_and_keeps_its_details(
        text: str, value: str) -> None:
    assert _values(_read(text, WITH_MENU)) == {"menu": value}


def test_switching_to_something_no_task_names_writes_nothing() -> None:
    assert _written(_read("Let's switch to the silver package at £90.")) == []


@pytest.mark.parametrize(("text", "value"), [
    ("up the glasses to 3", "three-course one at £40, 3 glasses of wine"),
    ("Bump the glasses up to four.", "three-course one at £40, four glasses of wine"),
])
def test_a_count_named_by_its_thing_changes_the_count_just_before_that_thing(
        text: str, value: str) -> None:
    assert _values(_read(text, WITH_MENU)) == {"menu": value}


FIRMS = [_task("inv", "Invoices to chase"), _task("acme", "Acme Ltd", "£300", parent="inv"),
         _task("bolt", "Bolt & Co", "£90", parent="inv")]


@pytest.mark.parametrize(("text", "key"), [
    ("Bolt & Co have gone bust, so scrap their invoice.", "bolt"),
    ("Acme Ltd have called it off, so drop their one.", "acme"),
])
def test_their_is_the_firm_the_clause_before_named(text: str, key: str) -> None:
    written = _written(_read(text, FIRMS))
    assert [(type(op).__name__, getattr(op, "key", None)) for op in written] == [
        ("CancelTask", key)]


@pytest.mark.parametrize("text", [
    "Scrap their invoice.", "Cancel his invoice, please", "drop her invoice",
])
def test_his_or_her_thing_with_no_one_named_never_removes_the_plan(text: str) -> None:
    result = _read(text, FIRMS)
    assert _written(result) == []
    assert any(s.intent == "unparsed" for s in result.subtasks)


@pytest.mark.parametrize("text", [
    "Bolt & Co have gone quiet.", "Acme Ltd has moved offices", "Bolt & Co won't answer",
])
def test_a_held_name_told_with_a_verb_is_a_statement_not_a_task(text: str) -> None:
    assert [op for op in _written(_read(text, FIRMS)) if isinstance(op, AddTask)] == []


def test_a_thing_added_to_a_task_named_by_its_name_goes_under_it() -> None:
    added = [op for op in _written(_read("Add a late fee of £20 to Bolt & Co.", FIRMS))
             if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in added] == [("late fee of £20", ["bolt"])]


SALE = [_task("sale", "Plant sale", "on Saturday, in the church hall from 10:00"),
        _task("pansies", "30 pansies from Ruth", parent="sale"),
        _task("ferns", "ferns from Omar", parent="sale"),
        _task("ferns.price", "Fern pots", "£2", parent="sale")]


@pytest.mark.parametrize("text", [
    "Ruth says she can only manage 24 pansies, not 30.", "Ruth can only do 24 pansies, not 30",
])
def test_a_count_said_in_place_of_another_corrects_it_whatever_its_plural(text: str) -> None:
    written = _written(_read(text, SALE))
    assert [(op.key, op.title) for op in written if isinstance(op, ReviseTask)] == [
        ("pansies", "24 pansies from Ruth")]


@pytest.mark.parametrize(("text", "value"), [
    ("Move the start to 10:45, the hall's booked till then.",
     "on Saturday, in the church hall from 10:45"),
    ("push the kick-off to 11:00", "on Saturday, in the church hall from 11:00"),
])
def test_the_start_of_a_plan_that_holds_one_time_is_that_time(text: str, value: str) -> None:
    assert _values(_read(text, SALE)) == {"sale": value}


@pytest.mark.parametrize("text", [
    "Omar's greenhouse flooded, so the ferns are off.", "the ferns are off",
])
def test_a_thing_said_to_be_off_is_the_item_titled_by_it_and_who_brings_it(text: str) -> None:
    written = _written(_read(text, SALE))
    assert [(type(op).__name__, getattr(op, "key", None)) for op in written] == [
        ("CancelTask", "ferns")]


def test_what_someone_brings_instead_replaces_their_item() -> None:
    written = _written(_read("Actually Omar's going to bring 10 herb pots instead, at £3 each.",
                             SALE))
    first = written[0]
    assert isinstance(first, CancelTask)
    assert first.key == "ferns"
    added = [op for op in written if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in added] == [
        ("10 herb pots from Omar", "at £3 each", ["sale"])]


def test_what_someone_memory_holds_nothing_from_brings_instead_writes_nothing_of_theirs() -> None:
    written = _written(_read("Actually Zara's going to bring 10 herb pots instead.", SALE))
    assert not any(getattr(op, "key", "") == "ferns" for op in written)


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Paid the £40 deposit today.", "Deposit", "£40, paid today"),
    ("We've paid the £15 booking fee", "Booking fee", "£15, paid"),
])
def test_a_thing_paid_with_its_price_is_an_item_of_the_plan(
        text: str, title: str, value: str) -> None:
    added = [op for op in _written(_read(text, SALE)) if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, ["sale"])]


@pytest.mark.parametrize(("text", "value"), [
    ("Make the band 4, two of them have pulled out.", "4"),
    ("make the band 5, a couple of ours have dropped out", "5"),
])
def test_how_many_of_some_people_did_something_is_a_clause_of_its_own(
        text: str, value: str) -> None:
    assert _values(_read(text)) == {"band": value}


def test_actually_at_the_end_of_a_request_says_nothing() -> None:
    written = _written(_read("Let's leave the flowers out actually, they're wilting."))
    assert [(type(op).__name__, getattr(op, "key", None)) for op in written] == [
        ("CancelTask", "flowers")]


@pytest.mark.parametrize(("text", "value"), [
    ("Set the menu to £45... actually no, £42 is enough.", "£42"),
    ("make the band £300 - sorry, £350", "£350"),
])
def test_a_value_taken_back_and_said_again_is_the_one_written(text: str, value: str) -> None:
    memory = [*MEMORY, _task("menu", "Menu", "£40", parent="dinner")]
    assert value in _values(_read(text, memory)).values()


def test_a_role_taken_back_and_said_again_is_the_one_written() -> None:
    assert _values(_read("Band from the jazz society... no sorry, from the brass club.")) == {
        "band": "from the brass club"}


@pytest.mark.parametrize("text", [
    "Move the dinner to the 14th - no, that clashes, keep the 12th.",
    "Make the tables £350... actually no, leave it.",
])
def test_a_change_taken_back_to_keep_what_was_writes_nothing(text: str) -> None:
    assert _written(_read(text)) == []


@pytest.mark.parametrize("text", [
    "Cancel the flowers, and the band too, money's tight.", "drop the flowers and the band too",
])
def test_a_removal_of_two_things_said_with_too_removes_both(text: str) -> None:
    written = _written(_read(text))
    assert sorted((type(op).__name__, getattr(op, "key", "")) for op in written) == [
        ("CancelTask", "band"), ("CancelTask", "flowers")]


def test_the_end_of_a_date_range_is_no_count() -> None:
    assert retype("in the town hall, May 4-6", ValueKind.COUNT, "300") is None
    assert retype("May 4-6, 40 chairs", ValueKind.COUNT, "60") == "May 4-6, 60 chairs"


def _ops_with_band_revised(text: str) -> list[tuple[str, str | None]]:
    """What ``text`` writes, with the band revised once (£300, then £400)."""
    memory = [*MEMORY[:2], _task("band", "band", "jazz trio, £400", parent="dinner"),
              *MEMORY[3:]]
    written = _written(RuleInterpreter().interpret(text, TrimView(
        tasks=memory, focus=["dinner"],
        past_values={"band": ["jazz trio, £300", "jazz trio, £400"]})))
    return [(type(op).__name__, getattr(op, "key", None)) for op in written]


@pytest.mark.parametrize("text", [
    "Return to what I said for the band, the cheaper one is fine.",
    "back to what we said for the band",
])
def test_what_we_had_for_a_thing_is_its_value_before(text: str) -> None:
    assert _ops_with_band_revised(text) == [("RollbackTask", "band")]


@pytest.mark.parametrize(("text", "parts"), [
    ("The lease ends on the 3rd and my boiler's been broken since May",
     ["The lease ends on the 3rd", "my boiler's been broken since May"]),
    ("the van is booked for Friday and our sofa has just arrived",
     ["the van is booked for Friday", "our sofa has just arrived"]),
])
def test_the_speakers_thing_and_what_happened_to_it_after_and_is_a_clause(
        text: str, parts: list[str]) -> None:
    assert split_clauses(text) == parts


def test_and_before_the_speakers_thing_in_a_list_cuts_nothing() -> None:
    assert split_clauses("pack my boots and my coat") == ["pack my boots and my coat"]


@pytest.mark.parametrize(("text", "value"), [
    ("Cut the tables to £250.", "Ann's, £250"), ("drop the tables down to £200", "Ann's, £200"),
    ("Bring the tables down to £180, please.", "Ann's, £180"),
])
def test_a_thing_cut_to_a_value_is_lowered_not_removed(text: str, value: str) -> None:
    written = _written(_read(text))
    assert not any(isinstance(op, CancelTask) for op in written)
    assert _values(_read(text)) == {"tables": value}


def test_a_thing_cut_with_no_value_is_removed() -> None:
    written = _written(_read("Cut the flowers."))
    assert [(type(op).__name__, getattr(op, "key", None)) for op in written] == [
        ("CancelTask", "flowers")]


@pytest.mark.parametrize("text", [
    "Put the band back to what I said originally.", "set the band back to the original one",
])
def test_a_live_thing_put_back_to_its_first_value_is_rolled_back_not_restored(text: str) -> None:
    assert _ops_with_band_revised(text) == [("RollbackTask", "band")]


@pytest.mark.parametrize(("text", "title"), [
    ("We'll also need a cloakroom.", "cloakroom"),
    ("I'll also need a microphone", "microphone"),
    ("We also need raffle tickets.", "raffle tickets"),
    ("we will also need a lectern", "lectern"),
])
def test_one_more_thing_the_speaker_needs_is_an_item_of_the_plan(text: str, title: str) -> None:
    added = [op for op in _written(_read(text)) if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in added] == [(title, ["dinner"])]


@pytest.mark.parametrize(("text", "value"), [
    ("The band is coming tomorrow.", "tomorrow"),
    ("The band is coming tonight.", "tonight"),
    ("The flowers are due at Atherton.", "Atherton"),
    ("The band is coming to Tooting.", "Tooting"),
])
def test_a_value_that_starts_like_a_preposition_keeps_its_whole_first_word(
        text: str, value: str) -> None:
    assert list(_values(_read(text)).values()) == [value]


MEALS = [*MEMORY, _task("meals", "Meals", "a stew on Friday, a roast on Sunday and a curry on "
                                          "Monday", parent="dinner")]


@pytest.mark.parametrize(("text", "value"), [
    ("Drop the Sunday roast.", "a stew on Friday and a curry on Monday"),
    ("Scrap the Monday curry, nobody likes it.", "a stew on Friday, a roast on Sunday"),
    ("Forget the Friday stew.", "a roast on Sunday and a curry on Monday"),
])
def test_an_entry_named_in_other_words_order_leaves_the_list_it_was_in(
        text: str, value: str) -> None:
    result = _read(text, MEALS)
    assert _values(result) == {"meals": value}
    assert not any(isinstance(op, CancelTask) for op in _written(result))


def test_an_entry_that_left_a_list_goes_back_where_it_was() -> None:
    meals = _task("meals", "Meals", "a stew on Friday and a curry on Monday", parent="dinner")
    was = "a stew on Friday, a roast on Sunday and a curry on Monday"
    view = TrimView(tasks=[*MEMORY, meals], focus=["dinner"], past_values={"meals": [was]})
    for text in ("Put the roast back on.", "Bring the Sunday roast back."):
        assert _values(RuleInterpreter().interpret(text, view)) == {"meals": was}, text
    # an entry the list never held is no entry to bring back
    assert not _written(RuleInterpreter().interpret("Put the lasagne back on.", view))


def test_an_entry_goes_back_at_the_end_when_the_rest_of_the_list_changed() -> None:
    meals = _task("meals", "Meals", "a stew on Saturday and a curry on Monday", parent="dinner")
    view = TrimView(tasks=[*MEMORY, meals], focus=["dinner"], past_values={
        "meals": ["a stew on Friday, a roast on Sunday and a curry on Monday"]})
    assert _values(RuleInterpreter().interpret("Put the roast back on.", view)) == {
        "meals": "a stew on Saturday and a curry on Monday, a roast on Sunday"}


HUNT = [_task("hunt", "Egg hunt", "back garden, Sunday, 11am"),
        _task("lunch", "Lunch for about 25", parent="hunt"),
        _task("table", "Table for six", "Friday at 7pm", parent="hunt"),
        _task("eggs", "Hide 60 mini eggs", parent="hunt")]


@pytest.mark.parametrize(("text", "key", "title"), [
    ("Drop the mini eggs to 70.", "eggs", "Hide 70 mini eggs"),
    ("Cut the mini eggs down to 50", "eggs", "Hide 50 mini eggs"),
    ("Make it 35 for lunch.", "lunch", "Lunch for about 35"),
    ("make lunch 40", "lunch", "Lunch for about 40"),
    ("Make the table seven.", "table", "Table for seven"),
])
def test_a_count_for_a_thing_whose_title_counts_it_changes_that_count(
        text: str, key: str, title: str) -> None:
    revised = [op for op in _written(_read(text, HUNT)) if isinstance(op, ReviseTask)]
    assert [(op.key, op.title) for op in revised] == [(key, title)]


@pytest.mark.parametrize(("text", "value"), [
    ("Make it 8pm for the table.", "Friday at 8pm"),
    ("make it Saturday for the table", "Saturday at 7pm"),
])
def test_a_value_made_for_the_task_named_goes_to_that_task(text: str, value: str) -> None:
    assert _values(_read(text, HUNT)) == {"table": value}


def test_a_count_for_a_word_two_titles_share_writes_nothing() -> None:
    assert not _written(_read("Make it 70 for the eggs.", HUNT))


DAYS = [*MEMORY, _task("days", "Days", "Monday, Wednesday and Friday, 9 till 5", parent="dinner")]


@pytest.mark.parametrize(("text", "value"), [
    ("Swap Wednesday for Thursday.", "Monday, Thursday and Friday, 9 till 5"),
    ("Make it Tuesday instead of Monday.", "Tuesday, Wednesday and Friday, 9 till 5"),
])
def test_a_day_put_in_place_of_one_of_a_list_of_days_leaves_the_others(
        text: str, value: str) -> None:
    assert _values(_read(text, DAYS)) == {"days": value}


@pytest.mark.parametrize("text", [
    "He's got football on Fridays.",
    "She has got choir on Mondays",
    "They've got swimming on Wednesday.",
])
def test_what_someone_has_on_a_day_is_no_value(text: str) -> None:
    assert not _written(_read(text, DAYS))


@pytest.mark.parametrize("text", [
    "Add a toast and the speeches straight after to the plan.",
    "Add a toast and ushers straight after to the dinner.",
    "Add speeches and the flowers after to the dinner.",
])
def test_things_added_with_an_after_are_added_and_linked_to_nothing(text: str) -> None:
    written = _written(_read(text))
    assert written
    assert not any(isinstance(op, AddDependency) for op in written), written


@pytest.mark.parametrize(("text", "title"), [
    ("Drop the band, book a DJ instead.", "Book a DJ"),
    ("Scrap the band - the hall's too small. Hire a pianist instead.", "Hire a pianist"),
    ("Cancel the band and get a string trio instead", "Get a string trio"),
])
def test_a_step_asked_for_instead_of_one_just_removed_takes_its_place(
        text: str, title: str) -> None:
    written = _written(_read(text))
    assert [op.key for op in written if isinstance(op, CancelTask)] == ["band"]
    assert [(op.title, op.parents) for op in written if isinstance(op, AddTask)] == [
        (title, ["dinner"])]


def test_a_step_asked_for_instead_with_nothing_removed_writes_nothing() -> None:
    assert not _written(_read("Book a DJ instead."))


@pytest.mark.parametrize(("text", "parts"), [
    ("The kit bag needs socks, a towel and the first aid kit.",
     ["socks", "towel", "first aid kit"]),
    ("The hamper needs jam, crackers and the baby's first rattle",
     ["jam", "crackers", "baby's first rattle"]),
])
def test_first_as_which_thing_is_a_part_not_a_time(text: str, parts: list[str]) -> None:
    added = [op for op in _written(_read(text, [])) if isinstance(op, AddTask)]
    assert [op.title for op in added][1:] == parts
    assert all(op.parents == [added[0].key] for op in added[1:])


def test_an_aside_on_a_label_leaves_the_label_and_its_list() -> None:
    added = [op for op in _written(_read(
        "Songs for the wedding playlist, which is a surprise so shh: Jo's Moon River, "
        "the first dance and Dad's Elvis number.", [])) if isinstance(op, AddTask)]
    assert [op.title for op in added] == [
        "Wedding playlist", "Jo's Moon River", "first dance", "Dad's Elvis number"]


def test_an_aside_on_a_label_that_holds_a_date_is_not_dropped() -> None:
    written = _written(_read("Jobs for the move, which is on the 14th: boxes, tape.", []))
    assert not written or any("14th" in f"{op}" for op in written)


@pytest.mark.parametrize("text", [
    "Switch back to what I said for the cover.",
    "The flowers look a bit cheap for Ann - return to what we agreed for the cover.",
    "Tables look cheap for Ann, return to what we said for the menu",
])
def test_going_back_for_a_thing_memory_does_not_hold_writes_nothing(text: str) -> None:
    assert not _written(_read(text))


@pytest.mark.parametrize("text", [
    "The tables are apparently made in Wales.",
    "The band is supposedly the best in town.",
])
def test_what_is_said_of_the_world_about_a_held_thing_is_no_value(text: str) -> None:
    assert not _written(_read(text))


def test_a_word_corrected_for_a_thing_named_leaves_the_name_out() -> None:
    shelves = _task("shelves", "Shelves", "two of pine from the yard", parent="dinner")
    for text in ("Make the shelves oak, not pine.", "make the shelves oak not pine"):
        assert _values(_read(text, [*MEMORY, shelves])) == {
            "shelves": "two of oak from the yard"}, text


@pytest.mark.parametrize(("text", "clauses"), [
    ("the review is on the 9th so I'll chair it myself",
     ["the review is on the 9th", "I'll chair it myself"]),
    ("the van is booked so we can load on Friday", ["the van is booked", "we can load on Friday"]),
])
def test_what_follows_so_with_its_own_subject_is_a_clause_of_its_own(
        text: str, clauses: list[str]) -> None:
    assert split_clauses(text) == clauses


def test_a_swap_back_from_a_function_word_replaces_nothing() -> None:
    shop = _task("shop", "Flowers from the shop", "£40", parent="dinner")
    written = _written(_read("no the shop is only open until 5 on weekdays, use the market "
                             "stall instead", [*MEMORY, shop]))
    assert not [op for op in written if isinstance(op, ReviseTask) and op.title]
    assert "dinner" not in [op.key for op in written]


@pytest.mark.parametrize("text", [
    "The lectern's wobbly, scrap it.",
    "the lectern is broken - drop it",
])
def test_it_for_one_entry_of_a_list_removes_that_entry_not_the_task(text: str) -> None:
    kit = _task("kit", "Kit", "chairs, a lectern and two microphones", parent="dinner")
    result = _read(text, [*MEMORY, kit])
    assert not any(isinstance(op, CancelTask) for op in _written(result)), result
    assert _values(result) == {"kit": "chairs and two microphones"}
