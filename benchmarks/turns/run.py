"""Benchmarks against the real Neo4j: what a turn, a propagation, a long session, concurrent
writers and an export/import cost, each next to the floor the server sets in the same run.

Every figure is a p50 and a p95 over repeated runs. Large workspaces are generated with batched
``UNWIND`` statements (``benchmarks/turns/cypher/``), never one transaction per task, in
workspaces named ``bench-*`` that are deleted afterwards in small batches. :func:`run_bench`
returns a :class:`BenchReport`; ``tme bench`` prints it as a table or as JSON.
"""

from __future__ import annotations

import contextlib
import dataclasses
import functools
import logging
import math
import multiprocessing
import os
import random
import resource
import sys
import tempfile
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import suppress
from dataclasses import dataclass
from multiprocessing.queues import Queue
from multiprocessing.synchronize import Barrier
from pathlib import Path
from typing import Any

import neo4j
from pydantic import BaseModel, Field

from tme_neo4j import queries
from tme_neo4j.config import Settings
from tme_neo4j.context import Transcript
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import NotFoundError, TmeError
from tme_neo4j.models import AddTask, Operation, ReviseTask
from tme_neo4j.store import MemoryStore, _driver_errors
from tme_neo4j.trim.rules import RuleInterpreter

__all__ = [
    "AgentsRun",
    "BenchConfig",
    "BenchError",
    "BenchReport",
    "ContextPoint",
    "ContextResult",
    "Limits",
    "PortableResult",
    "Propagation",
    "Stat",
    "Target",
    "TurnLatency",
    "TurnsReport",
    "WireCount",
    "run_bench",
    "run_turns",
]

log = logging.getLogger(__name__)



@functools.cache
def bench_queries() -> dict[str, queries.Query]:
    """The statements that generate, count and delete the benchmark's workspaces
    (``benchmarks/turns/cypher/``), by name."""
    return queries.load(Path(__file__).parent / "cypher")


def _query(name: str) -> queries.Query:
    return bench_queries()[name]

#: ``progress(message)``: one line about what the benchmark is doing now.
ProgressFn = Callable[[str], None]

_AGENT = "bench"
_BATCH = 5_000  # rows per generation statement: large enough to be fast, small for the heap
_DELETE_BATCH = 10_000


# -- results ------------------------------------------------------------------------------------


class Stat(BaseModel):
    """Latency over ``n`` repetitions, in milliseconds (nearest-rank percentiles)."""

    n: int
    p50_ms: float
    p95_ms: float

    @classmethod
    def of(cls, seconds: Sequence[float]) -> Stat:
        if not seconds:
            raise ValueError("no samples")
        ordered = sorted(seconds)

        def rank(p: float) -> float:
            return ordered[max(0, math.ceil(p * len(ordered)) - 1)] * 1000

        return cls(n=len(ordered), p50_ms=round(rank(0.50), 3), p95_ms=round(rank(0.95), 3))


class Limits(BaseModel):
    """The floor: what the server and driver cost before any work is done."""

    round_trip: Stat = Field(description="auto-commit RETURN 1")
    bare_write: Stat = Field(description="managed write transaction setting one property")


class TurnLatency(BaseModel):
    """One turn (a revision with dependents, and an add) at a workspace size."""

    tasks: int
    revisions: int
    dependents: int = Field(description="tasks each revision marks stale")
    apply: Stat = Field(description="store.apply(operations): the write alone")
    paired_write: Stat = Field(description="the bare write timed just before each apply, so that "
                                           "both see the same moment of a loaded machine")
    process: Stat = Field(description="engine.process(text): read view, rules TRIM, write, "
                                      "context, reply")
    check: Stat = Field(description="engine.process of a question about one task (no write)")
    write_turn: WireCount = Field(description="one write turn through the rules TRIM, on the wire")
    question_turn: WireCount = Field(description="one question turn, on the wire")
    apply_ratio: float = Field(description="apply p50 / paired bare write p50")
    process_ratio: float = Field(description="process p50 / bare write p50")


class WireCount(BaseModel):
    """What one turn sent to the server, counted from the driver's Bolt log: transactions (a
    BEGIN, or a RUN outside one) and statements (RUN messages)."""

    transactions: int
    statements: int


class Propagation(BaseModel):
    """A revision of a task with many transitive dependents."""

    dependents: int
    depth: int
    time: Stat = Field(description="the whole write: revision, propagation, change feed")
    stale: int = Field(description="tasks marked stale by each revision (all repetitions agree)")
    counted: int = Field(description="stale tasks counted in the graph afterwards")
    exact: bool


class ContextPoint(BaseModel):
    """The assembled context at one turn of the generated session."""

    turn: int
    context_tokens: int
    transcript_tokens: int
    fewer: float = Field(description="share of tokens saved against the flat transcript")
    latency: Stat = Field(description="engine.context(focus) at this point")


class ContextResult(BaseModel):
    turns: int
    slots: int
    points: list[ContextPoint]
    max_context_tokens: int = Field(description="largest context at any turn of the session")
    checks: int = Field(description="check turns (questions about one slot)")
    recalled: int = Field(description="check turns whose context held the slot's current value")
    recall: float
    misses: list[str] = Field(default_factory=list, description="the first few misses")
    misread: int = Field(default=0, description="write turns the rules TRIM did not read as "
                                                 "meant (recall still counts what was meant)")
    misreads: list[str] = Field(default_factory=list, description="the first few misreads")
    turn: Stat = Field(description="engine.process over the whole session")


