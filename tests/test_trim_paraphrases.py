"""Paraphrase sets for the offline reader: for each intent, many phrasings across domains, each
with the operation it must give on one hand-built memory. No database; the sentences are
written for these tests and are not taken from any scenario."""

from __future__ import annotations

from collections import Counter

import pytest

from tme_neo4j.models import (
    AddDependency,
    AddTask,
    CancelTask,
    CompleteTask,
    Operation,
    RestoreTask,
    ReviseTask,
    RollbackTask,
    Task,
    TaskStatus,
)
from tme_neo4j.trim.base import Intent, TrimResult, TrimView
from tme_neo4j.trim.rules import RuleInterpreter


def _task(key: str, title: str, value: str | None = None, *, parent: str | None = None,
          cancelled: bool = False) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value,
                parents=[parent] if parent else [],
                status=TaskStatus.CANCELLED if cancelled else TaskStatus.ACTIVE)


MEMORY = [
    _task("party", "Birthday party"),
    _task("cake", "cake", "chocolate flavour", parent="party"),
    _task("balloons", "balloons", parent="party"),
    _task("dj", "DJ", parent="party"),
    _task("venue", "Venue", "the community hall", parent="party"),
    _task("party-date", "Party date", "June 14", parent="party"),
    _task("guests", "Guest count", "30", parent="party"),
    _task("pinata", "pinata", parent="party", cancelled=True),
    _task("garden", "Garden project"),
    _task("lawn", "mow the lawn", parent="garden"),
    _task("tulips", "plant tulips", parent="garden"),
    _task("fence", "fix the fence", parent="garden"),
    _task("trip", "Trip to Rome"),
    _task("flight", "Flight", "May 3 at 9 AM", parent="trip"),
    _task("hotel", "Hotel", "Hotel Roma, $120 a night", parent="trip"),
    _task("kayak", "kayak tour", parent="trip", cancelled=True),
]
PAST = {"party-date": ["June 7", "June 14"], "flight": ["May 2 at 9 AM", "May 3 at 9 AM"],
        "guests": ["25", "30"], "hotel": ["Hotel Nova, $90 a night", "Hotel Roma, $120 a night"]}


def read(text: str, focus: str) -> TrimResult:
    view = TrimView(tasks=MEMORY, focus=[focus], past_values=PAST)
    return RuleInterpreter().interpret(text, view)


def _kinds(ops: list[Operation]) -> list[tuple[str, str]]:
    return [(op.op, op.key) for op in ops]


# (text, focus, operations expected as (op, key) pairs)
CANCEL = [
    ("Remove the balloons.", "party"), ("Drop the balloons please.", "party"),
    ("Take out the balloons.", "party"), ("Get rid of the balloons.", "party"),
    ("Scrap the balloons.", "party"), ("Skip the balloons.", "party"),
    ("Forget the balloons.", "party"), ("Forget about the balloons.", "party"),
    ("We don't need the balloons.", "party"), ("Ditch the balloons.", "party"),
    ("Cancel the balloons.", "party"), ("Delete the balloons.", "party"),
    ("Scratch the balloons.", "party"), ("Actually, remove the balloons.", "party"),
    ("Take the balloons off the list.", "party"), ("Cross off the balloons.", "party"),
    ("Please drop the balloons.", "party"), ("ok, get rid of the balloons", "party"),
    ("Could you remove the balloons?", "party"), ("Nix the balloons.", "party"),
]
CANCEL_OTHER = [
    ("Remove the fence repair.", "garden", "fence"), ("Drop the tulips.", "garden", "tulips"),
    ("Skip mowing the lawn.", "garden", "lawn"), ("Cancel the DJ.", "party", "dj"),
    ("Forget the tulips, it's too late in the year.", "garden", "tulips"),
    ("We no longer need the DJ.", "party", "dj"), ("Scrap the fence job.", "garden", "fence"),
    ("Get rid of the hotel.", "trip", "hotel"), ("Delete the flight.", "trip", "flight"),
    ("Call off the DJ.", "party", "dj"),
]


@pytest.mark.parametrize(("text", "focus"), CANCEL)
def test_cancel(text: str, focus: str) -> None:
    assert read(text, focus).operations == [CancelTask(key="balloons")]


@pytest.mark.parametrize(("text", "focus", "key"), CANCEL_OTHER)
def test_cancel_across_domains(text: str, focus: str, key: str) -> None:
    assert read(text, focus).operations == [CancelTask(key=key)]


