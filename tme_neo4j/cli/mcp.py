"""``tme mcp``: serve the memory to MCP clients over stdio (default) or streamable HTTP."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import shutil
import sys
from pathlib import Path
from typing import Annotated, Any

import typer

from tme_neo4j.errors import InvalidInputError

from ._common import AgentOpt, WorkspaceOpt
from ._output import err_console

__all__ = ["client_config", "parse_address", "register"]

DEFAULT_HOST = "127.0.0.1"
#: Environment variables a client must pass on for the server to find the same memory.
_CARRIED = ("TME_NEO4J_URI", "TME_NEO4J_USER", "TME_NEO4J_PASSWORD", "TME_NEO4J_DATABASE",
            "TME_TRIM", "TME_OPENAI_API_KEY", "OPENAI_API_KEY", "TME_OPENAI_BASE_URL",
            "OPENAI_BASE_URL", "TME_LLM_MODEL")


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
    if (not port.isascii() or not port.isdigit() or int(port) > 65535
            or (":" in host and not address.startswith("["))):
        raise InvalidInputError(
            f"--http expects HOST:PORT (e.g. 127.0.0.1:8765, [::1]:8765 or :8765), not {address!r}"
        )
    return host or DEFAULT_HOST, int(port)


def _say(message: str) -> None:
    # Always stderr: in stdio mode stdout carries the protocol.
    err_console.print(message, markup=False, highlight=False)


def _tme_executable() -> str:
    """The absolute path of this ``tme``: a desktop client does not share the shell's PATH."""
    beside = Path(sys.executable).with_name("tme")
    if beside.exists():
        return str(beside)
    found = shutil.which("tme")
    return str(Path(found).absolute()) if found else str(beside)


def client_config(
    *, workspace: str, agent: str | None, only: bool, address: tuple[str, int] | None,
    token: str | None,
) -> dict[str, Any]:
    """An ``mcpServers`` entry a client can use as it is: the absolute ``tme`` and the
    environment that leads to this memory (stdio), or the URL and token (HTTP)."""
    from tme_neo4j.config import Settings

    settings = Settings()
    if address is not None:
        host, port = address
        shown = f"[{host}]" if ":" in host else host
        entry: dict[str, Any] = {"type": "http", "url": f"http://{shown}:{port}/mcp"}
        if token is not None:
            entry["headers"] = {"Authorization": f"Bearer {token}"}
        return {"mcpServers": {"tme": entry}}
    args = ["mcp", "--workspace", workspace]
    if agent is not None:
        args += ["--agent", agent]
    if only:
        args.append("--only")
    env = {"TME_HOME": str(settings.home.expanduser().absolute()),
           "TME_BOLT_PORT": str(settings.bolt_port), "TME_HTTP_PORT": str(settings.http_port)}
    env |= {name: os.environ[name] for name in _CARRIED if os.environ.get(name)}
    return {"mcpServers": {"tme": {"command": _tme_executable(), "args": args, "env": env}}}


def serve(
    workspace: WorkspaceOpt = None,
    agent: AgentOpt = None,
    http: Annotated[
        str | None,
        typer.Option("--http", metavar="HOST:PORT",
                     help="Serve streamable HTTP on HOST:PORT (default host 127.0.0.1) instead "
                          "of stdio. Every request needs a bearer token (see --print-config)."),
    ] = None,
    only: Annotated[
        bool, typer.Option("--only", help="Serve the --workspace only: calls naming another "
                                          "workspace are refused.")] = False,
    no_token: Annotated[
        bool, typer.Option("--no-token", help="HTTP without a bearer token: anyone who can "
                                              "reach the port can read and write.")] = False,
    new_token: Annotated[
        bool, typer.Option("--new-token", help="Make an HTTP token (bound to --agent if given: "
                                               "its calls act as that agent), print it, exit.")]
    = False,
    print_config: Annotated[
        bool, typer.Option("--print-config", help="Print a client configuration (mcpServers "
                                                  "JSON) for these options and exit.")] = False,
) -> None:
    """Serve the memory to MCP clients: stdio by default, or streamable HTTP with --http.

    Neo4j is reached on the first call. Every tool takes an optional workspace and agent too.
    """
    from tme_neo4j import mcp_server
    from tme_neo4j.config import Settings
    from tme_neo4j.text import check_agent, check_workspace_id

    settings = Settings()
    ws = check_workspace_id(workspace or settings.workspace)
    if agent is not None:
        check_agent(agent)
    address = parse_address(http) if http is not None else None
    tokens = None if no_token or address is None else mcp_server.TokenFile(settings)
    if new_token:
        made = mcp_server.TokenFile(settings).token_for(agent)
        bound = f" acting as agent {made.agent!r}" if made.agent else " for any agent"
        _say(f"token{bound}, stored in {mcp_server.TokenFile(settings).path}:")
        print(made.token)
        return
    if print_config:
        token = tokens.token_for(agent).token if tokens is not None else None
        print(json.dumps(client_config(workspace=ws, agent=agent, only=only, address=address,
                                       token=token), indent=2))
        if address is not None:
            flags = " --no-token" if no_token else ""
            _say(f"start the server with: {_tme_executable()} mcp --http {http} "
                 f"--workspace {ws}{' --only' if only else ''}{flags}")
        return

    # The application owns logging; warnings and errors go to stderr, never stdout.
    logging.basicConfig(level=logging.WARNING, stream=sys.stderr,
                        format="%(levelname)s %(name)s: %(message)s")
    service = mcp_server.MemoryService(settings, workspace=ws, agent=agent, only=only)
    server = mcp_server.build_server(service=service)
    who = f"workspace {service.workspace!r}{' only' if only else ''} as agent {service.agent!r}"
    if address is None:
        _say(f"tme mcp: serving {who} on stdio")
        with contextlib.suppress(KeyboardInterrupt):
            mcp_server.run_stdio(server)
        return
    host, port = address
    if tokens is not None:
        tokens.tokens()  # made on first use, before anyone can ask
    sock = mcp_server.bind(host, port)
    if tokens is None:
        _say("warning: --no-token: any program that can reach this port can read and write "
             "the memory")
    if not mcp_server.is_loopback(host):
        _say(f"warning: listening on {host}, reachable beyond this machine"
             + ("; DNS rebinding protection is off on a wildcard address"
                if not mcp_server.transport_security(host).enable_dns_rebinding_protection
                else ""))

    def ready(url: str) -> None:
        auth = f"; bearer tokens in {tokens.path}" if tokens is not None else ""
        _say(f"tme mcp: serving {who} over streamable HTTP at {url}{auth}")

    with contextlib.suppress(KeyboardInterrupt):
        mcp_server.run_http(server, sock, host=host, tokens=tokens, ready=ready)