class AgentsRun(BaseModel):
    """``writers`` processes revising tasks at once: the same tasks of one shared workspace, or
    each the tasks of a workspace of its own (``own_workspaces``)."""

    writers: int
    own_workspaces: bool = False
    revisions: int = Field(description="revisions made (calls that returned)")
    recorded: int = Field(description="revisions found in the history afterwards")
    lost: int
    seconds: float
    throughput: float = Field(description="revisions per second, all writers together")
    latency: Stat


class PortableResult(BaseModel):
    available: bool
    note: str = ""
    tasks: int = 0
    revisions: int = 0
    file_mb: float = 0.0
    export_s: float = 0.0
    export_peak_mb: float = 0.0
    import_s: float = 0.0
    import_peak_mb: float = 0.0
    baseline_mb: float = Field(default=0.0, description="the process's memory before starting")


class Target(BaseModel):
    name: str
    goal: str
    value: str
    met: bool | None = Field(description="None when the figure could not be measured")


class BenchReport(BaseModel):
    quick: bool
    cores: int
    neo4j: str
    seconds: float
    limits: Limits
    turns: list[TurnLatency]
    propagation: Propagation
    context: ContextResult
    agents: list[AgentsRun]
    agents_apart: list[AgentsRun] = Field(
        default_factory=list, description="the same writers, each on a workspace of its own")
    portable: PortableResult
    targets: list[Target]
    workspaces: list[str] = Field(default_factory=list,
                                  description="the bench workspaces this run made, all deleted")


class TurnsReport(BaseModel):
    """The limits and the turn measurements alone (``tme bench --turns-only``)."""

    cores: int
    neo4j: str
    seconds: float
    limits: Limits
    turns: list[TurnLatency]
    workspaces: list[str] = Field(default_factory=list,
                                  description="the bench workspaces this run made, all deleted")


@dataclass(frozen=True)
class BenchConfig:
    """Sizes and repetitions of one run."""

    quick: bool
    limit_reps: int
    sizes: tuple[int, ...]
    turn_reps: int
    propagation_dependents: int
    propagation_depth: int
    propagation_reps: int
    session_turns: int
    context_points: tuple[int, ...]
    context_reps: int
    writers: tuple[int, ...]
    writer_revisions: int

    @classmethod
    def default(cls) -> BenchConfig:
        return cls(quick=False, limit_reps=300, sizes=(1_000, 10_000, 100_000), turn_reps=40,
                   propagation_dependents=10_000, propagation_depth=10, propagation_reps=15,
                   session_turns=1_000, context_points=(10, 100, 1_000), context_reps=30,
                   writers=(1, 2, 4, 8), writer_revisions=150)

    @classmethod
    def quick_run(cls) -> BenchConfig:
        return cls(quick=True, limit_reps=50, sizes=(1_000, 5_000), turn_reps=8,
                   propagation_dependents=1_000, propagation_depth=10, propagation_reps=3,
                   session_turns=100, context_points=(10, 100), context_reps=5,
                   writers=(1, 2, 4, 8), writer_revisions=15)


# -- targets ------------------------------------------------------------------------------------

APPLY_RATIO_GOAL = 3.0
TURN_GROWTH_GOAL = 1.3
PROPAGATION_GOAL_MS = 250.0
CONTEXT_TOKENS_GOAL = 1_500
FEWER_GOAL = 0.90
PORTABLE_SECONDS_GOAL = 60.0
PORTABLE_MB_GOAL = 500.0
_TARGET_TASKS = 100_000
_TARGET_TURN = 1_000
_TARGET_DEPENDENTS = 10_000


def _targets(report: BenchReport) -> list[Target]:
    """Each target against the figure this run measured. A goal stated at a size (100,000
    tasks, turn 1,000) is judged only when measured at that size; a quick run's smaller sizes
    are reported but not judged."""
    found: list[Target] = []
    largest = max(report.turns, key=lambda t: t.tasks)
    found.append(Target(
        name=f"turn apply p50 at {largest.tasks:,} tasks",
        goal=f"<= {APPLY_RATIO_GOAL:g}x the bare write timed beside it (at {_TARGET_TASKS:,})",
        value=f"{largest.apply_ratio:.2f}x ({largest.apply.p50_ms:.1f} ms)",
        met=_at_size(largest.tasks, _TARGET_TASKS, largest.apply_ratio <= APPLY_RATIO_GOAL)))
    smallest = min(report.turns, key=lambda t: t.tasks)
    growth = largest.process.p50_ms / smallest.process.p50_ms
    found.append(Target(
        name=f"turn with rules TRIM at {largest.tasks:,} tasks",
        goal=f"<= {TURN_GROWTH_GOAL:g}x the turn at {smallest.tasks:,} (at {_TARGET_TASKS:,})",
        value=f"{growth:.2f}x ({largest.process.p50_ms:.1f} against "
              f"{smallest.process.p50_ms:.1f} ms)",
        met=_at_size(largest.tasks, _TARGET_TASKS,
                     largest is not smallest and growth <= TURN_GROWTH_GOAL)))
    found.append(Target(
        name="transactions of a write turn / a question turn",
        goal="2 / at most 2, counted on the wire",
        value=" / ".join(f"{t.write_turn.transactions} / {t.question_turn.transactions}"
                         for t in report.turns),
        met=all(t.write_turn.transactions == 2 and t.question_turn.transactions <= 2
                for t in report.turns)))
    p = report.propagation
    found.append(Target(
        name=f"propagation, {p.dependents:,} dependents",
        goal=f"p50 < {PROPAGATION_GOAL_MS:g} ms (at {_TARGET_DEPENDENTS:,}), count exact",
        value=f"{p.time.p50_ms:.1f} ms, {p.stale:,} stale",
        # A wrong count is wrong at any size; the time counts only at the target's size.
        met=False if not p.exact else _at_size(p.dependents, _TARGET_DEPENDENTS,
                                               p.time.p50_ms < PROPAGATION_GOAL_MS)))
    c = report.context
    found.append(Target(
        name="context tokens, any turn", goal=f"<= {CONTEXT_TOKENS_GOAL:,}",
        value=f"max {c.max_context_tokens:,}", met=c.max_context_tokens <= CONTEXT_TOKENS_GOAL))
    found.append(Target(
        name="context recall", goal="100%", value=f"{c.recall:.1%} of {c.checks:,} checks",
        met=c.recalled == c.checks))
    last = c.points[-1]
    found.append(Target(
        name=f"fewer tokens than the transcript at turn {last.turn:,}",
        goal=f">= {FEWER_GOAL:.0%} (at turn {_TARGET_TURN:,})", value=f"{last.fewer:.1%}",
        met=_at_size(last.turn, _TARGET_TURN, last.fewer >= FEWER_GOAL)))
    lost = sum(a.lost for a in [*report.agents, *report.agents_apart])
    found.append(Target(name="lost updates, concurrent writers", goal="0", value=str(lost),
                        met=lost == 0))
    q = report.portable
    for verb, seconds, peak in (("export", q.export_s, q.export_peak_mb),
                                ("import", q.import_s, q.import_peak_mb)):
        goal = (f"< {PORTABLE_SECONDS_GOAL:g} s, < {PORTABLE_MB_GOAL:g} MB "
                f"(at {_TARGET_TASKS:,} tasks)")
        if not q.available:
            found.append(Target(name=verb, goal=goal, value="not available", met=None))
            continue
        failed = q.note.startswith(verb)
        found.append(Target(
            name=f"{verb} of {q.tasks:,} tasks", goal=goal,
            value=(f"failed after {seconds:.1f} s, {peak:.0f} MB" if failed
                   else f"{seconds:.1f} s, {peak:.0f} MB"),
            # A failure is a failure at any size; a success counts only at the target's size.
            met=False if failed else _at_size(
                q.tasks, _TARGET_TASKS,
                seconds < PORTABLE_SECONDS_GOAL and peak < PORTABLE_MB_GOAL)))
    return found


