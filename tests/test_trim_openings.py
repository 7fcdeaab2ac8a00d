"""How a plan is opened in an empty memory, and the lists said with it: a thing named by a
noun phrase with its when and where, a label and its list after other words of the sentence,
and a capitalised acronym that is no reference. Paraphrase sets of their own; no database,
and no sentence taken from any scenario."""

from __future__ import annotations

import pytest

from tme_neo4j.models import AddTask, Task, TaskStatus
from tme_neo4j.trim.base import READ_ONLY, TrimResult, TrimView
from tme_neo4j.trim.rules import RuleInterpreter


def _read(text: str, tasks: list[Task] | None = None) -> TrimResult:
    return RuleInterpreter().interpret(text, TrimView(tasks=tasks or [], focus=[]))


def _added(result: TrimResult) -> list[AddTask]:
    return [op for s in result.subtasks if s.intent not in READ_ONLY for op in s.operations
            if isinstance(op, AddTask)]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Quiz night on Friday the 3rd in the church hall.", "Quiz night",
     "on Friday the 3rd in the church hall"),
    ("Staff barbecue at 1pm on the 9th at the cricket club", "Staff barbecue",
     "at 1pm on the 9th at the cricket club"),
    ("Annual clothes swap on Sunday 4th May in the scout hut.", "Annual clothes swap",
     "on Sunday 4th May in the scout hut"),
    ("Street food night on 12 July by the harbour", "Street food night",
     "on 12 July by the harbour"),
    # two people in one role: no attributes to cut, the when and who kept whole
    ("Brunch with Lena and Tom tomorrow at 11am.", "Brunch", "with Lena and Tom tomorrow at 11am"),
])
def test_a_thing_with_its_when_and_where_opens_a_plan(text: str, title: str, value: str) -> None:
    added = _added(_read(text))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, [])]


@pytest.mark.parametrize("text", [
    "Nothing on Friday the 3rd in the church hall.",  # no thing to plan
])
def test_no_thing_named_opens_no_plan(text: str) -> None:
    assert _added(_read(text)) == []


@pytest.mark.parametrize("text", [
    "Quiz night on Friday the 3rd in the church hall, here's the running order: the sports "
    "round, the music round, the RAF history round and a tie-breaker.",
    "Quiz night on Friday the 3rd in the church hall, here is our running order: the sports "
    "round, the music round, the RAF history round and a tie-breaker.",
])
def test_a_label_and_its_list_after_other_words_are_items_of_the_plan(text: str) -> None:
    added = _added(_read(text))
    root, *items = added
    assert root.title == "Quiz night"
    assert [op.title for op in items] == ["sports round", "music round", "RAF history round",
                                          "tie-breaker"]
    assert all(op.parents == [root.key] for op in items)


def test_an_acronym_that_spells_a_reference_word_is_a_name() -> None:
    quiz = Task(key="quiz", id="id-quiz", title="Quiz night", value="on Friday",
                status=TaskStatus.ACTIVE)
    added = _added(_read("Rounds: the IT crowd round, music and sport.", [quiz]))
    assert "IT crowd round" in [op.title for op in added]


@pytest.mark.parametrize(("text", "title"), [
    ("I've been called for a medical at the Leeds clinic on 4 March.", "Medical"),
    ("I've been invited to a wedding in Bath on 12 July", "Wedding"),
    ("We've been selected for the regional finals in Derby.", "Regional finals"),
    ("I've signed up for a pottery course at the college.", "Pottery course"),
    ("We have enrolled on a first aid course with the Red Cross.", "First aid course"),
    ("I'm helping Dad organise his 70th birthday party.", "70th birthday party"),
    ("We're helping my sister plan her hen do in Brighton.", "Hen do"),
])
def test_a_plan_that_came_to_the_speaker_opens_it(text: str, title: str) -> None:
    added = _added(_read(text))
    assert [op.title for op in added][:1] == [title]
    assert not added[0].parents


