"""Offline replies, written from memory alone: what a turn changed, what became stale, and
answers to questions from current values and, where the question is about the past, history."""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence

from tme_neo4j.models import Revision, Task, TaskStatus, WriteResult, title_and_value
from tme_neo4j.questions import (
    asked_kind,
    asks_listing,
    attribute_answers,
    listing,
    order_answer,
    premise_answer,
)
from tme_neo4j.trim.base import READ_ONLY, Conflict, Intent, TrimResult
from tme_neo4j.trim.language import (
    STOP,
    content_words,
    fold,
    mentions,
    strip_fillers,
    value_phrases,
)

__all__ = ["Evidence", "compose_reply", "question_terms"]

#: Tasks that ever mentioned a term, with their revisions: what the reply may cite from history.
Evidence = Sequence[tuple[Task, list[Revision]]]

_VERBS = {"add": "Added", "revise": "Updated", "rollback": "Rolled back", "cancel": "Removed",
          "restore": "Restored", "done": "Marked done", "link": "Linked", "depend": "Linked",
          "unlink": "Unlinked", "undepend": "Unlinked", "clear_stale": "Confirmed"}
_YES_NO = re.compile(r"^(?:is|are|was|wasn't|were|weren't|isn't|aren't|did|didn't|do|don't|does|"
                     r"doesn't|have|haven't|has|hasn't|had|am|i think|so)\b", re.IGNORECASE)
#: "Did I ever...?", "Did I originally...?": a question about what happened, not what is.
_FIRST = re.compile(r"\b(?:originally|initially|at first|to begin with|in the beginning)\b",
                    re.IGNORECASE)
_PAST = re.compile(r"\b(?:ever|originally|initially|at first|previously|earlier|at some point|"
                   r"at any point|in the past)\b", re.IGNORECASE)
_REMOVAL = re.compile(r"\b(?:remove|removed|cancel|cancell?ed|drop|dropped|delete|deleted|skip|"
                      r"skipped|scrap|scrapped|forget|forgot|take out|took out|get rid|got rid)\b",
                      re.IGNORECASE)
_SWAP = re.compile(r"\b(?:replace|replaced|swap|swapped|switch|switched|substitute|substituted|"
                   r"change|changed)\b", re.IGNORECASE)
#: "..., right?", "..., yeah?": a statement put as a question, to be confirmed or corrected.
_TAG = re.compile(r"\b(?:right|yeah|yes|correct|no|(?:is|are|does|do|did|was|were|has|have|will|"
                  r"can)n't\s+(?:it|she|he|they|we|you))\s*\?", re.IGNORECASE)
#: "What's left?", "What is still to do?": the open items of the plan, not one task.
_OPEN_ITEMS = re.compile(r"\b(?:left|remaining|remain|to do|pending|outstanding|open items?)\b",
                         re.IGNORECASE)


def question_terms(text: str) -> list[str]:
    """What a question may be asking about: names, times, dates, pairs of adjacent content
    words ('oat milk') and single content words."""
    folded = fold(text)
    phrases = value_phrases(folded)
    tokens = re.findall(r"[^\W_]+(?:['-][^\W_]+)*", folded.lower())
    pairs = [f"{a} {b}" for a, b in itertools.pairwise(tokens)
             if a not in STOP and b not in STOP and len(a) > 2 and len(b) > 2]
    words = [w for w in content_words(text) if len(w) > 2 and w not in STOP]
    # "Greg's doing it": the name is Greg; memory holds the name, not its possessive.
    phrases = [re.sub(r"'s$", "", p) for p in phrases]
    return list(dict.fromkeys([*phrases, *pairs, *words]))


def compose_reply(  # noqa: PLR0917 - the engine's call, positional since the start
    text: str,
    trim: TrimResult,
    write: WriteResult | None,
    tasks: dict[str, Task],
    evidence: Evidence,
    focus: Sequence[str],
) -> str:
    parts: list[str] = []
    if write is not None and write.touched:
        parts.append(_changes(write, tasks))
    if conflicts := trim.conflicts:
        parts.append(_conflicts(conflicts, tasks))
    if any(s.intent == Intent.CHECK and not s.conflicts for s in trim.subtasks):
        parts.append(_answer(text, trim, tasks, evidence, focus))
    if trim.unparsed:
        parts.append(_not_understood(trim, tasks))
    elif not parts and all(s.intent in READ_ONLY for s in trim.subtasks):
        parts.append("Noted; nothing in the task memory changed.")
        if summary := _summaries(trim.about, tasks, focus):
            parts.append(summary)
    return "\n".join(p for p in parts if p).strip() or "Nothing to change."


