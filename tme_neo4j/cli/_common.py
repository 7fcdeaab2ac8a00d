"""Options and helpers shared by the CLI command modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from tme_neo4j.config import Settings
from tme_neo4j.models import Task, TaskStatus, WorkspaceState
from tme_neo4j.server import LocalServer
from tme_neo4j.store import MemoryStore

from ._output import err_console

WorkspaceOpt = Annotated[
    str | None,
    typer.Option("--workspace", "-w", help="Workspace id (default: TME_WORKSPACE or 'default')."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AgentOpt = Annotated[
    str | None, typer.Option("--agent", help="Who makes the change (default: TME_AGENT).")
]


def start_local_server(settings: Settings) -> None:
    """Start the local server if it is the one to use and is not running, saying each step on
    stderr: a first start downloads Neo4j and sets its password, later ones take half a minute,
    and a command that waits that long in silence looks hung."""
    if settings.neo4j_uri:
        return
    server = LocalServer(settings)
    if server.status().running:
        return
    err_console.print(f"The local Neo4j under {server.home} is not running; starting it.",
                      markup=False, highlight=False)
    status = server.start(progress=lambda step: err_console.print(step, markup=False,
                                                                  highlight=False))
    err_console.print(f"Neo4j is up at {status.bolt_uri}.", markup=False, highlight=False)


@contextmanager
def open_store(workspace: str | None, agent: str | None = None) -> Iterator[MemoryStore]:
    """A connected store on ``workspace``, starting the local server when needed."""
    settings = Settings()
    start_local_server(settings)
    with MemoryStore(settings, workspace=workspace, agent=agent) as store:
        yield store


def tree_lines(state: WorkspaceState) -> list[str]:
    """The workspace as an indented tree; a subtask with two parents appears under both."""
    lines: list[str] = []

    def walk(task: Task, depth: int, seen: tuple[str, ...]) -> None:
        mark = {TaskStatus.DONE: " [done]", TaskStatus.CANCELLED: " [cancelled]"}.get(
            task.status, "")
        value = f": {task.value}" if task.value else ""
        stale = f"  (stale: {task.stale_reason})" if task.stale else ""
        shared = f"  (also under {', '.join(p for p in task.parents if p not in seen)})" \
            if len(task.parents) > 1 else ""
        needs = f"  (needs {', '.join(task.depends_on)})" if task.depends_on else ""
        lines.append(f"{'  ' * depth}- {task.title}{value}{mark}  [{task.key}]"
                     f"{needs}{stale}{shared}")
        for child in state.children(task.key):
            if child.key not in seen:
                walk(child, depth + 1, (*seen, task.key))

    for root in state.roots():
        walk(root, 0, ())
    return lines or ["(empty)"]