@pytest.mark.parametrize(("text", "title"), [
    ("Ruby's having a pool party on Sunday with six friends.", "Ruby's pool party"),
    ("Dev is hosting a curry night next Friday.", "Dev's curry night"),
    ("Nana's throwing a tea party for her 90th.", "Nana's tea party"),
])
def test_someone_named_holding_an_event_opens_a_plan(text: str, title: str) -> None:
    added = _added(_read(text))
    assert [op.title for op in added][:1] == [title]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Would you keep tabs on the quiz I'm hosting for the school? It's on 5 March.",
     "Quiz", "for the school"),
    ("Could you help me organise the jumble sale we're running for the scouts?",
     "Jumble sale", "for the scouts"),
    ("Help me keep tabs on my sister's leaving do.", "Sister's leaving do", None),
    ("Can you help me plan our street's summer picnic on 9 June?", "Street's summer picnic",
     "on 9 June"),
])
def test_a_request_to_keep_track_of_a_plan_opens_it(
        text: str, title: str, value: str | None) -> None:
    added = _added(_read(text))
    assert [op.title for op in added] == [title]
    assert added[0].value == value


@pytest.mark.parametrize(("text", "title"), [
    ("Me and my cousin Ali are cycling the coast road, leaving on 3 April.", "Coast road"),
    ("Ravi and I are running the Bristol half on 4 June.", "Bristol half"),
    ("Me and Jo are painting the back bedroom next weekend.", "Back bedroom"),
])
def test_a_plan_told_of_the_speaker_and_someone_else_opens(text: str, title: str) -> None:
    assert _added(_read(text))[0].title.lower().startswith(title.lower())


@pytest.mark.parametrize(("text", "title"), [
    ("Any tips for running a bake sale? Mine's on 3 May at the church hall.", "Bake sale"),
    ("How do people cope with a loft conversion? Ours is booked for 2 June.",
     "Loft conversion"),
])
def test_mine_names_the_speaker_s_one_of_the_thing_just_named(text: str, title: str) -> None:
    added = _added(_read(text))
    assert [op.title for op in added][:1] == [title]


@pytest.mark.parametrize("text", [
    "As far as I know the steps are: the hall, a PA, the tickets, and then posters.",
    "The jobs are: the hall, a PA, the tickets and finally posters.",
    "Apparently the stages are: the hall, a PA, the tickets, then posters.",
])
def test_steps_listed_after_a_label_are_steps_of_the_plan_in_talk(text: str) -> None:
    plan = Task(key="gig", id="id-gig", title="Charity gig", status=TaskStatus.ACTIVE)
    added = _added(_read(text, [plan]))
    assert [op.parents for op in added] == [["gig"]] * 4
    assert added[-1].title.lower() == "posters"


@pytest.mark.parametrize("text", [
    "We'll need a marquee, a caterer, a licence and someone to run the bar.",
    "I'll need a marquee, a caterer, a licence and someone to run the bar.",
])
def test_what_will_be_needed_is_each_an_item_of_the_plan(text: str) -> None:
    plan = Task(key="gig", id="id-gig", title="Charity gig", status=TaskStatus.ACTIVE)
    added = _added(_read(text, [plan]))
    assert [op.title.lower() for op in added] == [
        "marquee", "caterer", "licence", "someone to run the bar"]


GIG = Task(key="gig", id="id-gig", title="Charity gig", status=TaskStatus.ACTIVE)


@pytest.mark.parametrize(("text", "title"), [
    ("First thing is a venue.", "Venue"),
    ("The next job's to book a sound engineer.", "Book a sound engineer"),
    ("Second bit is printing the tickets.", "Printing the tickets"),
    ("The last step will be to pay the band.", "Pay the band"),
])
def test_a_step_told_by_its_place_in_order_is_a_step_of_the_plan(text: str, title: str) -> None:
    added = _added(_read(text, [GIG]))
    assert [(op.title, op.parents) for op in added] == [(title, ["gig"])]


@pytest.mark.parametrize("text", [
    "We want a raffle on the night, and a cake stall at the door.",
    "On Saturday we want a raffle, and a cake stall at the door.",
    "At 8pm we want a raffle, and a cake stall at the door.",
])
def test_what_the_speaker_wants_for_the_plan_is_each_an_item_of_it(text: str) -> None:
    added = _added(_read(text, [GIG]))
    assert [op.parents for op in added] == [["gig"], ["gig"]]
    assert "raffle" in added[0].title.lower()
    assert "cake stall" in added[1].title.lower()


