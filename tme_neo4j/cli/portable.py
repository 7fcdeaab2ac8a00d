"""``tme export`` and ``tme import``: a workspace to a file and back."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tme_neo4j import portable

from ._common import JsonOpt, WorkspaceOpt, open_store
from ._output import console, err_console, print_json

__all__ = ["register"]

# Below this many items an export or import is over before a bar would be worth drawing.
_BAR_FROM = 5_000


def register(app: typer.Typer) -> None:
    app.command("export")(export)
    app.command("import")(import_)


@contextlib.contextmanager
def _progress_bar(verb: str) -> Iterator[portable.Progress]:
    """A progress callback that draws a bar on stderr once the total is large enough."""
    bar: Progress | None = None
    task = None

    def report(done: int, total: int) -> None:
        nonlocal bar, task
        if bar is None:
            if total < _BAR_FROM or not err_console.is_terminal:
                return
            bar = Progress(TextColumn(verb), BarColumn(), MofNCompleteColumn(),
                           TimeElapsedColumn(), console=err_console, transient=True)
            bar.start()
            task = bar.add_task(verb, total=total)
        assert task is not None
        bar.update(task, completed=done)

    try:
        yield report
    finally:
        if bar is not None:
            bar.stop()


def export(
    workspace: WorkspaceOpt = None,
    output: Annotated[str, typer.Option("--output", "-o", help="File to write; - for stdout.")]
    = "-",
    format_: Annotated[
        Literal["json", "cypher"],
        typer.Option("--format", help="json: the export document; cypher: a script that "
                     "recreates the workspace (cypher-shell -f FILE or Neo4j Browser)."),
    ] = "json",
) -> None:
    """Write a workspace (tasks, edges, revisions, turns, change feed) to a JSON document or a
    Cypher script."""
    with open_store(workspace) as store, _progress_bar(f"export {store.workspace}") as report:
        if output == "-":
            portable.export_workspace(store, sys.stdout, report, format_=format_)
            sys.stdout.flush()
            return
        # Written beside the target and renamed at the end: a failed export leaves no file.
        target = Path(output)
        partial = target.with_name(target.name + ".partial")
        try:
            with partial.open("w", encoding="utf-8") as out:
                portable.export_workspace(store, out, report, format_=format_)
            os.replace(partial, target)
        finally:
            partial.unlink(missing_ok=True)


def import_(
    file: Annotated[str, typer.Argument(help="An export document; - for stdin.")],
    workspace: Annotated[
        str | None,
        typer.Option("--workspace", "-w",
                     help="Import under this workspace id instead of the one in the file."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete an existing workspace of that id first "
                           "(in the same transaction).")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Import an export document as a workspace, in one transaction: all or nothing."""
    with open_store(None) as store, _progress_bar("import") as report:
        result = portable.import_workspace(store, file, workspace=workspace, replace=replace,
                                           progress=report)
    if json_:
        print_json(result)
        return
    verb = "Replaced" if result.replaced else "Imported"
    console.print(f"{verb} workspace {result.workspace}: {result.tasks} tasks, "
                  f"{result.edges} edges, {result.revisions} revisions, {result.turns} turns, "
                  f"{result.changes} changes",
                  markup=False, highlight=False)