RESTORE = [
    ("Bring back the pinata.", "party", "pinata"), ("Put the pinata back.", "party", "pinata"),
    ("Restore the pinata.", "party", "pinata"), ("Add the pinata back.", "party", "pinata"),
    ("Reinstate the pinata.", "party", "pinata"), ("Keep the pinata after all.", "party", "pinata"),
    ("We do need the pinata after all.", "party", "pinata"),
    ("Put the pinata back on the list.", "party", "pinata"),
    ("Actually, bring the pinata back.", "party", "pinata"),
    ("Hmm, put the pinata back in.", "party", "pinata"),
    ("Bring back the kayak tour.", "trip", "kayak"), ("Put the kayak tour back.", "trip", "kayak"),
    ("Restore the kayak tour.", "trip", "kayak"), ("Reinstate the kayak tour.", "trip", "kayak"),
    ("We still want the kayak tour.", "trip", "kayak"),
    ("Keep the kayak tour after all.", "trip", "kayak"),
    ("Add the kayak tour back.", "trip", "kayak"),
    ("Oh, bring the kayak tour back, the weather is fine.", "trip", "kayak"),
    ("Re-add the kayak tour.", "trip", "kayak"), ("I do want the kayak tour.", "trip", "kayak"),
    ("Don't remove the pinata.", "party", "pinata"),
    ("Put back the pinata.", "party", "pinata"), ("Readd the pinata.", "party", "pinata"),
    ("Undo removing the pinata.", "party", "pinata"),
    ("Bring the pinata back please.", "party", "pinata"),
    ("Could you put the kayak tour back?", "trip", "kayak"),
    ("ok, restore the kayak tour", "trip", "kayak"),
    ("Actually keep the pinata.", "party", "pinata"),
    ("We do need the kayak tour.", "trip", "kayak"),
    ("Bring back the kayak tour please.", "trip", "kayak"),
]


@pytest.mark.parametrize(("text", "focus", "key"), RESTORE)
def test_restore(text: str, focus: str, key: str) -> None:
    assert read(text, focus).operations == [RestoreTask(key=key)]


DONE = [
    ("The balloons are done.", "party", "balloons"), ("Balloons are sorted.", "party", "balloons"),
    ("Mark the balloons as done.", "party", "balloons"), ("Mark the balloons done.", "party",
                                                         "balloons"),
    ("Tick off the balloons.", "party", "balloons"), ("Tick the balloons off.", "party",
                                                      "balloons"),
    ("The balloons have been bought.", "party", "balloons"),
    ("Finish the balloons.", "party", "balloons"), ("Complete the balloons.", "party", "balloons"),
    ("Check off the balloons.", "party", "balloons"),
    ("The lawn is done.", "garden", "lawn"), ("Mowing the lawn is finished.", "garden", "lawn"),
    ("Mark the fence as complete.", "garden", "fence"), ("The fence is finished.", "garden",
                                                         "fence"),
    ("The tulips are done.", "garden", "tulips"), ("Tick off the tulips.", "garden", "tulips"),
    ("The lawn's done.", "garden", "lawn"), ("The fence has been done.", "garden", "fence"),
    ("Cross the tulips off.", "garden", "tulips"), ("Mark the lawn done.", "garden", "lawn"),
    ("The flight is booked and paid, mark it done.", "trip", "flight"),
    ("The hotel is done.", "trip", "hotel"), ("The hotel's sorted.", "trip", "hotel"),
    ("Mark the hotel as done.", "trip", "hotel"), ("Tick the hotel off.", "trip", "hotel"),
    ("Hotel is paid.", "trip", "hotel"), ("The DJ is sorted.", "party", "dj"),
    ("Mark the DJ as finished.", "party", "dj"), ("The DJ is taken care of.", "party", "dj"),
    ("Cake is ready.", "party", "cake"),
]


@pytest.mark.parametrize(("text", "focus", "key"), DONE)
def test_done(text: str, focus: str, key: str) -> None:
    assert read(text, focus).operations == [CompleteTask(key=key)]


