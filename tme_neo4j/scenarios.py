"""Scenario files: scripted conversations with what must hold after each turn.

The format is documented in the README ("Scenario files"): a plain JSON list of utterances, or
an object with ``name`` and ``turns`` whose ``expect`` keys are checked after each turn.
"""

from __future__ import annotations

import contextlib
import json
import time
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Any, Literal, Protocol, runtime_checkable

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from tme_neo4j.context import Transcript
from tme_neo4j.engine import TaskMemoryEngine, TurnResult
from tme_neo4j.errors import (
    ConfigError,
    InvalidInputError,
    Neo4jUnavailableError,
    NotFoundError,
    TmeError,
)
from tme_neo4j.models import Task, TaskStatus, WorkspaceState
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import Intent, Interpreter
from tme_neo4j.trim.language import fold

__all__ = ["WRONG_WRITE", "Check", "Expect", "Scenario", "ScenarioReport", "load_scenario",
           "run_scenario"]


class Expect(BaseModel):
    model_config = ConfigDict(extra="forbid")

    kind: Literal["check", "change"] | None = None
    state_has: list[str] = Field(default_factory=list)
    state_lacks: list[str] = Field(default_factory=list)
    under: dict[str, list[str]] = Field(default_factory=dict)
    stale_has: list[str] = Field(default_factory=list)
    answer_has: list[str] = Field(default_factory=list)
    answer_lacks: list[str] = Field(default_factory=list)


class ScenarioTurn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    user: str = Field(min_length=1)
    agent: str | None = None
    expect: Expect = Field(default_factory=Expect)


class Scenario(BaseModel):
    model_config = ConfigDict(extra="forbid")

    name: str
    description: str | None = None
    turns: list[ScenarioTurn] = Field(min_length=1)


class Check(BaseModel):
    key: str
    ok: bool
    detail: str


class TurnReport(BaseModel):
    n: int
    user: str
    reply: str
    checks: list[Check]
    context_tokens: int
    baseline_tokens: int
    error: str | None = Field(default=None, description="why the turn failed, if it did")
    llm_calls: int = Field(default=0, description="requests sent to the LLM for the turn")
    seconds: float = Field(default=0.0, description="wall-clock time of the turn")
    unparsed: list[str] = Field(default_factory=list, description="clauses TRIM did not read")
    wrote: bool = Field(default=False, description="the turn changed the task graph")
    wrong_write: bool = Field(
        default=False,
        description="the turn changed the task graph and was expected not to, or a check on "
                    "state failed after it (see WRONG_WRITE)")


class ScenarioReport(BaseModel):
    name: str
    workspace: str
    passed: int
    total: int
    turns: list[TurnReport]
    unparsed: int = Field(default=0, description="clauses TRIM did not read, over the turns")
    wrong_writes: int = Field(default=0, description="turns that wrote what they should not have")
    context_tokens: int = Field(description="context tokens summed over the turns")
    baseline_tokens: int = Field(description="flat-transcript tokens summed over the turns")


@runtime_checkable
class _CountsLLMCalls(Protocol):
    """An interpreter that counts the requests it sends to an LLM."""

    @property
    def llm_calls(self) -> int: ...


#: What counts as a wrong write, in the words the eval's help and the README use.
WRONG_WRITE = (
    "a wrong write is a turn that changed the task graph while a check on it failed: it was "
    "expected to change nothing (kind check), or one of its checks on state (state_has, "
    "state_lacks, under, stale_has) failed"
)

#: The checks that read the task graph after a turn, as opposed to the reply or the turn's kind.
_STATE_CHECKS = frozenset({"state_has", "state_lacks", "under", "stale_has"})

#: Errors that end the whole run: every later turn would fail the same way.
_FATAL = (ConfigError, Neo4jUnavailableError)


