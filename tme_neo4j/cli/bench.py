"""``tme bench``: measure the engine against the real Neo4j and report against its targets."""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError

from ._common import JsonOpt
from ._output import console, err_console, print_json

if TYPE_CHECKING:
    from benchmarks.turns import BenchReport, Stat

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)


def bench(
    quick: Annotated[
        bool, typer.Option("--quick", help="Smaller sizes and fewer repetitions (about a minute).")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Measure turn latency, propagation, context size, concurrent writers and export/import
    against the server (bench-* workspaces, deleted afterwards); progress goes to stderr."""

    # The workloads live beside the package (benchmarks/), not in it: loaded only when run.
    try:
        from benchmarks.turns import run_bench
    except ImportError as e:
        raise ConfigError(f"tme bench needs the benchmarks package of tme-neo4j: {e}") from e

    def progress(message: str) -> None:
        err_console.print(message, markup=False)

    report = run_bench(Settings(), quick=quick, progress=progress)
    if json_:
        print_json(report)
    else:
        # Piped output would be cut to 80 columns; the table reads best on one line a row.
        out = console if console.is_terminal else Console(width=180, soft_wrap=True)
        out.print(_table(report))


def _ms(stat: Stat) -> tuple[str, str]:
    return f"{stat.p50_ms:.2f} ms", f"{stat.p95_ms:.2f} ms"


def _table(r: BenchReport) -> Table:
    table = Table(title=f"tme bench: {r.cores} cores, Neo4j {r.neo4j}, "
                        f"{'quick' if r.quick else 'default'} run, {r.seconds:.0f} s")
    for name, justify in (("measure", "left"), ("p50", "right"), ("p95", "right"),
                          ("detail", "left"), ("target", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]

    goals = {t.name: t for t in r.targets}

    def verdict(name: str) -> str:
        target = goals.get(name)
        if target is None:
            return ""
        met = {True: "[green]met[/]", False: "[red]not met[/]",
               None: "not judged (not measured at that size)"}
        return f"{target.goal}: {met[target.met]}"

    table.add_row("round trip (RETURN 1)", *_ms(r.limits.round_trip),
                  f"n={r.limits.round_trip.n}", "")
    table.add_row("bare write transaction", *_ms(r.limits.bare_write),
                  f"n={r.limits.bare_write.n}", "", end_section=True)
    largest = max(t.tasks for t in r.turns)
    for t in r.turns:
        name = f"turn apply p50 at {t.tasks:,} tasks"
        table.add_row(f"turn apply, {t.tasks:,} tasks", *_ms(t.apply),
                      f"{t.apply_ratio:.1f}x bare write; {t.revisions:,} revisions",
                      verdict(name) if t.tasks == largest else "")
    for t in r.turns:
        table.add_row(f"turn with rules TRIM, {t.tasks:,} tasks", *_ms(t.process),
                      f"{t.process_ratio:.1f}x bare write", "")
    for t in r.turns:
        table.add_row(f"question turn, {t.tasks:,} tasks", *_ms(t.check), "reads only", "")
    table.add_section()
    p = r.propagation
    table.add_row(f"propagation, {p.dependents:,} dependents, depth {p.depth}", *_ms(p.time),
                  f"{p.stale:,} marked stale, {p.counted:,} counted",
                  verdict(f"propagation, {p.dependents:,} dependents"), end_section=True)
    c = r.context
    for point in c.points:
        table.add_row(f"context at turn {point.turn:,}", *_ms(point.latency),
                      f"{point.context_tokens:,} tokens vs transcript "
                      f"{point.transcript_tokens:,} ({point.fewer:.1%} fewer)",
                      verdict(f"fewer tokens than the transcript at turn {point.turn:,}"))
    table.add_row(f"session turn ({c.turns:,} turns, {c.slots} slots)", *_ms(c.turn),
                  f"max context {c.max_context_tokens:,} tokens",
                  verdict("context tokens, any turn"))
    table.add_row("context recall", "", "",
                  f"{c.recalled:,}/{c.checks:,} checks; {c.misread} turns misread by TRIM",
                  verdict("context recall"), end_section=True)
    for a in [*r.agents, *r.agents_apart]:
        where = "each on its own workspace" if a.own_workspaces else "on one workspace"
        table.add_row(f"{a.writers} writer process{'es' if a.writers > 1 else ''}, {where}",
                      *_ms(a.latency),
                      f"{a.throughput:,.0f} revisions/s; {a.recorded:,}/{a.revisions:,} "
                      f"recorded, {a.lost} lost", "")
    table.add_row("lost updates", "", "",
                  str(sum(a.lost for a in [*r.agents, *r.agents_apart])),
                  verdict("lost updates, concurrent writers"), end_section=True)
    q = r.portable
    if not q.available:
        table.add_row("export / import", "", "", q.note or "not available",
                      verdict("export"))
    else:
        size = f"{q.tasks:,} tasks, {q.revisions:,} revisions"

        def note(verb: str) -> str:
            return f"; {q.note}" if q.note.startswith(verb) else ""

        table.add_row(f"export, {q.tasks:,} tasks (one run)", f"{q.export_s:.1f} s", "",
                      f"{size}; peak {q.export_peak_mb:.0f} MB; {q.file_mb:.0f} MB file"
                      f"{note('export')}",
                      verdict(f"export of {q.tasks:,} tasks"))
        table.add_row(f"import, {q.tasks:,} tasks (one run)", f"{q.import_s:.1f} s", "",
                      f"peak {q.import_peak_mb:.0f} MB (process at rest "
                      f"{q.baseline_mb:.0f} MB){note('import')}",
                      verdict(f"import of {q.tasks:,} tasks"))
    return table
