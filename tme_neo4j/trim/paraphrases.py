"""Paraphrase sets: many phrasings of each intent, each with the operation it must give.

The sets (``paraphrases.toml``) ship with the package so that the unit tests and
``tme eval --intents`` read the same data, and any interpreter can be scored on them. No
database: every phrasing is read against one hand-built memory.
"""

from __future__ import annotations

import tomllib
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from importlib.resources import files
from typing import cast

from tme_neo4j.models import (
    AddDependency,
    AddTask,
    CancelTask,
    CompleteTask,
    LinkParent,
    Operation,
    RemoveDependency,
    RestoreTask,
    ReviseTask,
    RollbackTask,
    Task,
    TaskStatus,
    UnlinkParent,
)
from tme_neo4j.trim.base import Intent, Interpreter, TrimResult, TrimView

__all__ = ["Case", "IntentScore", "cases", "judge", "memory", "past_values", "score", "view"]


@dataclass(frozen=True)
class Case:
    set: str
    intent: Intent
    expect: str  # how the operations are judged (see the file's header)
    text: str
    focus: str
    args: tuple[str, ...]  # the key, value, new phrase or prerequisite the judgement needs


@dataclass
class IntentScore:
    cases: int = 0
    intent_right: int = 0  # read as the intent it is
    operations_right: int = 0  # and gave the operations it must


@cache
def _data() -> dict[str, object]:
    text = files("tme_neo4j.trim").joinpath("paraphrases.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def memory() -> tuple[Task, ...]:
    """The memory every phrasing is read against."""
    rows: list[dict[str, object]] = _data()["task"]  # type: ignore[assignment]
    return tuple(Task(key=str(r["key"]), id=f"id-{r['key']}", title=str(r["title"]),
                      value=str(r["value"]) if "value" in r else None,
                      parents=[str(r["parent"])] if "parent" in r else [],
                      depends_on=cast(list[str], r.get("depends_on", [])),
                      status=TaskStatus.CANCELLED if r.get("cancelled") else TaskStatus.ACTIVE)
                 for r in rows)


@cache
def past_values() -> dict[str, list[str]]:
    past: dict[str, list[str]] = _data()["past"]  # type: ignore[assignment]
    return {k: list(v) for k, v in past.items()}


def view(focus: str) -> TrimView:
    return TrimView(tasks=list(memory()), focus=[focus], past_values=past_values())


@cache
def cases() -> tuple[Case, ...]:
    sets: list[dict[str, object]] = _data()["set"]  # type: ignore[assignment]
    out: list[Case] = []
    for s in sets:
        rows: list[list[str]] = s["cases"]  # type: ignore[assignment]
        for text, focus, *args in rows:
            out.append(Case(set=str(s["name"]), intent=Intent(str(s["intent"])),
                            expect=str(s["expect"]), text=text, focus=focus, args=tuple(args)))
    return tuple(out)


def _one(op: Operation) -> Callable[[list[Operation]], bool]:
    return lambda ops: ops == [op]


def _replace(key: str, new: str) -> Callable[[list[Operation]], bool]:
    def right(ops: list[Operation]) -> bool:
        return ([o.key for o in ops] == [key] and isinstance(ops[0], ReviseTask)
                and new in f"{ops[0].title} {ops[0].value}")
    return right


def _moved_under(key: str, parent: str) -> Callable[[list[Operation]], bool]:
    def right(ops: list[Operation]) -> bool:
        return bool(ops) and ops[0] == LinkParent(key=key, parent=parent) and all(
            isinstance(o, UnlinkParent) and o.key == key and o.parent != parent for o in ops[1:])
    return right


def _added_under(parent: str) -> Callable[[list[Operation]], bool]:
    return lambda ops: (len(ops) == 1 and isinstance(ops[0], AddTask)
                        and ops[0].parents == [parent])


def _expected(case: Case) -> Callable[[list[Operation]], bool]:
    a = case.args
    match case.expect:
        case "cancel":
            return _one(CancelTask(key=a[0]))
        case "restore":
            return _one(RestoreTask(key=a[0]))
        case "done":
            return _one(CompleteTask(key=a[0]))
        case "revise":
            return _one(ReviseTask(key=a[0], value=a[1]))
        case "rollback_to":
            return _one(RollbackTask(key=a[0], to_value=a[1]))
        case "rollback_first":
            return _one(RollbackTask(key=a[0], to_n=1))
        case "replace":
            return _replace(a[0], a[1])
        case "rename":
            return _one(ReviseTask(key=a[0], title=a[1]))
        case "add":
            return _added_under(case.focus)
        case "depend":
            return _one(AddDependency(key=a[0], depends_on=a[1]))
        case "undepend":
            return _one(RemoveDependency(key=a[0], depends_on=a[1]))
        case "reparent":
            return _moved_under(a[0], a[1])
        case "check" | "unparsed":
            return lambda ops: ops == []
    raise ValueError(f"unknown expectation {case.expect!r} in set {case.set!r}")


def judge(case: Case, result: TrimResult) -> tuple[bool, bool]:
    """Whether ``result`` reads ``case`` as its intent, and gives the operations it must."""
    intent = result.intent
    if case.intent == Intent.UNPARSED:  # a statement that writes nothing is no harm either
        intent_right = intent in (Intent.UNPARSED, Intent.NOTE) and all(
            s.text.strip() in case.text for s in result.unparsed)
    else:
        intent_right = intent == case.intent
    return intent_right, _expected(case)(result.operations)


def score(interpreter: Interpreter) -> dict[Intent, IntentScore]:
    """Read every phrasing with ``interpreter``: per intent, how many were read right."""
    scores: dict[Intent, IntentScore] = {}
    for case in cases():
        intent_right, operations_right = judge(case, interpreter.interpret(case.text,
                                                                           view(case.focus)))
        s = scores.setdefault(case.intent, IntentScore())
        s.cases += 1
        s.intent_right += intent_right
        s.operations_right += intent_right and operations_right
    return scores
