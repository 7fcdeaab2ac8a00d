"""The rule-based reader on changes told in passing: news of a change, a thing done named by
its object, a correction, a reason given before or after a change, people who help. Each
test builds its view of memory by hand; no database."""

from __future__ import annotations

import datetime

import pytest
from test_trim_rules import interpret, task

from tme_neo4j.models import (
    AddDependency,
    AddTask,
    CancelTask,
    CompleteTask,
    ReviseTask,
    RollbackTask,
    Task,
    TaskStatus,
)
from tme_neo4j.trim.base import Intent, TrimResult
from tme_neo4j.trim.language import ValueKind, split_clauses, stems, typed_phrases


def garden() -> list[Task]:
    return [
        task("fete", "Garden fete", "June 8 at the vicarage, 2:00pm"),
        task("stalls", "Stalls", "$5", parents=("fete",)),
        task("bunting", "Buy bunting and a gazebo", parents=("fete",)),
        task("cakes", "Bake 40 cupcakes", parents=("fete",)),
        task("raffle", "Print raffle tickets", "Tidy Print Co, $60", parents=("fete",)),
        task("permit", "Council permit", "May 20", parents=("fete",)),
        task("sign", "Put up signs", parents=("fete",), depends_on=("permit",)),
    ]


def revised(result: TrimResult) -> dict[str, ReviseTask]:
    return {op.key: op for op in result.operations if isinstance(op, ReviseTask)}


def test_a_clause_after_a_dash_stands_alone_but_a_range_does_not() -> None:
    assert split_clauses("the hall is taken that day - move it to the 9th") == [
        "the hall is taken that day", "move it to the 9th"]
    assert split_clauses("open from 10:00 - 16:00") == ["open from 10:00 - 16:00"]


def test_a_reason_before_a_dash_is_a_note_and_the_change_after_it_is_made() -> None:
    result = interpret("the vicarage has a funeral on the 8th - move the fete to June 15",
                       *garden(), focus=("fete",))
    assert [s.intent for s in result.subtasks] == [Intent.NOTE, Intent.UPDATE]
    assert not any(isinstance(op, AddTask) for op in result.operations)
    assert "June 15" in (revised(result)["fete"].value or "")


def test_a_reason_after_because_writes_nothing() -> None:
    result = interpret("make the stalls $8, since the council put the rent up", *garden(),
                       focus=("fete",))
    assert result.subtasks[-1].intent == Intent.NOTE
    assert set(revised(result)) == {"stalls"}


def test_the_day_of_a_month_names_the_date_it_was() -> None:
    tasks = [task("fete", "Garden fete", "June 15 at the vicarage")]
    result = interpret("the funeral moved, so back to the 8th", *tasks, focus=("fete",),
                       past={"fete": ["June 8 at the vicarage", "June 15 at the vicarage"]})
    assert result.operations[-1].op == "rollback"
    assert result.operations[-1].to_value == "June 8 at the vicarage"  # type: ignore[union-attr]


def test_a_thing_done_is_told_by_its_object_alone() -> None:
    for said in ("cupcakes done", "the cupcakes are done", "cupcakes baked"):
        result = interpret(said, *garden(), focus=("fete",))
        assert result.operations == [CompleteTask(key="cakes")], said
    # with no 'is', a participle finishes a task only when it is the task's own verb
    assert interpret("cupcakes needed", *garden(), focus=("fete",)).operations == []


def test_getting_one_of_two_things_splits_it_off_as_done() -> None:
    result = interpret("got the gazebo", *garden(), focus=("fete",))
    assert revised(result)["bunting"].title == "Buy bunting"
    added = [op for op in result.operations if isinstance(op, AddTask)]
    assert [a.title for a in added] == ["Buy a gazebo"]
    assert CompleteTask(key=added[0].key) in result.operations


def test_a_correction_replaces_the_value_after_not() -> None:
    result = interpret("the permit is due May 27, not May 20", *garden(), focus=("fete",))
    assert revised(result)["permit"].value == "May 27"
    result = interpret("we need 60 cupcakes, not 40", *garden(), focus=("fete",))
    assert revised(result)["cakes"].title == "Bake 60 cupcakes"


def test_a_correction_names_the_old_value_in_other_shapes() -> None:
    # a reason after the old value, the old value first, the old value called a typo
    for said in ("Tidy Print said $65 not $60, I misheard them",
                 "not $60 - let's say $65 for the tickets",
                 "the tickets are $65 actually, the $60 was a typo"):
        result = interpret(said, *garden(), focus=("fete",))
        assert revised(result)["raffle"].value == "Tidy Print Co, $65", said
    # an old value nothing held: nothing written
    result = interpret("not $45 - let's say $65 for the tickets", *garden(), focus=("fete",))
    assert not result.operations


def vet_visit() -> list[Task]:
    return [
        task("vet", "Take the dog to the vet", "Tuesday at 9:10"),
        task("jab", "Booster jab", "$45", parents=("vet",)),
        task("food", "Buy 12 kg of kibble", parents=("vet",)),
    ]


def test_a_value_set_aside_by_what_it_was_names_the_old_value_of_a_correction() -> None:
    # in one clause, or in the clause before or after the value told
    for said in ("it's $52, $45 was the old price",
                 "no wait, $45 was last spring. it's $52",
                 "make it $52. the $45 was the puppy rate",
                 "the receptionist says $52. Ignore the $45."):
        result = interpret(said, *vet_visit(), focus=("vet",))
        assert revised(result) == {"jab": ReviseTask(key="jab", value="$52")}, said
        assert Intent.UPDATE in [s.intent for s in result.subtasks]
    result = interpret("oops, 12 was the cat's order. make it 8 kg", *vet_visit(), focus=("vet",))
    assert revised(result)["food"].title == "Buy 8 kg of kibble"


def test_a_value_set_aside_alone_writes_nothing() -> None:
    for said in ("$30 was last spring", "$45 was last spring", "ignore the $45", "$45 was fine"):
        assert not interpret(said, *vet_visit(), focus=("vet",)).operations, said


def test_a_value_told_as_risen_or_fallen_is_set_without_its_reason() -> None:
    tasks = [task("choir", "Choir concert", "Friday 7pm"),
             task("audience", "Audience", "about 60", parents=("choir",)),
             task("hall", "Hall fee", "$55", parents=("choir",)),
             task("chairs", "Put out chairs", parents=("choir",), depends_on=("audience",))]
    result = interpret("the audience has shot up to 90 since the paper ran a piece", *tasks,
                       focus=("choir",))
    assert revised(result) == {"audience": ReviseTask(key="audience", value="about 90")}
    result = interpret("hall fee's come down to $40", *tasks, focus=("choir",))
    assert revised(result) == {"hall": ReviseTask(key="hall", value="$40")}
    # the noun of a task's verb names it: 'the shipment' is the task to ship
    parcel = [task("move", "Moving house"),
              task("ship", "Ship the boxes for $25", parents=("move",))]
    result = interpret("the shipment has gone up to $30", *parcel, focus=("move",))
    assert revised(result)["ship"].title == "Ship the boxes for $30"
    assert stems("the payments") == ["pay"]


def test_an_hour_said_in_words_is_a_time() -> None:
    for said in ("half seven", "quarter past 6", "quarter to two", "ten o'clock"):
        assert typed_phrases(f"meet at {said} tomorrow")[0] == (ValueKind.TIME, said), said
    assert typed_phrases("cut it in half two times") == [(ValueKind.COUNT, "two times")]
    tasks = [task("match", "Five-a-side match"),
             task("kick", "Kickoff 7pm", parents=("match",))]
    result = interpret("push kickoff back to half seven", *tasks, focus=("match",))
    assert revised(result)["kick"].title == "Kickoff half seven"


def test_a_date_said_in_a_title_moves_whole_and_what_waits_on_it_sees_it() -> None:
    tasks = [task("exam", "Driving theory exam"),
             task("slot", "Test slot is friday the 3rd of may", parents=("exam",)),
             task("lift", "Ask Sam for a lift", parents=("exam",), depends_on=("slot",))]
    result = interpret("test slot: move it to monday the 6th", *tasks, focus=("exam",))
    assert revised(result)["slot"] == ReviseTask(
        key="slot", title="Test slot is monday the 6th", value="monday the 6th")


def test_a_value_said_to_be_an_earlier_one_is_set_back_whatever_the_verb() -> None:
    tasks = [task("shed", "Paint the shed"),
             task("paint", "Paint", "3 tins of sage green", parents=("shed",))]
    past = {"paint": ["2 tins of sage green", "3 tins of sage green"]}
    for said in ("let's just buy the 2 tins I started with", "get the 2 tins we had at first"):
        result = interpret(said, *tasks, focus=("shed",), past=past)
        assert [s.intent for s in result.subtasks] == [Intent.ROLLBACK], said
        assert result.operations[0].to_value == "2 tins of sage green"  # type: ignore[union-attr]
    # a value no task held before is no earlier one: no rollback
    result = interpret("let's buy the 4 tins I started with", *tasks, focus=("shed",), past=past)
    assert Intent.ROLLBACK not in [s.intent for s in result.subtasks]


def test_a_correction_finds_the_old_value_as_memory_wrote_it() -> None:
    tasks = [task("move", "Flat move"),
             task("van", "Van", "wed 8-12, £90", parents=("move",)),
             task("keys", "Key pickup", "9:45am", parents=("move",))]
    result = interpret("the van is thursday 8-12 not wednesday", *tasks, focus=("move",))
    assert revised(result) == {"van": ReviseTask(key="van", value="thursday 8-12, £90")}
    result = interpret("key pickup is 11:20 not 9:45", *tasks, focus=("move",))
    assert revised(result) == {"keys": ReviseTask(key="keys", value="11:20")}


def test_someone_changing_it_to_a_value_gives_the_value_alone() -> None:
    tasks = [task("wed", "Wedding stationery"),
             task("theo", "Theo designs the invites", parents=("wed",))]
    result = interpret("Theo says cream looks dull, he's changing it to ivory", *tasks,
                       focus=("wed",))
    assert revised(result) == {"theo": ReviseTask(key="theo", value="ivory")}


def test_a_swap_after_a_removal_is_a_change_and_back_to_it_names_the_old_one_after() -> None:
    tasks = [task("desk", "Build a desk"),
             task("top", "Cut a walnut top, 120 cm", parents=("desk",)),
             task("drawer", "Add a drawer", parents=("desk",))]
    result = interpret("skip the drawer, and she'd like oak instead of the walnut", *tasks,
                       focus=("desk",))
    assert revised(result)["top"].title == "Cut an oak top, 120 cm"
    oak = [tasks[0], task("top", "Cut an oak top, 120 cm", parents=("desk",)), tasks[2]]
    result = interpret("go back to the walnut too, the oak looked plain", *oak, focus=("desk",))
    assert revised(result)["top"].title == "Cut a walnut top, 120 cm"
    assert result.subtasks[0].intent == Intent.ROLLBACK


