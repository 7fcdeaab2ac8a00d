"""The three measurements of :mod:`benchmarks.costs`, and the command that prints them."""

from __future__ import annotations

import argparse
import json
import sys
import time
import uuid
from collections import defaultdict
from collections.abc import Callable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from typing import Any, TypeVar

import neo4j

import tme_neo4j.store as store_module
from benchmarks.peers.systems import write_tasks
from benchmarks.peers.workload import initial_facts
from benchmarks.turns import Stat, bench_queries
from tme_neo4j import queries
from tme_neo4j.config import Settings
from tme_neo4j.errors import NotFoundError, TmeError
from tme_neo4j.store import MemoryStore

__all__ = ["commit_costs", "main", "state_costs", "write_statements"]

T = TypeVar("T")
_CYPHER = Path(__file__).parent / "cypher"
_WARMUP = 5
_BATCH = 5_000


def _cypher(name: str) -> str:
    return (_CYPHER / f"{name}.cypher").read_text(encoding="utf-8")


def _rotated(items: Sequence[T], by: int) -> list[T]:
    k = by % len(items)
    return [*items[k:], *items[:k]]


def _stats(samples: dict[str, list[float]]) -> dict[str, Stat]:
    return {name: Stat.of(values) for name, values in samples.items()}


# -- 1. commit cost of indexes ------------------------------------------------------------------

_SCHEMA = ["ranged_key", "ranged_status", "fulltext", "eventual", "text_title", "text_value"]
_DROP = ["cost_ranged_key", "cost_ranged_status", "cost_fulltext", "cost_eventual",
         "cost_text_title", "cost_text_value"]


def commit_costs(store: MemoryStore, reps: int) -> dict[str, Stat]:
    """One node per write transaction, each variant in turn."""
    db = store.settings.neo4j_database
    for name in _SCHEMA:
        store.driver.execute_query(_cypher(f"schema_{name}"), database_=db)
    store.driver.execute_query("CALL db.awaitIndexes(60)", database_=db)
    statements = {
        "bare write (one property on an existing node)": bench_queries()["set_bench_probe"].text,
        "node, no index": _cypher("create_plain_node"),
        "node, uniqueness constraint + range index": _cypher("create_ranged_node"),
        "node, full-text index": _cypher("create_fulltext_node"),
        "node, eventually consistent full-text index": _cypher("create_eventual_node"),
        "node, two TEXT indexes": _cypher("create_text_node"),
    }
    variants: dict[str, Callable[[dict[str, Any]], object]] = {
        name: partial(_write_one, store, text) for name, text in statements.items()}
    # tme's own add: a task and its first revision, through the store's one write statement
    variants["tme add_task (task + revision, the whole write)"] = lambda p: store.add_task(
        p["key"], p["title"], p["value"])
    samples: dict[str, list[float]] = defaultdict(list)
    for i in range(_WARMUP + reps):
        for name in _rotated(list(variants), i):
            params = {"ws": store.workspace, "key": f"c{i}-{len(samples[name])}-{abs(hash(name))}",
                      "title": f"Step {i} of group {i // 10}", "value": f"value {i}", "n": i,
                      "id": str(uuid.uuid4()), "agent": "costs", "turn": None, "seq": 0,
                      "parents": [], "depends_on": []}
            t0 = time.perf_counter()
            variants[name](params)
            if i >= _WARMUP:
                samples[name].append(time.perf_counter() - t0)
    return _stats(samples)


def _write_one(store: MemoryStore, query: str, params: dict[str, Any]) -> None:
    with store.driver.session(database=store.settings.neo4j_database) as s:
        s.execute_write(partial(_consume, query, params))


def _consume(query: str, params: dict[str, Any], tx: neo4j.ManagedTransaction) -> None:
    tx.run(query, params).consume()


def drop_probes(store: MemoryStore) -> None:
    db = store.settings.neo4j_database
    query = _cypher("delete_cost_nodes")
    while store.driver.execute_query(query, ws=store.workspace, limit=_BATCH,
                                     database_=db).records[0]["deleted"]:
        pass
    for name in _DROP:
        store.driver.execute_query(_cypher(f"drop_{name}"), database_=db)


# -- 2. the statements of one write --------------------------------------------------------------


def write_statements(store: MemoryStore, reps: int) -> dict[str, Stat]:
    """``add_task`` with a parent and a dependency, ``revise`` of a step with 8 dependents, and
    ``depend`` of a step on another group's head: each the store's one write statement and its
    commit, timed whole (``PROFILE`` of the statement shows its parts)."""
    facts = initial_facts(10 * (reps + _WARMUP + 1))
    store.apply([{"op": "add", "key": f.key, "title": f.title, "value": f.value,
                  "parents": [f.parent] if f.parent else [],
                  "depends_on": [f.depends_on] if f.depends_on else []} for f in facts])
    calls: dict[str, Callable[[int], object]] = {
        "add_task (a parent, a dependency)": lambda i: store.add_task(
            f"g{i}-new", f"New step of group {i}", "new", parents=[f"g{i}-h"],
            depends_on=[f"g{i}-s9"]),
        "revise (8 dependents marked stale)": lambda i: store.revise(f"g{i}-s2", f"v{i}"),
        "depend (a new dependency, checked for a cycle)": lambda i: store.depend(
            f"g{i}-s5", f"g{i + 1}-h"),
    }
    samples: dict[str, list[float]] = defaultdict(list)
    for name, call in calls.items():
        for i in range(_WARMUP + reps):
            t0 = time.perf_counter()
            call(i)
            if i >= _WARMUP:
                samples[name].append(time.perf_counter() - t0)
    return _stats(samples)


