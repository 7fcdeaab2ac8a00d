"""``tme mcp``: serve the memory to MCP clients over stdio (default) or streamable HTTP."""

from __future__ import annotations

import contextlib
import logging
import sys
from typing import Annotated

import typer

from tme_neo4j.errors import InvalidInputError

from ._common import AgentOpt, WorkspaceOpt
from ._output import err_console

__all__ = ["parse_address", "register"]

DEFAULT_HOST = "127.0.0.1"


def register(app: typer.Typer) -> None:
    app.command("mcp")(serve)


def parse_address(address: str) -> tuple[str, int]:
    """``HOST:PORT``, ``[IPV6]:PORT``, ``:PORT`` or ``PORT``; the host defaults to loopback.

    Raises:
        InvalidInputError: not an address, or the port is outside 0-65535 (0: any free port).
    """
    host, sep, port = address.rpartition(":")
    if not sep:
        host, port = "", address
    host = host.strip()
    if host.startswith("[") and host.endswith("]"):
        host = host[1:-1]
    if not port.isdigit() or int(port) > 65535 or (":" in host and not address.startswith("[")):
        raise InvalidInputError(
            f"--http expects HOST:PORT (e.g. 127.0.0.1:8765, [::1]:8765 or :8765), not {address!r}"
        )
    return host or DEFAULT_HOST, int(port)


def _say(message: str) -> None:
    # Always stderr: in stdio mode stdout carries the protocol.
    err_console.print(message, markup=False, highlight=False)


def serve(
    workspace: WorkspaceOpt = None,
    agent: AgentOpt = None,
    http: Annotated[
        str | None,
        typer.Option("--http", metavar="HOST:PORT",
                     help="Serve streamable HTTP on HOST:PORT (default host 127.0.0.1) instead "
                          "of stdio."),
    ] = None,
) -> None:
    """Serve the memory to MCP clients: stdio by default, or streamable HTTP with --http.

    Neo4j is reached on the first call. Every tool takes an optional workspace and agent too.
    """
    from tme_neo4j import mcp_server
    from tme_neo4j.config import Settings

    # The application owns logging; warnings and errors go to stderr, never stdout.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    address = parse_address(http) if http is not None else None
    service = mcp_server.MemoryService(Settings(), workspace=workspace, agent=agent)
    server = mcp_server.build_server(service=service)
    who = f"workspace {service.workspace!r} as agent {service.agent!r}"
    if address is None:
        _say(f"tme mcp: serving {who} on stdio")
        with contextlib.suppress(KeyboardInterrupt):
            mcp_server.run_stdio(server)
        return
    host, port = address
    sock = mcp_server.bind(host, port)
    if not mcp_server.is_loopback(host):
        _say(f"warning: listening on {host}, reachable beyond this machine; the endpoint has no "
             "authentication and no DNS rebinding protection")

    def ready(url: str) -> None:
        _say(f"tme mcp: serving {who} over streamable HTTP at {url}")

    with contextlib.suppress(KeyboardInterrupt):
        mcp_server.run_http(server, sock, host=host, ready=ready)