def test_a_price_of_it_goes_where_a_price_is_held_not_over_another_value() -> None:
    tasks = [task("tiles", "Order 40 tiles at £3 a tile", "grey slate", parents=()),
             task("from", "Supplier", "the builders' yard", parents=("tiles",))]
    result = interpret("get them from the reclaim shop instead of the builders' yard, it's £2 "
                       "each there", *tasks, focus=("tiles",))
    assert revised(result)["tiles"] == ReviseTask(
        key="tiles", title="Order 40 tiles at £2 a tile", value="grey slate")
    assert revised(result)["from"].value == "the reclaim shop"  # no pronoun spliced in


def test_a_bare_value_after_a_task_is_added_is_that_task_s() -> None:
    tasks = [task("con", "Comic convention"),
             task("panel", "Artist panel", "11:00", parents=("con",))]
    result = interpret("add the cosplay parade, that's at 3:15", *tasks,
                       focus=("con",))
    added = [op for op in result.operations if isinstance(op, AddTask)]
    assert [a.title for a in added] == ["Cosplay parade"]
    assert revised(result) == {added[0].key: ReviseTask(key=added[0].key, value="3:15")}


def test_this_one_is_a_pronoun_not_a_count() -> None:
    assert typed_phrases("this one's $52") == [(ValueKind.PRICE, "$52")]
    assert typed_phrases("the new one") == []
    assert typed_phrases("buy one bag") == [(ValueKind.COUNT, "one bag")]


def test_a_day_of_the_month_corrects_the_day_of_the_date_holding_it() -> None:
    result = interpret("sorry, the permit is the 27th not the 20th", *garden(), focus=("fete",))
    assert revised(result)["permit"].value == "May 27"
    tasks = [task("gig", "Gig at the Roxy on fri 3 may")]
    result = interpret("the gig is the 10th, not the 3rd", *tasks, focus=("gig",))
    assert revised(result)["gig"].title == "Gig at the Roxy on fri 10 may"
    assert not interpret("the gig is the 10th, not the 4th", *tasks, focus=("gig",)).operations


def test_a_choice_among_alternatives_keeps_the_one_chosen() -> None:
    tasks = [task("trip", "Weekend in Porto"),
             task("flight", "Book the flight", "TAP at 7am for €120 or Ryanair at 9pm for €60",
                  parents=("trip",))]
    for said, kept in (("grab the second one", "Ryanair at 9pm for €60"),
                       ("let's go with the first option", "TAP at 7am for €120"),
                       ("take the cheaper one", "Ryanair at 9pm for €60"),
                       ("we'll take the pricier one", "TAP at 7am for €120")):
        result = interpret(said, *tasks, focus=("trip",))
        assert revised(result)["flight"].value == kept, said
    # options told and chosen in one turn
    result = interpret("flights are KLM for €90 or Vueling for €75. book the first one",
                       *tasks[:1], task("fl", "Book the flight", parents=("trip",)),
                       focus=("trip",))
    assert revised(result)["fl"].value == "KLM for €90"
    # no such option, or nothing weighed: nothing written
    assert not interpret("book the third one", *tasks, focus=("trip",)).operations
    assert not interpret("grab the second one", tasks[0], focus=("trip",)).operations


def test_a_bare_value_goes_to_the_task_holding_the_value_named_before_it() -> None:
    tasks = [task("trip", "Day out in Bath", "2pm, at the Roman Baths"),
             task("bus", "Catch the coach from Bristol", "6:10", parents=("trip",)),
             task("tea", "Book afternoon tea", parents=("trip",), depends_on=("trip",))]
    result = interpret("the 6:10 is full, so put me on the 6:40 instead", *tasks,
                       focus=("trip",))
    assert set(revised(result)) == {"bus"}
    assert revised(result)["bus"].value == "6:40"


def test_a_day_for_a_date_a_title_holds_changes_that_day_and_shows_dependents() -> None:
    tasks = [task("move", "House move"),
             task("van", "Van hire on fri 3 june", parents=("move",)),
             task("boxes", "Pack the boxes", parents=("move",), depends_on=("van",))]
    result = interpret("the 3rd is a bank holiday. make it the 10th", *tasks, focus=("move",))
    assert revised(result)["van"].title == "Van hire on fri 10 june"
    assert revised(result)["van"].value == "fri 10 june"  # so the boxes see the change


def test_a_plain_statement_of_a_new_thing_the_plan_has_is_an_attribute_of_it() -> None:
    tasks = [task("quilt", "Baby quilt"),
             task("photo", "Photograph the squares of the quilt", parents=("quilt",))]
    for text, attribute in [
            ("the fabrics this time are gingham and navy linen", ("Fabrics",
                                                                   "gingham and navy linen")),
            ("backing on the 3rd is 16:30", ("Backing", "16:30 on the 3rd")),
            ("guests pay $4, children come free", ("Guests", "$4"))]:
        added = [(op.title, op.value, op.parents) for op in interpret(
            text, *tasks, focus=("quilt",)).operations if isinstance(op, AddTask)]
        assert added == [(*attribute, ["quilt"])]


def test_what_a_task_has_to_be_is_its_value_and_an_attribute_told_again_is_revised() -> None:
    tasks = [task("trip", "Canoe trip"),
             task("tent", "Pack the tent", parents=("trip",)),
             task("trip.colour", "Colour", "olive green", parents=("trip",))]
    assert revised(interpret("the tent must be waterproof", *tasks,
                             focus=("trip",)))["tent"].value == "waterproof"
    assert revised(interpret("colour's the sand yellow actually", *tasks,
                             focus=("trip",)))["trip.colour"].value == "sand yellow"


def test_facts_told_later_for_a_task_by_its_name_are_its_value_whole() -> None:
    tasks = [task("reunion", "Class reunion"),
             task("dinner", "Find a place for dinner", parents=("reunion",))]
    result = interpret("dinner: the Olive Tree at 7:30, table for 12", *tasks,
                       focus=("reunion",))
    assert revised(result)["dinner"].value == "Olive Tree at 7:30, table for 12"


def test_back_to_a_date_for_a_task_named_sets_that_tasks_date() -> None:
    tasks = [task("home", "Home jobs"),
             task("tuner", "Piano tuner visit on tue 10 june", parents=("home",)),
             task("treat", "Biscuits for the tuner", parents=("home",))]
    result = interpret("the gig shifted again; back to the 3rd for the tuner visit", *tasks,
                       focus=("home",))
    assert revised(result)["tuner"].title == "Piano tuner visit on tue 3 june"
    assert "treat" not in revised(result)


def test_values_told_of_a_task_with_its_is_left_out() -> None:
    tasks = [task("move", "House move"), task("van", "Hire a van", parents=("move",)),
             task("keys", "Collect the keys", parents=("move",))]
    result = interpret("van booked for fri 9 may, 4 hours, $95", *tasks, focus=("move",))
    assert revised(result) == {"van": ReviseTask(key="van", value="fri 9 may, 4 hours, $95")}
    # no task of that name: nothing is guessed for it
    result = interpret("piano booked for fri 9 may, $200", *tasks, focus=("move",))
    assert not {"van", "keys"} & set(revised(result))


def test_someone_who_offers_does_the_task_the_turn_just_added() -> None:
    tasks = [task("bath", "Redo the bathroom"), task("tiles", "Pick tiles", parents=("bath",))]
    result = interpret("also get a tiler for the splashback - Jo said she could do it", *tasks,
                       focus=("bath",))
    added = [op for op in result.operations if isinstance(op, AddTask)]
    assert revised(result)[added[0].key].value == "Jo"
    # with no task spoken of in the turn, whose 'it' is meant is not guessed
    assert not interpret("Jo said she could do it", *tasks, focus=("bath",)).operations


def test_someone_put_in_instead_to_do_the_work_is_who_not_the_work() -> None:
    tasks = [task("bath", "Redo the bathroom"),
             task("tiler", "Book a tiler for the splashback", "Jo", parents=("bath",))]
    result = interpret("Jo's booked up, get Sam from Tilecraft to do the splashback instead",
                       *tasks, focus=("bath",))
    assert revised(result)["tiler"].value == "Sam from Tilecraft"


def test_back_to_that_one_is_the_value_the_turn_named_before() -> None:
    tasks = [task("trip", "Ski trip"), task("ferry", "Book the ferry", "the 9:30 sailing",
                                            parents=("trip",))]
    past = {"ferry": ["the 7:10 sailing", "the 9:30 sailing"]}
    for said in ("the 7:10 has seats again - return to that one",
                 "7:10 is fine after all, switch back to that"):
        result = interpret(said, *tasks, focus=("trip",), past=past)
        assert result.operations[-1].op == "rollback", said
        assert result.operations[-1].to_value == "the 7:10 sailing", said  # type: ignore[union-attr]


def test_a_value_it_was_after_all_goes_back_where_it_was_held() -> None:
    tasks = [task("bike", "Service the bike"),
             task("tyres", "New tyres", "28mm gravel, $70", parents=("bike",))]
    past = {"tyres": ["25mm slicks, $70", "28mm gravel, $70"]}
    result = interpret("measured the rims again and it was 25mm slicks after all", *tasks,
                       focus=("bike",), past=past)
    assert result.operations[-1].op == "rollback"
    assert result.operations[-1].to_value == "25mm slicks, $70"  # type: ignore[union-attr]
    # a value no task held before: a remark, nothing written
    assert not interpret("it was tubeless after all", *tasks, focus=("bike",),
                         past=past).operations


def test_a_day_of_the_month_said_alone_keeps_the_month_of_the_date() -> None:
    tasks = [task("essay", "History essay", "2,000 words, due 11 Nov")]
    result = interpret("it's due on the 9th now instead of the 11th", *tasks, focus=("essay",))
    assert revised(result)["essay"].value == "2,000 words, due 9 Nov"


def test_news_of_a_move_revises_the_task_it_names() -> None:
    result = interpret("the council moved our permit to May 24", *garden(), focus=("fete",))
    assert revised(result)["permit"].value == "May 24"


def test_a_quote_in_passing_prices_the_task_of_that_seller() -> None:
    result = interpret("Tidy Print quoted $75 for two hundred", *garden(), focus=("fete",))
    assert revised(result)["raffle"].value == "Tidy Print Co, $75"


def test_a_price_for_a_task_whose_title_holds_one_goes_into_the_title() -> None:
    tasks = [task("fair", "School fair"),
             task("ices", "Order ice creams at $2 each", parents=("fair",))]
    result = interpret("ice creams went up to $3", *tasks, focus=("fair",))
    assert revised(result)["ices"].title == "Order ice creams at $3 each"


