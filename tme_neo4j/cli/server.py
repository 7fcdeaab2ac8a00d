"""``tme server``: the local Neo4j under TME_HOME (start, stop, status, logs)."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tme_neo4j.config import Settings
from tme_neo4j.errors import TmeError
from tme_neo4j.server import LocalServer, ServerStatus

from ._output import console, err_console, print_json

__all__ = ["app"]

app = typer.Typer(
    no_args_is_help=True,
    rich_markup_mode=None,
    help="Run a local Neo4j 5.26 Community server under TME_HOME (no Docker needed).",
)


def _server() -> LocalServer:
    return LocalServer(Settings())


def _print_status(status: ServerStatus, password_file: Path) -> None:
    state = f"running (pid {status.pid})" if status.running else "not running"
    console.print(f"Neo4j {status.version}: {state}", markup=False, highlight=False)
    for label, value in (
        ("Bolt", status.bolt_uri),
        ("Browser", f"{status.browser_url} (user neo4j)"),
        ("Password", f"in {password_file}"),
        ("Data", str(status.data_dir)),
    ):
        console.print(f"  {label + ':':<10}{value}", markup=False, highlight=False)


@app.command()
def start() -> None:
    """Start the server (downloading Neo4j on first use) and wait until it answers; then remove
    what killed imports staged and finish those killed after their commit."""
    server = _server()
    before = server.status()
    if before.running:
        console.print(f"Neo4j is already running (pid {before.pid}).", markup=False)
        _print_status(before, server.password_file)
        _recover_imports()
        return
    try:
        with err_console.status("Starting Neo4j...") as spinner:
            status = server.start(progress=spinner.update)
    except TmeError as e:
        # Printed here rather than by the root handler: the message ends with server log lines,
        # whose brackets must not be read as markup.
        err_console.print(f"error: {e}", markup=False, highlight=False)
        raise typer.Exit(e.exit_code) from None
    _print_status(status, server.password_file)
    console.print("tme reads the password from that file for you.", markup=False)
    _recover_imports()


def _recover_imports() -> None:
    """Remove what imports killed before their commit staged, and finish those killed after
    it, saying what was done. Only when this server is the one tme uses."""
    settings = Settings()
    if settings.neo4j_uri:
        return
    from tme_neo4j.portable import recover_imports
    from tme_neo4j.store import MemoryStore

    try:
        with MemoryStore(settings).connect(start_server=False) as store:
            recovery = recover_imports(store)
    except TmeError as e:
        err_console.print(f"warning: could not check for imports left unfinished: {e}",
                          markup=False, highlight=False)
        return
    for staging, nodes in recovery.discarded.items():
        console.print(f"Removed {nodes} nodes staged by an import that did not finish "
                      f"({staging}).", markup=False, highlight=False)
    for target in recovery.finished:
        console.print(f"Finished the import into workspace {target!r} that was stopped "
                      "after its commit.", markup=False, highlight=False)


@app.command()
def stop() -> None:
    """Stop the server gracefully; its data stays."""
    if _server().stop():
        console.print("Neo4j stopped.", markup=False)
    else:
        console.print("Neo4j was not running.", markup=False)


@app.command()
def status(
    json_: Annotated[bool, typer.Option("--json", help="Print the status as JSON.")] = False,
) -> None:
    """Whether the server runs, its version, Bolt and Browser URLs and data folder."""
    server = _server()
    current = server.status()
    if json_:
        print_json(current)
    else:
        _print_status(current, server.password_file)


@app.command()
def logs(
    lines: Annotated[
        int, typer.Option("-n", "--lines", min=1, help="How many lines from the end.")
    ] = 50,
) -> None:
    """Print the end of the server's log."""
    server = _server()
    tail = server.log_tail(lines)
    if not tail:
        err_console.print(f"No log yet at {server.log_file}.", markup=False)
        return
    for line in tail:
        typer.echo(line)
