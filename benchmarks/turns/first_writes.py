"""The first write of 20 different sequences of operation kinds (one to three operations each),
timed one by one through ``MemoryStore.apply``: on a server just started, a write pays for
planning its statement the first time the server sees the statement's text.

    python -m benchmarks.turns.first_writes

Prints the time of each write, their sum and their median. Restart the server first for a
fresh plan cache.
"""

from __future__ import annotations

import itertools
import statistics
import time
from typing import Any

from benchmarks.turns.run import _AGENT, _bench_id
from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore

SEQUENCES = 20
#: Kinds that may appear once in a sequence: a second would find its edge already gone.
_ONCE = {"unlink", "undepend"}
_KINDS = ("revise", "add", "cancel", "link", "rollback", "unlink", "undepend", "clear_stale")
#: The kind of statement part an operation runs, where it differs from the operation's name.
_PART = {"cancel": "status", "restore": "status", "done": "status"}


def sequences() -> list[tuple[str, ...]]:
    """20 different sequences of kinds, spread over the kinds and lengths 1 to 3."""
    found: list[tuple[str, ...]] = [(kind,) for kind in _KINDS]
    for pair in itertools.product(_KINDS, repeat=2):
        if len(found) == SEQUENCES - 5:
            break
        if pair[0] != pair[1]:
            found.append(pair)
    found += [("add", "link", "revise"), ("revise", "rollback", "cancel"),
              ("undepend", "clear_stale", "add"), ("cancel", "restore", "revise"),
              ("add", "depend", "unlink")]
    parts = {tuple(_PART.get(kind, kind) for kind in sequence) for sequence in found}
    assert len(parts) == SEQUENCES, "every sequence must be new to the server"
    return found


def operation(kind: str, i: int, j: int) -> dict[str, Any]:
    """Operation ``j`` of sequence ``i``, on the sequence's own tasks p, a, b (b depends on a,
    both under p) and c."""
    p, a, b, c = (f"{name}{i}" for name in "pabc")
    match kind:
        case "add":
            return {"op": "add", "key": f"n{i}-{j}", "title": f"New {i} {j}", "parents": [p]}
        case "revise":
            return {"op": "revise", "key": a, "value": f"value {i} {j}"}
        case "rollback":
            return {"op": "rollback", "key": a, "to_n": 1}
        case "link":
            return {"op": "link", "key": c, "parent": p}
        case "depend":
            return {"op": "depend", "key": c, "depends_on": a}
        case "unlink":
            return {"op": "unlink", "key": a, "parent": p}
        case "undepend":
            return {"op": "undepend", "key": b, "depends_on": a}
        case "clear_stale":
            return {"op": "clear_stale", "key": b}
    return {"op": kind, "key": c}


def main() -> None:
    with MemoryStore(Settings(), workspace=_bench_id("first-writes"), agent=_AGENT) as store:
        store.create_workspace()
        try:
            kinds = sequences()
            setup: list[dict[str, Any]] = []
            for i in range(len(kinds)):
                setup += [{"op": "add", "key": f"p{i}", "title": f"Plan {i}"},
                          {"op": "add", "key": f"a{i}", "title": f"A {i}", "value": "first",
                           "parents": [f"p{i}"]},
                          {"op": "add", "key": f"b{i}", "title": f"B {i}", "parents": [f"p{i}"],
                           "depends_on": [f"a{i}"]},
                          {"op": "add", "key": f"c{i}", "title": f"C {i}"}]
            t0 = time.perf_counter()
            store.apply(setup)
            print(f"setup ({len(setup)} adds in one write): {time.perf_counter() - t0:.2f} s")
            times: list[float] = []
            for i, sequence in enumerate(kinds):
                ops = [operation(kind, i, j) for j, kind in enumerate(sequence)]
                t0 = time.perf_counter()
                store.apply(ops)
                times.append(time.perf_counter() - t0)
                print(f"{' '.join(sequence):<32} {times[-1]:.3f} s", flush=True)
            print(f"{len(times)} first writes: total {sum(times):.2f} s, median "
                  f"{statistics.median(times):.3f} s, max {max(times):.3f} s")
        finally:
            store.delete_workspace()


if __name__ == "__main__":
    main()
