"""What a question asks, read from its wording, and the facts in memory that answer it.

Three shapes, each answered from current values alone:

- a listing ("list ...", "show me ...", "what's left", "what still needs doing"): every open
  task of the plan (not done, not cancelled) with its value, at any depth;
- an attribute ("how long", "what time", "how many", "where", "who", "how much"): the value of
  that kind held by the task the question names, or by the plan above it;
- a premise ("so it's X on the 8th, right?"): a time, date, count or price the question takes
  for granted that memory does not hold, answered with the value memory does hold.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from enum import StrEnum

from tme_neo4j.models import Task, TaskStatus, title_and_value
from tme_neo4j.trim.language import (
    COUNT_RE,
    DATE_RE,
    PRICE_RE,
    TIME_RE,
    ValueKind,
    fold,
    mentions,
    stems,
    typed_phrases,
)
from tme_neo4j.trim.lexicon import attribute_of

__all__ = ["Asked", "asked_kind", "asks_listing", "attribute_answer", "attribute_answers",
           "listing", "order_answer", "premise_answer", "question_parts"]

_I = re.IGNORECASE


class Asked(StrEnum):
    """The kind of value an attribute question asks for."""

    DURATION = "duration"
    TIME = "time"
    DATE = "date"
    COUNT = "count"
    PRICE = "price"
    PLACE = "place"
    PERSON = "person"


#: Verbs and phrases that ask for the plan as a list, not for one fact.
_LISTING = re.compile(
    r"\b(?:list|show me|show us|go (?:over|through)|run (?:me|us) through|walk me through|"
    r"recap|sum up|summari[sz]e|overview|the (?:whole|full|entire) (?:plan|list|thing)|"
    r"rundown|run-down|(?:whole|full|big) picture|breakdown|state of play|catch (?:me|us) up|"
    r"fill (?:me|us) in|where (?:are|am) (?:we|i)(?: at)?\b|where (?:we're|i'm) at|"
    r"(?:read|play) (?:it|them|that|this|the [\w-]+(?: [\w-]+)?) back|"
    r"what(?:'s| is| are)?\s+(?:still\s+)?(?:left|remaining|outstanding|pending|open|on\b|in\b)|"
    r"what (?:still )?(?:needs?|remains?|is there) (?:doing|to (?:be )?do(?:ne)?)|"
    r"what (?:else )?(?:do|did) (?:we|i) (?:have|still have)|"
    r"what (?:have|'ve) (?:we|i) got|what(?:'s| is) (?:the )?plan|still (?:to do|needs? doing)|"
    r"what(?:'s| is| have| has|'ve)? (?:been |(?:i|we)(?:'ve| have)? )?"
    r"(?:done|finished|completed)\b)",
    _I)
#: A listing asks for the open items only when it says so ("left", "still", "remaining").
_OPEN_ONLY = re.compile(r"\b(?:left|still|remaining|remain|outstanding|pending|open|to do|"
                        r"needs? doing|yet)\b", _I)
#: A listing of what is finished: "what have I finished", "what's done so far".
_DONE_ONLY = re.compile(r"\b(?<!not )(?<!n't )(?:done|finished|completed|ticked off|crossed off)\b",
                        _I)

_ASKS: tuple[tuple[Asked, re.Pattern[str]], ...] = (
    (Asked.DURATION, re.compile(r"\bhow long\b|\bfor how many (?:days|weeks|hours|months)\b", _I)),
    (Asked.TIME, re.compile(r"\bwhat time\b|\bwhen\b.*\b(?:start|begin|run|open|kick off)", _I)),
    (Asked.COUNT, re.compile(r"\bhow many\b|\bwhat(?:'s| is) the (?:count|number|headcount)\b",
                             _I)),
    (Asked.PRICE, re.compile(r"\bhow much\b|\b(?:price|cost(?:s|ing)?|fees?|budget|"
                             r"charg(?:e|es|ed|ing)|quot(?:e|es|ed|ing))\b", _I)),
    (Asked.DATE, re.compile(r"\bwhat (?:day|date)\b|\bwhen\b", _I)),
    (Asked.PLACE, re.compile(r"\bwhere\b", _I)),
    (Asked.PERSON, re.compile(r"\bwho(?:'s|se| is| are)?\b", _I)),
    # Paying, a rate, so much per unit: a price, when no other question word asks for more
    # ("who's paying" asks for a person, "when am I paying" for a day).
    (Asked.PRICE, re.compile(r"\bpa(?:y|ys|ying)\b|\brates?\b|\bper\s+[a-z]+", _I)),
)

_DURATION_RE = re.compile(
    r"\b(?:\d+(?:\.\d+)?|a|an|one|two|three|four|five|six|seven|eight|nine|ten|a few|a couple "
    r"of)\s+(?:minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?)\b", _I)
#: A place, or where a thing comes from ("where are the chairs from?": 'from Hall Hire').
_PLACE_RE = re.compile(r"\b(?:at|in|on|from)\s+(?:the\s+)?(?:[A-Z][\w'&-]*|\d+\w*\s+floor)", 0)
_PERSON_RE = re.compile(r"\b[A-Z][a-z][\w'-]*")

_HOLDS: dict[Asked, re.Pattern[str]] = {
    Asked.DURATION: _DURATION_RE, Asked.TIME: TIME_RE, Asked.DATE: DATE_RE,
    Asked.COUNT: COUNT_RE, Asked.PRICE: PRICE_RE, Asked.PLACE: _PLACE_RE,
    Asked.PERSON: _PERSON_RE,
}

#: Words of a question that say what is asked, not what it is about.
_ASKING_WORDS = frozenset(stems(
    "how long many much what time day date when where who whose price cost fee going take "
    "tell remind list show left still need doing right yeah correct okay sure again"))

#: The kinds of value a question may take for granted, and the kind of answer each asks for.
_PREMISE_KINDS = {ValueKind.TIME: Asked.TIME, ValueKind.DATE: Asked.DATE,
                  ValueKind.COUNT: Asked.COUNT, ValueKind.PRICE: Asked.PRICE,
                  ValueKind.NAME: Asked.PERSON}


def asks_listing(question: str) -> bool:
    """Whether a question asks for the plan as a list ('what's left', 'list what we have')."""
    return _LISTING.search(fold(question)) is not None


def asked_kind(question: str) -> Asked | None:
    """The kind of value an attribute question asks for, from its question words."""
    folded = fold(question)
    for kind, pattern in _ASKS:
        if pattern.search(folded):
            return kind
    return None


def _live(tasks: dict[str, Task]) -> list[Task]:
    return [t for t in tasks.values() if t.status != TaskStatus.CANCELLED]


def _line(task: Task) -> str:
    return title_and_value(task.title, task.value)


def _holds(task: Task, kind: Asked) -> bool:
    if _names_kind(task, kind):
        return True
    text = f"{task.title} {task.value or ''}"
    if kind == Asked.COUNT:  # a number inside a price, time or date is no count
        text = PRICE_RE.sub(" ", TIME_RE.sub(" ", DATE_RE.sub(" ", text)))
    if kind == Asked.PERSON:  # a title starts with a capital that names nobody; a day no one
        text = DATE_RE.sub(" ", task.value or "")
    return _HOLDS[kind].search(text) is not None


def _names_kind(task: Task, kind: Asked) -> bool:
    """Whether a task is a slot for that kind of value by its name ('Venue: the Old Mill',
    'Start time: 7'): the last word of its title names the attribute, and it has a value."""
    words = re.findall(r"[a-z]+", task.title.lower())
    return bool(task.value and words) and attribute_of(words[-1]) == kind.value


def _ranked(question: str, tasks: Sequence[Task]) -> list[tuple[tuple[int, int], Task]]:
    """Tasks sharing content words with the question, the most shared first: words shared
    with a task's name count before words shared with its value ('when is the plumber
    coming' names 'Call a plumber', not a plan whose value says someone comes)."""
    words = set(stems(question)) - _ASKING_WORDS
    scored = []
    for task in tasks:
        named = set(stems(f"{task.key.replace('-', ' ').replace('.', ' ')} {task.title}"))
        own = named | set(stems(task.value or ""))
        if shared := len(words & own):
            scored.append(((len(words & named), shared), task))
    scored.sort(key=lambda st: (-st[0][0], -st[0][1]))
    return scored


def _ancestors(task: Task, tasks: dict[str, Task]) -> list[Task]:
    found: list[Task] = []
    frontier = list(task.parents)
    while frontier:
        parent = tasks.get(frontier.pop(0))
        if parent is not None and parent not in found:
            found.append(parent)
            frontier += parent.parents
    return found


def attribute_answer(question: str, kind: Asked,
                     tasks: dict[str, Task]) -> tuple[list[Task], bool]:
    """The task whose value answers a question asking for ``kind``: among the tasks the
    question names best, one that holds such a value; else the nearest plan above them that
    does; else any task it names that does; else the one slot of the plans named for that
    kind ('where do we meet?': 'Place: the Old Mill'); with no task named, a root that does.
    The flag says whether it is a task the question names best (else the answer is a guess)."""
    live = _live(tasks)
    ranked = _ranked(question, live)
    best = [t for s, t in ranked if s == ranked[0][0]] if ranked else []
    slots = [c for t in best for c in live if t.key in c.parents and _names_kind(c, kind)]
    named_for = [t for t in live if t.parents and _names_kind(t, kind)]
    tiers = [best, slots, [a for t in best for a in _ancestors(t, tasks)],
             [t for _, t in ranked], named_for if len(named_for) == 1 else [],
             [t for t in live if not t.parents]]
    for n, tier in enumerate(tiers):
        for task in tier:
            if task.status != TaskStatus.CANCELLED and _holds(task, kind):
                return [task], n <= 1
    return [], False


#: Where a question asking two things starts its second: 'and' or a comma before a question
#: word ("when's X and who's doing Y?", "who's doing X, and on what day?").
_SECOND_ASK = re.compile(r"\s*(?:,\s*(?:and\s+)?|\s+and\s+)(?=(?:on\s+|at\s+|for\s+)?"
                         r"(?:when|where|who|whose|what|which|how)\b)", _I)
#: Words that name nothing: what a part made of them alone is about, the rest says.
_NAMELESS = frozenset(stems("it its they them that this he she i me we us you my our is are "
                            "was were be am do does did have has now then there"))


def question_parts(question: str) -> list[str]:
    """The parts of a question that asks for several facts, each with its own question word;
    the question itself when it asks for one."""
    return [p for p in _SECOND_ASK.split(question) if p.strip()] or [question]


def attribute_answers(question: str, tasks: dict[str, Task]) -> tuple[list[Task], bool]:
    """``attribute_answer`` for each fact the question asks for ('when is the gig and who's
    driving?'): the tasks answering, each once, and whether each is one its part names best.
    A part that names nothing itself ('and how much is it?') is about what the rest names."""
    found: list[Task] = []
    named = True
    for part in question_parts(question):
        kind = asked_kind(part)
        if kind is None:  # "..., and what was the gauge?": the one task it names by name
            alone = _named_by(part, tasks)
            found += [t for t in alone if t not in found]
            named = named and bool(alone)  # none named alone: the plan around, to be sure
            continue
        own = set(stems(part)) - _ASKING_WORDS - _NAMELESS
        answer, best = attribute_answer(part if own else question, kind, tasks)
        found += [t for t in answer if t not in found]
        named = named and best
    return found, named and bool(found)


def _named_by(part: str, tasks: dict[str, Task]) -> list[Task]:
    """The one live task a part of a question names by its title, when one alone does."""
    ranked = [(s, t) for s, t in _ranked(part, _live(tasks)) if s[0]]
    if not ranked or (len(ranked) > 1 and ranked[1][0] == ranked[0][0]):
        return []
    return [ranked[0][1]]


def premise_answer(question: str, tasks: dict[str, Task]) -> tuple[list[str], list[Task]]:
    """The times, dates, counts, prices and names a question takes for granted that no current
    value holds, and for each the task holding the value of that kind memory has instead."""
    live = _live(tasks)
    wrong: list[str] = []
    instead: list[Task] = []
    for kind, said in typed_phrases(fold(question)):
        if kind not in _PREMISE_KINDS:
            continue
        phrase = re.sub(r"'s$", "", said)  # "Greg's doing it": the name is Greg
        number = re.sub(r"[^\d:.]", "", phrase) if kind == ValueKind.COUNT else phrase
        if any(mentions(f"{t.title} {t.value or ''}", phrase) for t in live) or (
                kind == ValueKind.COUNT and number and any(
                    re.search(rf"(?<![\d$£€.:]){re.escape(number)}(?![\d:])",
                              f"{t.title} {t.value or ''}") for t in live)):
            continue
        asked = _PREMISE_KINDS[kind]
        # The rest of the question names the task; a count's unit ('12 tetras') is part of it.
        others = question.replace(phrase, " " + re.sub(r"^\S+\s*", "", phrase)
                                  if kind == ValueKind.COUNT else " ")
        found = [t for t in attribute_answer(others, asked, tasks)[0] if t not in instead]
        if found:
            wrong.append(phrase)
            instead += found
    for said, task in _person_days(question, live):
        if said not in wrong:
            wrong.append(said)
            instead.append(task)
    return wrong, instead


def _person_days(question: str, live: list[Task]) -> list[tuple[str, Task]]:
    """'Ola's on Friday, isn't she?' when the task that names Ola says Tuesday: the day said
    and the task that holds the person's own day."""
    days = [p for k, p in typed_phrases(fold(question)) if k == ValueKind.DATE]
    out: list[tuple[str, Task]] = []
    for name in re.findall(r"\b([A-Z][a-z]+)(?:'s)?\b", question):
        own = [t for t in live if mentions(f"{t.title} {t.value or ''}", name)
               and any(k == ValueKind.DATE
                       for k, _ in typed_phrases(f"{t.title} {t.value or ''}", sentence=False))]
        if len(own) != 1:
            continue  # no day of that person, or several: no premise to answer
        text = f"{own[0].title} {own[0].value or ''}"
        out += [(day, own[0]) for day in days if not mentions(text, day)]
    return out


def listing(question: str, tasks: dict[str, Task]) -> str:
    """Every open task of the plan, each with its current value, under its root; the roots the
    question names when it names some, else all of them."""
    live = _live(tasks)
    roots = [t for t in live if not t.parents]
    named = [t for s, t in _ranked(question, roots)]
    pieces = [p for p in re.split(r",|:|\band\b|&", question) if p.strip()]
    if len(pieces) > 2:  # "budget, cars, viewings and checks": every plan a piece names
        named = list({t.key: t for p in pieces for _, t in _ranked(p, roots)}.values()) or roots
    asks_done = _DONE_ONLY.search(fold(question)) is not None
    open_only = _OPEN_ONLY.search(fold(question)) is not None and not asks_done
    lines = []
    chosen = (named if len(pieces) > 2 else named[:1]) if named and len(roots) > 1 else roots
    if not any(root.value or _below(root, tasks) for root in chosen):
        chosen = roots  # the plan named holds nothing: every plan, not an empty answer
    for root in chosen:
        below = _below(root, tasks)
        items = [t for t in below if t.status == TaskStatus.ACTIVE]
        done = [t for t in below if t.status == TaskStatus.DONE]
        finished = f"Done: {'; '.join(_line(t) for t in done) or 'nothing yet'}."
        if asks_done and _OPEN_ONLY.search(fold(question)) is None:
            lines.append(f"{_line(root)}: {finished}")  # "what have I finished so far?"
            continue
        text = "; ".join(_line(t) for t in items) or "nothing open"
        tail = "" if open_only or not done else f" {finished}"
        lines.append(f"{_line(root)}: {text}.{tail}")
    return " ".join(lines) or "The task memory is empty."


#: What a task waits for: "what's X waiting on", "what does X depend on", "what's holding X up".
_WAITS_FOR = re.compile(
    r"\b(?:waiting (?:on|for)|wait(?:s)? (?:on|for)|depend(?:s)? on|rel(?:y|ies) on|blocked by|"
    r"held up by|holding\b.*\bup|(?:need|needs|has|have) to (?:happen|be done) (?:first|before)|"
    r"before\b.*\bcan (?:go ahead|start|happen))", _I)
#: Which tasks wait for one: the verb straight after the question word ("what depends on X").
_WAITED_FOR = re.compile(
    r"^\s*(?:what|which(?: \w+)?)(?:'s| is| are)?\s+(?:still\s+)?(?:waiting (?:on|for)|"
    r"wait(?:s)? (?:on|for)|depends? on|rel(?:y|ies) on|blocked by|held up by)\b", _I)


def order_answer(question: str, about: list[Task], tasks: dict[str, Task]) -> str | None:
    """What the task a question names waits for (its dependencies, with their values), or what
    waits for it when the question puts the waiting first ('what depends on the quotes?');
    None when the question asks neither, or names no task."""
    folded = fold(question)
    if _WAITS_FOR.search(folded) is None or not about:
        return None
    live = {t.key: t for t in _live(tasks)}
    task = about[0]
    if _WAITED_FOR.search(folded):
        waiting = [t for t in live.values() if task.key in t.depends_on]
        return (f"Waiting for {_line(task)}: {'; '.join(_line(t) for t in waiting)}." if waiting
                else f"Nothing waits for {_line(task)}.")
    needed = [live[k] for k in task.depends_on if k in live]
    return (f"{_line(task)} waits for: {'; '.join(_line(t) for t in needed)}." if needed
            else f"{_line(task)} waits for nothing.")


def _below(root: Task, tasks: dict[str, Task]) -> list[Task]:
    """A root's descendants, depth first in the order they were made (any depth, once each)."""
    out: list[Task] = []
    seen = {root.key}

    def walk(key: str) -> None:
        for child in tasks.values():
            if key in child.parents and child.key not in seen:
                seen.add(child.key)
                if child.status != TaskStatus.CANCELLED:
                    out.append(child)
                    walk(child.key)

    walk(root.key)
    return out