def test_a_named_helper_becomes_the_value_of_what_they_do() -> None:
    result = interpret("my cousin Ravi is painting the signs", *garden(), focus=("fete",))
    assert revised(result)["sign"].value == "Ravi"
    result = interpret("Ruth from the choir is co-hosting", *garden(), focus=("fete",))
    add = next(op for op in result.operations if isinstance(op, AddTask))
    assert (add.title, add.value, add.parents) == ("Co-hosting", "Ruth", ["fete"])


def test_someone_taking_over_replaces_the_person_just_named() -> None:
    tasks = [*garden(), task("fete.host", "Co-hosting", "Ruth", parents=("fete",))]
    result = interpret("Ruth has the flu, Omar is taking over from her", *tasks,
                       focus=("fete",))
    assert revised(result)["fete.host"].value == "Omar"


def test_a_label_before_a_colon_names_the_task_by_its_words() -> None:
    result = interpret("cupcakes: make it $30 with the extras", *garden(), focus=("fete",))
    assert revised(result)["cakes"].value == "$30"


def test_a_subjectless_blocked_step_is_a_dependency() -> None:
    result = interpret("can't bake the cupcakes till the permit's through", *garden(),
                       focus=("fete",))
    assert AddDependency(key="cakes", depends_on="permit") in result.operations


def test_a_noun_made_of_a_verb_and_its_particle_meets_the_verb() -> None:
    assert stems("the pickup") == stems("pick up")


def test_people_who_join_and_the_count_they_make() -> None:
    tasks = [task("quiz", "Quiz night", "at the pub, 5 of us")]
    result = interpret("Mo and Lea are in too so that's 7 of us", *tasks, focus=("quiz",))
    add = next(op for op in result.operations if isinstance(op, AddTask))
    assert (add.title, add.value) == ("Coming", "Mo and Lea")
    assert revised(result)["quiz"].value == "at the pub, 7 of us"


def test_a_dependency_on_that_being_done_names_what_was_just_said() -> None:
    tasks = [task("show", "Spring show"),
             task("rehearse", "Rehearse the dances", parents=("show",)),
             task("hall", "Book the hall", parents=("show",))]
    result = interpret("we can't rehearse without the hall, so rehearsals depend on that "
                       "being sorted", *tasks, focus=("show",))
    assert AddDependency(key="rehearse", depends_on="hall") in result.operations
    assert not any(isinstance(op, AddTask) for op in result.operations)


def test_a_leading_for_with_no_plan_yet_names_the_plan_of_the_steps() -> None:
    result = interpret("For the visa with the embassy I need to book an interview, get photos "
                       "and pay the fee.")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert (adds[0].title, adds[0].value) == ("Visa", "with the embassy")
    assert len(adds) == 4
    assert all(a.parents == [adds[0].key] for a in adds[1:])


def test_what_someone_says_and_why_a_thing_was_dropped_write_nothing() -> None:
    result = interpret("the council says they need the signs anyway", *garden(),
                       focus=("fete",))
    assert not any(isinstance(op, AddTask) for op in result.operations)
    result = interpret("drop the signs, Ravi's printing banners himself", *garden(),
                       focus=("fete",))
    assert [s.intent for s in result.subtasks] == [Intent.CANCEL, Intent.NOTE]


def test_a_corrected_count_in_a_title_becomes_its_value_too() -> None:
    tasks = [task("fete", "Garden fete"),
             task("quotes", "Get 2 marquee quotes", parents=("fete",)),
             task("book", "Book the marquee", parents=("fete",), depends_on=("quotes",))]
    result = interpret("they want 3 quotes, not 2", *tasks, focus=("fete",))
    assert revised(result)["quotes"] == ReviseTask(key="quotes", title="Get 3 marquee quotes",
                                                   value="3 marquee quotes")


def test_a_person_who_can_do_a_task_and_their_fee() -> None:
    tasks = [task("gig", "Jazz evening"),
             task("cellist", "Book a cellist", parents=("gig",))]
    result = interpret("Nina can play cello for us, she charges $120", *tasks, focus=("gig",))
    assert [op for op in result.operations if isinstance(op, ReviseTask)][-1] == ReviseTask(
        key="cellist", value="Nina, $120")


def test_a_name_with_a_possessive_is_what_a_bare_instead_replaces() -> None:
    tasks = [task("gig", "Jazz evening"),
             task("cellist", "Book a cellist", "Nina, $120", parents=("gig",))]
    result = interpret("Nina's double booked. get Omar instead", *tasks, focus=("gig",))
    assert revised(result)["cellist"].value == "Omar, $120"


def test_a_replacement_under_a_label_changes_the_value_rather_than_describing_it() -> None:
    tasks = [task("quilt", "Baby quilt", "yellow stars", parents=()),
             task("fabric", "Fabric", "yellow cotton", parents=("quilt",))]
    result = interpret("fabric: green cotton instead of yellow, my sister preferred it", *tasks,
                       focus=("fabric",))
    assert not any(isinstance(op, AddTask) for op in result.operations)
    value = revised(result)["fabric"].value or ""
    assert "green" in value
    assert "yellow" not in value
    assert "sister" not in value


def test_a_time_told_of_the_one_who_does_a_task_joins_their_name() -> None:
    tuner = task("tune", "Have a tuner tune the piano", parents=("recital",))
    recital = task("recital", "School recital")
    result = interpret("the tuner is Marguerite, she's coming wednesday at 4", recital, tuner,
                       focus=("recital",))
    assert revised(result)["tune"].value == "Marguerite, wednesday at 4"


def test_a_new_day_for_the_one_who_does_a_task_replaces_their_old_day() -> None:
    recital = task("recital", "School recital")
    tuner = task("tune", "Have a tuner tune the piano", "Marguerite, tuesday at 4",
                 parents=("recital",))
    result = interpret("Marguerite phoned, she can't do tuesday. she'll come wednesday",
                       recital, tuner, focus=("recital",))
    assert [s.intent for s in result.subtasks] == [Intent.NOTE, Intent.NOTE, Intent.UPDATE]
    assert revised(result)["tune"].value == "Marguerite, wednesday at 4"
    assert not interpret("she'll come wednesday", recital, tuner,
                         focus=("recital",)).operations  # nobody named: who is not known


def test_news_that_someone_got_in_touch_writes_nothing() -> None:
    for said in ("the landlord rang", "Marguerite just texted back", "the council emailed"):
        result = interpret(said, *garden(), focus=("fete",))
        assert not result.operations
        assert [s.intent for s in result.subtasks] == [Intent.NOTE]


def test_named_options_each_with_a_price_are_kept_together() -> None:
    roof = task("roof", "Fix the roof")
    quotes = task("quotes", "Get quotes", parents=("roof",))
    result = interpret("get quotes: had Hartley at $400 and Brook Roofing at $350", roof, quotes,
                       focus=("roof",))
    assert revised(result)["quotes"].value == "Hartley at $400 and Brook Roofing at $350"


def test_whose_wish_it_is_is_no_part_of_the_thing_wished_for() -> None:
    table = task("table", "Build a table")
    wood = task("wood", "Buy pine boards", parents=("table",))
    result = interpret("she'd like oak instead of the pine", table, wood, focus=("table",))
    assert revised(result)["wood"].title == "Buy oak boards"


def test_a_judgement_of_a_number_before_a_change_writes_nothing_itself() -> None:
    party = task("party", "Party")
    chairs = task("chairs", "Hire 60 chairs", parents=("party",))
    result = interpret("60 chairs is overkill for a small room", party, chairs, focus=("party",))
    assert not result.operations
    assert [s.intent for s in result.subtasks] == [Intent.NOTE]


def test_a_change_of_mind_before_a_colon_leads_in_to_what_is_back() -> None:
    trip = task("trip", "Lake trip")
    kayak = Task(key="kayak", id="id-kayak", title="Hire two kayaks",
                 status=TaskStatus.CANCELLED, parents=["trip"])
    result = interpret("they've changed their minds again: kayaks are back in", trip, kayak,
                       focus=("trip",))
    assert [s.intent for s in result.subtasks] == [Intent.RESTORE]
    # what is wished back is swapped for no word of the task this turn just brought back
    result = interpret("the kayaks are back in; go back to the canoe too", trip, kayak,
                       focus=("trip",))
    assert not revised(result)


def test_a_step_told_as_under_way_by_its_own_verb_takes_what_follows_as_its_value() -> None:
    move = task("move", "Move house")
    van = task("van", "Book a van", parents=("move",))
    pack = task("pack", "Pack the kitchen", parents=("move",))
    result = interpret("booking the van with Hertz, $80 a day", move, van, pack, focus=("move",))
    assert revised(result)["van"].value == "Hertz, $80 a day"
    assert not interpret("packing the kitchen was awful", move, van, pack,
                         focus=("move",)).operations  # a judgement, no value


def test_what_the_one_who_does_a_task_was_paid_joins_its_value() -> None:
    recital = task("recital", "School recital")
    tuner = task("tune", "Have a tuner tune the piano", "Marguerite, tuesday at 4",
                 parents=("recital",))
    result = interpret("the piano's tuned, Marguerite was quick. paid her $70", recital, tuner,
                       focus=("recital",))
    assert revised(result)["tune"].value == "Marguerite, tuesday at 4, paid $70"
    assert not any(isinstance(op, AddTask) for op in result.operations)
    assert not interpret("paid the deposit $70", recital, tuner, focus=("recital",)).operations


def test_what_someone_is_doing_for_the_task_they_were_just_named_in_is_its_value() -> None:
    fair = task("fair", "Craft fair")
    flyers = task("flyers", "Print flyers", parents=("fair",))
    result = interpret("I can't print the flyers until my cousin finishes the drawing. "
                       "he's doing a lighthouse", fair, flyers, focus=("fair",))
    added = [op for op in result.operations if isinstance(op, AddTask)]
    assert revised(result)[added[0].key].value == "lighthouse"
    assert not revised(interpret("he's doing a lighthouse", fair, flyers, focus=("fair",)))


def test_them_stands_for_things_not_for_the_one_task_said_last() -> None:
    fair = task("fair", "Craft fair")
    pitch = task("pitch", "Book the pitch", "$30", parents=("fair",))
    assert not revised(interpret("price them at $4 a card", fair, pitch, focus=("fair",)))
    mugs = task("mugs", "Glaze the mugs", "$5 each", parents=("fair",))
    result = interpret("the mugs are glazed. price them at $6 each", fair, mugs, focus=("fair",))
    assert revised(result)["mugs"].value == "$6 each"


def test_do_not_do_a_step_till_another_is_done_makes_it_wait_on_that_one() -> None:
    shed = task("shed", "Redo the shed")
    paint = task("paint", "Paint the shed", parents=("shed",))
    roof = task("roof", "Fix the roof", parents=("shed",))
    for said in ("don't paint the shed until the roof is fixed",
                 "we can't paint the shed till the roof is fixed"):
        result = interpret(said, shed, paint, roof, focus=("shed",))
        assert result.operations == [AddDependency(key="paint", depends_on="roof")]
    assert not interpret("don't worry until friday", shed, paint, roof,
                         focus=("shed",)).operations