def _at_size(measured: int, target: int, met: bool) -> bool | None:
    """Whether a goal stated at size ``target`` is met; None (not judged) when the run measured
    a smaller size (``--quick``), which says nothing about the target's."""
    return met if measured >= target else None


class _BoltLog(logging.Handler):
    """Counts the transactions and statements the driver sends, from its debug log of Bolt
    messages ("[#conn]  C: BEGIN ..."): a count taken on the wire, not from tme's own code."""

    def __init__(self) -> None:
        super().__init__(logging.DEBUG)
        self.transactions = self.statements = 0
        self.open: set[str] = set()  # connections inside an explicit transaction

    def emit(self, record: logging.LogRecord) -> None:
        connection, _, message = record.getMessage().partition("  C: ")
        if message.startswith("BEGIN"):
            self.transactions += 1
            self.open.add(connection)
        elif message.startswith("RUN"):
            self.statements += 1
            if connection not in self.open:  # an auto-commit statement is a transaction
                self.transactions += 1
        elif message.startswith(("COMMIT", "ROLLBACK", "RESET")):
            self.open.discard(connection)

    def result(self) -> WireCount:
        return WireCount(transactions=self.transactions, statements=self.statements)


@contextlib.contextmanager
def _wire_count() -> Iterator[_BoltLog]:
    """Count what the driver sends inside the block (the block is not timed: debug logging
    costs time)."""
    driver_log = logging.getLogger("neo4j")
    handler, level = _BoltLog(), driver_log.level
    driver_log.addHandler(handler)
    driver_log.setLevel(logging.DEBUG)
    try:
        yield handler
    finally:
        driver_log.removeHandler(handler)
        driver_log.setLevel(level)


# -- the run ------------------------------------------------------------------------------------


def run_bench(
    settings: Settings,
    *,
    quick: bool = False,
    progress: ProgressFn | None = None,
    config: BenchConfig | None = None,
) -> BenchReport:
    """Run every measurement once against the server ``settings`` name and report."""
    cfg = config or (BenchConfig.quick_run() if quick else BenchConfig.default())
    started = time.perf_counter()
    with _opened_run(settings, cfg, progress) as run:
        return run.all(started)


def run_turns(
    settings: Settings,
    *,
    sizes: Sequence[int],
    reps: int,
    progress: ProgressFn | None = None,
) -> TurnsReport:
    """The limits and the turns at ``sizes`` tasks, ``reps`` turns each (the default run's
    repetitions for the rest), and nothing else: what a change to the turn path needs."""
    cfg = dataclasses.replace(BenchConfig.default(), sizes=tuple(sizes), turn_reps=reps)
    started = time.perf_counter()
    with _opened_run(settings, cfg, progress) as run:
        limits = run.limits()
        turns = []
        for size in cfg.sizes:
            store = run.workspace(f"turns-{size}")
            turns.append(run.turn_latency(store, size, limits))
            run.drop(store)
        return TurnsReport(cores=os.cpu_count() or 1, neo4j=run.server_version(),
                           seconds=round(time.perf_counter() - started, 1), limits=limits,
                           turns=turns, workspaces=run.names)


@contextlib.contextmanager
def _opened_run(
    settings: Settings, cfg: BenchConfig, progress: ProgressFn | None
) -> Iterator[_Run]:
    """A run on the server ``settings`` name; its workspaces are deleted however it ends."""
    with (_driver_errors(),
          MemoryStore(settings, workspace=_bench_id("probe"), agent=_AGENT) as base):
        run = _Run(base, cfg, progress or (lambda message: None))
        try:
            yield run
        finally:
            run.cleanup()


