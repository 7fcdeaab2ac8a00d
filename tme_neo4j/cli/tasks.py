"""``tme init | state | history`` and ``tme task ...``: the memory, operation by operation."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated, Any

import typer

from tme_neo4j.models import Task
from tme_neo4j.store import MemoryStore
from tme_neo4j.text import MAX_INT, printable

from ._common import AgentOpt, JsonOpt, WorkspaceOpt, open_store, tree_lines
from ._output import console, err_console, print_json

__all__ = ["register", "task_app"]

task_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                       help="Change tasks one operation at a time.")
workspace_app = typer.Typer(no_args_is_help=True, rich_markup_mode=None,
                            help="List the workspaces, or delete one with everything in it.")


def register(app: typer.Typer) -> None:
    app.command("init")(init)
    app.command("state")(state)
    app.command("history")(history)
    app.add_typer(task_app, name="task")
    app.add_typer(workspace_app, name="workspace")


@workspace_app.command("list")
def list_workspaces(json_: JsonOpt = False) -> None:
    """Every workspace with its task count, turns and sequence number."""
    with open_store(None) as store:
        rows = store.list_workspaces()
    if json_:
        print_json([{**r, "created_at": r["created_at"] and r["created_at"].isoformat()}
                    for r in rows])
        return
    for r in rows:
        console.print(f"{r['ws']}  {r['tasks']} tasks, {r['turns']} turns, seq {r['seq']}",
                      markup=False, highlight=False)


@workspace_app.command("delete")
def delete_workspace(
    workspace: Annotated[str, typer.Argument(help="The workspace to delete.")],
    yes: Annotated[bool, typer.Option("--yes", help="Delete without asking.")] = False,
) -> None:
    """Delete a workspace and everything in it: tasks, history, turns, change feed. A write in
    progress on it finishes first; nothing of it is left."""
    if not yes and not typer.confirm(f"Delete workspace {workspace!r} and everything in it?"):
        err_console.print("Nothing deleted.", markup=False)
        raise typer.Exit(1)
    with open_store(workspace) as store:
        removed = store.delete_workspace()
    console.print(f"Deleted {workspace}: {removed} nodes.", markup=False, highlight=False)


def _print(task: Task, json_: bool) -> None:
    if json_:
        print_json(task)
        return
    value = f": {task.value}" if task.value else ""
    console.print(f"{task.key} = {task.title}{value} [{task.status.value}, v{task.version}]",
                  markup=False, highlight=False)
    if task.stale:
        console.print(f"  stale: {task.stale_reason}", markup=False, highlight=False)


def _write(store: MemoryStore, op: dict[str, Any], json_: bool) -> None:
    """Apply one operation; print the task, then every dependent it made stale."""
    result = store.apply([op])
    key = op["key"]
    task = next((t for t in result.tasks if t.key == key), None) or store.get_task(key)
    _print(task, json_)
    if not json_:
        for dependent, why in result.stale.items():
            console.print(f"  now stale: {dependent} ({why})", markup=False, highlight=False)


def init(workspace: WorkspaceOpt = None, json_: JsonOpt = False) -> None:
    """Create a workspace (and the schema); harmless when it exists."""
    with open_store(workspace) as store:
        created = store.create_workspace()
        if json_:
            print_json({"workspace": store.workspace, "created": created})
        else:
            verb = "Created" if created else "Workspace already exists:"
            console.print(f"{verb} {store.workspace}", markup=False)


def state(
    workspace: WorkspaceOpt = None,
    json_: JsonOpt = False,
    all_: Annotated[bool, typer.Option("--all", help="Include cancelled tasks.")] = False,
    as_of_turn: Annotated[int | None, typer.Option("--as-of-turn", min=0, max=MAX_INT,
                                                   help="State after turn N.")]
    = None,
    as_of: Annotated[datetime | None, typer.Option("--as-of", help="State at a time (ISO).")]
    = None,
) -> None:
    """The tasks of a workspace with current values, parents, dependencies and stale flags."""
    with open_store(workspace) as store:
        current = store.state(include_cancelled=all_, as_of_turn=as_of_turn, as_of=as_of)
    if json_:
        print_json(current)
        return
    for line in tree_lines(current):
        console.print(line, markup=False, highlight=False)


def history(key: str, workspace: WorkspaceOpt = None, json_: JsonOpt = False) -> None:
    """Every value a task has had: revision, operation, who, when, turn."""
    with open_store(workspace) as store:
        revisions = store.history(key)
    if json_:
        print_json(revisions)
        return
    for r in revisions:
        turn = f" turn {r.turn}" if r.turn else ""
        reason = f"  ({r.reason})" if r.reason else ""
        console.print(printable(f"{r.n:>3} {r.op:<9} {r.title}: {r.value or '-'} "
                                f"[{r.status.value}] by {r.by or '?'} "
                                f"at {r.at:%Y-%m-%d %H:%M:%S}{turn}{reason}"),
                      markup=False, highlight=False)


@task_app.command("add")
def add(
    key: str,
    title: str,
    value: Annotated[str | None, typer.Option("--value", "-v")] = None,
    parent: Annotated[list[str] | None, typer.Option("--parent", "-p")] = None,
    depends_on: Annotated[list[str] | None, typer.Option("--depends-on", "-d")] = None,
    workspace: WorkspaceOpt = None, agent: AgentOpt = None, json_: JsonOpt = False,
) -> None:
    """Add a task with a stable KEY and a TITLE."""
    with open_store(workspace, agent) as store:
        _print(store.add_task(key, title, value, parents=parent or [],
                              depends_on=depends_on or []), json_)


@task_app.command("revise")
def revise(
    key: str,
    value: str,
    title: Annotated[str | None, typer.Option("--title")] = None,
    reason: Annotated[str | None, typer.Option("--reason")] = None,
    expected_version: Annotated[int | None, typer.Option("--expected-version", min=1,
                                                         max=MAX_INT)] = None,
    workspace: WorkspaceOpt = None, agent: AgentOpt = None, json_: JsonOpt = False,
) -> None:
    """Set a task's value; dependents become stale."""
    with open_store(workspace, agent) as store:
        _write(store, {"op": "revise", "key": key, "value": value, "title": title,
                       "reason": reason, "expected_version": expected_version}, json_)


