"""``tme changes | watch | claim | release``: working on one workspace with other agents."""

from __future__ import annotations

import time
from typing import Annotated

import typer

from tme_neo4j.models import Change
from tme_neo4j.text import MAX_INT, printable

from ._common import AgentOpt, JsonOpt, WorkspaceOpt, open_store
from ._output import console, print_json

__all__ = ["register"]


def register(app: typer.Typer) -> None:
    app.command("changes")(changes)
    app.command("watch")(watch)
    app.command("claim")(claim)
    app.command("release")(release)


def _print_change(c: Change) -> None:
    turn = f" (turn {c.turn})" if c.turn else ""
    console.print(printable(f"{c.seq:>6} {c.at:%H:%M:%S} {c.agent or '?':<12} {c.op:<11} "
                            f"{c.key}{turn}"), markup=False, highlight=False)


def changes(
    since: Annotated[int, typer.Option("--since", min=0, max=MAX_INT,
                                       help="Sequence number seen last.")] = 0,
    workspace: WorkspaceOpt = None,
    json_: JsonOpt = False,
) -> None:
    """What changed after a sequence number: task, operation, agent, sequence."""
    with open_store(workspace) as store:
        store.workspace_info()  # an unknown workspace is an error, not an empty feed
        found = store.changes(since)
    if json_:
        print_json(found)
        return
    for c in found:
        _print_change(c)


def watch(
    since: Annotated[int | None, typer.Option("--since", min=0, max=MAX_INT,
                                              help="Start after this sequence "
                                              "number (default: now).")] = None,
    interval: Annotated[float, typer.Option("--interval", min=0.1)] = 1.0,
    until_seq: Annotated[int | None, typer.Option("--until-seq", min=0, max=MAX_INT,
                                                  help="Stop once this "
                                                  "sequence number has been shown.")] = None,
    workspace: WorkspaceOpt = None,
) -> None:
    """Follow a workspace live: print each change as it lands (Ctrl-C to stop)."""
    with open_store(workspace) as store:
        seen = store.workspace_info()["seq"] if since is None else since
        console.print(f"Watching {store.workspace} after sequence {seen}...", markup=False)
        try:
            while until_seq is None or seen < until_seq:
                for c in store.changes(seen):
                    _print_change(c)
                    seen = max(seen, c.seq)
                if until_seq is None or seen < until_seq:
                    time.sleep(interval)
        except KeyboardInterrupt:
            return


def claim(
    key: str,
    seconds: Annotated[int, typer.Option("--seconds", "-s")] = 60,
    workspace: WorkspaceOpt = None, agent: AgentOpt = None, json_: JsonOpt = False,
) -> None:
    """Claim a task for some seconds: other agents' writes to it are refused meanwhile."""
    with open_store(workspace, agent) as store:
        held = store.claim(key, seconds)
    if json_:
        print_json(held)
    else:
        console.print(f"{held.key} claimed by {held.claimed_by} until "
                      f"{held.claimed_until:%H:%M:%S}", markup=False)


def release(key: str, workspace: WorkspaceOpt = None, agent: AgentOpt = None) -> None:
    """Release your claim on a task."""
    with open_store(workspace, agent) as store:
        released = store.release(key)
    console.print(f"{key} released." if released else f"You held no claim on {key}.",
                  markup=False)