@pytest.mark.parametrize(("text", "plan", "items", "due"), [
    ("Left to buy for the wedding: rings, flowers and a cake, and everything must be done by "
     "1 June.", "Wedding", ["rings", "flowers", "cake"], "by 1 June"),
    ("Still to pack for the move: books, plates and the lamps.", "Move",
     ["books", "plates", "lamps"], None),
    ("To sort for my exhibition: frames, labels, a price list and the drinks.",
     "Exhibition", ["frames", "labels", "price list", "drinks"], None),
])
def test_a_label_for_a_plan_opens_it_with_its_items(
        text: str, plan: str, items: list[str], due: str | None) -> None:
    added = _added(_read(text))
    assert (added[0].title, added[0].value, added[0].parents) == (plan, due, [])
    assert [op.title.lower() for op in added[1:]] == items
    assert all(op.parents == [added[0].key] for op in added[1:])


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Plus a face painter.", "Face painter", None),
    ("Balloons as well.", "Balloons", None),
    ("Then a taxi home, at 11pm.", "Taxi home", "at 11pm"),
    ("Drinks at the Swan, table for 6 at 8pm.", "Drinks", "at the Swan, table for 6 at 8pm"),
])
def test_a_thing_named_with_no_verb_is_one_more_item_of_the_plan(
        text: str, title: str, value: str | None) -> None:
    added = _added(_read(text, [GIG]))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, ["gig"])]


@pytest.mark.parametrize("text", ["Cheers for that.", "Eh, the price feels steep.", "7:30"])
def test_talk_or_a_bare_value_is_no_item(text: str) -> None:
    assert not _added(_read(text, [GIG]))


@pytest.mark.parametrize("text", ["It's on Sunday 2 March, from 4pm.",
                                  "It's Saturday the 8th at 7."])
def test_when_told_of_it_goes_to_the_plan_that_holds_no_when(text: str) -> None:
    result = _read(text, [GIG])
    revised = [op for s in result.subtasks for op in s.operations if op.key == "gig"]
    assert revised
    assert getattr(revised[0], "value", None)


@pytest.mark.parametrize(("text", "title", "value"), [
    ("The lake centre at Ripon has confirmed my kayak course for 3 May, 10am slot.",
     "Kayak course", "at Ripon, 3 May, 10am slot"),
    ("The registry office has booked our ceremony for 12 August.", "Ceremony", "12 August"),
])
def test_a_thing_of_the_speaker_s_confirmed_by_others_opens_the_plan(
        text: str, title: str, value: str) -> None:
    added = _added(_read(text))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, [])]


@pytest.mark.parametrize("text", [
    "I'm cycling for the food bank and want to raise £300.",
    "We're playing for the hospice and hope to raise £300.",
])
def test_who_a_plan_is_for_and_its_aim_join_the_plan(text: str) -> None:
    result = _read(text, [GIG])
    assert not _added(result)
    values = [getattr(op, "value", "") for s in result.subtasks for op in s.operations]
    assert values
    assert "£300" in values[-1]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("The gate needs painting on Sunday.", "Paint the gate on Sunday", None),
    ("A raffle licence needs sorting out first.", "Sort out a raffle licence", None),
    ("The tickets need printing by Friday.", "Print the tickets by Friday", None),
])
def test_a_thing_that_needs_doing_is_a_step_named_by_the_doing(
        text: str, title: str, value: str | None) -> None:
    added = _added(_read(text, [GIG]))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, ["gig"])]


def test_a_need_of_someone_s_thing_is_a_step_with_its_owner() -> None:
    added = _added(_read("Her bike needs fixing before Saturday.", [GIG]))
    assert [(op.title, op.parents) for op in added] == [("Fix her bike before Saturday", ["gig"])]


@pytest.mark.parametrize("text", ["Glorious forecast for Sunday.",
                                  "Great weather on Sunday, fingers crossed."])