def _not_understood(trim: TrimResult, tasks: dict[str, Task]) -> str:
    """Name the words that were not understood, and ask, naming the closest tasks."""
    lines = []
    for sub in trim.unparsed:
        if sub.reason:
            lines.append(f"I read \"{sub.text}\", but there is {sub.reason}, so nothing was "
                         "changed for it.")
            continue
        closest = [_describe(tasks[k]) for k in sub.about if k in tasks]
        ask = (f" Did you mean {' or '.join(repr(c) for c in closest)}?" if closest
               else " Could you say it another way?")
        lines.append(f"I did not understand \"{sub.text}\", so nothing was changed for it.{ask}")
    return "\n".join(lines)


def _changes(write: WriteResult, tasks: dict[str, Task]) -> str:
    by_verb: dict[str, list[str]] = {}
    for key, op in write.touched.items():
        task = tasks.get(key)
        if task is None:
            continue
        by_verb.setdefault(_VERBS.get(op, op), []).append(_describe(task))
    lines = [f"{verb}: {'; '.join(items)}." for verb, items in by_verb.items()]
    if write.stale:
        # Sorted: the store returns dependents in no set order, and a reply should repeat.
        stale = "; ".join(f"{_title(tasks, k)} ({reason})"
                          for k, reason in sorted(write.stale.items()))
        lines.append(f"Now stale, to review: {stale}.")
    return "\n".join(lines)


def _conflicts(conflicts: Sequence[Conflict], tasks: dict[str, Task]) -> str:
    lines = ["That request conflicts with memory, so I changed nothing for it:"]
    for c in conflicts:
        name = _title(tasks, c.key)
        lines.append(f"- you said {c.said}, but {name} is {c.current} ({c.said}: {c.note}).")
    current = [t for t in tasks.values() if t.key in {c.key for c in conflicts}]
    values = ", ".join(f"{t.title.lower()} {t.value}" for t in current if t.value)
    lines.append(f"Shall I go ahead with {values}, or change memory first?")
    return "\n".join(lines)


def _answer(
    text: str,
    trim: TrimResult,
    tasks: dict[str, Task],
    evidence: Evidence,
    focus: Sequence[str],
) -> str:
    live = [t for t in tasks.values() if t.status != TaskStatus.CANCELLED]
    live_by_key = {t.key: t for t in live}
    question = strip_fillers(re.sub(r"^\s*[\w -]{1,30}:\s+", "", fold(text)))
    yes_no = _YES_NO.match(question.lower()) is not None
    if yes_no and _PAST.search(question):
        past = _about_the_past(question, live, evidence)
        if past is not None:
            yes, said = past
            summary = _summaries(trim.about, tasks, focus)
            return " ".join([("Yes." if yes else "No."), *said, summary]).strip()
    notes: list[str] = []
    noted: set[str] = set()
    contradicted = False
    for term in question_terms(text):
        if any(_holds_term(f"{t.title} {t.value or ''}", term) for t in live):
            continue
        history = [(t, revs) for t, revs in evidence if t.key not in noted
                   and any(mentions(f"{r.title} {r.value or ''}", term) for r in revs)]
        if history:
            notes += [_past(term, task, revs) for task, revs in history[:3]]
            noted |= {task.key for task, _ in history[:3]}
            contradicted = True
        elif term in value_phrases(fold(text)):
            notes.append(f"{term} was never recorded.")
            contradicted = True
    if yes_no or _TAG.search(question):  # "so it's X, right?": what memory holds instead
        wrong, instead = premise_answer(question, live_by_key)
        if instead:
            notes.append(f"Memory does not have {', '.join(wrong)}: it has "
                         f"{'; '.join(_describe(t) for t in instead)}.")
            contradicted = True
    lead = "No. " if contradicted and (yes_no or _TAG.search(question)) else ""
    slots = [tasks[k] for k in trim.about if k in tasks and tasks[k].parents
             and tasks[k].status != TaskStatus.CANCELLED]
    kind = asked_kind(question)
    named = [tasks[k] for k in trim.about if k in live_by_key]
    if (order := order_answer(question, named, tasks)) is not None:
        summary = order
    elif asks_listing(question):  # the plan as a list: every open task, at any depth
        summary = listing(question, live_by_key)
    elif kind is not None and (found := attribute_answers(question, live_by_key))[0]:
        summary = " ".join(f"{_answered(t, question)}." for t in found[0])
        if not found[1]:  # not the task the question names best: the plan around it too
            summary += " " + _summaries(trim.about, tasks, focus)
    elif _OPEN_ITEMS.search(question):
        summary = _summaries(trim.about, tasks, focus)
    elif slots and len(slots) <= 2 and not any(not tasks[k].parents for k in trim.about):
        summary = " ".join(f"{_answered(t, question)}{_parts(t, tasks)}{_since(t, evidence)}."
                           for t in slots)
    else:
        summary = _summaries(trim.about, tasks, focus)
    return (lead + " ".join([*notes, summary])).strip()