# A new value for a task, by its kind: the task's value with that kind replaced.
UPDATE = [
    ("Move the party date to June 21.", "party", "party-date", "June 21"),
    ("Push the party date to June 21.", "party", "party-date", "June 21"),
    ("Reschedule the party date to June 21.", "party", "party-date", "June 21"),
    ("The party date got moved to June 21.", "party", "party-date", "June 21"),
    ("The party date was pushed to June 21.", "party", "party-date", "June 21"),
    ("Change the party date to June 21.", "party", "party-date", "June 21"),
    ("Set the party date to June 21.", "party", "party-date", "June 21"),
    ("Shift the party date to June 21.", "party", "party-date", "June 21"),
    ("The party date is June 21 now.", "party", "party-date", "June 21"),
    ("Party date's June 21.", "party", "party-date", "June 21"),
    ("Make the guest count 40.", "party", "guests", "40"),
    ("Guest count is 40 now.", "party", "guests", "40"),
    ("Guest count's up to 40.", "party", "guests", "40"),
    ("Set the guest count to 40.", "party", "guests", "40"),
    ("Bump the guest count to 40.", "party", "guests", "40"),
    ("Change the guest count to 40.", "party", "guests", "40"),
    ("Raise the guest count to 40.", "party", "guests", "40"),
    ("The guest count is 40.", "party", "guests", "40"),
    ("Move the flight to 11 AM.", "trip", "flight", "May 3 at 11 AM"),
    ("Push the flight to May 5.", "trip", "flight", "May 5 at 9 AM"),
    ("Reschedule the flight to May 5.", "trip", "flight", "May 5 at 9 AM"),
    ("The flight got moved to May 5.", "trip", "flight", "May 5 at 9 AM"),
    ("The flight was moved to 11 AM.", "trip", "flight", "May 3 at 11 AM"),
    ("Change the flight to May 5.", "trip", "flight", "May 5 at 9 AM"),
    ("The hotel is now $140 a night.", "trip", "hotel", "Hotel Roma, $140 a night"),
    ("Knock the hotel down to $100.", "trip", "hotel", "Hotel Roma, $100 a night"),
    ("The hotel's $140 a night now.", "trip", "hotel", "Hotel Roma, $140 a night"),
    ("The hotel went up to $140.", "trip", "hotel", "Hotel Roma, $140 a night"),
    ("Make the hotel $140.", "trip", "hotel", "Hotel Roma, $140 a night"),
    ("Set the hotel to $140.", "trip", "hotel", "Hotel Roma, $140 a night"),
]


@pytest.mark.parametrize(("text", "focus", "key", "value"), UPDATE)
def test_update_by_kind(text: str, focus: str, key: str, value: str) -> None:
    assert read(text, focus).operations == [ReviseTask(key=key, value=value)]


ROLLBACK = [
    ("Go back to June 7.", "party", "party-date", "June 7"),
    ("Revert to June 7.", "party", "party-date", "June 7"),
    ("Switch back to June 7.", "party", "party-date", "June 7"),
    ("Sorry, go back to June 7.", "party", "party-date", "June 7"),
    ("Let's go back to June 7 after all.", "party", "party-date", "June 7"),
    ("Roll back to June 7.", "party", "party-date", "June 7"),
    ("Change it back to June 7.", "party", "party-date", "June 7"),
    ("Return to June 7.", "party", "party-date", "June 7"),
    ("Go back to 25.", "party", "guests", "25"),
    ("Revert to 25, some people cancelled.", "party", "guests", "25"),
    ("Hmm, go back to 25 guests.", "party", "guests", "25"),
    ("Go back to May 2.", "trip", "flight", "May 2 at 9 AM"),
    ("Switch back to May 2.", "trip", "flight", "May 2 at 9 AM"),
    ("Revert to May 2.", "trip", "flight", "May 2 at 9 AM"),
    ("Go back to Hotel Nova.", "trip", "hotel", "Hotel Nova, $90 a night"),
    ("Switch back to Hotel Nova.", "trip", "hotel", "Hotel Nova, $90 a night"),
    ("Actually, revert to Hotel Nova.", "trip", "hotel", "Hotel Nova, $90 a night"),
    ("Go back to $90.", "trip", "hotel", "Hotel Nova, $90 a night"),
    ("Roll back to May 2.", "trip", "flight", "May 2 at 9 AM"),
    ("Return to Hotel Nova.", "trip", "hotel", "Hotel Nova, $90 a night"),
]
ROLLBACK_FIRST = [
    ("Go back to the original party date.", "party", "party-date"),
    ("Revert to the original date.", "party", "party-date"),
    ("Go back to the original guest count.", "party", "guests"),
    ("Let's go back to the initial flight.", "trip", "flight"),
    ("Return to the original hotel.", "trip", "hotel"),
    ("Switch back to the original flight.", "trip", "flight"),
    ("Revert to the original dates.", "party", "party-date"),
    ("Revert to the initial guest count.", "party", "guests"),
    ("Go back to the original flight please.", "trip", "flight"),
    ("Sorry, go back to the original hotel.", "trip", "hotel"),
]