def test_a_remark_on_the_weather_with_a_day_is_no_item(text: str) -> None:
    assert not _added(_read(text, [GIG]))


def test_people_listed_with_the_part_each_takes_are_entries() -> None:
    added = _added(_read("Helpers so far: Priti on teas, Owen on the raffle.", [GIG]))
    assert [(op.title, op.value) for op in added] == [("Priti", "on teas"),
                                                       ("Owen", "on the raffle")]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("Cups - 40 from the cash and carry, with lids.", "Cups",
     "40 from the cash and carry, with lids"),
    ("Napkins - 200 from the wholesaler.", "Napkins", "200 from the wholesaler"),
])
def test_a_thing_and_its_amount_after_a_dash_is_an_item(
        text: str, title: str, value: str) -> None:
    added = _added(_read(text, [GIG]))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, ["gig"])]


def test_a_task_opened_by_a_label_keeps_the_label_s_words() -> None:
    added = _added(_read("Lift for Nan: Uncle Pete.", [GIG]))
    assert [(op.title, op.value) for op in added] == [("Lift for Nan", "Uncle Pete")]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("The landlord wants a gas check done before the tenancy starts on 2 May.", "Gas check",
     "before the tenancy starts on 2 May"),
    ("HR needs an induction day organised by Friday the 9th.", "Induction day",
     "by Friday the 9th"),
    ("The council has asked for a tree survey done by 1 June.", "Tree survey", "by 1 June"),
])
def test_a_thing_others_want_done_by_a_date_opens_a_plan(text: str, title: str,
                                                         value: str) -> None:
    added = _added(_read(text))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, [])]


def test_a_thing_others_want_with_no_when_opens_nothing() -> None:
    assert not _added(_read("The neighbours want a quieter garden done properly."))


@pytest.mark.parametrize(("text", "plan", "items"), [
    ("Jobs for Omar's Year 6 leavers' party: a cake, balloons and a DJ.",
     "Omar's Year 6 leavers' party", ["cake", "balloons", "DJ"]),
    ("Still to get for Nell's christening: a gown, a candle and a card.",
     "Nell's christening", ["gown", "candle", "card"]),
])
def test_a_label_for_someones_plan_opens_it_with_its_items(text: str, plan: str,
                                                           items: list[str]) -> None:
    added = _added(_read(text))
    assert added[0].title == plan
    assert [op.title for op in added[1:]] == items
    assert all(op.parents == [added[0].key] for op in added[1:])


@pytest.mark.parametrize(("text", "plan", "items"), [
    ("Their charges are £80 for the hall, £40 for chairs and £25 for cleaning.", "Charges",
     [("Hall", "£80"), ("Chairs", "£40"), ("Cleaning", "£25")]),
    ("The quotes were $300 for the roof and $120 for the gutters.", "Quotes",
     [("Roof", "$300"), ("Gutters", "$120")]),
])
def test_things_told_with_their_prices_are_items_with_those_values(
        text: str, plan: str, items: list[tuple[str, str]]) -> None:
    added = _added(_read(text))
    assert added[0].title == plan
    assert [(op.title, op.value) for op in added[1:]] == items


def test_a_subject_with_one_priced_thing_is_no_list() -> None:
    assert not _added(_read("Their charge is £80 for the hall."))


@pytest.mark.parametrize(("text", "title"), [
    ("The club just told us the summer regatta is on Saturday the 5th of July.",
     "Summer regatta"),
    ("My boss has emailed me that the stock count is on Monday the 3rd.", "Stock count"),
    ("I'm in charge of the office quiz, it's on the 9th of May.", "Office quiz"),
    ("We're responsible for the street party this year, it's on Sunday the 1st.",
     "Street party"),
])
def test_news_passed_on_or_a_plan_in_the_speakers_charge_opens_it(text: str,
                                                                  title: str) -> None:
    added = _added(_read(text))
    assert added[0].title == title
    written = [op.value for s in _read(text).subtasks for op in s.operations
               if getattr(op, "key", None) == added[0].key and getattr(op, "value", None)]
    assert written


