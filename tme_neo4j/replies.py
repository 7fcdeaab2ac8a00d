"""Offline replies, written from memory alone: what a turn changed, what became stale, and
answers to questions from current values and, where the question is about the past, history."""

from __future__ import annotations

import re
from collections.abc import Sequence

from tme_neo4j.models import Revision, Task, TaskStatus, WriteResult
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


def question_terms(text: str) -> list[str]:
    """What a question may be asking about: names, times, dates and content words."""
    phrases = value_phrases(fold(text))
    words = [w for w in content_words(text) if len(w) > 3 and w not in STOP]
    return list(dict.fromkeys([*phrases, *words]))


def compose_reply(
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
    elif not parts:
        if all(s.intent in READ_ONLY for s in trim.subtasks):
            parts.append("Noted; nothing in the task memory changed.")
            if summary := _summaries(trim.about, tasks, focus):
                parts.append(summary)
    return "\n".join(p for p in parts if p).strip() or "Nothing to change."


def _changes(write: WriteResult, tasks: dict[str, Task]) -> str:
    by_verb: dict[str, list[str]] = {}
    for key, op in write.touched.items():
        task = tasks.get(key)
        if task is None:
            continue
        by_verb.setdefault(_VERBS.get(op, op), []).append(_describe(task))
    lines = [f"{verb}: {'; '.join(items)}." for verb, items in by_verb.items()]
    if write.stale:
        stale = "; ".join(f"{_title(tasks, k)} ({reason})" for k, reason in write.stale.items())
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
    notes: list[str] = []
    contradicted = False
    for term in question_terms(text):
        if any(mentions(f"{t.title} {t.value or ''}", term) for t in live):
            continue
        history = [(t, revs) for t, revs in evidence
                   if any(mentions(f"{r.title} {r.value or ''}", term) for r in revs)]
        if history:
            notes += [_past(term, task, revs) for task, revs in history[:3]]
            contradicted = True
        elif term in value_phrases(fold(text)):
            notes.append(f"{term} was never recorded.")
            contradicted = True
    question = strip_fillers(re.sub(r"^\s*[\w -]{1,30}:\s+", "", fold(text)))
    lead = "No. " if contradicted and _YES_NO.match(question.lower()) else ""
    slots = [tasks[k] for k in trim.about if k in tasks and tasks[k].parents
             and tasks[k].status != TaskStatus.CANCELLED]
    if slots and len(slots) <= 2 and not any(not tasks[k].parents for k in trim.about):
        summary = " ".join(f"{_describe(t)}{_since(t, evidence)}." for t in slots)
    else:
        summary = _summaries(trim.about, tasks, focus)
    return (lead + " ".join([*notes, summary])).strip()


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


def _since(task: Task, evidence: Evidence) -> str:
    for t, revs in evidence:
        if t.key == task.key and revs and revs[-1].turn:
            return f" (set in turn {revs[-1].turn})"
    return ""


def _revision_text(r: Revision) -> str:
    if r.value and r.value.lower() not in r.title.lower():
        return f"{r.title}: {r.value}"
    return r.title


def _describe(task: Task) -> str:
    if task.value and task.value.lower() not in task.title.lower():
        return f"{task.title}: {task.value}"
    return task.title


def _title(tasks: dict[str, Task], key: str) -> str:
    task = tasks.get(key)
    return task.title if task is not None else key
