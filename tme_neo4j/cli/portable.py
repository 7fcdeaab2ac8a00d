"""``tme export`` and ``tme import``: a workspace to a file and back."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated, Literal

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

from tme_neo4j import portable
from tme_neo4j.errors import InvalidInputError

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
                     "recreates the workspace (paste it into Neo4j Browser, or "
                     "cypher-shell -f FILE)."),
    ] = "json",
) -> None:
    """Write a workspace (tasks, edges, revisions, turns, change feed) to a JSON document or a
    Cypher script, as one consistent state: writers of the workspace wait until it is read."""
    if output == "-":
        with open_store(workspace) as store, \
                _progress_bar(f"export {store.workspace}") as report:
            result = portable.export_workspace(store, sys.stdout, report, format_=format_)
            sys.stdout.flush()
        _summary(result, "standard output", err_console)
        return
    # Written beside the target and renamed at the end: a failed export leaves no file.
    target = Path(output)
    partial = target.with_name(target.name + ".partial")
    try:
        out = partial.open("w", encoding="utf-8")
    except OSError as e:
        raise InvalidInputError(f"{output}: cannot write the file: {e.strerror or e}") from e
    try:
        with out, open_store(workspace) as store, \
                _progress_bar(f"export {store.workspace}") as report:
            result = portable.export_workspace(store, out, report, format_=format_)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)
    _summary(result, output, console)


def _summary(result: portable.ExportResult, where: str, to: Console) -> None:
    to.print(f"Exported workspace {result.workspace} at seq {result.seq}: {result.tasks} "
             f"tasks, {result.edges} edges, {result.revisions} revisions, {result.turns} "
             f"turns, {result.changes} changes to {where}", markup=False, highlight=False)


def import_(
    file: Annotated[str, typer.Argument(help="An export document; - for stdin.")],
    workspace: Annotated[
        str | None,
        typer.Option("--workspace", "-w",
                     help="Import under this workspace id instead of the one in the file."),
    ] = None,
    replace: Annotated[
        bool, typer.Option("--replace", help="Replace an existing workspace of that id (once "
                           "the whole document is read and checked).")
    ] = False,
    json_: JsonOpt = False,
) -> None:
    """Import an export document as a workspace: all or nothing. The document is checked as
    it is read (each problem is named) and the workspace appears only once it is complete."""
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