def test_a_request_passed_on_opens_no_plan_of_its_words() -> None:
    assert all("told" not in op.title for op in _added(_read("Jo told me to book the hall.")))


def test_a_second_statement_after_a_date_is_no_part_of_the_value() -> None:
    added = _added(_read("The fete is on Saturday the 6th and they need bakers."))
    assert added[0].value is not None
    assert "need" not in added[0].value


@pytest.mark.parametrize(("text", "plan", "items", "value"), [
    ("Can you help me plan a craft weekend? Two quilts and a rag rug, the 3rd and 4th of May.",
     "Craft weekend", ["Two quilts", "rag rug"], "3rd and 4th of May"),
    ("Could you help me organise a bake-off? Scones, a sponge and shortbread, Saturday 9th.",
     "Bake-off", ["Scones", "sponge", "shortbread"], "Saturday 9th"),
])
def test_things_listed_after_a_request_that_opened_a_plan_are_its_items(
        text: str, plan: str, items: list[str], value: str) -> None:
    result = _read(text)
    added = _added(result)
    assert added[0].title == plan
    assert [op.title for op in added[1:]] == items
    values = [op.value for s in result.subtasks for op in s.operations
              if getattr(op, "key", None) == added[0].key and getattr(op, "value", None)]
    assert values[-1] == value


def test_a_list_after_a_plan_told_as_a_statement_is_not_read_as_its_items() -> None:
    added = _added(_read("I'm planning a craft weekend. First the quilts, then the rug."))
    assert "First the quilts" not in [op.title for op in added]


@pytest.mark.parametrize(("text", "title", "value"), [
    ("The club has talked me into running the summer raffle on Sunday the 8th, in the "
     "clubhouse from 2pm. Could you keep track of all that for me?", "Summer raffle",
     "on Sunday the 8th, in the clubhouse from 2pm"),
    ("I've ended up organising the office quiz on the 19th. Could you keep track of all this "
     "for me?", "Office quiz", "on the 19th"),
    ("We're hosting the street party on 4 July. Keep track of it, please.", "Street party",
     "on 4 July"),
])
def test_keeping_track_of_it_names_what_the_sentence_before_says_is_being_done(
        text: str, title: str, value: str) -> None:
    added = _added(_read(text))
    assert [(op.title, op.value, op.parents) for op in added] == [(title, value, [])]


@pytest.mark.parametrize("text", [
    "Any chance you could keep tabs on the loft conversion for me?",
    "Is there any way you could help me plan the loft conversion?",
    "Could you possibly keep track of the loft conversion?",
    "Could you help me keep tabs on loft conversion works?",
    "keep track of the loft conversion please",
])
def test_a_request_to_keep_track_asked_as_a_question_opens_the_plan(text: str) -> None:
    assert [op.title for op in _added(_read(text))] in (
        [["Loft conversion"], ["Loft conversion works"]])


@pytest.mark.parametrize("text", [
    "Can you keep track of everything?", "Could you keep track of things for me?",
])
def test_keeping_track_of_everything_names_no_plan(text: str) -> None:
    assert _added(_read(text)) == []


@pytest.mark.parametrize(("text", "titles", "value"), [
    ("Sort out viewings for the flat, please. Four viewers so far: Ana Silva, Ben Ross, Cleo "
     "Hart and Dan Moss, all on Saturday.", ["Ana Silva", "Ben Ross", "Cleo Hart", "Dan Moss"],
     "Saturday"),
    ("Book the trial lessons, please. Two pupils for now: Eve Hill and Finn Ray, each at 4pm.",
     ["Eve Hill", "Finn Ray"], "4pm"),
])
def test_a_counted_label_and_what_its_list_ends_by_saying_of_them_all(
        text: str, titles: list[str], value: str) -> None:
    root, *items = _added(_read(text))
    assert [(op.title, op.value) for op in items] == [(t, value) for t in titles]
    assert all(op.parents == [root.key] for op in items)


