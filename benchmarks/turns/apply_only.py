"""Only the "turn apply" row of ``tme bench`` (a revision with 3 dependents and an add, through
``MemoryStore.apply``), with the bare single-node write timed just before each apply so that both
see the same moment of a loaded machine:

    python -m benchmarks.turns.apply_only 1000 10000 100000

Prints, per size, the p50 of each and their ratio (the bench's target: at most 3x at 100k).
"""

from __future__ import annotations

import statistics
import sys
import time

import neo4j

from benchmarks.turns.run import (
    _AGENT,
    BenchConfig,
    _bench_id,
    _ProjectWorkload,
    _query,
    _Run,
    _value,
    generate_tasks,
)
from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore

REPS = 40
WARMUP = 3


def measure(run: _Run, size: int) -> tuple[float, float]:
    """The p50 in ms of the apply and of the bare write, at ``size`` tasks."""
    store = run.workspace(f"turns-{size}")
    workload = _ProjectWorkload(size)
    generate_tasks(store, workload.tasks(), workload.parents(), workload.dependencies())
    probe = _query("set_bench_probe").text
    groups = workload.sample_groups(2 * (REPS + WARMUP))
    applied: list[float] = []
    bare: list[float] = []

    def bare_write(tx: neo4j.ManagedTransaction, n: int) -> None:
        tx.run(probe, ws=store.workspace, n=n).consume()

    for i in range(REPS + WARMUP):
        t0 = time.perf_counter()
        with store.driver.session(database=store.settings.neo4j_database) as session:
            session.execute_write(bare_write, i)
        t1 = time.perf_counter()
        group = groups[2 * i]
        result = store.apply([
            {"op": "revise", "key": workload.step(group, 0), "value": _value(i, "a")},
            {"op": "add", "key": f"xa{i}", "title": f"Extra step {i}",
             "parents": [workload.group(group)]},
        ])
        t2 = time.perf_counter()
        if len(result.stale) != _ProjectWorkload.DEPENDENTS:
            raise SystemExit(f"the apply marked {len(result.stale)} stale")
        if i >= WARMUP:
            bare.append((t1 - t0) * 1000)
            applied.append((t2 - t1) * 1000)
    run.drop(store)
    return statistics.median(applied), statistics.median(bare)


def main(argv: list[str]) -> None:
    sizes = [int(a) for a in argv] or [1_000, 10_000, 100_000]
    with MemoryStore(Settings(), workspace=_bench_id("probe"), agent=_AGENT) as base:
        run = _Run(base, BenchConfig.default(), lambda message: None)
        try:
            for size in sizes:
                apply_ms, bare_ms = measure(run, size)
                print(f"{size:>7,} tasks: apply p50 {apply_ms:.1f} ms, bare write p50 "
                      f"{bare_ms:.1f} ms, {apply_ms / bare_ms:.2f}x", flush=True)
        finally:
            run.cleanup()


if __name__ == "__main__":
    main(sys.argv[1:])