def test_a_result_before_so_and_a_task_done_is_that_tasks_outcome() -> None:
    soil = task("soil", "Test the soil", parents=("fete",))
    result = interpret("redid it with the new kit and got a pH of 6.5, so the soil test is done",
                       *garden(), soil, focus=("fete",))
    assert [s.intent for s in result.subtasks] == [Intent.UPDATE, Intent.DONE]
    assert revised(result)["soil"].value == "pH of 6.5"


def test_a_bare_verb_under_way_names_no_step() -> None:
    move = task("move", "Move house")
    van = task("van", "Book a van", "Friday", parents=("move",))
    assert not interpret("booking about 40 boxes today", move, van, focus=("move",)).operations


def test_a_thing_in_and_working_is_done() -> None:
    house = task("house", "Redo the house")
    boiler = task("boiler", "Get the new boiler fitted", parents=("house",))
    result = interpret("the boiler's in and working!", house, boiler, focus=("house",))
    assert result.operations == [CompleteTask(key="boiler")]


def test_facts_told_side_by_side_after_a_label_are_the_value_whole() -> None:
    result = interpret("mast: sitka spruce, 12ft long at about $300")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value) for op in adds] == [
        ("Mast", "sitka spruce, 12ft long at about $300")]


def test_a_thing_named_with_its_facts_opens_a_plan_and_a_wish_with_a_date_is_its_deadline(
) -> None:
    result = interpret("a walnut coffee table, 120cm across, and I need it finished by the "
                       "3rd of May")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value) for op in adds] == [("Walnut coffee table", "120cm across")]
    assert revised(result)[adds[0].key].value == "120cm across, finished by the 3rd of May"


def test_a_wish_without_a_date_sets_no_deadline() -> None:
    result = interpret("we want the stalls ready for the judges", *garden(), focus=("fete",))
    assert "stalls" not in revised(result)


def test_entries_cut_at_semicolons_are_named_before_their_first_value() -> None:
    text = ("I'm running a car boot sale. pitches: Mr Okafor saturday, $12; the scout hut "
            "sunday for $30; the vintage van saturday, $20")
    adds = [op for op in interpret(text).operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds[1:]] == [
        ("Mr Okafor", "saturday, $12", [adds[0].key]),
        ("Scout hut", "sunday for $30", [adds[0].key]),
        ("Vintage van", "saturday, $20", [adds[0].key])]