class _Run:
    def __init__(self, base: MemoryStore, cfg: BenchConfig, say: ProgressFn) -> None:
        self.base = base
        self.cfg = cfg
        self.say = say
        self.made: list[MemoryStore] = []
        self.names: list[str] = []

    def all(self, started: float) -> BenchReport:
        self.say(f"bench: {os.cpu_count() or 1} cores, "
                 f"{'quick' if self.cfg.quick else 'default'} run")
        limits = self.limits()
        turns: list[TurnLatency] = []
        largest: MemoryStore | None = None
        for size in self.cfg.sizes:
            store = self.workspace(f"turns-{size}")
            turns.append(self.turn_latency(store, size, limits))
            if size == max(self.cfg.sizes):
                largest = store  # kept for the export and import
            else:
                self.drop(store)
        propagation = self.propagation()
        context = self.context()
        agents = [self.agents(n) for n in self.cfg.writers]
        apart = [self.agents(n, own_workspaces=True) for n in self.cfg.writers]
        assert largest is not None
        portable = self.portable(largest)
        report = BenchReport(
            quick=self.cfg.quick, cores=os.cpu_count() or 1, neo4j=self.server_version(),
            seconds=0.0, limits=limits, turns=turns, propagation=propagation, context=context,
            agents=agents, agents_apart=apart, portable=portable, targets=[])
        report.targets = _targets(report)
        report.workspaces = self.names
        report.seconds = round(time.perf_counter() - started, 1)
        return report

    # -- workspaces ---------------------------------------------------------------------------

    def workspace(self, label: str) -> MemoryStore:
        store = self.base.for_workspace(_bench_id(label))
        store.create_workspace()
        self.made.append(store)
        self.names.append(store.workspace)
        return store

    def drop(self, store: MemoryStore) -> None:
        """Delete a bench workspace in small transactions (one would not fit 100k tasks)."""
        query = _query("delete_bench_nodes").text
        while True:
            deleted = self._write_one(query, ws=store.workspace, limit=_DELETE_BATCH)["deleted"]
            if not deleted:
                break
        with suppress(NotFoundError):  # an import that failed made nothing
            store.delete_workspace()
        self.made.remove(store)

    def cleanup(self) -> None:
        for store in list(self.made):
            try:
                self.drop(store)
            except Exception:  # cleanup must not hide the error that got us here
                log.warning("could not delete bench workspace %s", store.workspace,
                            exc_info=True)

    def server_version(self) -> str:
        rows = self._read_all(_query("get_server_version").text)
        return str(rows[0]["version"]) if rows else "unknown"

    def _write_one(self, query: str, **params: Any) -> dict[str, Any]:
        def work(tx: neo4j.ManagedTransaction) -> dict[str, Any]:
            record = tx.run(query, params).single(strict=True)
            return dict(record)

        with self.base.driver.session(database=self.base.settings.neo4j_database) as s:
            return s.execute_write(work)

    def _read_all(self, query: str, **params: Any) -> list[dict[str, Any]]:
        def work(tx: neo4j.ManagedTransaction) -> list[dict[str, Any]]:
            return [dict(r) for r in tx.run(query, params)]

        with self.base.driver.session(database=self.base.settings.neo4j_database) as s:
            return s.execute_read(work)

    def _bare_write(self, store: MemoryStore, n: int) -> None:
        """The floor of a write: one managed transaction setting one property."""
        with store.driver.session(database=store.settings.neo4j_database) as s:
            s.execute_write(lambda tx: tx.run(_query("set_bench_probe").text,
                                              ws=store.workspace, n=n).consume())

    # -- 1. the limit -------------------------------------------------------------------------

    def limits(self) -> Limits:
        self.say("limit: bare round trip and bare write")
        store = self.workspace("limit")
        ping = _query("ping_server").text
        db = store.settings.neo4j_database
        warmup = 20

        def round_trip() -> None:
            with store.driver.session(database=db) as s:
                s.run(ping).consume()

        trips: list[float] = []
        writes: list[float] = []
        # Interleaved, so both see the same moment of the machine.
        for i in range(warmup + self.cfg.limit_reps):
            t0 = time.perf_counter()
            round_trip()
            t1 = time.perf_counter()
            self._bare_write(store, i)
            t2 = time.perf_counter()
            if i >= warmup:
                trips.append(t1 - t0)
                writes.append(t2 - t1)
        self.drop(store)
        return Limits(round_trip=Stat.of(trips), bare_write=Stat.of(writes))

    # -- 2. turn latency ----------------------------------------------------------------------

    def turn_latency(self, store: MemoryStore, size: int, limits: Limits) -> TurnLatency:
        self.say(f"turns: generating {size:,} tasks")
        t0 = time.perf_counter()
        workload = _ProjectWorkload(size)
        generate_tasks(store, workload.tasks(), workload.parents(), workload.dependencies())
        self.say(f"turns: generated {size:,} tasks in {time.perf_counter() - t0:.1f} s; "
                 "measuring")
        engine = TaskMemoryEngine(store, RuleInterpreter())
        reps = self.cfg.turn_reps
        warmup = 3
        groups = workload.sample_groups(2 * (reps + warmup))
        applied: list[float] = []
        paired: list[float] = []
        processed: list[float] = []
        for i in range(reps + warmup):
            group = groups[2 * i]
            ops: list[dict[str, Any]] = [
                {"op": "revise", "key": workload.step(group, 0), "value": _value(i, "a")},
                {"op": "add", "key": f"xa{i}", "title": f"Extra step {i}",
                 "parents": [workload.group(group)]},
            ]
            # A bare write just before each apply: the load of the machine moves during a run,
            # so the ratio that holds is the one between writes timed side by side.
            t = time.perf_counter()
            self._bare_write(store, i)
            t_apply = time.perf_counter()
            result = store.apply(ops)
            applied.append(time.perf_counter() - t_apply)
            paired.append(t_apply - t)
            _expect(len(result.stale) == _ProjectWorkload.DEPENDENTS,
                    f"turn apply marked {len(result.stale)} stale")
        for i in range(reps + warmup):
            group = groups[2 * i + 1]
            step, parent = workload.step(group, 0), workload.group(group)
            text = f"{step}: set {step} to {_value(i, 'p')}. Also add xp{i} to {parent}."
            # Not paired with a bare write: the turn is mostly the client's work, and a write
            # right after a turn meets the index updates that turn left behind.
            t = time.perf_counter()
            turn = engine.process(text)
            processed.append(time.perf_counter() - t)
            # Read as a user means it: that value, the new step under that group, nothing else.
            _expect(turn.operations == [
                        ReviseTask(key=step, value=_value(i, "p")),
                        AddTask(key=f"xp{i}", title=f"xp{i}", parents=[parent])],
                    f"rules TRIM read {text!r} as {_describe(turn.operations)}")
            _expect(len(turn.stale) == _ProjectWorkload.DEPENDENTS,
                    f"turn process marked {len(turn.stale)} stale")
        asked: list[float] = []
        for i in range(max(3, reps // 4) + 1):
            step = workload.step(groups[i], 1 + i % _ProjectWorkload.DEPENDENTS)
            t = time.perf_counter()
            turn = engine.process(f"what's {step}?")
            asked.append(time.perf_counter() - t)
            _expect(not turn.operations, f"a question wrote {_describe(turn.operations)}")
        step, parent = workload.step(groups[0], 0), workload.group(groups[0])
        with _wire_count() as write_turn:
            engine.process(f"{step}: set {step} to {_value(0, 'w')}. Also add xw0 to {parent}.")
        with _wire_count() as question_turn:
            engine.process(f"what's {step}?")
        apply_stat = Stat.of(applied[warmup:])
        paired_stat = Stat.of(paired[warmup:])
        process_stat = Stat.of(processed[warmup:])
        return TurnLatency(
            tasks=size, revisions=workload.revisions, dependents=_ProjectWorkload.DEPENDENTS,
            apply=apply_stat, paired_write=paired_stat, process=process_stat,
            check=Stat.of(asked[1:]), write_turn=write_turn.result(),
            question_turn=question_turn.result(),
            apply_ratio=round(apply_stat.p50_ms / paired_stat.p50_ms, 2),
            process_ratio=round(process_stat.p50_ms / limits.bare_write.p50_ms, 2))

    # -- 3. propagation -----------------------------------------------------------------------

    def propagation(self) -> Propagation:
        n, depth = self.cfg.propagation_dependents, self.cfg.propagation_depth
        self.say(f"propagation: generating {n:,} dependents at depth {depth}")
        store = self.workspace("propagation")
        width = n // depth
        _expect(width * depth == n, "dependents must be a multiple of the depth")
        # Level 1 depends on the root; each task of level L on the same column of level L-1:
        # every task is a transitive dependent of the root, the deepest ten edges away.
        tasks = [{"key": "root", "title": "Root decision", "values": ["first"]}]
        tasks += [{"key": f"d{level}-{col}", "title": f"Consequence {level}.{col}",
                   "values": ["derived"]}
                  for level in range(1, depth + 1) for col in range(width)]
        dependencies = [{"from": f"d1-{col}", "to": "root"} for col in range(width)]
        dependencies += [{"from": f"d{level}-{col}", "to": f"d{level - 1}-{col}"}
                         for level in range(2, depth + 1) for col in range(width)]
        generate_tasks(store, tasks, [], dependencies)
        self.say("propagation: measuring")
        clear = _query("clear_bench_stale").text
        count = _query("count_stale_tasks").text
        times: list[float] = []
        marked: set[int] = set()
        counted: set[int] = set()
        warmup = 1
        for i in range(warmup + self.cfg.propagation_reps):
            self._write_one(clear, ws=store.workspace)
            t = time.perf_counter()
            result = store.apply([{"op": "revise", "key": "root", "value": f"choice {i}"}])
            elapsed = time.perf_counter() - t
            marked.add(len(result.stale))
            counted.add(int(self._read_all(count, ws=store.workspace)[0]["stale"]))
            if i >= warmup:
                times.append(elapsed)
        self.drop(store)
        stale = max(marked)
        found = max(counted)
        return Propagation(dependents=n, depth=depth, time=Stat.of(times), stale=stale,
                           counted=found, exact=marked == {n} and counted == {n})

    # -- 4. context ---------------------------------------------------------------------------

    def context(self) -> ContextResult:
        turns = self.cfg.session_turns
        self.say(f"context: a session of {turns:,} turns")
        store = self.workspace("context")
        engine = TaskMemoryEngine(store, RuleInterpreter())
        session = _Session(seed=7, points=set(self.cfg.context_points))
        points: list[ContextPoint] = []
        latencies: list[float] = []
        checks = recalled = max_tokens = misread = 0
        misses: list[str] = []
        misreads: list[str] = []
        transcript = Transcript()
        for n in range(1, turns + 1):
            text, asked = session.next_turn(n)
            t = time.perf_counter()
            result = engine.process(text)
            latencies.append(time.perf_counter() - t)
            baseline = transcript.add(text, result.reply)  # counted outside the timed turn
            max_tokens = max(max_tokens, result.context_tokens)
            if not session.read_as_meant(result.operations):
                misread += 1
                if len(misreads) < 5:
                    misreads.append(f"turn {n} {text!r}: {_describe(result.operations)}")
            if asked is not None:
                checks += 1
                if session.shows(asked, result.context):
                    recalled += 1
                elif len(misses) < 5:
                    misses.append(f"turn {n} {text!r}: expected {session.values[asked]!r}")
            if n in self.cfg.context_points:
                _expect(asked is not None, "a measuring point is a check turn")
                assert asked is not None
                spent: list[float] = []
                for _ in range(self.cfg.context_reps):
                    t = time.perf_counter()
                    engine.context([asked])
                    spent.append(time.perf_counter() - t)
                points.append(ContextPoint(
                    turn=n, context_tokens=result.context_tokens,
                    transcript_tokens=baseline,
                    fewer=round(1 - result.context_tokens / baseline, 4),
                    latency=Stat.of(spent)))
                self.say(f"context: turn {n:,}: {result.context_tokens:,} tokens against "
                         f"{baseline:,}")
        self.drop(store)
        return ContextResult(
            turns=turns, slots=len(session.values), points=points, max_context_tokens=max_tokens,
            checks=checks, recalled=recalled, recall=round(recalled / checks, 4) if checks else 1,
            misses=misses, misread=misread, misreads=misreads, turn=Stat.of(latencies))

    # -- 5. agents ----------------------------------------------------------------------------

    def agents(self, writers: int, *, own_workspaces: bool = False) -> AgentsRun:
        count = self.cfg.writer_revisions
        where = "each on its own workspace" if own_workspaces else "on one workspace"
        self.say(f"agents: {writers} writer process(es) {where}, {count} revisions each")
        keys = [f"shared{i}" for i in range(4)]
        stores = [self.workspace(f"agents-{writers}-{w}" if own_workspaces else f"agents-{writers}")
                  for w in range(writers if own_workspaces else 1)]
        for store in stores:
            generate_tasks(store, [{"key": k, "title": f"Shared {k}", "values": ["start"]}
                                  for k in keys], [], [])
        ctx = multiprocessing.get_context("spawn")
        barrier = ctx.Barrier(writers)
        results: Queue[_WriterResult] = ctx.Queue()
        procs = [ctx.Process(target=_write_revisions,
                             args=(_WriterJob(store.settings, stores[w % len(stores)].workspace,
                                              f"writer-{w}", keys, count), barrier, results))
                 for w in range(writers)]
        for proc in procs:
            proc.start()
        found = [results.get(timeout=600) for _ in procs]
        for proc in procs:
            proc.join(timeout=60)
        errors = [f"{agent}: {error}" for agent, _, _, _, _, error in found if error]
        _expect(not errors, "; ".join(errors))
        made = sum(r[1] for r in found)
        latencies = [x for r in found for x in r[2]]
        seconds = max(r[4] for r in found) - min(r[3] for r in found)
        recorded = versions = 0
        for store in stores:
            rows = self._read_all(_query("count_bench_revisions").text, ws=store.workspace)
            recorded += sum(int(r["revisions"]) for r in rows)
            versions += sum(t.version - 1 for t in store.get_tasks(keys))
            self.drop(store)
        # A revision counts as kept when it is in the history and in its task's version.
        lost = max(made - recorded, made - versions)
        return AgentsRun(writers=writers, own_workspaces=own_workspaces, revisions=made,
                         recorded=recorded, lost=lost, seconds=round(seconds, 3),
                         throughput=round(made / seconds, 1), latency=Stat.of(latencies))

    # -- 6. export and import -----------------------------------------------------------------

    def portable(self, store: MemoryStore) -> PortableResult:
        try:
            from tme_neo4j import portable
        except ImportError:
            portable = None  # type: ignore[assignment]
        if portable is None or not (hasattr(portable, "export_workspace")
                                    and hasattr(portable, "import_workspace")):
            self.say("export/import: not available")
            return PortableResult(available=False,
                                  note="tme_neo4j.portable export/import not available")
        sizes = self._read_all(_query("count_bench_nodes").text, ws=store.workspace)
        tasks, revisions = int(sizes[0]["tasks"]), int(sizes[0]["revisions"])
        self.say(f"export/import: {tasks:,} tasks, {revisions:,} revisions")
        target = _bench_id("import")
        with tempfile.TemporaryDirectory(prefix="tme-bench-") as folder:
            path = Path(folder) / "export.json"
            exported = _in_child(_export_child, store.settings, store.workspace, str(path))
            if exported.error:
                return PortableResult(available=True, tasks=tasks, revisions=revisions,
                                      note=f"export failed: {exported.error}")
            self.say(f"export/import: exported in {exported.seconds:.1f} s; importing")
            file_mb = path.stat().st_size / 2**20
            self.drop(store)
            imported_store = store.for_workspace(target)
            self.made.append(imported_store)
            self.names.append(target)
            imported = _in_child(_import_child, store.settings, target, str(path))
        note = f"import failed: {imported.error}" if imported.error else ""
        return PortableResult(
            available=True, note=note, tasks=tasks, revisions=revisions,
            file_mb=round(file_mb, 1), export_s=round(exported.seconds, 2),
            export_peak_mb=round(exported.peak_mb, 1), import_s=round(imported.seconds, 2),
            import_peak_mb=round(imported.peak_mb, 1),
            baseline_mb=round(max(exported.baseline_mb, imported.baseline_mb), 1))


# -- generated workloads ------------------------------------------------------------------------


class _ProjectWorkload:
    """A workspace of projects: each a root with 9 workstreams of 10 steps; in every workstream
    steps 1-3 depend on step 0. 100 tasks a project, every task with 3 revisions."""

    PER_PROJECT = 100
    GROUPS = 9
    STEPS = 10
    DEPENDENTS = 3
    VALUES = 3

    def __init__(self, size: int) -> None:
        self.projects = max(1, size // self.PER_PROJECT)
        self.size = self.projects * self.PER_PROJECT
        self.revisions = self.size * self.VALUES

    @staticmethod
    def group(g: int) -> str:
        return f"g{g}"

    @staticmethod
    def step(g: int, m: int) -> str:
        return f"t{g * 10 + m}"

    def _groups(self) -> Iterator[tuple[int, int]]:
        for p in range(self.projects):
            for k in range(self.GROUPS):
                yield p, p * self.GROUPS + k

    def tasks(self) -> list[dict[str, Any]]:
        rows: list[dict[str, Any]] = []
        for p in range(self.projects):
            rows.append({"key": f"p{p}", "title": f"Project {p}",
                         "values": [f"{v} phase" for v in ("draft", "review", "active")]})
        for p, g in self._groups():
            rows.append({"key": self.group(g), "title": f"Workstream {g} of project {p}",
                         "values": ["planned", "staffed", "running"]})
            for m in range(self.STEPS):
                rows.append({"key": self.step(g, m), "title": f"Step {m} of workstream {g}",
                             "values": [_value(g + m + v, "g") for v in range(self.VALUES)]})
        return rows

    def parents(self) -> list[dict[str, str]]:
        edges: list[dict[str, str]] = []
        for p, g in self._groups():
            edges.append({"from": self.group(g), "to": f"p{p}"})
            edges += [{"from": self.step(g, m), "to": self.group(g)} for m in range(self.STEPS)]
        return edges

    def dependencies(self) -> list[dict[str, str]]:
        return [{"from": self.step(g, m), "to": self.step(g, 0)}
                for _, g in self._groups() for m in range(1, self.DEPENDENTS + 1)]

    def sample_groups(self, count: int) -> list[int]:
        """Distinct workstreams spread over the workspace (so no turn finds another's work)."""
        total = self.projects * self.GROUPS
        rng = random.Random(total)
        if count <= total:
            return rng.sample(range(total), count)
        return [rng.randrange(total) for _ in range(count)]


_COLOURS = ("amber", "azure", "coral", "indigo", "jade", "lilac", "ochre", "olive", "pearl",
            "ruby", "sage", "teal", "umber", "violet")


def _value(i: int, salt: str) -> str:
    return f"{_COLOURS[i % len(_COLOURS)]}-{salt}{i}"


class _Session:
    """A long conversation about many slots: values set and revised, questions about them,
    dependencies and small talk, from templates, reproducible from a seed.

    The session knows each slot's current value, so a check turn can be scored: the context
    assembled for it must show that value on the slot's line.
    """

    SLOTS = 120
    NEW = ("{k}: set {k} to {v}.", "{k}: {v}", "{k}: let's go with {v}.")
    REVISE = ("{k}: actually, make it {v}.", "{k}: change it to {v}.", "{k}: set {k} to {v}.",
              "{k}: switch it to {v} please.")
    CHECK = ("what's {k}?", "what is {k} now?", "remind me, what's {k}?",
             "what did we pick for {k}?")
    DEPEND = ("{a} depends on {b}",)
    # Small talk the rules TRIM reads as a note (it reads "thanks!" or "good." as new tasks).
    NOTE = ("ok", "great, that works for me.", "I'm not sure yet.", "that sounds fine.")

    def __init__(self, *, seed: int, points: set[int]) -> None:
        self.rng = random.Random(seed)
        self.points = points
        self.values: dict[str, str] = {}
        self.depends: set[tuple[str, str]] = set()
        #: The value the latest turn meant to set, as (key, value), or None.
        self.meant: tuple[str, str] | None = None

    def _value(self, n: int) -> str:
        return f"{self.rng.choice(_COLOURS)} {n}"

    def next_turn(self, n: int) -> tuple[str, str | None]:
        """The text of turn ``n`` and, for a check turn, the slot it asks about."""
        known = list(self.values)
        self.meant = None
        if n in self.points and known:
            return self._check(known)
        roll = self.rng.random()
        if not known or (roll < 0.25 and len(known) < self.SLOTS):
            key = f"slot{len(known)}"
            self.values[key] = self._value(n)
            self.meant = (key, self.values[key])
            return self.rng.choice(self.NEW).format(k=key, v=self.values[key]), None
        if roll < 0.60:
            key = self.rng.choice(known)
            self.values[key] = self._value(n)
            self.meant = (key, self.values[key])
            return self.rng.choice(self.REVISE).format(k=key, v=self.values[key]), None
        if roll < 0.90:
            return self._check(known)
        if roll < 0.95 and len(known) >= 2:
            a, b = self.rng.sample(known, 2)
            if (b, a) not in self.depends and (a, b) not in self.depends and a > b:
                self.depends.add((a, b))
                return self.rng.choice(self.DEPEND).format(a=a, b=b), None
        return self.rng.choice(self.NOTE), None

    def _check(self, known: list[str]) -> tuple[str, str]:
        key = self.rng.choice(known)
        return self.rng.choice(self.CHECK).format(k=key), key

    def read_as_meant(self, operations: Sequence[Operation]) -> bool:
        """Whether a turn's operations set what the turn meant (and nothing else)."""
        if self.meant is None:
            return True
        key, value = self.meant
        return [(op.key, getattr(op, "value", None)) for op in operations] == [(key, value)]

    def shows(self, key: str, context: str) -> bool:
        """Whether the context's line for ``key`` carries its current value."""
        value = self.values[key].lower()
        return any(line.rstrip().endswith(f"{{{key}}}") and value in line.lower()
                   for line in context.splitlines())


# -- child processes ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _WriterJob:
    settings: Settings
    workspace: str
    agent: str
    keys: list[str]
    count: int


_WriterResult = tuple[str, int, list[float], float, float, str | None]


def _write_revisions(job: _WriterJob, barrier: Barrier, results: Queue[_WriterResult]) -> None:
    """One writer process: ``job.count`` revisions spread over ``job.keys``, timed one by one;
    all writers start together at the barrier."""
    made = 0
    latencies: list[float] = []
    start = end = time.time()
    error: str | None = None
    try:
        with MemoryStore(job.settings, workspace=job.workspace, agent=job.agent) as store:
            store.get_tasks(job.keys)  # connected and warm before the start line
            barrier.wait(timeout=300)
            start = time.time()
            for i in range(job.count):
                t = time.perf_counter()
                store.revise(job.keys[i % len(job.keys)], f"{job.agent} {i}")
                latencies.append(time.perf_counter() - t)
                made += 1
            end = time.time()
    except Exception as e:
        error = f"{type(e).__name__}: {e}"
        barrier.abort()
    results.put((job.agent, made, latencies, start, end, error))


@dataclass
class _ChildResult:
    seconds: float = 0.0
    peak_mb: float = 0.0
    baseline_mb: float = 0.0
    error: str | None = None


def _memory_mb(field: str) -> float:
    """``VmHWM`` (peak) or ``VmRSS`` (now) of this process, in MB. On Linux ``ru_maxrss`` would
    carry over the parent's size from before ``exec``; ``/proc`` starts afresh with the
    program. Elsewhere ``ru_maxrss`` is the best there is."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith(field + ":"):
                    return int(line.split()[1]) / 1024  # reported in kB
    except OSError:
        pass
    scale = 1 if sys.platform == "darwin" else 1024  # bytes on macOS, kilobytes elsewhere
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / scale / 1024


def _export_child(settings: Settings, workspace: str, path: str, start: Callable[[], None],
                  ) -> None:
    from tme_neo4j.portable import export_workspace

    with MemoryStore(settings, workspace=workspace, agent=_AGENT) as store:
        start()
        with open(path, "w", encoding="utf-8") as out:
            export_workspace(store, out)


def _import_child(settings: Settings, workspace: str, path: str, start: Callable[[], None],
                  ) -> None:
    from tme_neo4j.portable import import_workspace

    with MemoryStore(settings, workspace=workspace, agent=_AGENT) as store:
        start()
        import_workspace(store, path, workspace=workspace)


_ChildWork = Callable[[Settings, str, str, Callable[[], None]], None]


def _child_main(
    work: _ChildWork,
    settings: Settings,
    workspace: str,
    path: str,
    results: Queue[tuple[float, float, float, str | None]],
) -> None:
    """Run ``work``, timing it from its call to ``start`` (once connected) to its end, or to
    its failure; report the time, the process's peak memory and its memory at the start."""
    clock = [time.perf_counter(), 0.0]

    def start() -> None:
        clock[:] = [time.perf_counter(), _memory_mb("VmRSS")]

    error: str | None = None
    try:
        work(settings, workspace, path, start)
    except Exception as e:
        error = f"{type(e).__name__}: {e}"
    results.put((time.perf_counter() - clock[0], _memory_mb("VmHWM"), clock[1], error))


def _in_child(
    work: _ChildWork,
    settings: Settings,
    workspace: str,
    path: str,
) -> _ChildResult:
    """Run ``work`` in a fresh process, so its peak memory is its own."""
    ctx = multiprocessing.get_context("spawn")
    results: Queue[tuple[float, float, float, str | None]] = ctx.Queue()
    proc = ctx.Process(target=_child_main, args=(work, settings, workspace, path, results))
    proc.start()
    try:
        seconds, peak, baseline, error = results.get(timeout=1_800)
    finally:
        proc.join(timeout=60)
    return _ChildResult(seconds=seconds, peak_mb=peak, baseline_mb=baseline, error=error)


# -- helpers ------------------------------------------------------------------------------------


def _describe(operations: Sequence[Operation]) -> str:
    return "; ".join(f"{op.op} {op.key}" + (f"={v!r}" if (v := getattr(op, "value", None))
                                           else "") for op in operations) or "nothing"


def _bench_id(label: str) -> str:
    return f"bench-{label}-{uuid.uuid4().hex[:8]}"


class BenchError(TmeError):
    """A benchmark found the engine doing something other than what was measured."""


def _expect(condition: bool, message: str) -> None:
    if not condition:
        raise BenchError(message)


def generate_tasks(store: MemoryStore, tasks: Sequence[dict[str, Any]],
                   parents: Sequence[dict[str, str]], dependencies: Sequence[dict[str, str]],
                   *, agent: str = _AGENT) -> None:
    """Create tasks (``{key, title, values}``) and then edges (``{from, to}``) in batches, each
    batch one write with its own sequence number, as real writes have."""
    create = _query("create_bench_tasks").text
    link = _query("link_bench_tasks").text
    # begin_write is the opening part of the store's write statement: here it ends in RETURN.
    begin = queries.get("begin_write").text + "\nRETURN seq"
    finish = _query("set_bench_seq").text
    ws = store.workspace

    def batch(query: str, **params: Any) -> None:
        def work(tx: neo4j.ManagedTransaction) -> None:
            seq = tx.run(begin, ws=ws, keys=[], agent=agent, request=None,
                         records_turn=False).single(strict=True)["seq"]
            tx.run(query, params | {"ws": ws, "seq": seq}).consume()
            tx.run(finish, ws=ws, seq=seq).consume()

        with store.driver.session(database=store.settings.neo4j_database) as s:
            s.execute_write(work)

    for start in range(0, len(tasks), _BATCH):
        batch(create, agent=agent, rows=list(tasks[start:start + _BATCH]))
    edges = max(len(parents), len(dependencies))
    for start in range(0, edges, _BATCH):
        batch(link, parents=list(parents[start:start + _BATCH]),
              dependencies=list(dependencies[start:start + _BATCH]))