@pytest.mark.parametrize(("text", "title", "value"), [
    ("I have to sort out a passport photo. I've booked a sitting at Snappy on Mill Lane for "
     "Monday at 9:40.", "Sitting", "Snappy on Mill Lane for Monday at 9:40"),
    ("I have to renew my driving licence. I've booked a photo at the post office on Friday "
     "at 10.", "Photo", "post office on Friday at 10"),
])
def test_a_thing_the_speaker_booked_is_an_item_with_when_and_where(
        text: str, title: str, value: str) -> None:
    root, item = _added(_read(text))
    assert (item.title, item.value, item.parents) == (title, value, [root.key])


def test_a_booking_with_no_when_is_not_read_as_one() -> None:
    assert [op.title for op in _added(_read("I've booked a cleaner with a good review."))] != [
        "Cleaner"]


def test_a_thing_named_alone_before_a_list_is_the_plan_of_its_items() -> None:
    root, *items = _added(_read("Right, the patio. Three quotes in: Stone Co at £900, Paveright at "
                                "£1,200 and a man called Den at £750."))
    assert root.title == "Patio"
    assert [(op.title, op.value, op.parents) for op in items] == [
        ("Stone Co", "£900", [root.key]), ("Paveright", "£1,200", [root.key]),
        ("Man called Den", "£750", [root.key])]


@pytest.mark.parametrize("text", [
    "For the open day I'll need chairs, a banner and a tea urn.",
    "For the open day we'll need chairs, a banner and a tea urn.",
    "For the open day we need chairs, a banner and a tea urn.",
])
def test_things_needed_for_a_plan_named_first_are_its_items(text: str) -> None:
    root, *items = _added(_read(text))
    assert root.title == "Open day"
    assert [(op.title.lower(), op.parents) for op in items] == [
        ("chairs", [root.key]), ("banner", [root.key]), ("tea urn", [root.key])]


def test_a_step_whose_object_is_someones_is_still_a_request() -> None:
    added = _added(_read("Garage clear-out this weekend:\n- hire a van\n- sort Dad's old tools\n"
                         "- recycling run"))
    assert [op.title for op in added][1:] == ["Hire a van", "Sort Dad's old tools",
                                              "Recycling run"]


def test_notes_on_lines_under_a_head_are_entries_of_the_plan_it_names() -> None:
    added = _added(_read("deliveries for the weekend:\nfri - Mr Ali, 2 sofas, Bank Street\n"
                         "sat - the Kaur family, wardrobe, 3pm\nvan: the long wheelbase one"))
    assert [(op.title, op.value) for op in added] == [
        ("Deliveries for the weekend", None), ("Mr Ali", "fri, 2 sofas, Bank Street"),
        ("The Kaur family", "sat, wardrobe, 3pm"), ("Van", "the long wheelbase one")]
    assert {tuple(op.parents) for op in added[1:]} == {(added[0].key,)}


def test_marked_notes_keep_each_line_whole() -> None:
    added = _added(_read("Puppy, first month\n- worming: every 2 weeks, with the tablets\n"
                         "- vet check on the 14th, 10:40\n- food: 3 meals a day"))
    assert [(op.title, op.value) for op in added[1:]] == [
        ("Worming", "every 2 weeks, with the tablets"), ("Vet check on the 14th, 10:40", None),
        ("Food", "3 meals a day")]


def test_notes_under_a_head_with_a_plan_in_talk_are_a_part_of_it() -> None:
    plan = Task(key="move", id="id-move", title="House move", status=TaskStatus.ACTIVE)
    result = RuleInterpreter().interpret("packing so far:\n- kitchen: 6 boxes\n- books: 9 boxes",
                                         TrimView(tasks=[plan], focus=["move"]))
    added = _added(result)
    assert (added[0].title, added[0].parents) == ("Packing so far", ["move"])


@pytest.mark.parametrize(("text", "said"), [
    ("jobs for today:\n- cancel the skip\n- ring the council",
     "jobs for today: cancel the skip, ring the council."),
    ("jobs for today:\n- the skip\n- which council do I ring?",
     "jobs for today: the skip, which council do I ring?")])
def test_lines_that_ask_for_a_change_or_ask_something_are_read_as_sentences(
        text: str, said: str) -> None:
    assert _read(text).operations == _read(said).operations
