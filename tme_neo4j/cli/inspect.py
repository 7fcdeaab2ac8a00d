"""``tme query | show | graph``: look inside the memory."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from tme_neo4j import queries
from tme_neo4j.errors import InvalidInputError
from tme_neo4j.models import Task, TaskStatus, WorkspaceState
from tme_neo4j.queries import _literal
from tme_neo4j.render import to_dot, to_image, to_mermaid

from ._common import JsonOpt, WorkspaceOpt, open_store
from ._output import console, print_json

__all__ = ["register"]


class GraphFormat(StrEnum):
    MERMAID = "mermaid"
    DOT = "dot"
    SVG = "svg"
    PNG = "png"


def register(app: typer.Typer) -> None:
    app.command("query")(query)
    app.command("show")(show)
    app.command("graph")(graph)


def query(
    name: Annotated[str | None, typer.Argument(help="Query name, e.g. list_stale_tasks.")] = None,
    param: Annotated[list[str] | None, typer.Option("--param", "-p",
                                                    help="KEY=VALUE, repeatable.")] = None,
    list_: Annotated[bool, typer.Option("--list", help="List the named queries.")] = False,
    workspace: WorkspaceOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Run a named inspection query from cypher/inspect/ (the same files paste into Browser)."""
    inspect = {n.removeprefix("inspect/"): q for n, q in queries.all_queries().items()
               if n.startswith("inspect/")}
    if list_ or name is None:
        if json_:
            print_json([{"name": n, "purpose": q.purpose, "parameters": q.parameters,
                         "returns": q.returns} for n, q in inspect.items()])
            return
        for n, q in inspect.items():
            console.print(f"{n}  ({q.parameters})\n    {q.purpose}", markup=False,
                          highlight=False)
        return
    if name not in inspect:
        raise InvalidInputError(f"no inspection query {name!r}; see `tme query --list`")
    params = {}
    for item in param or []:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidInputError(f"--param expects KEY=VALUE, not {item!r}")
        params[key] = _literal(value)
    with open_store(workspace) as store:
        rows = store.inspect(name, params)
    if json_:
        print_json(rows)
        return
    table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
    for row in rows:
        table.add_row(*(str(v) if v is not None else "" for v in row.values()))
    console.print(table)


def _tree(state: WorkspaceState) -> Tree:
    top = Tree(f"[bold]{state.workspace}[/bold]")

    def label(task: Task) -> str:
        value = f": {task.value}" if task.value else ""
        style = {TaskStatus.DONE: "blue", TaskStatus.CANCELLED: "dim strike"}.get(task.status, "")
        text = f"{task.title}{value}".replace("[", r"\[")
        text = f"[{style}]{text}[/{style}]" if style else text
        text += f" [dim]({task.key})[/dim]"
        if task.depends_on:
            text += f" [cyan]needs {', '.join(task.depends_on)}[/cyan]"
        if len(task.parents) > 1:
            text += f" [magenta]shared by {', '.join(task.parents)}[/magenta]"
        if task.stale:
            reason = (task.stale_reason or "").replace("[", r"\[")
            text += f" [yellow]STALE: {reason}[/yellow]"
        return text

    def walk(node: Tree, task: Task, seen: tuple[str, ...]) -> None:
        branch = node.add(label(task))
        for child in state.children(task.key):
            if child.key not in seen:
                walk(branch, child, (*seen, task.key))

    for root in state.roots():
        walk(top, root, ())
    return top


def show(
    workspace: WorkspaceOpt = None,
    all_: Annotated[bool, typer.Option("--all", help="Include cancelled tasks.")] = False,
) -> None:
    """Print a workspace as a tree: values, status, stale marks, shared subtasks, dependencies."""
    with open_store(workspace) as store:
        state = store.state(include_cancelled=all_)
    # A tree wraps in a terminal; piped, it is not cut at 80 columns: a line is only useful whole.
    Console(width=None if console.is_terminal else 400).print(_tree(state))


def graph(
    format_: Annotated[GraphFormat, typer.Option("--format", "-f")] = GraphFormat.MERMAID,
    output: Annotated[Path | None, typer.Option("--output", "-o", help="File (default: stdout "
                                                 "for text formats).")] = None,
    all_: Annotated[bool, typer.Option("--all", help="Include cancelled tasks.")] = False,
    workspace: WorkspaceOpt = None,
) -> None:
    """Write the task graph as Mermaid, DOT, or (with Graphviz installed) SVG or PNG."""
    with open_store(workspace) as store:
        state = store.state(include_cancelled=all_)
    if format_ in (GraphFormat.MERMAID, GraphFormat.DOT):
        text = to_mermaid(state) if format_ == GraphFormat.MERMAID else to_dot(state)
        if output is None:
            print(text, end="")
        else:
            output.write_text(text, encoding="utf-8")
        return
    if output is None:
        raise InvalidInputError(f"--format {format_.value} writes a file: give --output FILE")
    output.write_bytes(to_image(state, format_.value))
    console.print(f"Wrote {output}", markup=False)