#: A day of the week, and the shorter ways memory may hold it ("Sat 21 June").
_WEEKDAY = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)days?", re.IGNORECASE)


def _holds_term(text: str, term: str) -> bool:
    """Whether ``text`` holds ``term``, a day of the week by its short name too: a question
    about 'saturday' is answered by 'Sat 21 June', never told it was not recorded."""
    if mentions(text, term):
        return True
    full = term.strip().lower()
    if _WEEKDAY.fullmatch(full) is None:
        return False
    short = "|".join(full[:n] for n in range(3, len(full)))  # 'sat', 'satur', ...
    return re.search(rf"\b(?:{short})\.?(?![a-z])", text, re.IGNORECASE) is not None


def _about_the_past(
    question: str, live: list[Task], evidence: Evidence,
) -> tuple[bool, list[str]] | None:
    """Answer 'did I ever ...?' from history: whether it happened, and the revisions that say
    so. What it asks happened is read from its verb: a removal, a swap, or (any other verb)
    that the thing was recorded at all. None when the question names nothing memory knows."""
    removal, swap = _REMOVAL.search(question), _SWAP.search(question)
    first = _FIRST.search(question) is not None
    names = value_phrases(question)
    terms = question_terms(question)
    notes: list[str] = []
    noted: set[str] = set()
    happened = False
    known = False
    for term in terms:
        history = [(t, revs) for t, revs in evidence if t.key not in noted
                   and any(mentions(f"{r.title} {r.value or ''}", term) for r in revs)]
        now = any(mentions(f"{t.title} {t.value or ''}", term) for t in live)
        if not history and not now:
            if term in names:
                notes.append(f"{term} was never recorded.")
                known = True
            continue
        known = True
        for task, revs in history[:3]:
            noted.add(task.key)
            removed = _removed(term, revs)
            replaced = _replaced(term, revs)
            if removal:
                happened |= removed is not None
            elif swap:
                happened |= replaced
            elif first:  # "did I originally...": what the task said when it was made
                happened |= mentions(_revision_text(revs[0]), term)
            else:
                happened = True
            if removed is not None and (removal or not replaced):
                notes.append(removed)
            elif replaced or task.status == TaskStatus.CANCELLED:
                notes.append(_past(term, task, revs))
        if now and not removal and not swap and not first:
            happened = True
    if not known:
        return None
    if names and any(f"{n} was never recorded." in notes for n in names):
        happened = False
    return happened, notes


def _removed(term: str, revisions: list[Revision]) -> str | None:
    """When a task naming ``term`` was cancelled, and restored if it was."""
    cancelled = next((r for r in revisions if r.status == TaskStatus.CANCELLED
                      and mentions(f"{r.title} {r.value or ''}", term)), None)
    if cancelled is None:
        return None
    when = f" in turn {cancelled.turn}" if cancelled.turn else ""
    back = next((r for r in revisions if r.n > cancelled.n and r.status != TaskStatus.CANCELLED),
                None)
    text = f"'{_revision_text(cancelled)}' was removed{when}"
    if back is not None:
        text += f" and brought back in turn {back.turn}" if back.turn else " and brought back"
    return text + "."


