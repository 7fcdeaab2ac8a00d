"""``tme query | show | graph``: look inside the memory."""

from __future__ import annotations

import json
import math
import re
from enum import StrEnum
from pathlib import Path as FilePath
from typing import Annotated, Any

import typer
from neo4j.graph import Node, Path
from rich.console import Console
from rich.table import Table
from rich.tree import Tree

from tme_neo4j import queries
from tme_neo4j.errors import InvalidInputError
from tme_neo4j.models import Task, TaskStatus, WorkspaceState
from tme_neo4j.queries import _literal
from tme_neo4j.render import to_dot, to_image, to_mermaid

from ._common import JsonOpt, WorkspaceOpt, open_store
from ._output import console, plain, print_json

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
    browser: Annotated[bool, typer.Option(
        "--browser", help="Print the statement with its parameters filled in, ready to paste "
        "into Neo4j Browser, instead of running it.")] = False,
    workspace: WorkspaceOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Run a named inspection query from cypher/inspect/, or print it for Neo4j Browser."""
    named = _named_queries()
    if list_ or name is None:
        if json_:
            print_json([{"name": n, "purpose": q.purpose, "parameters": q.parameters,
                         "returns": q.returns, "browser_only": q.mode != "read"}
                        for n, q in named.items()])
            return
        for n, q in named.items():
            only = "  [--browser only]" if q.mode != "read" else ""
            console.print(f"{n}  ({q.parameters}){only}\n    {q.purpose}", markup=False,
                          highlight=False)
        return
    if name not in named:
        raise InvalidInputError(f"no inspection query {name!r}; see `tme query --list`")
    found = named[name]
    params = _params(param or [])
    if "ws" in params:
        if workspace is not None and workspace != params["ws"]:
            raise InvalidInputError(f"-p ws={params['ws']} and -w {workspace} name two "
                                    "workspaces; give one, with -w")
        workspace = str(params.pop("ws"))
    with open_store(workspace) as store:
        store.workspace_info()  # an unknown workspace is an error, not an empty result
        if browser:
            print(browser_statement(found, params | {"ws": store.workspace}))
            return
        if found.mode != "read":
            raise InvalidInputError(f"{name} is a write for Neo4j Browser's display; print it "
                                    f"with `tme query {name} -w {store.workspace} --browser`")
        rows = store.inspect(name, params)
    if json_:
        print_json([{k: plain(v) for k, v in row.items()} for row in rows])
        return
    table = Table(*(rows[0].keys() if rows else ["(no rows)"]))
    for row in rows:
        table.add_row(*(_cell(v) for v in row.values()))
    console.print(table)


def _named_queries() -> dict[str, queries.Query]:
    """The inspection queries, then the Browser display statements (printed, never run)."""
    found: dict[str, queries.Query] = {}
    for prefix in ("inspect/", "browser/"):
        found |= {n.removeprefix(prefix): q for n, q in queries.all_queries().items()
                  if n.startswith(prefix)}
    return found


def _params(items: list[str]) -> dict[str, Any]:
    params = {}
    for item in items:
        key, sep, value = item.partition("=")
        if not sep or not key:
            raise InvalidInputError(f"--param expects KEY=VALUE, not {item!r}")
        params[key] = _literal(value)
    return params


def browser_statement(query: queries.Query, values: dict[str, Any]) -> str:
    """One statement for Neo4j Browser: ``query`` with every ``$parameter`` replaced by the
    value as a Cypher literal. Browser runs a pasted ``:param`` line and a query as a script of
    two and draws nothing, so the values go into the statement itself."""
    missing = [p for p in query.parameter_names if p not in values]
    if missing:
        raise InvalidInputError(f"query {query.name!r} needs parameter(s): "
                                + ", ".join(f"-p {p}=..." for p in missing))
    unknown = sorted(set(values) - set(query.parameter_names))
    if unknown:
        raise InvalidInputError(f"query {query.name!r} has no parameter(s): "
                                + ", ".join(unknown))
    lines = [f"// {query.name.split('/', 1)[-1]} (tme query --browser): {query.purpose}"]
    for line in query.text.splitlines():
        if line.startswith("//"):
            continue
        lines.append(_PARAMETER.sub(lambda m: cypher_literal(values[m[1]]), line))
    return "\n".join(lines)


_PARAMETER = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")


def cypher_literal(value: Any) -> str:
    """``value`` written as a Cypher literal (strings escaped, never spliced raw)."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if not math.isfinite(value):
            raise InvalidInputError(f"{value} has no Cypher literal")
        return repr(value)
    if isinstance(value, str):
        escaped = "".join(_ESCAPES.get(c, c if c >= " " else f"\\u{ord(c):04x}")
                          for c in value)
        return f"'{escaped}'"
    if isinstance(value, list):
        return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
    raise InvalidInputError(f"a parameter of type {type(value).__name__} has no Cypher literal")


_ESCAPES = {"\\": "\\\\", "'": "\\'", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _cell(value: Any) -> str:
    """A table cell: nodes and paths drawn short, as in Cypher patterns (``--json`` has all)."""
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    if isinstance(value, Node):
        return _node(value)
    if isinstance(value, Path):
        text = _node(value.start_node)
        for rel in value.relationships:
            text += f"-[:{rel.type}]->" + _node(rel.end_node) if rel.end_node else ""
        return text
    return json.dumps(plain(value), ensure_ascii=False)


def _node(node: Node) -> str:
    name = node.get("key", node.get("n", node.get("id", "")))
    return f"(:{':'.join(sorted(node.labels))} {name})"


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
    output: Annotated[FilePath | None, typer.Option("--output", "-o", help="File (default: stdout "
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
