"""Run the peer benchmark and print its table (``python -m benchmarks.peers``).

For each size: every system writes the same starting facts, then each round measures, for each
operation, one repetition of every system in turn (the order rotating), so that all three see
the same moment of the machine; the bare round trip and bare write of each system are measured
the same way at the start of every round. Everything each system wrote is deleted at the end.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import logging
import os
import subprocess
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TypeVar

from pydantic import BaseModel, Field

from benchmarks.peers.systems import (
    AgentMemory,
    McpMemory,
    PeersMissingError,
    Sample,
    System,
    Tme,
    peer_versions,
)
from benchmarks.peers.workload import Plan, make_plan
from benchmarks.turns.run import Stat, bench_queries
from tme_neo4j.config import Settings
from tme_neo4j.connection import resolve_credentials
from tme_neo4j.errors import TmeError
from tme_neo4j.store import MemoryStore

__all__ = ["Cell", "Floor", "PeerConfig", "PeerReport", "Row", "main", "render", "run_peers"]

log = logging.getLogger(__name__)
ProgressFn = Callable[[str], None]
T = TypeVar("T")

#: The operations, in the order each round runs them, with the row name they print under.
OPERATIONS = {
    "record": "record a fact",
    "link": "link two facts",
    "update": "update a fact",
    "neighbourhood": "an item and its neighbourhood",
    "whole": "the whole memory",
}
#: How each peer's update is done, named in the table.
UPDATE_STYLE = {"mcp-neo4j-memory": "replace", "neo4j-agent-memory": "overwrite"}


@dataclass(frozen=True)
class PeerConfig:
    sizes: tuple[int, ...]
    rounds: int
    reps: int
    whole_reps: int
    floor_reps: int
    warmup: int = 2

    @classmethod
    def default(cls) -> PeerConfig:
        return cls(sizes=(1_000, 10_000), rounds=3, reps=15, whole_reps=3, floor_reps=30)

    @classmethod
    def quick(cls) -> PeerConfig:
        return cls(sizes=(1_000,), rounds=2, reps=5, whole_reps=2, floor_reps=10)


class Floor(BaseModel):
    system: str
    size: int
    round_trip: Stat
    bare_write: Stat


class Cell(BaseModel):
    system: str
    time: Stat
    ratio_round_trip: float = Field(description="p50 / this system's bare RETURN 1 p50")
    ratio_bare_write: float = Field(description="p50 / this system's bare write p50")
    items: int = Field(description="items the last call returned")
    expected: int | None = Field(default=None, description="facts the memory held, for reads "
                                                           "of the whole memory")
    broken: str | None = Field(default=None, description="why the call's answer is wrong")
    append: Stat | None = Field(default=None, description="update by appending (mcp only)")


class Row(BaseModel):
    operation: str
    size: int
    cells: list[Cell]
    tme_vs_best_peer: float | None = Field(
        description="tme p50 / the lowest p50 among peers whose answer is right")


class PeerReport(BaseModel):
    run: str = Field(description="the prefix of every name and workspace the run wrote")
    neo4j: str
    cores: int
    commit: str | None
    peers: dict[str, str]
    rounds: int
    reps: int
    seconds: float
    floors: list[Floor]
    rows: list[Row]


def run_peers(settings: Settings, config: PeerConfig,
              progress: ProgressFn | None = None) -> PeerReport:
    """Measure tme and both peers on the server ``settings`` name; delete what they wrote."""
    say = progress or (lambda message: None)
    versions = peer_versions()
    commit = _commit()
    started = time.perf_counter()
    run = f"peers-{uuid.uuid4().hex[:8]}"
    loop = asyncio.new_event_loop()
    with MemoryStore(settings, workspace=f"{run}-probe", agent="peers") as base:
        base.create_workspace()
        systems: list[System] = []
        try:
            credentials = resolve_credentials(settings)
            systems = [Tme(base, base.workspace),
                       McpMemory(base, base.workspace, loop, credentials),
                       AgentMemory(base, base.workspace, loop, credentials)]
            floors: list[Floor] = []
            rows: list[Row] = []
            for size in config.sizes:
                plan = make_plan(size, rounds=config.rounds, reps=config.reps + config.warmup,
                                 whole_reps=config.whole_reps + 1)
                size_floors, size_rows = _measure(systems, plan, config, f"{run}-{size}", say)
                floors += size_floors
                rows += size_rows
            version = base.driver.execute_query(
                bench_queries()["get_server_version"].text,
                database_=settings.neo4j_database).records
        finally:
            for system in systems:
                try:
                    system.end()
                    system.close()
                except Exception:  # cleanup must not hide the error that got us here
                    log.warning("could not clean up after %s", system.name, exc_info=True)
            base.delete_workspace()
            loop.close()
    return PeerReport(run=run, neo4j=str(version[0]["version"]) if version else "unknown",
                      cores=os.cpu_count() or 1, commit=commit, peers=versions,
                      rounds=config.rounds, reps=config.reps,
                      seconds=round(time.perf_counter() - started, 1), floors=floors, rows=rows)


def _measure(systems: Sequence[System], plan: Plan, config: PeerConfig, prefix: str,
             say: ProgressFn) -> tuple[list[Floor], list[Row]]:
    for system in systems:
        say(f"{plan.size:,} facts: {system.name} writes them")
        t0 = time.perf_counter()
        system.begin(prefix)
        system.populate(plan.facts)
        say(f"{plan.size:,} facts: {system.name} wrote them in {time.perf_counter() - t0:.1f} s")
    trips: dict[str, list[float]] = defaultdict(list)
    writes: dict[str, list[float]] = defaultdict(list)
    times: dict[tuple[str, str], list[float]] = defaultdict(list)
    items: dict[tuple[str, str], int] = {}
    expected: dict[str, int] = {}
    for r, rnd in enumerate(plan.rounds):
        say(f"{plan.size:,} facts: round {r + 1} of {len(plan.rounds)}")
        for i in range(config.warmup + config.floor_reps):
            for system in _rotated(systems, r + i):
                trip, write = system.round_trip(), system.bare_write(i)
                if i >= config.warmup:
                    trips[system.name].append(trip)
                    writes[system.name].append(write)
        work: dict[str, Sequence[object]] = {
            "record": rnd.record, "link": rnd.link, "update": rnd.update, "append": rnd.append,
            "neighbourhood": rnd.neighbourhood, "whole": [None] * rnd.whole}
        for op, args in work.items():
            skip = 1 if op == "whole" else config.warmup
            for i, arg in enumerate(args):
                for system in _rotated(systems, r + i):
                    call = getattr(system, op)
                    sample: Sample | None = call() if op == "whole" else call(arg)
                    if sample is None:
                        continue
                    if i >= skip:
                        times[(op, system.name)].append(sample[0])
                    items[(op, system.name)] = sample[1]
            if op == "record" and r == 0 and rnd.record:
                for system in systems:
                    system.check_shape(plan.facts[2].key, rnd.record[0].key)
        expected["whole"] = rnd.facts
    floors = [Floor(system=s.name, size=plan.size, round_trip=Stat.of(trips[s.name]),
                    bare_write=Stat.of(writes[s.name])) for s in systems]
    by_system = {f.system: f for f in floors}
    rows: list[Row] = []
    for op, label in OPERATIONS.items():
        cells: list[Cell] = []
        for s in systems:
            if not times[(op, s.name)]:
                continue
            stat = Stat.of(times[(op, s.name)])
            floor = by_system[s.name]
            got = items[(op, s.name)]
            want = expected.get(op)
            cells.append(Cell(
                system=s.name, time=stat,
                ratio_round_trip=round(stat.p50_ms / floor.round_trip.p50_ms, 2),
                ratio_bare_write=round(stat.p50_ms / floor.bare_write.p50_ms, 2),
                items=got, expected=want,
                broken=(f"returns {got:,} of {want:,} items"
                        if want is not None and got < want else None),
                append=(Stat.of(times[("append", s.name)])
                        if op == "update" and times[("append", s.name)] else None)))
        rows.append(Row(operation=label, size=plan.size, cells=cells,
                        tme_vs_best_peer=_versus(cells)))
    for system in systems:
        system.end()
    return floors, rows


def _rotated(items: Sequence[T], by: int) -> list[T]:
    k = by % len(items)
    return [*items[k:], *items[:k]]


def _versus(cells: Sequence[Cell]) -> float | None:
    tme = next((c for c in cells if c.system == "tme"), None)
    peers = [c.time.p50_ms for c in cells if c.system != "tme" and c.broken is None]
    if tme is None or not peers:
        return None
    # Three significant digits: rounding to two places made tme 200x faster than a peer 0.0.
    return float(f"{tme.time.p50_ms / min(peers):.3g}")


def _commit() -> str | None:
    """The commit of the tme package measured, when it comes from a git checkout."""
    import tme_neo4j

    where = Path(tme_neo4j.__file__).resolve().parent
    try:
        out = subprocess.run(["git", "-C", str(where), "log", "-1", "--format=%h %s"],
                             capture_output=True, text=True, check=True, timeout=10)
    except (OSError, subprocess.SubprocessError):
        return None
    dirty = subprocess.run(["git", "-C", str(where), "status", "--porcelain", "--", "."],
                           capture_output=True, text=True, check=False, timeout=10).stdout
    return out.stdout.strip() + (" (with uncommitted changes)" if dirty.strip() else "")


# -- the table ----------------------------------------------------------------------------------


def _size(n: int) -> str:
    return f"{n // 1000}k" if n >= 1000 and n % 1000 == 0 else str(n)


def _ms(value: float) -> str:
    return f"{value:,.0f}" if value >= 100 else f"{value:.1f}" if value >= 10 else f"{value:.2f}"


def _cell(cell: Cell | None) -> str:
    if cell is None:
        return "-"
    t = cell.time
    text = f"{_ms(t.p50_ms)} / {_ms(t.p95_ms)} ({cell.ratio_round_trip:.0f} / " \
           f"{cell.ratio_bare_write:.1f}x)"
    if cell.append is not None:
        text += f"; append {_ms(cell.append.p50_ms)} / {_ms(cell.append.p95_ms)}"
    if cell.broken:
        text = f"**broken**: {cell.broken}; {text}"
    return text


def _versus_text(ratio: float | None) -> str:
    if ratio is None:
        return ""
    if ratio > 1:
        return f"{ratio:.1f}x slower"
    return f"{1 / ratio:.1f}x faster" if ratio < 1 else "equal"


def render(report: PeerReport) -> str:
    """The report as a Markdown table: p50 / p95 ms, and in brackets the p50 in bare round
    trips / bare writes of the same system in the same run."""
    names = list(dict.fromkeys(f.system for f in report.floors))
    lines = [
        "| p50 / p95 ms (p50 in round trips / bare writes) | " + " | ".join(names)
        + " | tme / best peer |",
        "|---" * (len(names) + 2) + "|",
    ]
    for size in dict.fromkeys(f.size for f in report.floors):
        floors = {f.system: f for f in report.floors if f.size == size}
        lines.append(
            f"| bare `RETURN 1` / single-node write, {_size(size)} | "
            + " | ".join(f"{_ms(floors[n].round_trip.p50_ms)} / "
                         f"{_ms(floors[n].bare_write.p50_ms)} (p95 "
                         f"{_ms(floors[n].round_trip.p95_ms)} / "
                         f"{_ms(floors[n].bare_write.p95_ms)})" for n in names) + " | |")
        for row in (r for r in report.rows if r.size == size):
            cells = {c.system: c for c in row.cells}
            label = row.operation
            if row.operation == "update a fact":
                label += " (" + ", ".join(f"{n}: {UPDATE_STYLE[n]}" for n in names
                                          if n in UPDATE_STYLE) + ")"
            lines.append(f"| {label}, {_size(size)} | "
                         + " | ".join(_cell(cells.get(n)) for n in names)
                         + f" | {_versus_text(row.tme_vs_best_peer)} |")
    lines.append("")
    lines.append(f"Neo4j {report.neo4j}, {report.cores} cores, {report.rounds} rounds of "
                 f"{report.reps} repetitions (whole memory: fewer), {report.seconds:.0f} s; "
                 f"tme at {report.commit or 'an installed package'}; "
                 + ", ".join(f"{k} {v}" for k, v in report.peers.items()) + ".")
    return "\n".join(lines)


# -- the command --------------------------------------------------------------------------------


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.peers",
        description="tme against mcp-neo4j-memory and neo4j-agent-memory on the running Neo4j "
                    "(the connection rule of tme: TME_NEO4J_URI, or the local server).")
    parser.add_argument("--quick", action="store_true", help="1k facts, 2 short rounds")
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.add_argument("--size", type=int, action="append", metavar="N",
                        help="facts to start from (repeatable; default 1000 and 10000)")
    parser.add_argument("--rounds", type=int, help="interleaved rounds")
    parser.add_argument("--reps", type=int, help="repetitions of each operation per round")
    args = parser.parse_args(argv)
    config = PeerConfig.quick() if args.quick else PeerConfig.default()
    if args.size:
        if any(n < 10 for n in args.size):
            parser.error("--size is at least 10 (one group of facts)")
        config = replace(config, sizes=tuple(args.size))
    if args.rounds is not None:
        if args.rounds < 1:
            parser.error("--rounds is at least 1")
        config = replace(config, rounds=args.rounds)
    if args.reps is not None:
        if args.reps < 1:
            parser.error("--reps is at least 1")
        config = replace(config, reps=args.reps, whole_reps=min(config.whole_reps, args.reps),
                          floor_reps=max(args.reps, 5))
    # Server notifications about the peers' queries are not what is measured.
    logging.getLogger("neo4j.notifications").setLevel(logging.ERROR)

    def progress(message: str) -> None:
        print(message, file=sys.stderr, flush=True)

    try:
        report = run_peers(Settings(), config, progress)
    except PeersMissingError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except TmeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        print(json.dumps(report.model_dump(mode="json"), indent=2))
    else:
        print(render(report))
    return 0
