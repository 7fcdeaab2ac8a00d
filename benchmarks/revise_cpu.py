"""What one ``revise`` costs the client and the server (``python -m benchmarks.revise_cpu``).

A workspace of ``--tasks`` tasks (the peer benchmark's starting facts: groups of ten steps, each
depending on the one before) is written; then ``--calls`` revisions, each of a step with
dependents to its own new value, are timed one by one. The server's CPU time (user and system,
from ``/proc/PID/stat`` of the Neo4j process) is read before the first and after the last, once
the eventually consistent full-text indexes have caught up, so the work Lucene does after the
commits is counted. With ``--one-task`` every call revises the same task: the cost as a task's
history grows.

``--reset-schema`` first drops the schema marker and the full-text indexes of every schema
generation, so that the code this runs with sets up its own: two versions of tme take turns on
one server this way. The workspace is deleted at the end.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import sys
import time
import uuid
from collections.abc import Sequence
from pathlib import Path

import neo4j

from benchmarks.peers.systems import write_tasks
from benchmarks.peers.workload import GROUP, initial_facts, step
from tme_neo4j.config import Settings
from tme_neo4j.connection import connect
from tme_neo4j.store import MemoryStore

#: The full-text indexes tme has had (generation 2: the first two; 3: the last).
_FULLTEXT = ("task_search", "revision_search", "task_fulltext")


def server_cpu(pid: int) -> float:
    """Seconds of CPU (user and system) process ``pid`` has used."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def reset_schema(driver: neo4j.Driver) -> None:
    for name in _FULLTEXT:
        driver.execute_query(f"DROP INDEX {name} IF EXISTS")
    driver.execute_query("MATCH (m:TmeSchema) DELETE m")


def measure(store: MemoryStore, pid: int, *, tasks: int, calls: int, warmup: int,
            one_task: bool) -> dict[str, float]:
    facts = initial_facts(tasks)
    write_tasks(store, facts)
    groups = len(facts) // GROUP
    keys = [step(g, m) for m in range(1, GROUP - 1) for g in range(groups)]  # with dependents
    if one_task:
        keys = keys[:1]
    refresh = "CALL db.index.fulltext.awaitEventuallyConsistentIndexRefresh()"
    for i in range(warmup):
        store.revise(keys[i % len(keys)], f"warm {i}")
    store.driver.execute_query(refresh)
    cpu = server_cpu(pid)
    times = []
    for i in range(calls):
        t0 = time.perf_counter()
        store.revise(keys[i % len(keys)], f"revised {i}")
        times.append(time.perf_counter() - t0)
    store.driver.execute_query(refresh)
    cpu = server_cpu(pid) - cpu
    return {"tasks": len(facts), "calls": calls,
            "client_p50_ms": round(statistics.median(times) * 1000, 3),
            "client_mean_ms": round(statistics.fmean(times) * 1000, 3),
            "server_cpu_ms_per_call": round(cpu / calls * 1000, 3)}


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.revise_cpu",
                                     description=__doc__.split("\n")[0])
    parser.add_argument("--tasks", type=int, default=1000)
    parser.add_argument("--calls", type=int, default=200)
    parser.add_argument("--warmup", type=int, default=20)
    parser.add_argument("--pid", type=int, help="the Neo4j server's process id "
                        "(default: the local server's, under TME_HOME)")
    parser.add_argument("--one-task", action="store_true", help="every call revises one task")
    parser.add_argument("--reset-schema", action="store_true",
                        help="drop the schema marker and tme's full-text indexes first")
    args = parser.parse_args(argv)
    settings = Settings()
    pid = args.pid or int((settings.home / "run" / "neo4j.pid").read_text())
    if args.reset_schema:
        with connect(settings, start=False) as driver:
            reset_schema(driver)
    with MemoryStore(settings).connect(start_server=False) as base:
        store = base.for_workspace(f"bench-revise-{uuid.uuid4().hex[:8]}")
        store.create_workspace()
        try:
            found = measure(store, pid, tasks=args.tasks, calls=args.calls,
                            warmup=args.warmup, one_task=args.one_task)
        finally:
            store.delete_workspace()
    json.dump(found, sys.stdout)
    print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
