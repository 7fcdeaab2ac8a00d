"""`tme mcp` as a real subprocess and the MCP SDK's own client, shared by the MCP tests.

Each server process gets a home of its own (its bearer tokens live there) and reaches the
test Neo4j through ``TME_NEO4J_URI``, so tests never touch another test's tokens."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from pathlib import Path
from typing import Any

import anyio
import pytest
from mcp import Client
from mcp.client.stdio import StdioServerParameters, stdio_client
from mcp.client.streamable_http import streamable_http_client
from mcp.shared._httpx_utils import create_mcp_http_client
from mcp_types import TextContent, TextResourceContents

from tme_neo4j.config import Settings
from tme_neo4j.connection import resolve_credentials

TME = Path(sys.executable).with_name("tme")
TIMEOUT = 120  # seconds for a whole conversation, including the first connection to Neo4j


def server_env(settings: Settings, home: Path) -> dict[str, str]:
    """A server process's environment: its own home, the test's Neo4j, the offline rules."""
    credentials = resolve_credentials(settings)
    env = dict(os.environ) | {"TME_TRIM": "rules", "TME_HOME": str(home),
                              "TME_NEO4J_URI": credentials.uri,
                              "TME_NEO4J_USER": credentials.user}
    if credentials.password is not None:
        env["TME_NEO4J_PASSWORD"] = credentials.password.get_secret_value()
    return env


def free_port(host: str = "127.0.0.1") -> int:
    family = socket.AF_INET6 if ":" in host else socket.AF_INET
    with socket.socket(family, socket.SOCK_STREAM) as s:
        s.bind((host, 0))
        return int(s.getsockname()[1])


def tme(env: dict[str, str], *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(TME), *args], env=env, capture_output=True, text=True,
                          timeout=120, check=False)


def http_config(env: dict[str, str], address: str, *args: str) -> dict[str, Any]:
    """The ``mcpServers.tme`` entry `tme mcp --print-config --http ADDRESS ARGS` prints."""
    printed = tme(env, "mcp", "--print-config", "--http", address, *args)
    assert printed.returncode == 0, printed.stderr
    return dict(json.loads(printed.stdout)["mcpServers"]["tme"])


@contextmanager
def http_server(env: dict[str, str], log: Path, *args: str, host: str = "127.0.0.1"
                ) -> Iterator[str]:
    """`tme mcp --http HOST:PORT ARGS` as a subprocess; yields its URL once it listens."""
    port = free_port("::1" if ":" in host else "127.0.0.1")
    url = f"http://{f'[{host}]' if ':' in host else host}:{port}/mcp"
    with log.open("w") as err:
        proc = subprocess.Popen([str(TME), "mcp", "--http", url.split("/")[2], *args],
                                stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                                stderr=err, env=env)
        try:
            deadline = time.monotonic() + 60
            while f":{port}/mcp" not in log.read_text():
                if proc.poll() is not None or time.monotonic() > deadline:
                    pytest.fail(f"tme mcp --http did not start:\n{log.read_text()}")
                time.sleep(0.1)
            with socket.create_connection((host, port), timeout=10):
                pass
            yield url
        finally:
            proc.terminate()
            try:
                proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                proc.kill()
                proc.wait(timeout=15)


@asynccontextmanager
async def http_agent(url: str, headers: dict[str, str] | None) -> AsyncIterator[Client]:
    """An SDK client on the HTTP endpoint, sending ``headers`` (the bearer token) each time."""
    async with (create_mcp_http_client(headers=headers) as http,
                Client(streamable_http_client(url, http_client=http),
                       read_timeout_seconds=60) as client):
        yield client


@asynccontextmanager
async def stdio_agent(env: dict[str, str], log: Path, *args: str,
                      command: str | None = None) -> AsyncIterator[Client]:
    """An SDK client talking to `tme mcp ARGS` spawned over stdio; its stderr goes to ``log``."""
    params = StdioServerParameters(command=command or str(TME), args=["mcp", *args], env=env)
    with log.open("w") as err:
        async with Client(stdio_client(params, errlog=err), read_timeout_seconds=60) as client:
            yield client


def run(main: Any) -> None:
    async def bounded() -> None:
        with anyio.fail_after(TIMEOUT):
            await main()

    anyio.run(bounded)


async def call(client: Client, tool: str, **arguments: Any) -> dict[str, Any]:
    result = await client.call_tool(tool, arguments)
    assert not result.is_error, text_of(result.content)
    assert isinstance(result.structured_content, dict)
    return dict(result.structured_content)


async def refused(client: Client, tool: str, **arguments: Any) -> str:
    """The text of the tool error the call must give."""
    result = await client.call_tool(tool, arguments)
    assert result.is_error, f"{tool}({arguments}) was not refused: {text_of(result.content)}"
    return text_of(result.content)


def text_of(content: Any) -> str:
    return "".join(c.text for c in content if isinstance(c, TextContent))


async def read_json(client: Client, uri: str) -> Any:
    result = await client.read_resource(uri)
    (contents,) = result.contents
    assert isinstance(contents, TextResourceContents)
    assert contents.mime_type == "application/json"
    return json.loads(contents.text)
