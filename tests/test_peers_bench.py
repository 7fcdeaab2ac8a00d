"""``python -m benchmarks.peers`` on a very small memory, through the real command: the table has
every row, with numbers for every system, names the peer call that returns a wrong answer, and
the run leaves nothing behind."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import neo4j
import pytest

ROOT = Path(__file__).resolve().parent.parent

peers_run = pytest.importorskip("benchmarks.peers.run", reason="benchmarks/ is not on the path")
systems = pytest.importorskip("benchmarks.peers.systems")

SYSTEMS = ["tme", "mcp-neo4j-memory", "neo4j-agent-memory"]
NUMBER = re.compile(r"\d+(\.\d+)? / \d+(\.\d+)?")


def _peers_installed() -> str | None:
    try:
        systems.peer_versions()
    except systems.PeersMissingError as e:
        return str(e)
    return None


@pytest.mark.slow
@pytest.mark.timeout(600)
@pytest.mark.skipif(_peers_installed() is not None,
                    reason=f"the peers are not installed: {_peers_installed()}")
def test_peer_table_has_every_row_with_numbers(driver: neo4j.Driver) -> None:
    env = os.environ | {"PYTHONPATH": os.pathsep.join(
        [str(ROOT), *filter(None, [os.environ.get("PYTHONPATH")])])}
    result = subprocess.run(
        [sys.executable, "-m", "benchmarks.peers", "--size", "20", "--rounds", "1", "--reps",
         "2", "--json"],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=540, check=False)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "round 1 of 1" in result.stderr  # progress goes to stderr, the report to stdout
    report = peers_run.PeerReport.model_validate(json.loads(result.stdout))

    assert report.peers == {"mcp-neo4j-memory": "0.4.5", "neo4j-agent-memory": "0.8.0"}
    assert [(f.system, f.size) for f in report.floors] == [(s, 20) for s in SYSTEMS]
    assert all(f.round_trip.p50_ms > 0 and f.bare_write.p50_ms > 0 for f in report.floors)
    assert [r.operation for r in report.rows] == list(peers_run.OPERATIONS.values())
    for row in report.rows:
        assert [c.system for c in row.cells] == SYSTEMS, row.operation
        for cell in row.cells:
            assert 0 < cell.time.p50_ms <= cell.time.p95_ms
            assert cell.ratio_bare_write > 0
            assert cell.items > 0 or cell.broken is not None

    whole = {c.system: c for c in report.rows[-1].cells}
    held = whole["tme"].expected
    assert held is not None
    assert held >= 20
    assert whole["tme"].items == whole["mcp-neo4j-memory"].items == held
    # get_graph stops after the first row of the whole database: 2 items, which may belong to
    # another run on the same server.
    assert whole["neo4j-agent-memory"].items <= 2
    assert whole["neo4j-agent-memory"].broken == (
        f"returns {whole['neo4j-agent-memory'].items} of {held} items")
    update = {c.system: c for c in report.rows[2].cells}
    assert update["mcp-neo4j-memory"].append is not None
    assert update["tme"].append is None

    table = peers_run.render(report).splitlines()
    assert table[0].split(" | ")[1:4] == SYSTEMS
    labels = ["bare `RETURN 1` / single-node write", *peers_run.OPERATIONS.values()]
    body = [line for line in table[2:] if line.startswith("| ")]
    assert len(body) == len(labels)
    for label, line in zip(labels, body, strict=True):
        assert line.startswith(f"| {label}"), line
        cells = line.split(" | ")[1:4]
        assert all(NUMBER.search(cell) for cell in cells), line
    assert "**broken**: returns" in body[-1]

    # Everything the run wrote is gone: its workspaces, and both peers' entities.
    records, _, _ = driver.execute_query(
        "RETURN COUNT { MATCH (w:Workspace) WHERE w.id STARTS WITH $run } AS workspaces, "
        "COUNT { MATCH (t:Task) WHERE t.ws STARTS WITH $run } AS tasks, "
        "COUNT { MATCH (m:Memory) WHERE m.name STARTS WITH $run } AS memories, "
        "COUNT { MATCH (e:Entity) WHERE e.name STARTS WITH $run } AS entities",
        run=report.run)
    assert records[0].data() == {"workspaces": 0, "tasks": 0, "memories": 0, "entities": 0}


def test_plan_gives_every_system_the_same_well_formed_work() -> None:
    workload = pytest.importorskip("benchmarks.peers.workload")
    facts = workload.initial_facts(25)
    assert len(facts) == 30  # whole groups of 10
    keys = {f.key for f in facts}
    heads = {f.key for f in facts if f.parent is None}
    assert len(heads) == 3
    for f in facts:
        if f.parent is not None:
            assert f.parent in heads
            assert f.depends_on is None or f.depends_on in keys - heads

    plan = workload.make_plan(25, rounds=2, reps=4, whole_reps=1)
    assert plan == workload.make_plan(25, rounds=2, reps=4, whole_reps=1)
    linked = [(link.key, link.depends_on) for rnd in plan.rounds for link in rnd.link]
    assert len(set(linked)) == len(linked)  # every link is a new edge
    assert all(target in heads and source not in heads for source, target in linked)
    last = {f.parent: f.key for f in facts if f.parent}  # the last step of each group
    for rnd in plan.rounds:
        for fact in rnd.record:  # appended to the end of its group's chain
            assert fact.depends_on == last[fact.parent]
            last[fact.parent] = fact.key
        # Updated steps (1-8) all have a step after them to mark stale.
        assert all(u.key.rsplit("-s", 1)[1] in "12345678" for u in rnd.update)
    assert [rnd.facts for rnd in plan.rounds] == [34, 38]
