"""The ``tme`` command line. One module per command group, joined here."""

from __future__ import annotations

import logging
from typing import Any

import typer
from typer.core import TyperGroup

from tme_neo4j.errors import TmeError

from ._output import err_console

__all__ = ["app", "main"]


class _TmeGroup(TyperGroup):
    """Turns every expected error into one line on stderr and its exit code, never a traceback."""

    # typer passes its own Context (a subclass of the vendored click one) to every command.
    def invoke(self, ctx: typer.Context) -> Any:  # type: ignore[override]
        try:
            return super().invoke(ctx)
        except TmeError as e:
            err_console.print(f"error: {e}", markup=False)
            raise typer.Exit(e.exit_code) from None
        except OSError as e:
            if e.filename is None:
                raise
            # A path the user gave that cannot be read or written: bad input, one line.
            err_console.print(f"error: {e.filename}: {e.strerror}", markup=False)
            raise typer.Exit(2) from None


app = typer.Typer(
    cls=_TmeGroup,
    no_args_is_help=True,
    add_completion=False,
    # Plain help, here and in every sub-app: it wraps as prose to the terminal and prints no
    # type such as <bool> beside each flag.
    rich_markup_mode=None,
    help="Task Memory Engine on Neo4j: task graphs with revision history for LLM agents.",
)


def _register() -> None:
    from . import bench, inspect, mcp, portable, server, shared, tasks, turns

    tasks.register(app)
    turns.register(app)
    portable.register(app)
    inspect.register(app)
    mcp.register(app)
    shared.register(app)
    bench.register(app)
    app.add_typer(server.app, name="server")


_register()


def main() -> None:
    # The driver logs each retry and pool failure; the CLI reports the outcome in one line.
    logging.getLogger("neo4j").addHandler(logging.NullHandler())
    app()