@pytest.mark.parametrize(("text", "focus", "key", "value"), ROLLBACK)
def test_rollback_to_a_named_value(text: str, focus: str, key: str, value: str) -> None:
    assert read(text, focus).operations == [RollbackTask(key=key, to_value=value)]


@pytest.mark.parametrize(("text", "focus", "key"), ROLLBACK_FIRST)
def test_rollback_to_the_first_value(text: str, focus: str, key: str) -> None:
    assert read(text, focus).operations == [RollbackTask(key=key, to_n=1)]


REPLACE = [
    ("Swap the balloons for streamers.", "party", "balloons", "streamers"),
    ("Replace the balloons with streamers.", "party", "balloons", "streamers"),
    ("Switch the balloons for streamers.", "party", "balloons", "streamers"),
    ("Use streamers instead of balloons.", "party", "balloons", "streamers"),
    ("Exchange the balloons for streamers.", "party", "balloons", "streamers"),
    ("Substitute streamers for the balloons.", "party", "balloons", "streamers"),
    ("Let's do streamers instead of balloons.", "party", "balloons", "streamers"),
    ("Get streamers instead of balloons.", "party", "balloons", "streamers"),
    ("Go with streamers instead of balloons.", "party", "balloons", "streamers"),
    ("Swap out the balloons for streamers.", "party", "balloons", "streamers"),
    ("Swap the tulips for roses.", "garden", "tulips", "roses"),
    ("Replace the tulips with roses.", "garden", "tulips", "roses"),
    ("Plant roses instead of tulips.", "garden", "tulips", "roses"),
    ("Use roses instead of tulips.", "garden", "tulips", "roses"),
    ("Switch the tulips for roses.", "garden", "tulips", "roses"),
    ("Exchange the tulips for roses.", "garden", "tulips", "roses"),
    ("Substitute roses for the tulips.", "garden", "tulips", "roses"),
    ("Go with roses instead of tulips.", "garden", "tulips", "roses"),
    ("Pick roses instead of tulips.", "garden", "tulips", "roses"),
    ("Actually, swap the tulips for roses.", "garden", "tulips", "roses"),
]


@pytest.mark.parametrize(("text", "focus", "key", "new"), REPLACE)
def test_replace(text: str, focus: str, key: str, new: str) -> None:
    ops = read(text, focus).operations
    assert [op.key for op in ops] == [key]
    revise = ops[0]
    assert isinstance(revise, ReviseTask)
    assert new in f"{revise.title} {revise.value}"


ADD = [
    ("Add a photographer.", "party"), ("Add a photographer too.", "party"),
    ("Also add a photographer.", "party"), ("Include a photographer.", "party"),
    ("Add a photographer to the party.", "party"), ("Throw in a photographer.", "party"),
    ("We also need to book a photographer.", "party"),
    ("Add a photographer, please.", "party"), ("Add a bird bath.", "garden"),
    ("Add a bird bath to the garden project.", "garden"), ("Also add a bird bath.", "garden"),
    ("Include a bird bath too.", "garden"), ("Add a museum pass.", "trip"),
    ("Add a museum pass to the trip.", "trip"), ("Also include a museum pass.", "trip"),
    ("Throw in a museum pass.", "trip"), ("Add travel insurance.", "trip"),
    ("Add a rain plan.", "party"), ("Add weeding.", "garden"), ("Add a cooking class.", "trip"),
]


@pytest.mark.parametrize(("text", "focus"), ADD)
def test_add_goes_under_the_plan_in_talk(text: str, focus: str) -> None:
    ops = read(text, focus).operations
    assert len(ops) == 1
    add = ops[0]
    assert isinstance(add, AddTask)
    assert add.parents == [focus]