def test_people_with_their_times_after_a_label_are_entries_of_that_task() -> None:
    memory = [*garden(), task("judges", "Invite judges", parents=("fete",))]
    result = interpret("judges: Halvor on friday at 5 and Ines on saturday at 11", *memory,
                       focus=("fete",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds] == [
        ("Halvor", "friday at 5", ["judges"]), ("Ines", "saturday at 11", ["judges"])]


def test_a_verbless_opening_names_the_plan_its_entries_go_under() -> None:
    text = ("first term at the pottery club. members: Ms Ibsen tuesday, $40; the Carey twins "
            "thursday for $70")
    adds = [op for op in interpret(text).operations if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in adds] == [
        ("Pottery club", []), ("Ms Ibsen", ["pottery-club"]), ("Carey twins", ["pottery-club"])]


def test_an_item_named_before_a_new_day_instead_gets_it_alone() -> None:
    memory = [task("club", "Pottery club"),
              task("ibsen", "Ms Ibsen", "tuesday, $40", parents=("club",)),
              task("carey", "Carey twins", "thursday for $70", parents=("club",))]
    result = interpret("the Carey twins want friday instead", *memory, focus=("club",))
    assert {k: op.value for k, op in revised(result).items()} == {"carey": "friday for $70"}


def test_a_quantity_for_a_word_of_a_value_replaces_the_one_next_to_it() -> None:
    memory = [task("cake", "Sponge cake"),
              task("mix", "Dry mix", "500g of flour and 200g of sugar", parents=("cake",))]
    for text in ("make the sugar 150g", "the sugar was 150g after all"):
        result = interpret(text, *memory, focus=("cake",))
        assert {k: op.value for k, op in revised(result).items()} == {
            "mix": "500g of flour and 150g of sugar"}
        assert not [op for op in result.operations if isinstance(op, AddTask)]


def test_a_speakers_situation_after_a_slot_change_is_no_value() -> None:
    memory = [task("trip", "Canal trip"), task("lock", "Lock booking", "friday the 4th",
                                               parents=("trip",))]
    result = interpret("lock booking: move it to monday the 7th, I'm at work on the friday",
                       *memory, focus=("trip",))
    assert [op.value for op in revised(result).values()] == ["monday the 7th"]


def test_a_task_back_on_with_a_count_after_the_comma_is_restored_with_it() -> None:
    memory = [task("fair", "School fair"),
              task("raffle", "Raffle", parents=("fair",))]
    memory[1] = memory[1].model_copy(update={"status": TaskStatus.CANCELLED})
    result = interpret("the raffle's back on, 200 tickets", *memory, focus=("fair",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("RestoreTask", "raffle"), ("ReviseTask", "raffle")]
    assert revised(result)["raffle"].value == "200 tickets"


def test_changing_a_noun_of_a_value_to_a_name_replaces_the_name_before_it() -> None:
    memory = [task("camp", "Camping weekend"),
              task("cook", "Cooking", "gas, with a Trangia stove", parents=("camp",))]
    result = interpret("change the stove to a Primus Omni, it's lighter", *memory,
                       focus=("camp",))
    assert revised(result)["cook"].value == "gas, with a Primus Omni stove"


def test_going_to_be_is_no_part_of_the_value() -> None:
    memory = [task("camp", "Camping weekend"), task("cook", "Cooking", parents=("camp",))]
    result = interpret("the cooking's going to be gas, with a Trangia stove", *memory,
                       focus=("camp",))
    assert revised(result)["cook"].value == "gas, with a Trangia stove"


def test_a_step_told_under_way_by_its_verb_takes_what_follows_as_its_value() -> None:
    memory = [task("trip", "City break"), task("hotel", "Book a hotel", parents=("trip",)),
              task("train", "Check the trains", parents=("trip",))]
    result = interpret("booking the Grand on Elm Row, $140 a night", *memory, focus=("trip",))
    assert {k: op.value for k, op in revised(result).items()} == {
        "hotel": "Grand on Elm Row, $140 a night"}
    assert interpret("booking something nice", *memory, focus=("trip",)).operations == []


def test_a_task_back_on_with_a_list_after_the_colon_gets_them_as_parts() -> None:
    memory = [task("fair", "School fair"), task("games", "Games", parents=("fair",))]
    memory[1] = memory[1].model_copy(update={"status": TaskStatus.CANCELLED})
    result = interpret("the games are back on: a coconut shy and a tombola", *memory,
                       focus=("fair",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("RestoreTask", "games"), ("AddTask", "coconut-shy"), ("AddTask", "tombola")]


def test_his_or_her_item_is_the_one_named_by_the_person_just_spoken_of() -> None:
    memory = [task("recital", "Piano recital"), task("slots", "Practice slots",
                                                     parents=("recital",)),
              task("oskar", "Oskar", "monday at 4", parents=("slots",)),
              task("lena", "Lena", "friday at 5", parents=("slots",))]
    result = interpret("oskar dropped out, so cancel his slot. and lena can't do 5, make hers "
                       "5:15", *memory, focus=("recital",))
    written = [(type(op).__name__, op.key) for op in result.operations]
    assert written == [("CancelTask", "oskar"), ("ReviseTask", "lena")]
    assert revised(result)["lena"].value == "friday at 5:15"


def test_one_more_item_after_a_colon_is_named_first_with_its_facts_after() -> None:
    memory = [task("round", "Paper round"), task("elm", "Elm Court", "monday, $8",
                                                   parents=("round",))]
    result = interpret("the vicarage stopped its order. and add another one: Birch Lodge, "
                       "tuesday, $6", *memory, focus=("round",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds] == [
        ("Birch Lodge", "tuesday, $6", ["round"])]


def test_words_that_lead_into_steps_before_a_colon_name_no_task() -> None:
    memory = [task("move", "Moving flat", "on the 30th")]
    for lead in ("we still have to", "when the van comes", "before then"):
        result = interpret(f"{lead}: label the boxes, defrost the freezer and return the "
                           "router", *memory, focus=("move",))
        adds = [op for op in result.operations if isinstance(op, AddTask)]
        assert [(op.title, op.parents) for op in adds] == [
            ("Label the boxes", ["move"]), ("Defrost the freezer", ["move"]),
            ("Return the router", ["move"])], lead


def test_steps_led_into_with_no_plan_yet_are_tasks_of_their_own() -> None:
    result = interpret("need to: renew the passport, book the kennel, and pack")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in adds] == [
        ("Renew the passport", []), ("Book the kennel", []), ("Pack", [])]


@pytest.mark.parametrize("lead", ["add", "and add two more", "also add to the list",
                                  "three more things", "add these to the plan",
                                  "don't forget", "things to add"])
def test_an_adding_lead_in_before_a_colon_names_no_task_and_its_items_join_the_plan(
        lead: str) -> None:
    memory = [task("move", "Moving flat", "on the 30th"),
              task("boxes", "Label the boxes", parents=("move",))]
    result = interpret(f"{lead}: swap the meter readings and cancel the broadband",
                       *memory, focus=("move",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in adds] == [
        ("Swap the meter readings", ["move"]), ("Cancel the broadband", ["move"])], lead
    assert not any(isinstance(op, CancelTask) for op in result.operations)


def test_one_item_after_an_adding_lead_in_is_added_and_a_plus_joins_items() -> None:
    memory = [task("picnic", "Beach picnic", "sunday")]
    one = interpret("add: pack the windbreak", *memory, focus=("picnic",))
    assert [(op.title, op.parents) for op in one.operations if isinstance(op, AddTask)] == [
        ("Pack the windbreak", ["picnic"])]
    two = interpret("add crisps + lemonade to the list", *memory, focus=("picnic",))
    assert sorted(op.title.lower() for op in two.operations if isinstance(op, AddTask)) == [
        "crisps", "lemonade"]


def test_need_to_with_no_subject_lists_steps_of_the_plan_opened_before_it() -> None:
    result = interpret("repainting the shed before winter - the paint is $35. need to sand "
                       "the door, degrease the hinges and prime the frame")
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    root = adds[0]
    assert "shed" in root.key
    assert not root.parents
    assert [(a.title, a.value) for a in adds if a.key == f"{root.key}.paint"] == [
        ("Paint", "$35")]
    assert [a.title for a in adds[2:] if a.parents == [root.key]] == [
        "Sand the door", "Degrease the hinges", "Prime the frame"]


def test_steps_added_later_go_under_the_plan_each_alone_without_their_lead_in() -> None:
    tasks = [task("recital", "Cello recital"),
             task("hall", "Book the church hall", parents=("recital",))]
    for text, steps in [
            ("We'll also need to hire a piano, print the programmes, set out music stands and "
             "tune the cellos.", ["Hire a piano", "Print the programmes", "Set out music stands",
                                  "Tune the cellos"]),
            ("I also have to email the parents, bake flapjacks and update the seating plan.",
             ["Email the parents", "Bake flapjacks", "Update the seating plan"]),
            ("Forgot two jobs: iron the shirts and polish the bows.",
             ["Iron the shirts", "Polish the bows"]),
            ("things to sort for it: tune the cellos, copy the parts and fetch the stands",
             ["Tune the cellos", "Copy the parts", "Fetch the stands"])]:
        adds = [op for op in interpret(text, *tasks, focus=("recital",)).operations
                if isinstance(op, AddTask)]
        assert [(a.title, a.parents) for a in adds] == [(s, ["recital"]) for s in steps]


def test_a_change_verb_in_a_wished_list_still_changes_a_task_memory_holds() -> None:
    tasks = [task("recital", "Cello recital"),
             task("seating", "Seating plan", "rows of 8", parents=("recital",))]
    ops = interpret("I also have to email the parents and update the seating plan to rows of 10.",
                    *tasks, focus=("recital",)).operations
    assert not any(isinstance(op, AddTask) and "seating" in op.title.lower() for op in ops)


def test_a_choice_told_with_no_step_named_is_the_value_of_the_step_that_asks_for_it() -> None:
    tasks = [task("kitchen", "New cooker"),
             task("pick", "Pick a range cooker", parents=("kitchen",)),
             task("fit", "Book a fitter", parents=("kitchen",))]
    assert revised(interpret("going with the Belling Classic 90, it's £1,100 at AO", *tasks,
                             focus=("kitchen",)))["pick"].value == (
        "Belling Classic 90, £1,100 at AO")
    tasks[1] = task("pick", "Pick a range cooker", "Belling Classic 90", parents=("kitchen",))
    assert revised(interpret("get the Rangemaster Elan instead, £1,250", *tasks,
                             focus=("kitchen",)))["pick"].value == "Rangemaster Elan, £1,250"


def test_a_choice_with_no_step_asking_for_it_is_the_value_of_the_plan_its_price_joins() -> None:
    plan = task("banners", "Banners for the fun run")
    assert revised(interpret("im going with Hale Signs on the high street, they quoted $90 "
                             "all in", plan, focus=("banners",)))["banners"].value == (
        "Hale Signs on the high street, $90 all in")


def test_a_topic_before_a_dash_is_what_the_pronoun_of_the_request_after_it_means() -> None:
    tasks = [task("fence", "Fence repair"),
             task("posts", "Replace the posts", parents=("fence",)),
             task("stain", "Stain the panels", parents=("fence",))]
    assert revised(interpret("the posts - get them from Hill's timber yard, 12 treated ones",
                             *tasks, focus=("fence",)))["posts"].value.startswith(
        "from Hill's timber yard")
    # a reading that would add a task for the topic is no reading of it
    assert not [op for op in interpret("the posts - make them 8 to be safe", *tasks,
                                       focus=("fence",)).operations
                if isinstance(op, AddTask)]


def test_a_copula_naming_only_steps_lists_steps_of_the_plan() -> None:
    tasks = [task("will", "Write a will")]
    adds = [op for op in interpret("The remaining steps are choosing an executor, listing the "
                                   "savings accounts and booking the notary.", *tasks,
                                   focus=("will",)).operations if isinstance(op, AddTask)]
    assert [(a.title, a.parents) for a in adds] == [
        ("Choosing an executor", ["will"]), ("Listing the savings accounts", ["will"]),
        ("Booking the notary", ["will"])]


def test_a_person_named_for_a_role_a_step_finds_is_that_steps_value() -> None:
    tasks = [task("will", "Write a will"),
             task("exec", "Choosing an executor", parents=("will",))]
    assert revised(interpret("Mr Okoro from the bank will be the executor", *tasks,
                             focus=("will",)))["exec"].value == "Mr Okoro from the bank"


def test_a_noun_made_from_a_steps_verb_names_that_step() -> None:
    tasks = [task("club", "Chess club term"),
             task("fee", "Pay £30 to the treasurer", parents=("club",)),
             task("hall", "Book the hall", parents=("club",))]
    result = interpret("the payment has gone up to £35, they've added a coaching night", *tasks,
                       focus=("club",))
    assert revised(result)["fee"].title == "Pay £35 to the treasurer"
    assert not [op for op in result.operations if isinstance(op, AddTask)]


def test_a_change_told_of_an_attribute_gives_it_the_new_value_and_finishes_nothing() -> None:
    tasks = [task("club", "Chess club term"),
             task("club.venue", "Venue", "church hall", parents=("club",))]
    result = interpret("venue's changed, the library annexe now", *tasks, focus=("club",))
    assert revised(result)["club.venue"].value == "library annexe"
    assert not [op for op in result.operations if isinstance(op, CompleteTask)]


def test_who_does_a_task_keeps_how_they_do_it_and_when() -> None:
    tasks = [task("show", "Art show"),
             task("poster", "Design the poster", parents=("show",))]
    assert revised(interpret("Priya's doing the poster in charcoal, ready by monday", *tasks,
                             focus=("show",)))["poster"].value == (
        "Priya, in charcoal, ready by monday")


def test_when_a_thing_of_the_plan_leaves_or_opens_is_an_attribute_of_it() -> None:
    adds = [op for op in interpret("Sam's swimming gala is at the Aquatics Centre on Saturday "
                                   "8 March, the minibus leaves the club at 7:45am.").operations
            if isinstance(op, AddTask)]
    assert [(a.title, a.value) for a in adds] == [
        ("Sam's swimming gala", "Aquatics Centre on Saturday 8 March"),
        ("Minibus", "leaves the club at 7:45am")]
    assert adds[1].parents == [adds[0].key]


def test_the_words_before_a_colon_only_lead_into_the_news_after_it() -> None:
    tasks = [task("fair", "Craft fair", "Elm Park, Sunday 4 May"),
             task("fair.stalls", "Stalls", "£20", parents=("fair",))]
    told = "Sorry, Deborah has set me straight: it's £25 for stalls."
    ops = interpret(told, *tasks, focus=("fair",)).operations
    assert "fair" not in revised(interpret(told, *tasks, focus=("fair",)))
    assert all("Deborah" not in (getattr(op, "value", None) or "") for op in ops)


def test_a_value_told_with_its_reason_leaves_the_reason_out() -> None:
    tasks = [task("gala", "Swimming gala"),
             task("gala.entry", "Entry", "£5", parents=("gala",))]
    assert revised(interpret("Entry is £6 since the pool raised its prices", *tasks,
                             focus=("gala",)))["gala.entry"].value == "£6"


def test_facts_listed_after_an_opening_are_attributes_named_by_their_thing() -> None:
    adds = [op for op in interpret("We're putting on a charity quiz at St Luke's parish hall on "
                                   "Friday 9 May - Team Trivia, doors 7pm, £3 a head.").operations
            if isinstance(op, AddTask)]
    root = adds[0]
    assert [(a.title, a.value, a.parents) for a in adds[2:]] == [
        ("Doors", "7pm", [root.key]), ("Head", "£3 a head", [root.key])]


def test_a_plan_named_before_a_lead_in_keeps_its_name_and_value_without_it() -> None:
    result = interpret("running a bake sale at the school on friday for 40 kids - to sort: "
                       "flour, buy cake tins, print labels")
    root = next(op for op in result.operations if isinstance(op, AddTask))
    assert root.title == "Bake sale"
    assert "to sort" not in (root.value or "")


def test_news_of_a_move_told_with_now_revises_the_task_of_the_thing_moved() -> None:
    memory = [task("wed", "Sister's wedding"),
              task("fitting", "Dress fitting", "3pm on the 4th", parents=("wed",)),
              task("cake", "Cake tasting", "on the 6th", parents=("wed",))]
    result = interpret("the shop has moved the fitting, now it's 5pm on the 4th", *memory,
                       focus=("wed",))
    assert revised(result)["fitting"].value == "5pm on the 4th"


def test_news_of_a_move_of_something_memory_does_not_hold_writes_nothing() -> None:
    memory = [task("wed", "Sister's wedding", "from the 3rd to the 9th"),
              task("cake", "Cake tasting", "on the 6th", parents=("wed",))]
    result = interpret("she's moved the hen do, now it's 8pm on the 2nd", *memory,
                       focus=("wed",))
    assert not result.operations
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


def test_news_of_a_move_of_it_revises_the_task_of_whoever_moved_it() -> None:
    memory = [task("loft", "Loft conversion"),
              task("plans", "Get the plans approved", "May 2", parents=("loft",)),
              task("plaster", "Book the plastering", parents=("loft",))]
    result = interpret("the plasterers have pushed it back to Friday the 12th", *memory,
                       focus=("loft",))
    assert list(revised(result)) == ["plaster"]
    assert revised(result)["plaster"].value == "Friday the 12th"


def test_when_workers_can_come_is_the_day_of_the_task_of_their_work() -> None:
    memory = [task("loft", "Loft conversion"),
              task("plaster", "Book the plastering", parents=("loft",))]
    result = interpret("the plasterers can come Tuesday the 9th", *memory, focus=("loft",))
    assert revised(result)["plaster"].value == "Tuesday the 9th"


def test_what_we_have_from_a_time_is_the_value_of_the_task_it_names() -> None:
    memory = [task("gig", "Band gig"), task("van", "Hire a van", "from 9am", parents=("gig",))]
    result = interpret("we've got the van from 11am now", *memory, focus=("gig",))
    assert revised(result)["van"].value == "from 11am"
    assert not [op for op in result.operations if isinstance(op, AddTask)]
    result = interpret("we've got the stage from 8pm now", *memory, focus=("gig",))
    assert not [op for op in result.operations if isinstance(op, AddTask)]


def test_a_step_told_under_way_with_a_date_is_a_new_step_of_the_plan() -> None:
    memory = [task("trip", "Canal boat trip", "from the 4th to the 8th")]
    result = interpret("collecting the life jackets from the marina on the 3rd at 10am",
                       *memory, focus=("trip",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds] == [
        ("Collect the life jackets from the marina", "3rd at 10am", ["trip"])]


def test_a_person_who_cannot_act_until_something_is_no_task_that_waits() -> None:
    memory = [task("trip", "Canal boat trip"),
              task("fuel", "Fill the fuel tank", parents=("trip",)),
              task("jackets", "Collect the life jackets", parents=("trip",))]
    result = interpret("honestly I can't fill the tank until I've got the jackets", *memory,
                       focus=("trip",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("AddDependency", "fuel")]
    result = interpret("obviously we can't cast off until I've got the jackets", *memory,
                       focus=("trip",))
    assert not [op for op in result.operations if isinstance(op, AddTask)]


def test_a_step_told_done_by_its_own_verb_keeps_what_came_of_it() -> None:
    memory = [task("bike", "Bike service"),
              task("tyres", "Check the tyre pressure", parents=("bike",)),
              task("chain", "Oil the chain", parents=("bike",))]
    result = interpret("checked the tyres too, 60 psi, fine", *memory, focus=("bike",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("ReviseTask", "tyres"), ("CompleteTask", "tyres")]
    assert revised(result)["tyres"].value == "60 psi"
    result = interpret("got the chain oil, all good", *memory, focus=("bike",))
    assert not [op for op in result.operations if isinstance(op, AddTask)]


def test_a_move_to_a_day_and_a_time_changes_both_in_the_value() -> None:
    memory = [task("band", "Band practice"),
              task("studio", "Studio sessions with Nia", "mondays at 7", parents=("band",)),
              task("gig", "Pub gig", "14 June at 9pm", parents=("band",))]
    result = interpret("Nia's moving them to wednesdays at 6:30", *memory, focus=("band",))
    assert revised(result)["studio"].value == "wednesdays at 6:30"
    result = interpret("the landlord has moved the gig to 21 June, 8pm", *memory,
                       focus=("band",))
    assert revised(result)["gig"].value == "21 June at 8pm"


def test_a_thing_told_done_in_the_passive_finishes_its_task_with_its_price() -> None:
    memory = [task("fete", "Summer fete"), task("marquee", "Hire the marquee", parents=("fete",)),
              task("permit", "Renew the street permit", parents=("fete",))]
    result = interpret("marquee's hired and paid for, $300", *memory, focus=("fete",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("ReviseTask", "marquee"), ("CompleteTask", "marquee")]
    assert revised(result)["marquee"].value == "$300"
    result = interpret("street permit's renewed, the letter came today", *memory,
                       focus=("fete",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("CompleteTask", "permit")]


def test_a_thing_told_done_that_no_task_names_writes_nothing() -> None:
    memory = [task("fete", "Summer fete"), task("marquee", "Hire the marquee", parents=("fete",))]
    result = interpret("the bunting's washed", *memory, focus=("fete",))
    assert not result.operations


def test_it_moved_to_a_day_and_a_time_is_one_task_not_two() -> None:
    memory = [task("fete", "Summer fete"),
              task("band", "Brass band", "Saturday at 2pm", parents=("fete",)),
              task("vet", "Dog show judge", "Sunday", parents=("fete",))]
    result = interpret("rebooked it to Sunday at 3pm", *memory, focus=("fete",))
    assert len(revised(result)) == 1


def test_the_doer_of_a_step_named_by_their_trade_and_when_they_come() -> None:
    memory = [task("wed", "Garden wedding"),
              task("cater", "Get the food catered", parents=("wed",)),
              task("chairs", "Hire chairs", parents=("wed",))]
    result = interpret("the caterer's Mrs Okoro, booked her for the 6th at 11am", *memory,
                       focus=("wed",))
    assert revised(result)["cater"].value == "Mrs Okoro, 6th at 11am"
    assert not [op for op in result.operations if isinstance(op, AddTask)]
    memory[1] = memory[1].model_copy(update={"value": "Mrs Okoro, 6th at 11am"})
    result = interpret("Okoro's pushed to the 7th", *memory, focus=("wed",))
    assert revised(result)["cater"].value == "Mrs Okoro, 7th at 11am"
    result = interpret("Okoro can do the 6th but at 3pm, not 11", *memory, focus=("wed",))
    assert revised(result)["cater"].value == "Mrs Okoro, 6th at 3pm"


def test_a_step_for_the_plan_named_first_keeps_its_price_as_its_value() -> None:
    memory = [task("wed", "Garden wedding"), task("band", "Other party")]
    result = interpret("and for the wedding let's do a photo booth, prints two pounds each",
                       *memory, focus=("band",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds] == [
        ("Do a photo booth", "prints two pounds each", ["wed"])]


def test_it_with_a_wish_for_how_things_go_is_no_value() -> None:
    memory = [task("wed", "Garden wedding"),
              task("cater", "Get the food catered", "Mrs Okoro", parents=("wed",))]
    result = interpret("swap it so the speeches come first and Jo goes last", *memory,
                       focus=("wed",))
    assert not result.operations


def test_a_day_of_the_week_after_not_is_replaced_where_a_title_says_it() -> None:
    memory = [task("club", "Chess club"),
              task("hall", "Unlock the hall on Mondays", parents=("club",))]
    result = interpret("the hall is actually tuesdays not mondays", *memory, focus=("club",))
    assert revised(result)["hall"].title == "Unlock the hall on Tuesdays"


def test_a_weekday_cut_short_after_not_is_replaced_in_any_of_its_forms() -> None:
    memory = [task("club", "Chess club"),
              task("club.slot", "Board delivery slot", "weds 9-11", parents=("club",))]
    result = interpret("the slot is thurs not wednesday", *memory, focus=("club",))
    assert revised(result)["club.slot"].value == "thurs 9-11"
    result = interpret("the slot is tues not weds", *memory, focus=("club",))
    assert revised(result)["club.slot"].value == "tues 9-11"


def test_how_often_a_task_recurs_replaces_the_every_its_title_says() -> None:
    memory = [task("club", "Chess club"),
              task("feed", "Feed the fish every morning", parents=("club",)),
              task("hall", "Unlock the hall on Mondays", parents=("club",))]
    result = interpret("the fish only need feeding every other day", *memory, focus=("club",))
    assert revised(result)["feed"].title == "Feed the fish every other day"
    result = interpret("the hall needs sweeping every week", *memory, focus=("club",))
    assert "feed" not in revised(result)  # no task that recurs is named: its 'every' stays


def test_details_after_a_dash_are_the_value_of_the_task_named_before_it() -> None:
    memory = [task("fair", "Craft fair"), task("float", "Get a cash float", parents=("fair",))]
    result = interpret("cash float - about $60, mostly coins", *memory, focus=("fair",))
    assert revised(result)["float"].value == "about $60, mostly coins"
    assert not interpret("the float - Ann has it", *memory, focus=("fair",)).operations


def test_a_count_rather_than_another_replaces_it_in_the_title() -> None:
    memory = [task("fair", "Craft fair"), task("signs", "Paint four signs", parents=("fair",))]
    result = interpret("let's make it five signs rather than four", *memory, focus=("fair",))
    assert revised(result)["signs"].title == "Paint five signs"


def test_things_told_done_with_no_verb_before_them_finish_their_task() -> None:
    memory = [task("fair", "Craft fair"), task("signs", "Paint five signs", parents=("fair",))]
    result = interpret("all five signs painted, finally!!", *memory, focus=("fair",))
    assert [(type(op).__name__, op.key) for op in result.operations] == [
        ("CompleteTask", "signs")]


def test_a_statement_after_so_or_after_a_comma_is_a_clause_of_its_own() -> None:
    assert [c.removeprefix("so ") for c in split_clauses(
        "fetched the coins this morning so the float is sorted")] == [
        "fetched the coins this morning", "the float is sorted"]
    assert split_clauses("the signs are done, the stall's ours from 9am") == [
        "the signs are done", "the stall's ours from 9am"]
    memory = [task("fair", "Craft fair"), task("stall", "Book a stall", parents=("fair",))]
    result = interpret("the stall's ours from 9am", *memory, focus=("fair",))
    assert revised(result)["stall"].value == "from 9am"


def test_we_are_adding_a_thing_adds_it_to_the_plan_in_talk() -> None:
    memory = [task("kitchen", "Kitchen refit")]
    result = interpret("and we're adding a 2m island", *memory, focus=("kitchen",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.parents) for op in adds] == [("2m island", ["kitchen"])]
    assert not interpret("we're adding up the receipts", *memory,
                         focus=("kitchen",)).operations


def test_back_to_a_value_never_held_as_a_value_writes_no_rollback() -> None:
    memory = [task("kitchen", "Kitchen refit"),
              task("island", "3m island", parents=("kitchen",))]
    result = interpret("actually 2m is plenty, back to that", *memory, focus=("kitchen",))
    assert not any(op.op == "rollback" for op in result.operations)


def test_a_prerequisite_told_as_done_after_until_is_the_step_not_a_statement() -> None:
    memory = [task("bake", "Bake sale"), task("pies", "Twelve apple pies", parents=("bake",))]
    result = interpret("the pies can't go in until I've peeled the apples, saturday morning",
                       *memory, focus=("bake",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [(op.title, op.value, op.parents) for op in adds] == [
        ("Peel the apples", "saturday morning", ["bake"])]
    assert AddDependency(key="pies", depends_on=adds[0].key) in result.operations


def test_when_the_person_just_named_can_come_joins_their_task_with_no_day_yet() -> None:
    memory = [task("damp", "Damp wall"), task("builder", "Call a builder", parents=("damp",))]
    result = interpret("builder's Rosa Lind, she can come Monday at 9am", *memory,
                       focus=("damp",))
    assert revised(result)["builder"].value == "Rosa Lind, Monday at 9am"


def test_a_name_typed_in_lower_case_is_the_person_a_value_holds() -> None:
    memory = [task("damp", "Damp wall"),
              task("builder", "Call a builder", "Rosa Lind, Monday at 9am", parents=("damp",))]
    result = interpret("rosa just rang, she'll come wednesday instead", *memory,
                       focus=("damp",))
    assert revised(result)["builder"].value == "Rosa Lind, wednesday at 9am"


def cancelled(result: TrimResult) -> list[str]:
    return [op.key for op in result.operations if isinstance(op, CancelTask)]


def test_a_topic_before_a_dash_or_a_comma_is_what_the_removal_names() -> None:
    for said in ("the raffle tickets - scrap them, the school has spare ones",
                 "the raffle tickets, drop them", "the bunting - hold off on it"):
        result = interpret(said, *garden(), focus=("fete",))
        assert cancelled(result) == ["raffle" if "raffle" in said else "bunting"], said
        assert result.subtasks[0].intent == Intent.NOTE, said  # the topic: no complaint
        assert not any(isinstance(op, (AddTask, ReviseTask)) for op in result.operations)


def test_holding_off_until_something_is_no_removal() -> None:
    result = interpret("hold off on the signs until the permit comes", *garden(),
                       focus=("fete",))
    assert cancelled(result) == []


def test_a_removal_said_again_without_its_object_writes_nothing_more() -> None:
    result = interpret("the bunting - hold off on it, cancel for now", *garden(),
                       focus=("fete",))
    assert cancelled(result) == ["bunting"]
    assert [s.intent for s in result.subtasks][-1] == Intent.NOTE
    # alone, it names nothing: nothing is removed, least of all the whole plan
    alone = interpret("cancel for now", *garden(), focus=("fete",))
    assert alone.operations == []
    assert alone.subtasks[0].intent == Intent.UNPARSED


def test_why_a_thing_was_removed_is_a_note_even_with_a_value_marked_as_the_reason() -> None:
    result = interpret("the gazebo - cancel it, the old one still works after a wash",
                       task("fete", "Garden fete"),
                       task("gazebo", "Hire a gazebo", parents=("fete",)), focus=("fete",))
    assert cancelled(result) == ["gazebo"]
    assert result.subtasks[-1].intent == Intent.NOTE
    assert not any(isinstance(op, (AddTask, AddDependency)) for op in result.operations)
    result = interpret("the cupcakes - drop them, the fete's on a monday anyway", *garden(),
                       focus=("fete",))
    assert cancelled(result) == ["cakes"]
    assert "fete" not in revised(result)
    # without such a word a new value after a removal is news of its own
    result = interpret("drop the cupcakes, the stalls are $8 now", *garden(), focus=("fete",))
    assert cancelled(result) == ["cakes"]
    assert revised(result)["stalls"].value == "$8"


def test_someone_else_dropping_a_task_removes_it_but_dropping_a_price_does_not() -> None:
    result = interpret("the council has dropped the permit, they don't need one after all",
                       *garden(), focus=("fete",))
    assert cancelled(result) == ["permit"]
    assert not any(isinstance(op, ReviseTask) for op in result.operations)
    result = interpret("Tidy Print Co dropped the raffle tickets", *garden(), focus=("fete",))
    assert cancelled(result) == ["raffle"]
    result = interpret("the printer has dropped the price of the tickets to $50", *garden(),
                       focus=("fete",))
    assert cancelled(result) == []
    assert cancelled(interpret("never drop the raffle", *garden(), focus=("fete",))) == []


def test_removing_one_of_two_things_a_title_joins_keeps_the_other() -> None:
    result = interpret("forget the gazebo", *garden(), focus=("fete",))
    assert revised(result)["bunting"].title == "Buy bunting"
    assert cancelled(result) == []
    result = interpret("scrap the bunting", *garden(), focus=("fete",))
    assert revised(result)["bunting"].title == "Buy a gazebo"
    shop = [task("fete", "Garden fete"), task("maker", "Tent and Canopy Co", parents=("fete",))]
    assert cancelled(interpret("cancel the tent", *shop, focus=("fete",))) == ["maker"]


def depends(result: TrimResult) -> list[tuple[str, str]]:
    return [(op.key, op.depends_on) for op in result.operations if isinstance(op, AddDependency)]


def workshop() -> list[Task]:
    return [
        task("shed", "Build a shed"),
        task("timber", "Buy timber", "Oakley's yard", parents=("shed",)),
        task("base", "Concrete base", parents=("shed",)),
        task("permit", "Planning permit", "due March 3", parents=("shed",)),
        task("roof", "Felt the roof", parents=("shed",)),
        task("paint", "Paint the shed", parents=("shed",)),
    ]


def test_what_is_waited_for_told_as_a_fact_to_know_is_the_task_holding_it() -> None:
    # 'when' asks for a date: the one task that holds one, or the one the words name
    result = interpret("the base depends on when the permit comes through", *workshop(),
                       focus=("shed",))
    assert depends(result) == [("base", "permit")]
    result = interpret("painting depends on which day they deliver", *workshop(),
                       focus=("shed",))
    assert depends(result) == [("paint", "permit")]
    # 'which X I buy': the one step of buying
    result = interpret("the roof depends on which boards I buy", *workshop(),
                       focus=("shed",))
    assert depends(result) == [("roof", "timber")]


def test_the_same_order_said_again_after_so_names_what_is_waited_for() -> None:
    result = interpret("the paint depends on which colour we pick so it comes after the roof",
                       *workshop(), focus=("shed",))
    assert depends(result) == [("paint", "roof")]


def test_a_fact_to_know_that_no_one_task_holds_writes_nothing_and_says_so() -> None:
    tasks = [*workshop(), task("skip", "Skip hire", "Friday 9am", parents=("shed",))]
    result = interpret("painting depends on which day they deliver", *tasks, focus=("shed",))
    assert result.operations == []
    assert [s.intent for s in result.subtasks] == [Intent.UNPARSED]


def test_a_thing_told_done_with_a_possessive_names_its_task() -> None:
    tasks = [task("move", "House move"),
             task("van", "Move the van off the drive", parents=("move",))]
    result = interpret("the van is in the yard now, so that's done", *tasks,
                       focus=("move",))
    assert done_keys(result) == ["van"]
    assert result.subtasks[0].intent == Intent.NOTE


def test_a_word_of_certainty_is_no_part_of_what_is_waited_for() -> None:
    result = interpret("the roof depends on the weather obviously", *workshop(),
                       focus=("shed",))
    adds = [op for op in result.operations if isinstance(op, AddTask)]
    assert [a.title for a in adds] == ["Weather"]


def test_a_statement_with_after_in_it_orders_nothing() -> None:
    result = interpret("the old drill works fine after a charge", *workshop(), focus=("shed",))
    assert result.operations == []


def car_jobs() -> list[Task]:
    return [
        task("car", "Car jobs"),
        task("register", "Register the car", parents=("car",)),
        task("insure", "Renew the insurance", parents=("car",)),
        task("claim", "Fill in the claim form", parents=("car",)),
        task("mot", "Book the MOT", parents=("car",)),
        task("service", "Boiler service", parents=("car",)),
        task("tyres", "Buy winter tyres", parents=("car",)),
    ]


def done_keys(result: TrimResult) -> list[str]:
    return [op.key for op in result.operations if isinstance(op, CompleteTask)]


def test_a_step_reported_finished_by_a_participle_is_done() -> None:
    assert done_keys(interpret("registered!", *car_jobs(), focus=("car",))) == ["register"]
    result = interpret("insurance renewed yesterday, you can tick that off", *car_jobs(),
                       focus=("car",))
    assert done_keys(result) == ["insure"]
    assert [s.intent for s in result.subtasks] == [Intent.DONE, Intent.NOTE]
    # a verb that finishes any thing, whatever the step's own
    result = interpret("claim form sent over to Priya just now", *car_jobs(), focus=("car",))
    assert done_keys(result) == ["claim"]


def test_what_came_of_a_step_reported_finished_is_its_value() -> None:
    result = interpret("MOT booked for mon 3 nov, 2 hrs, £60", *car_jobs(), focus=("car",))
    assert done_keys(result) == ["mot"]
    assert revised(result)["mot"].value == "mon 3 nov, 2 hrs, £60"
    result = interpret("booked the MOT, 9am slot", *car_jobs(), focus=("car",))
    assert revised(result)["mot"].value == "9am slot"


def test_a_day_set_for_a_thing_is_no_step_finished() -> None:
    for said in ("the boiler service is booked for the 20th", "winter tyres delivered on friday",
                 "tyres needed"):
        assert done_keys(interpret(said, *car_jobs(), focus=("car",))) == [], said


def test_how_a_thing_just_told_done_was_done_writes_nothing_more() -> None:
    tasks = [task("party", "Party"), task("cake", "Birthday cake", parents=("party",))]
    result = interpret("the cake's sorted, collected it from the bakery after work",
                       *tasks, focus=("party",))
    assert [s.intent for s in result.subtasks] == [Intent.DONE, Intent.NOTE]
    assert done_keys(result) == ["cake"]
    # alone, nothing was just done: it is not understood
    alone = interpret("picked it up from the bakery", *tasks, focus=("party",))
    assert alone.operations == []


def test_taking_back_what_was_said_before_a_value_set_back_removes_nothing() -> None:
    tasks = [task("trip", "Ski trip"), task("coach", "Coach to the resort", "6:40",
                                            parents=("trip",))]
    result = interpret("scratch that coach idea, the 6:40 has seats again - back to it",
                       *tasks, focus=("trip",))
    assert cancelled(result) == []
    # with nothing named in the turn, 'scratch that' is no removal of the whole plan
    assert cancelled(interpret("scratch that, the coach is fine", *tasks,
                               focus=("trip",))) == []
    # a reason after a comma with a verb of its own is no second thing removed
    assert cancelled(interpret("drop the coach, the 6:40 is full anyway", *tasks,
                               focus=("trip",))) == ["coach"]


def sailing() -> list[Task]:
    return [
        task("club", "Sailing club season"),
        task("regatta", "Spring regatta", "Saturday", parents=("club",)),
        task("fee", "£30 mooring fee", parents=("club",)),
        task("sails", "Patch the sails", parents=("club",)),
        task("log", "Update the logbook", parents=("club",)),
        task("harbour", "Harbour cafe", "Sunday, £20", parents=("club",)),
        task("ann", "Ann", "crewing on Saturday", parents=("club",)),
        task("crew", "Find crew", parents=("club",)),
    ]


@pytest.mark.parametrize("text", [
    "the regatta's postponed", "the regatta has been moved", "the regatta's changed",
    "the regatta is delayed",
])
def test_a_thing_told_in_the_participle_of_a_change_is_not_finished(text: str) -> None:
    result = interpret(text, *sailing())
    assert not any(isinstance(op, CompleteTask) for op in result.operations)


@pytest.mark.parametrize("text", [
    "the regatta's cancelled", "the regatta has been cancelled, too windy",
    "the spring regatta is scrapped",
])
def test_a_thing_told_cancelled_is_removed_not_finished(text: str) -> None:
    result = interpret(text, *sailing())
    assert [type(op) for op in result.operations] == [CancelTask]
    assert result.operations[0].key == "regatta"


def test_a_change_participle_that_is_the_steps_own_verb_finishes_it() -> None:
    result = interpret("the logbook is updated", *sailing())
    assert [(type(op), op.key) for op in result.operations] == [(CompleteTask, "log")]


@pytest.mark.parametrize("text", [
    "paid the mooring fee this morning", "I paid the mooring fee", "paid the fee, £30",
])
def test_a_finishing_verb_on_a_thing_with_no_verb_of_its_own_finishes_it(text: str) -> None:
    result = interpret(text, *sailing())
    assert ("fee", CompleteTask) in [(op.key, type(op)) for op in result.operations]


def test_a_finishing_verb_does_not_finish_a_step_with_a_verb_of_its_own() -> None:
    result = interpret("paid the sails", *sailing())
    assert not any(isinstance(op, CompleteTask) for op in result.operations)


def test_an_aside_after_news_of_a_thing_done_is_dropped() -> None:
    result = interpret("the sails are patched btw", *sailing())
    assert [(type(op), op.key) for op in result.operations] == [(CompleteTask, "sails")]


@pytest.mark.parametrize("text", [
    "the harbour cafe cancelled on me", "the harbour cafe's off",
    "the harbour cafe cancelled on us, they're shut for the winter",
])
def test_an_item_of_the_plan_told_off_is_removed(text: str) -> None:
    result = interpret(text, *sailing())
    assert [(type(op), op.key) for op in result.operations] == [(CancelTask, "harbour")]


def test_a_thing_told_closed_is_neither_finished_nor_removed_when_no_item_is_it() -> None:
    result = interpret("the harbour is closed", *sailing())
    assert result.operations == []


def test_a_person_removed_then_named_by_a_possessive_removes_nothing_else() -> None:
    result = interpret("Ann cancelled, so scrap her slot", *sailing())
    assert [(type(op), op.key) for op in result.operations] == [(CancelTask, "ann")]


def test_they_are_back_on_restores_the_item_a_clause_before_named() -> None:
    tasks = [t if t.key != "harbour" else t.model_copy(update={"status": TaskStatus.CANCELLED})
             for t in sailing()]
    result = interpret("the harbour cafe rang, they're back on for Saturday", *tasks)
    assert [type(op).__name__ for op in result.operations] == ["RestoreTask", "ReviseTask"]
    assert revised(result)["harbour"].value == "Saturday, £20"
    assert interpret("they're back on", *tasks).operations == []


def test_a_state_told_of_a_thing_finishes_the_step_whose_own_verb_it_is() -> None:
    tasks = [task("loft", "Loft conversion"), task("paint", "Paint the loft", parents=("loft",)),
             task("floor", "Lay the floor", parents=("loft",))]
    result = interpret("loft's painted! took two days", *tasks)
    assert [(type(op), op.key) for op in result.operations] == [(CompleteTask, "paint")]


@pytest.mark.parametrize(("text", "finished"), [
    ("the kayak's varnished", False),  # 'Borrow a kayak' has a verb of its own
    ("the kayak's collected, it's on the roof rack", True),  # collected: any thing got
    ("the kayak's borrowed", True),
])
def test_a_participle_finishes_a_step_with_a_verb_of_its_own_only_when_it_can(
        text: str, finished: bool) -> None:
    tasks = [task("trip", "River trip"), task("kayak", "Borrow a kayak", parents=("trip",))]
    result = interpret(text, *tasks)
    assert any(isinstance(op, CompleteTask) for op in result.operations) is finished


@pytest.mark.parametrize(("text", "key"), [
    ("all done with the sails", "sails"), ("we're done with the logbook", "log"),
    ("the spring regatta went well", "regatta"),
])
def test_done_with_a_thing_or_a_thing_that_went_well_is_finished(text: str, key: str) -> None:
    result = interpret(text, *sailing())
    assert [(type(op), op.key) for op in result.operations] == [(CompleteTask, key)]


@pytest.mark.parametrize("text", ["I'm done with it", "it went fine", "the weather went well"])
def test_done_with_or_went_well_naming_no_task_finishes_nothing(text: str) -> None:
    assert interpret(text, *sailing()).operations == []


@pytest.mark.parametrize("text", [
    "the harbour cafe is no longer needed", "the harbour cafe isn't needed any more",
    "no need for the harbour cafe now", "no need for the harbour cafe, we'll bring flasks",
    "we won't need the harbour cafe", "we can skip the harbour cafe",
    "leave out the harbour cafe", "the harbour cafe's not happening",
])
def test_a_thing_no_longer_needed_is_removed(text: str) -> None:
    result = interpret(text, *sailing())
    assert [(type(op), op.key) for op in result.operations][:1] == [(CancelTask, "harbour")]


@pytest.mark.parametrize("text", [
    "the harbour cafe is needed", "we can't skip the harbour cafe",
    "the harbour cafe's not needed for the regatta", "the tide isn't needed",
])
def test_a_thing_still_needed_or_not_needed_for_something_is_not_removed(text: str) -> None:
    result = interpret(text, *sailing())
    assert not any(isinstance(op, CancelTask) for op in result.operations)


def test_a_word_that_is_a_particle_elsewhere_names_the_step_it_is_the_noun_of() -> None:
    tasks = [task("quilt", "Baby quilt"), task("top", "Piece the top", parents=("quilt",)),
             task("binding", "Binding", parents=("quilt",))]
    result = interpret("top's done btw", *tasks)
    assert [(type(op), op.key) for op in result.operations] == [(CompleteTask, "top")]


def _changed(t: Task, minute: int) -> Task:
    return t.model_copy(update={"updated_at": datetime.datetime(2025, 3, 1, 9, minute,
                                                                tzinfo=datetime.UTC)})


def test_a_value_told_as_a_correction_goes_to_the_task_holding_its_kind() -> None:
    memory = [_changed(task("gym", "Gym induction"), 1),
              _changed(task("gym.class", "Spin class", "9:40 on the top floor",
                            parents=("gym",)), 2),
              _changed(task("gym.fee", "Joining fee", "£30", parents=("gym",)), 3)]
    result = interpret("Ignore that, the gym mixed up the rota. It's still 10:15.", *memory,
                       focus=("gym",))
    assert revised(result)["gym.class"].value == "10:15 on the top floor"
    assert "gym" not in revised(result)


def test_a_value_told_of_it_with_no_word_of_correction_stays_with_it() -> None:
    memory = [_changed(task("gym", "Gym induction"), 1),
              _changed(task("gym.class", "Spin class", "9:40", parents=("gym",)), 2)]
    result = interpret("The gym called. It's 10:15.", *memory, focus=("gym",))
    assert "gym.class" not in revised(result)


@pytest.mark.parametrize(("text", "value"), [
    ("the fence - make it the brown one not the green, same price", "brown Ronseal, about £40"),
    ("make it the brown one, not the green", "brown Ronseal, about £40"),
])
def test_a_word_after_not_gives_way_to_the_word_said_in_the_value_holding_it(
        text: str, value: str) -> None:
    memory = [task("garden", "Garden jobs"),
              task("fence", "Paint the fence", "green Ronseal, about £40", parents=("garden",)),
              task("hedge", "Trim the hedge", parents=("garden",))]
    result = interpret(text, *memory, focus=("garden",))
    assert revised(result)["fence"].value == value


def test_a_short_value_ending_in_the_word_after_not_is_said_anew_whole() -> None:
    memory = [task("rug", "Lay the rug"),
              task("rug.spot", "Spot", "left hallway", parents=("rug",))]
    result = interpret("Ana insists it must be the front hall for the light, not the hallway",
                       *memory, focus=("rug",))
    assert revised(result)["rug.spot"].value == "front hall"


@pytest.mark.parametrize("text", ["make it the brown one, not the red",
                                  "the brown one not the green"])
def test_a_word_after_not_that_no_value_or_two_values_say_writes_nothing(text: str) -> None:
    memory = [task("garden", "Garden jobs"),
              task("fence", "Paint the fence", "green Ronseal", parents=("garden",)),
              task("shed", "Paint the shed", "green Cuprinol", parents=("garden",))]
    result = interpret(text, *memory, focus=("garden",))
    assert not revised(result)


def test_a_change_told_as_what_she_is_doing_is_that_change_and_no_person() -> None:
    memory = [task("shop", "Shop refit"),
              task("sign", "Paint the sign", "Jo, in red", parents=("shop",))]
    result = interpret("she's switching the sign to green", *memory, focus=("shop",))
    assert revised(result)["sign"].value != "she"
    assert "green" in (revised(result)["sign"].value or "")


def test_back_to_the_original_of_a_task_added_with_no_value_is_its_first_value() -> None:
    kiln = task("kiln", "Book the kiln").model_copy(update={"version": 3})
    result = interpret("revert to the original kiln please", kiln,
                       past={"kiln": ["Tuesday slot, £20", "Friday slot, £25"]})
    assert result.operations == [RollbackTask(key="kiln", to_value="Tuesday slot, £20")]


def test_back_to_the_original_of_a_task_added_with_a_value_is_its_first_revision() -> None:
    kiln = task("kiln", "Book the kiln", "Friday slot, £25").model_copy(update={"version": 2})
    result = interpret("revert to the original kiln please", kiln,
                       past={"kiln": ["Tuesday slot, £20", "Friday slot, £25"]})
    assert result.operations == [RollbackTask(key="kiln", to_n=1)]


def test_a_step_told_done_by_an_irregular_past_of_its_own_verb() -> None:
    tasks = [task("kiln", "Pottery course"),
             task("kiln.notice", "Give the studio notice", parents=("kiln",)),
             task("kiln.glaze", "Take the glazes back", parents=("kiln",))]
    for said, key in (("gave the studio notice", "kiln.notice"),
                      ("we took the glazes back this morning", "kiln.glaze")):
        result = interpret(said, *tasks, focus=("kiln",))
        assert [op.key for op in result.operations if isinstance(op, CompleteTask)] == [key]
    # a present form tells nothing done
    assert not any(isinstance(op, CompleteTask) for op in interpret(
        "gives the studio notice", *tasks, focus=("kiln",)).operations)


@pytest.mark.parametrize("said", ["the dog's bed is washed", "dog's bed washed",
                                  "the dog's bed's washed and drying"])
def test_a_possessive_subject_is_no_copula_before_its_participle(said: str) -> None:
    tasks = [task("h", "House jobs"), task("h.bed", "Wash the dog's bed", parents=("h",)),
             task("h.rug", "Clean the rug", parents=("h",))]
    assert done_keys(interpret(said, *tasks, focus=("h",))) == ["h.bed"]


@pytest.mark.parametrize("said", [
    "Ola's pulled out, she's on call. My pal Kim's coming instead.",
    "Ola can't make it, Kim is coming instead",
])
def test_a_person_coming_in_place_of_one_who_dropped_out_takes_their_place(said: str) -> None:
    tasks = [task("d", "Fishing day", "at the lake on Sunday with my cousin Ola"),
             task("d.rods", "Pack the rods", parents=("d",))]
    result = interpret(said, *tasks, focus=("d",))
    assert not any(isinstance(op, AddTask) for op in result.operations)
    value = revised(result)["d"].value or ""
    assert "Kim" in value
    assert "Ola" not in value


@pytest.mark.parametrize("offer", ["Nia from the garden club said she'd run it",
                                   "Nia has agreed to run it", "Nia will run it"])
def test_a_person_who_agreed_to_do_the_task_just_added_is_who_does_it(offer: str) -> None:
    tasks = [task("f", "Spring fair"), task("f.cake", "Cake stall", parents=("f",))]
    result = interpret(f"Need a plant stall as well. {offer}.", *tasks, focus=("f",))
    added = [op for op in result.operations if isinstance(op, AddTask)]
    assert len(added) == 1
    assert "Nia" in (revised(result)[added[0].key].value or "")


def test_an_offer_with_no_task_spoken_of_writes_nothing() -> None:
    tasks = [task("f", "Spring fair"), task("f.cake", "Cake stall", "Ada", parents=("f",))]
    assert interpret("Nia said she'd run it", *tasks, focus=("f",)).operations == []