@task_app.command("rollback")
def rollback(
    key: str,
    to: Annotated[int | None, typer.Option("--to", min=1, max=MAX_INT,
                                           help="Revision number to return to.")] = None,
    to_value: Annotated[str | None, typer.Option("--to-value")] = None,
    workspace: WorkspaceOpt = None, agent: AgentOpt = None, json_: JsonOpt = False,
) -> None:
    """Return to the previous value, revision --to N, or the value --to-value."""
    with open_store(workspace, agent) as store:
        _write(store, {"op": "rollback", "key": key, "to_n": to, "to_value": to_value}, json_)


@task_app.command("cancel")
def cancel(key: str, reason: Annotated[str | None, typer.Option("--reason")] = None,
           workspace: WorkspaceOpt = None, agent: AgentOpt = None,
           json_: JsonOpt = False) -> None:
    """Cancel a task (it stays in history and can be restored)."""
    with open_store(workspace, agent) as store:
        _print(store.cancel(key, reason=reason), json_)


@task_app.command("restore")
def restore(key: str, workspace: WorkspaceOpt = None, agent: AgentOpt = None,
            json_: JsonOpt = False) -> None:
    """Bring a cancelled task back."""
    with open_store(workspace, agent) as store:
        _print(store.restore(key), json_)


@task_app.command("done")
def done(key: str, workspace: WorkspaceOpt = None, agent: AgentOpt = None,
         json_: JsonOpt = False) -> None:
    """Mark a task done."""
    with open_store(workspace, agent) as store:
        _print(store.complete(key), json_)


@task_app.command("link")
def link(key: str, parent: str,
         remove: Annotated[bool, typer.Option("--remove", help="Unlink instead.")] = False,
         workspace: WorkspaceOpt = None, agent: AgentOpt = None, json_: JsonOpt = False) -> None:
    """Make KEY a subtask of PARENT (a task may have several parents)."""
    with open_store(workspace, agent) as store:
        _print(store.unlink(key, parent) if remove else store.link(key, parent), json_)


@task_app.command("depend")
def depend(key: str, depends_on: str,
           remove: Annotated[bool, typer.Option("--remove", help="Remove instead.")] = False,
           workspace: WorkspaceOpt = None, agent: AgentOpt = None,
           json_: JsonOpt = False) -> None:
    """Record that KEY depends on DEPENDS_ON (a cycle is refused)."""
    with open_store(workspace, agent) as store:
        _print(store.undepend(key, depends_on) if remove else store.depend(key, depends_on),
               json_)


@task_app.command("clear-stale")
def clear_stale(key: str, workspace: WorkspaceOpt = None, agent: AgentOpt = None,
                json_: JsonOpt = False) -> None:
    """Clear a task's stale flag once it has been reviewed."""
    with open_store(workspace, agent) as store:
        _print(store.clear_stale(key), json_)