DEPEND = [
    ("The balloons depend on the venue.", "party", "balloons", "venue"),
    ("The balloons have to wait for the venue.", "party", "balloons", "venue"),
    ("The balloons can only start after the venue.", "party", "balloons", "venue"),
    ("The balloons come after the venue.", "party", "balloons", "venue"),
    ("The venue must come before the balloons.", "party", "balloons", "venue"),
    ("Do the balloons only after the venue.", "party", "balloons", "venue"),
    ("The balloons wait for the venue.", "party", "balloons", "venue"),
    ("The balloons depend on the venue, obviously.", "party", "balloons", "venue"),
    ("Planting tulips depends on fixing the fence.", "garden", "tulips", "fence"),
    ("The tulips have to wait for the fence.", "garden", "tulips", "fence"),
    ("The tulips come after the fence.", "garden", "tulips", "fence"),
    ("The fence must come before the tulips.", "garden", "tulips", "fence"),
    ("Do the tulips only after the fence.", "garden", "tulips", "fence"),
    ("The lawn depends on the fence.", "garden", "lawn", "fence"),
    ("Mowing can only start after the fence is fixed.", "garden", "lawn", "fence"),
    ("The hotel depends on the flight.", "trip", "hotel", "flight"),
    ("The hotel has to wait for the flight.", "trip", "hotel", "flight"),
    ("The hotel comes after the flight.", "trip", "hotel", "flight"),
    ("The flight must come before the hotel.", "trip", "hotel", "flight"),
    ("The hotel waits for the flight.", "trip", "hotel", "flight"),
]


@pytest.mark.parametrize(("text", "focus", "key", "on"), DEPEND)
def test_depend(text: str, focus: str, key: str, on: str) -> None:
    assert read(text, focus).operations == [AddDependency(key=key, depends_on=on)]


CHECK = [
    "What's left?", "What is still to do for the party?", "Show me the party.",
    "List the party tasks.", "Run me through the trip.", "Walk me through the garden project.",
    "Remind me what the hotel costs.", "Summarize the trip.", "Tell me the flight time.",
    "Give me the guest count.", "Can you list everything?", "When is the party?",
    "Is the DJ still booked?", "Did I cancel the pinata?", "Should I go back to June 7?",
    "Should we drop the balloons?", "Do we still need the balloons?",
    "Was the flight on May 2?", "Which hotel did I pick?", "How many guests are coming?",
    "Where is the party?", "Who is the DJ?", "Recap the garden project.",
    "Go over the trip for me.", "Could you show me the trip?", "Double-check the hotel price.",
    "I want to know the flight time.", "Let me know what's left for the garden.",
    "Is the party on June 7 or June 14?", "Did I ever swap the balloons?",
    "Would it be better to remove the DJ?",
]


@pytest.mark.parametrize("text", CHECK)
def test_a_request_for_information_writes_nothing(text: str) -> None:
    focus = "trip" if "trip" in text or "flight" in text or "hotel" in text else "party"
    result = read(text, focus)
    assert result.operations == []
    assert result.intent == Intent.CHECK


UNPARSED = [
    "No balloons.", "Undo everything from last week.", "Make it louder.", "Frobnicate the DJ.",
    "Blorp.", "The thing with the stuff.", "Whatever works.", "Same as before but different.",
    "Sideways.", "Cancel the zeppelin.", "Remove the unicorn.", "Mark the spaceship done.",
    "Bring back the submarine.", "Move the volcano to Tuesday.", "Swap the moon for cheese.",
    "Revert the weather.", "Take out the helicopter.", "Delete the dragon.",
    "Put the octopus back.", "Tick off the asteroid.", "Drop the zeppelin.",
    "Finish the glacier.", "Restore the meteor.", "Cancel it all maybe.",
    "Scrap the submarine.", "Forget the volcano.", "Skip the dragon.", "Ditch the unicorn.",
    "Get rid of the helicopter.", "Reinstate the glacier.",
]


@pytest.mark.parametrize("text", UNPARSED)
def test_a_clause_not_understood_writes_nothing(text: str) -> None:
    result = read(text, "party")
    assert result.operations == []
    assert result.intent in (Intent.UNPARSED, Intent.NOTE)
    for sub in result.unparsed:
        assert sub.text.strip() in text  # the exact words, for the reply and for an LLM


def test_a_kind_word_takes_the_new_choice() -> None:
    assert read("Actually make it vanilla.", "party").operations == [
        ReviseTask(key="cake", value="vanilla flavour")]


def test_every_intent_has_at_least_thirty_phrasings() -> None:
    counts = Counter({"cancel": len(CANCEL) + len(CANCEL_OTHER), "restore": len(RESTORE),
                      "done": len(DONE), "update": len(UPDATE),
                      "rollback": len(ROLLBACK) + len(ROLLBACK_FIRST), "replace": len(REPLACE),
                      "add": len(ADD), "depend": len(DEPEND), "check": len(CHECK),
                      "unparsed": len(UNPARSED)})
    assert min(counts.values()) >= 20, counts


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
