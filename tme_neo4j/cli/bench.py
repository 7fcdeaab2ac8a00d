"""``tme bench``: measure the engine against the real Neo4j and report against its targets."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError, InvalidInputError

from ._common import JsonOpt
from ._output import console, err_console, print_json

if TYPE_CHECKING:
    from benchmarks.turns import BenchReport, Stat, TurnsReport
    from benchmarks.turns.run import Limits, TurnLatency

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("bench")(bench)


def bench(
    quick: Annotated[
        bool, typer.Option("--quick", help="Smaller sizes and fewer repetitions (about a minute).")
    ] = False,
    turns_only: Annotated[
        bool, typer.Option("--turns-only",
                           help="Only the limits and the turns (apply, rules TRIM, question).")
    ] = False,
    sizes: Annotated[
        str | None, typer.Option("--sizes", metavar="N,N,...",
                                 help="Workspace sizes in tasks for --turns-only "
                                      "(default 1000,10000,100000).")
    ] = None,
    reps: Annotated[
        int | None, typer.Option("--reps", min=1, help="Turns per size for --turns-only "
                                                       "(default 40).")
    ] = None,
    json_: JsonOpt = False,
) -> None:
    """Measure turn latency, propagation, context size, concurrent writers and export/import
    against the server (bench-* workspaces, deleted afterwards); progress goes to stderr."""
    if not turns_only and (sizes is not None or reps is not None):
        raise InvalidInputError("--sizes and --reps go with --turns-only")
    if turns_only and quick:
        raise InvalidInputError("--quick and --turns-only do not go together: give --sizes "
                                "and --reps instead")
    chosen = _sizes(sizes or "1000,10000,100000")

    # The workloads live beside the package (benchmarks/), not in it: loaded only when run.
    try:
        from benchmarks.turns import run_bench, run_turns
    except ImportError as e:
        raise ConfigError(f"tme bench needs the benchmarks package of tme-neo4j: {e}") from e

    def progress(message: str) -> None:
        err_console.print(message, markup=False)

    # Piped output would be cut to 80 columns; the table reads best on one line a row.
    out = console if console.is_terminal else Console(width=180, soft_wrap=True)
    if turns_only:
        turns = run_turns(Settings(), sizes=chosen, reps=reps or 40, progress=progress)
        if json_:
            print_json(turns)
        else:
            out.print(_turns_table(turns))
        return
    report = run_bench(Settings(), quick=quick, progress=progress)
    if json_:
        print_json(report)
    else:
        out.print(_table(report))


def _sizes(text: str) -> list[int]:
    try:
        sizes = [int(part) for part in text.split(",")]
    except ValueError:
        raise InvalidInputError(f"--sizes takes numbers of tasks separated by commas, "
                                f"not {text!r}") from None
    if not sizes or min(sizes) < 100:
        raise InvalidInputError("--sizes: each size is at least 100 tasks (one project)")
    return sorted(set(sizes))


def _ms(stat: Stat) -> tuple[str, str]:
    return f"{stat.p50_ms:.2f} ms", f"{stat.p95_ms:.2f} ms"


def _new_table(title: str) -> Table:
    table = Table(title=title)
    for name, justify in (("measure", "left"), ("p50", "right"), ("p95", "right"),
                          ("detail", "left"), ("target", "left")):
        table.add_column(name, justify=justify)  # type: ignore[arg-type]
    return table


def _turns_table(r: TurnsReport) -> Table:
    table = _new_table(f"tme bench --turns-only: {r.cores} cores, Neo4j {r.neo4j}, "
                       f"{r.seconds:.0f} s")
    _turn_rows(table, r.limits, r.turns, lambda name: "")
    return table


def _turn_rows(table: Table, limits: Limits, turns: list[TurnLatency],
               verdict: Callable[[str], str]) -> None:
    table.add_row("round trip (RETURN 1)", *_ms(limits.round_trip),
                  f"n={limits.round_trip.n}", "")
    table.add_row("bare write transaction", *_ms(limits.bare_write),
                  f"n={limits.bare_write.n}", "", end_section=True)
    largest = max(t.tasks for t in turns)
    for t in turns:
        name = f"turn apply p50 at {t.tasks:,} tasks"
        table.add_row(f"turn apply, {t.tasks:,} tasks", *_ms(t.apply),
                      f"{t.apply_ratio:.1f}x the bare write timed beside it "
                      f"({t.paired_write.p50_ms:.1f} ms); {t.revisions:,} revisions",
                      verdict(name) if t.tasks == largest else "")
    smallest = min(turns, key=lambda t: t.tasks)
    for t in turns:
        growth = (f"; {t.process.p50_ms / smallest.process.p50_ms:.2f}x the "
                  f"{smallest.tasks:,}" if t is not smallest else "")
        table.add_row(f"turn with rules TRIM, {t.tasks:,} tasks", *_ms(t.process),
                      f"{t.process_ratio:.1f}x bare write{growth}",
                      verdict(f"turn with rules TRIM at {t.tasks:,} tasks")
                      if t.tasks == largest else "")
    for t in turns:
        growth = (f"; {t.check.p50_ms / smallest.check.p50_ms:.2f}x the {smallest.tasks:,}"
                  if t is not smallest else "")
        table.add_row(f"question turn, {t.tasks:,} tasks", *_ms(t.check),
                      f"reads only{growth}", "")
    for t in turns:
        name = "transactions of a write turn / a question turn"
        table.add_row(f"on the wire, {t.tasks:,} tasks", "", "",
                      f"write turn {t.write_turn.transactions} transactions, "
                      f"{t.write_turn.statements} statements; question turn "
                      f"{t.question_turn.transactions} transactions, "
                      f"{t.question_turn.statements} statements",
                      verdict(name) if t.tasks == largest else "")
    table.add_section()


def _table(r: BenchReport) -> Table:
    table = _new_table(f"tme bench: {r.cores} cores, Neo4j {r.neo4j}, "
                       f"{'quick' if r.quick else 'default'} run, {r.seconds:.0f} s")

    goals = {t.name: t for t in r.targets}

    def verdict(name: str) -> str:
        target = goals.get(name)
        if target is None:
            return ""
        met = {True: "[green]met[/]", False: "[red]not met[/]",
               None: "not judged (not measured at that size)"}
        return f"{target.goal}: {met[target.met]}"

    _turn_rows(table, r.limits, r.turns, verdict)
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