def load_scenario(path: Path) -> Scenario:
    """Read a scenario file; any problem is an InvalidInputError naming the file."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except OSError as e:
        raise InvalidInputError(f"{path}: cannot read: {e.strerror}") from e
    except (UnicodeDecodeError, json.JSONDecodeError) as e:
        raise InvalidInputError(f"{path}: not valid JSON: {e}") from e
    if isinstance(data, list):
        data = {"name": path.stem, "turns": [{"user": u} if isinstance(u, str) else u
                                             for u in data]}
    try:
        return Scenario.model_validate(data)
    except ValidationError as e:
        raise InvalidInputError.from_validation(e, where=str(path)) from e


def run_scenario(
    scenario: Scenario,
    store: MemoryStore,
    interpreter: Interpreter,
    *,
    workspace: str | None = None,
    keep: bool = True,
    record_failures: bool = False,
    on_turn: Callable[[int, TurnResult], None] | None = None,
) -> ScenarioReport:
    """Play a scenario in a fresh, empty workspace and check every expectation.

    With ``record_failures``, a turn that fails is a failed check carrying its error (and a
    check that it wrote nothing) and the scenario goes on; only configuration and connection
    errors end it. Without, the first failure is raised. Without ``workspace`` a fresh
    ``eval-*`` one is used, deleted at the end unless ``keep``.
    """
    ws_store = store.for_workspace(workspace or f"eval-{uuid.uuid4().hex[:10]}")
    with contextlib.suppress(NotFoundError):  # a fresh workspace has nothing to delete
        ws_store.delete_workspace()
    ws_store.create_workspace()
    try:
        reports = _play(scenario, ws_store, interpreter, on_turn,
                        recorded=TmeError if record_failures else ())
    finally:
        if workspace is None and not keep:
            with contextlib.suppress(TmeError):  # a dead server keeps it; nothing to do then
                ws_store.delete_workspace()
    checks = [c for t in reports for c in t.checks]
    return ScenarioReport(
        name=scenario.name, workspace=ws_store.workspace, passed=sum(c.ok for c in checks),
        total=len(checks), turns=reports,
        context_tokens=sum(t.context_tokens for t in reports),
        baseline_tokens=sum(t.baseline_tokens for t in reports),
        unparsed=sum(len(t.unparsed) for t in reports),
        wrong_writes=sum(t.wrong_write for t in reports),
    )


def _play(
    scenario: Scenario,
    ws_store: MemoryStore,
    interpreter: Interpreter,
    on_turn: Callable[[int, TurnResult], None] | None,
    *,
    recorded: type[TmeError] | tuple[()],
) -> list[TurnReport]:
    engine = TaskMemoryEngine(ws_store, interpreter)
    transcript = Transcript()
    meter = interpreter if isinstance(interpreter, _CountsLLMCalls) else None
    reports: list[TurnReport] = []
    for n, turn in enumerate(scenario.turns, start=1):
        if turn.agent:
            engine.store.agent = turn.agent
        earlier = ws_store.state(include_cancelled=True)
        before = _graph(earlier)
        calls = meter.llm_calls if meter is not None else 0
        started = time.monotonic()
        try:
            result = engine.process(turn.user)
        except _FATAL:
            raise
        except recorded as e:
            seconds = time.monotonic() - started
            now = ws_store.state(include_cancelled=True)
            # The sequence number moves with every write, the turn log's included.
            unchanged = now.seq == earlier.seq and _graph(now) == before
            reports.append(TurnReport(
                n=n, user=turn.user, reply="", error=str(e), seconds=round(seconds, 3),
                llm_calls=(meter.llm_calls - calls) if meter is not None else 0,
                context_tokens=0, baseline_tokens=transcript.add(turn.user, ""),
                checks=[Check(key="turn", ok=False, detail=f"{type(e).__name__}: {e}"),
                        Check(key="nothing_written", ok=unchanged,
                              detail="the graph is as before" if unchanged
                              else "the failed turn changed the graph")]))
            continue
        seconds = time.monotonic() - started
        state = ws_store.state(include_cancelled=True)
        after = _graph(state)
        checks = _check(turn.expect, before, after, state, result.reply)
        wrote = before != after
        wrong = wrote and (turn.expect.kind == "check"
                           or any(not c.ok for c in checks if c.key in _STATE_CHECKS))
        reports.append(TurnReport(n=n, user=turn.user, reply=result.reply, checks=checks,
                                  wrote=wrote, wrong_write=wrong,
                                  context_tokens=result.context_tokens,
                                  baseline_tokens=transcript.add(turn.user, result.reply),
                                  seconds=round(seconds, 3),
                                  llm_calls=(meter.llm_calls - calls) if meter is not None
                                  else 0,
                                  unparsed=[s.text for s in result.subtasks
                                            if s.intent == Intent.UNPARSED]))
        if on_turn is not None:
            on_turn(n, result)
    return reports


def _norm(text: str) -> str:
    return fold(text).lower()


def _line(task: Task) -> str:
    return f"{task.title} {task.value or ''}".strip()


def _state_text(tasks: list[Task]) -> str:
    return _norm("\n".join(_line(t) for t in tasks if t.status != TaskStatus.CANCELLED))


def _graph(state: WorkspaceState) -> list[tuple[Any, ...]]:
    return sorted((t.key, t.title, t.value, t.status, t.stale, tuple(t.parents),
                   tuple(t.depends_on)) for t in state.tasks)


def _descendants(root: Task, state: WorkspaceState) -> list[Task]:
    found: dict[str, Task] = {}
    frontier = [root.key]
    while frontier:
        key = frontier.pop()
        for child in state.children(key):
            if child.key not in found and child.status != TaskStatus.CANCELLED:
                found[child.key] = child
                frontier.append(child.key)
    return list(found.values())


def _check(
    expect: Expect,
    before: list[tuple[Any, ...]],
    after: list[tuple[Any, ...]],
    state: WorkspaceState,
    reply: str,
) -> list[Check]:
    checks: list[Check] = []
    text = _state_text(state.tasks)
    answer = _norm(reply)

    def add(key: str, ok: bool, detail: str) -> None:
        checks.append(Check(key=key, ok=ok, detail=detail))

    if expect.kind is not None:
        changed = before != after
        ok = changed if expect.kind == "change" else not changed
        did = "changed" if changed else "did not change"
        add("kind", ok, f"expected {expect.kind}; the graph {did}")
    if expect.state_has:
        missing = [s for s in expect.state_has if _norm(s) not in text]
        add("state_has", not missing, f"missing from state: {missing}" if missing else "all there")
    if expect.state_lacks:
        present = [s for s in expect.state_lacks if _norm(s) in text]
        add("state_lacks", not present, f"in state: {present}" if present else "all absent")
    if expect.under:
        problems = []
        live = [t for t in state.tasks if t.status != TaskStatus.CANCELLED]
        for root_text, wanted in expect.under.items():
            roots = [t for t in live if not t.parents and _norm(root_text) in _norm(_line(t))]
            if not roots:
                problems.append(f"no active root matching {root_text!r}")
                continue
            below = _state_text([d for r in roots for d in _descendants(r, state)])
            problems += [f"{s!r} not under {root_text!r}" for s in wanted if _norm(s) not in below]
        add("under", not problems, "; ".join(problems) or "all present")
    if expect.stale_has:
        stale = _state_text([t for t in state.tasks if t.stale])
        missing = [s for s in expect.stale_has if _norm(s) not in stale]
        add("stale_has", not missing, f"not stale: {missing}" if missing else "all stale")
    if expect.answer_has:
        missing = [s for s in expect.answer_has if _norm(s) not in answer]
        # whether memory held what the reply left out tells a reply at fault from a memory
        held = [s for s in missing if _norm(s) in text]
        add("answer_has", not missing, (f"not in reply: {missing}" + (
            f" (in memory: {held})" if held else "")) if missing else "all there")
    if expect.answer_lacks:
        present = [s for s in expect.answer_lacks if _norm(s) in answer]
        add("answer_lacks", not present, f"in reply: {present}" if present else "all absent")
    return checks
