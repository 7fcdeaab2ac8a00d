"""``tme bench --quick --json`` through the real entry point: the benchmark keeps working, its
report has every section, and the correctness checks inside it hold."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from benchmarks.costs.run import commit_costs, drop_probes, state_costs, write_statements
from benchmarks.turns import BenchReport, TurnsReport
from benchmarks.turns.run import generate_tasks
from tme_neo4j.cli import app
from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore

runner = CliRunner()


@pytest.mark.slow
@pytest.mark.timeout(900)  # a quick run is about 30 s alone, minutes on a busy machine
def test_quick_bench_reports_every_section(settings: Settings) -> None:
    result = runner.invoke(app, ["bench", "--quick", "--json"])
    assert result.exit_code == 0, result.stderr or result.stdout
    assert "propagation" in result.stderr  # progress goes to stderr, the report to stdout
    data = json.loads(result.stdout)
    report = BenchReport.model_validate(data)

    assert report.cores >= 1
    assert report.limits.round_trip.p50_ms > 0
    assert report.limits.bare_write.p50_ms > 0
    assert [t.tasks for t in report.turns] == sorted(t.tasks for t in report.turns)
    for turn in report.turns:
        assert turn.apply.n >= 5
        assert turn.process.n >= 5
        assert turn.apply.p50_ms <= turn.apply.p95_ms
        assert turn.apply_ratio > 0
        assert turn.process_ratio > 0
        # Counted from the driver's Bolt messages: a write turn is one read and one write.
        assert turn.write_turn.transactions == 2
        assert turn.question_turn.transactions <= 2
        assert turn.write_turn.statements >= turn.write_turn.transactions

    # Propagation marks exactly the dependents, as the write reported and the graph counts.
    p = report.propagation
    assert p.exact
    assert p.stale == p.counted == p.dependents

    # The context holds the current value at every check turn.
    c = report.context
    assert c.checks > 0
    assert c.recalled == c.checks
    assert c.recall == 1.0
    assert [pt.turn for pt in c.points] == [10, 100]
    assert all(0 < pt.context_tokens < pt.transcript_tokens for pt in c.points)

    # Concurrent writers lose nothing, on one workspace or each on its own.
    assert [a.writers for a in report.agents] == [1, 2, 4, 8]
    assert [a.writers for a in report.agents_apart] == [1, 2, 4, 8]
    assert not any(a.own_workspaces for a in report.agents)
    assert all(a.own_workspaces for a in report.agents_apart)
    for a in [*report.agents, *report.agents_apart]:
        assert a.lost == 0
        assert a.recorded == a.revisions > 0
        assert a.throughput > 0
        assert a.latency.p50_ms <= a.latency.p95_ms

    if report.portable.available:
        assert report.portable.note == ""
        assert report.portable.tasks > 0
        assert report.portable.export_s > 0

    # A quick run measures below the targets' sizes: such a row is not judged, never "met".
    at_size = {t.name: t.met for t in report.targets
               if t.name.startswith(("turn apply", "turn with rules", "export", "import",
                                         "fewer tokens", "propagation"))}
    assert at_size
    assert all(met in (None, False) for met in at_size.values()), at_size

    names = {t.name for t in report.targets}
    assert "context recall" in names
    assert "lost updates, concurrent writers" in names

    # Every bench workspace the run made is gone.
    assert report.workspaces
    assert all(w.startswith("bench-") for w in report.workspaces)
    with MemoryStore(settings, workspace="default") as store:
        left = {w["ws"] for w in store.list_workspaces()} & set(report.workspaces)
    assert left == set()


@pytest.mark.slow
@pytest.mark.timeout(600)
def test_turns_only_measures_the_sizes_asked_and_nothing_else(settings: Settings) -> None:
    result = runner.invoke(app, ["bench", "--turns-only", "--sizes", "200,100", "--reps", "3",
                                 "--json"])
    assert result.exit_code == 0, result.stderr or result.stdout
    assert "propagation" not in result.stderr
    report = TurnsReport.model_validate(json.loads(result.stdout))
    assert [t.tasks for t in report.turns] == [100, 200]
    for turn in report.turns:
        assert turn.process.n == 3
        assert turn.check.n >= 3
    assert report.limits.bare_write.p50_ms > 0
    with MemoryStore(settings, workspace="default") as store:
        left = {w["ws"] for w in store.list_workspaces()} & set(report.workspaces)
    assert report.workspaces
    assert left == set()


@pytest.mark.parametrize(("args", "message"), [
    (["--sizes", "1000"], "--sizes and --reps go with --turns-only"),
    (["--turns-only", "--quick"], "--quick and --turns-only do not go together"),
    (["--turns-only", "--sizes", "1k"], "--sizes takes numbers of tasks"),
    (["--turns-only", "--sizes", "10"], "each size is at least 100 tasks"),
])
def test_turn_options_out_of_place_are_refused_on_one_line(args: list[str],
                                                           message: str) -> None:
    result = runner.invoke(app, ["bench", *args])
    assert result.exit_code != 0
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_the_cost_measurements_run_and_leave_nothing_behind(store: MemoryStore) -> None:
    commit = commit_costs(store, reps=1)
    assert "tme add_task (task + revision, the whole write)" in commit
    assert all(stat.p50_ms > 0 for stat in commit.values())
    writes = write_statements(store, reps=1)
    assert set(writes) == {"add_task (a parent, a dependency)",
                           "revise (8 dependents marked stale)",
                           "depend (a new dependency, checked for a cycle)"}
    assert all(stat.p50_ms > 0 for stat in writes.values())
    state = state_costs(store, 200, reps=1)
    assert state
    drop_probes(store)
    indexes = store.driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS n")
    assert not [n for n in indexes.records[0]["n"] if n.startswith("cost_")]


def test_generated_tasks_hold_what_real_writes_would(store: MemoryStore) -> None:
    generated = store.for_workspace(f"{store.workspace}-gen")
    generated.create_workspace()
    try:
        generate_tasks(generated, [{"key": "a", "title": "Bench", "values": ["v1", "v2", "v1"]}],
                       [], [])
        store.add_task("a", "Bench", "v1")
        store.revise("a", "v2")
        store.revise("a", "v1")
        query = "MATCH (t:Task {ws: $ws}) RETURN t.key AS key, t.past AS past"
        assert [r.data() for r in store.driver.execute_query(query, ws=generated.workspace)
                .records] == [{"key": "a", "past": ["v1", "Bench", "v2"]}]
        assert [r.data() for r in store.driver.execute_query(query, ws=store.workspace)
                .records] == [{"key": "a", "past": ["v1", "Bench", "v2"]}]
        assert [t.key for t, _ in generated.search_history(["v2"])] == ["a"]
    finally:
        generated.delete_workspace()
