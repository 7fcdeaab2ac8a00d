"""Options and helpers shared by the CLI command modules."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated

import typer

from tme_neo4j.config import Settings
from tme_neo4j.models import Task, TaskStatus, WorkspaceState
from tme_neo4j.store import MemoryStore

WorkspaceOpt = Annotated[
    str | None,
    typer.Option("--workspace", "-w", help="Workspace id (default: TME_WORKSPACE or 'default')."),
]
JsonOpt = Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")]
AgentOpt = Annotated[
    str | None, typer.Option("--agent", help="Who makes the change (default: TME_AGENT).")
]


@contextmanager
def open_store(workspace: str | None, agent: str | None = None) -> Iterator[MemoryStore]:
    """A connected store on ``workspace``, starting the local server when needed."""
    with MemoryStore(Settings(), workspace=workspace, agent=agent) as store:
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
