"""What a turn, a propagation, a long session, concurrent writers and an export/import cost
against the real Neo4j, which ``tme bench`` prints; see
:mod:`benchmarks.turns.run`."""

from benchmarks.turns.run import (
    BenchReport,
    Stat,
    TurnsReport,
    bench_queries,
    run_bench,
    run_turns,
)

__all__ = ["BenchReport", "Stat", "TurnsReport", "bench_queries", "run_bench", "run_turns"]