# -- 3. state() ---------------------------------------------------------------------------------


def state_costs(base: MemoryStore, size: int, reps: int) -> dict[str, Any]:
    store = base.for_workspace(f"{base.workspace}-{size}")
    store.create_workspace()
    try:
        write_tasks(store, initial_facts(size))
        db = store.settings.neo4j_database
        params = {"ws": store.workspace, "include_cancelled": False}
        texts = {
            "get_state query (one record), driver decoding": queries.get("get_state").text,
            "one record per task, every property (the earlier shape)": _cypher("get_state_rows"),
        }
        samples: dict[str, list[float]] = defaultdict(list)
        cpu: dict[str, list[float]] = defaultdict(list)
        mapping: list[float] = []
        row: dict[str, Any] = {"seq": 0, "tasks": [], "edge_from": [], "edge_parent": [],
                               "edge_to": []}
        tasks = 0

        def read(text: str) -> list[Any]:
            with store.driver.session(database=db) as s:
                return s.execute_read(lambda tx: list(tx.run(text, params)))

        names = ["state() (the whole call)", *texts]
        for i in range(1 + reps):
            for name in _rotated(names, i):
                t0, c0 = time.perf_counter(), time.process_time()
                if name in texts:
                    got = read(texts[name])
                    if name.startswith("get_state query"):
                        row = dict(got[0])
                else:
                    tasks = len(store.state().tasks)
                if i:
                    samples[name].append(time.perf_counter() - t0)
                    cpu[name].append(time.process_time() - c0)
            t0 = time.perf_counter()
            store_module._workspace_state(store.workspace, row["seq"], row)
            if i:
                mapping.append(time.perf_counter() - t0)
        samples["records to Task models (Python)"] = mapping
        # This process's CPU time: what the client spends (decoding, mapping), whatever the
        # server and the rest of the machine are doing.
        return {"size": size, "tasks": tasks, "times": _stats(samples),
                "client_cpu": _stats(cpu)}
    finally:
        _drop_workspace(store)


def _drop_workspace(store: MemoryStore) -> None:
    query = bench_queries()["delete_bench_nodes"].text
    db = store.settings.neo4j_database
    while store.driver.execute_query(query, ws=store.workspace, limit=_BATCH,
                                     database_=db).records[0]["deleted"]:
        pass
    with suppress(NotFoundError):
        store.delete_workspace()


# -- the command --------------------------------------------------------------------------------


def _row(name: str, stat: Stat) -> str:
    return f"| {name} | {stat.p50_ms:.2f} | {stat.p95_ms:.2f} |"


def render(found: dict[str, Any]) -> str:
    lines = ["One node per write transaction, interleaved:", "",
             "| write | p50 ms | p95 ms |", "|---|---|---|"]
    lines += [_row(name, stat) for name, stat in found["commit"].items()]
    lines += ["", "One write of the store's API, whole (its one statement and the commit):", "",
              "| write | p50 ms | p95 ms |", "|---|---|---|"]
    lines += [_row(name, stat) for name, stat in found["writes"].items()]
    for state in found["state"]:
        lines += ["", f"state() of {state['tasks']:,} tasks:", "",
                  "| read | p50 ms | p95 ms | client CPU p50 ms |", "|---|---|---|---|"]
        lines += [_row(name, stat) + (f" {state['client_cpu'][name].p50_ms:.2f} |"
                                      if name in state["client_cpu"] else " |")
                  for name, stat in state["times"].items()]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks.costs",
                                     description=__doc__)
    parser.add_argument("--size", type=int, action="append", metavar="N",
                        help="tasks for the state() measurement (default 1000 and 10000)")
    parser.add_argument("--reps", type=int, default=40, help="repetitions of each write")
    parser.add_argument("--state-reps", type=int, default=8, help="repetitions of each read")
    parser.add_argument("--json", action="store_true")
    args = parser.parse_args(argv)
    settings = Settings()
    found: dict[str, Any] = {}
    try:
        with MemoryStore(settings, workspace=f"costs-{uuid.uuid4().hex[:8]}",
                         agent="costs") as store:
            store.create_workspace()
            try:
                print("commit cost of indexes", file=sys.stderr)
                found["commit"] = commit_costs(store, args.reps)
                print("statements of one write", file=sys.stderr)
                found["writes"] = write_statements(store, args.reps)
                found["state"] = []
                for size in args.size or [1_000, 10_000]:
                    print(f"state() at {size:,} tasks", file=sys.stderr)
                    found["state"].append(state_costs(store, size, args.state_reps))
            finally:
                drop_probes(store)
                _drop_workspace(store)
    except TmeError as e:
        print(f"error: {e}", file=sys.stderr)
        return 1
    if args.json:
        def dump(value: Any) -> Any:
            return value.model_dump() if isinstance(value, Stat) else value

        print(json.dumps(found, default=dump, indent=2))
    else:
        print(render(found))
    return 0
