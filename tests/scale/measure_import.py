"""Measure ``tme import`` of a large generated document: time and the client's peak memory.

    python tests/scale/measure_import.py --projects 1000   # 100k tasks, 300k revisions

Writes the document (the shape of ``tme bench``'s project workload: 100 tasks a project, each
with 3 revisions, 9 workstreams whose steps 1-3 depend on step 0), imports it fresh, then
again with ``--replace``, each in a process of its own, and prints seconds and peak MB (VmHWM
from /proc) of each, the CPU seconds of the client and of the local server (from /proc; on a
loaded machine these say more than the wall time), and when each phase of the import ended.
Deletes the workspace afterwards.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
import uuid
from pathlib import Path

from tme_neo4j.config import Settings

AT = "2026-01-01T00:00:00Z"


def write_document(path: Path, projects: int, ws: str) -> tuple[int, int]:
    tasks = revisions = 0
    seq = projects * 100 * 3
    with path.open("w", encoding="utf-8") as out:
        out.write('{"format": "tme-neo4j", "version": 1,\n "workspace": '
                  + json.dumps({"id": ws, "seq": seq, "turns": 0, "created_at": AT}))
        keys = []
        for p in range(projects):
            keys.append(f"p{p}")
            for g in range(9):
                keys.append(f"p{p}.g{g}")
                keys += [f"p{p}.g{g}.s{s}" for s in range(10)]
        keys.sort()
        out.write(',\n "tasks": [')
        for i, key in enumerate(keys):
            out.write(("\n  " if i == 0 else ",\n  ") + json.dumps(
                {"id": f"id-{key}", "key": key, "title": f"Task {key}", "value": "value 3",
                 "status": "active", "stale": False, "version": 3, "created_at": AT,
                 "updated_at": AT, "created_by": "bench", "updated_by": "bench"}))
            tasks += 1
        out.write('\n ],\n "edges": [')
        first = True
        for key in keys:
            parts = key.split(".")
            edges = []
            if len(parts) > 1:
                edges.append({"type": "SUBTASK_OF", "from": key, "to": ".".join(parts[:-1])})
            if len(parts) == 3 and parts[2] in ("s1", "s2", "s3"):
                edges.append({"type": "DEPENDS_ON", "from": key,
                              "to": ".".join([*parts[:2], "s0"])})
            for edge in sorted(edges, key=lambda e: (e["type"], e["to"])):
                out.write(("\n  " if first else ",\n  ") + json.dumps(edge))
                first = False
        out.write('\n ],\n "revisions": [')
        first = True
        for i, key in enumerate(keys):
            for n in (1, 2, 3):
                out.write(("\n  " if first else ",\n  ") + json.dumps(
                    {"task": key, "n": n, "value": f"value {n}", "title": f"Task {key}",
                     "status": "active", "op": "add" if n == 1 else "revise", "at": AT,
                     "by": "bench", "seq": i * 3 + n}))
                first = False
                revisions += 1
        out.write('\n ],\n "turns": [],\n "changes": []}\n')
    return tasks, revisions


CHILD = """
import logging, sys, time
from tme_neo4j.config import Settings
from tme_neo4j.portable import import_workspace
from tme_neo4j.store import MemoryStore

path, ws, replace = sys.argv[1], sys.argv[2], sys.argv[3] == "1"
# Each phase's end, in seconds since the start: where the time goes.
logging.basicConfig(level=logging.WARNING, format="  %(relativeCreated)8.0f ms  %(message)s")
logging.getLogger("tme_neo4j.portable").setLevel(logging.INFO)
with MemoryStore(Settings(), workspace=ws) as store:
    start = time.perf_counter()
    result = import_workspace(store, path, workspace=ws, replace=replace)
    seconds = time.perf_counter() - start
peak = next(int(line.split()[1]) for line in open("/proc/self/status")
            if line.startswith("VmHWM:")) / 1024
print(f"{seconds:.1f} {peak:.0f} {time.process_time():.1f} {result.tasks} {result.revisions}")
"""


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--projects", type=int, default=1000)
    args = parser.parse_args()
    ws = f"scale-{uuid.uuid4().hex[:8]}"
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "doc.json"
        started = time.perf_counter()
        tasks, revisions = write_document(path, args.projects, ws)
        print(f"document: {tasks} tasks, {revisions} revisions, "
              f"{path.stat().st_size / 2**20:.0f} MB, written in "
              f"{time.perf_counter() - started:.0f} s", flush=True)
        try:
            for label, replace in (("fresh import", "0"), ("import --replace", "1")):
                server_before = _server_cpu()
                out = subprocess.run([sys.executable, "-c", CHILD, str(path), ws, replace],
                                     capture_output=True, text=True, check=False)
                if out.returncode:
                    print(f"{label}: failed: {out.stderr.strip().splitlines()[-1:]}")
                    break
                seconds, peak, cpu, *_ = out.stdout.split()
                server = _server_cpu() - server_before
                print(f"{label}: {seconds} s, peak {peak} MB; CPU seconds: client {cpu}, "
                      f"server {server:.1f}; load average {os.getloadavg()[0]:.1f}", flush=True)
                print(out.stderr.rstrip(), flush=True)
        finally:
            subprocess.run([sys.executable, "-c", DROP, ws], check=False)


def _server_cpu() -> float:
    """CPU seconds the local server (under TME_HOME) has used so far; 0 for another server."""
    try:
        pid = (Settings().home / "run" / "neo4j.pid").read_text().split()[0]
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except (OSError, IndexError):
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


DROP = """
import sys
from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore
with MemoryStore(Settings(), workspace=sys.argv[1]) as store:
    while store.run_statement("delete_workspace_nodes", write=True, ws=store.workspace,
                              limit=10000)[0]["deleted"]:
        pass
    store.delete_workspace()
"""

if __name__ == "__main__":
    main()