def _replaced(term: str, revisions: list[Revision]) -> bool:
    """Whether a revision naming ``term`` was followed by one, not cancelled, that does not."""
    first = next((r for r in revisions if mentions(f"{r.title} {r.value or ''}", term)), None)
    return first is not None and any(
        r.n > first.n and r.status != TaskStatus.CANCELLED
        and not mentions(f"{r.title} {r.value or ''}", term) for r in revisions)


def _summaries(about: Sequence[str], tasks: dict[str, Task], focus: Sequence[str]) -> str:
    roots: list[str] = []
    for key in [*about, *focus]:
        task = tasks.get(key)
        while task is not None and task.parents:
            task = tasks.get(task.parents[0])
        if task is not None and task.status != TaskStatus.CANCELLED and task.key not in roots:
            roots.append(task.key)
        if roots and key in focus:
            break
    if not any(tasks[key].value or any(key in t.parents for t in tasks.values())
               for key in roots):
        # the plan in talk holds nothing yet: the plans that do hold something answer
        roots += [t.key for t in tasks.values() if not t.parents and t.key not in roots
                  and t.status != TaskStatus.CANCELLED
                  and any(t.key in c.parents for c in tasks.values())]
    lines = []
    for key in roots[:3]:
        root = tasks[key]
        children = [t for t in tasks.values()
                    if key in t.parents and t.status != TaskStatus.CANCELLED]
        items = "; ".join(_describe(t) for t in children) or "nothing yet"
        lines.append(f"{_describe(root)}: {items}.")
    return " ".join(lines) or "The task memory is empty."


def _past(term: str, task: Task, revisions: list[Revision]) -> str:
    first = next(r for r in revisions if mentions(f"{r.title} {r.value or ''}", term))
    later = next((r for r in revisions if r.n > first.n
                  and not mentions(f"{r.title} {r.value or ''}", term)), None)
    said = _revision_text(first)
    when = f" in turn {first.turn}" if first.turn else ""
    if later is None:
        if task.status == TaskStatus.CANCELLED:
            return f"{term}: '{said}' was recorded{when} and later removed."
        return f"{term}: '{said}' was recorded{when}."
    how = "removed" if later.status == TaskStatus.CANCELLED else "replaced"
    then = f" in turn {later.turn}" if later.turn else ""
    now = f"; now '{_describe(task)}'" if task.status != TaskStatus.CANCELLED else ""
    return f"{term} was part of it: '{said}' was recorded{when} and {how}{then}{now}."


def _parts(task: Task, tasks: dict[str, Task]) -> str:
    """What is under a task: a question about it asks about them too."""
    children = [_describe(t) for t in tasks.values()
                if task.key in t.parents and t.status != TaskStatus.CANCELLED]
    return f" ({'; '.join(children)})" if children else ""


def _since(task: Task, evidence: Evidence) -> str:
    for t, revs in evidence:
        if t.key == task.key and revs and revs[-1].turn:
            return f" (set in turn {revs[-1].turn})"
    return ""


def _revision_text(r: Revision) -> str:
    return title_and_value(r.title, r.value)


def _describe(task: Task) -> str:
    return title_and_value(task.title, task.value)


#: "Is the kiln booked yet?", "have the forms gone off?": a question about whether it is done.
_STATUS_ASKED = re.compile(r"^(?:is|are|has|have|did)\b.*\b(?:done|finished|complete|completed|"
                           r"sorted|yet)\b", re.IGNORECASE)


def _answered(task: Task, question: str) -> str:
    """A task named in an answer, and whether it is finished: said when it is, and when the
    question asks whether it is ('is the kiln booked yet?')."""
    if task.status == TaskStatus.DONE:
        return f"{_describe(task)} (done)"
    asked = _STATUS_ASKED.match(question) is not None
    return _describe(task) + (" (not done yet)" if asked else "")


def _title(tasks: dict[str, Task], key: str) -> str:
    task = tasks.get(key)
    return task.title if task is not None else key
