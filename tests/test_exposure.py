"""What is exposed where: the running server listens on loopback only; its files are the
owner's alone; no password or URL credential appears in errors, reprs or logs; a dead server
fails a call within the retry bound; the HTTP MCP endpoint needs a bearer token, refuses DNS
rebinding on every loopback address and can be pinned to one workspace."""

from __future__ import annotations

import contextlib
import json
import logging
import os
import socket
import time
from pathlib import Path

import httpx
import pytest
from conftest import graph_snapshot, new_workspace_id
from mcp.shared.exceptions import MCPError
from mcp_helpers import (
    call,
    free_port,
    http_agent,
    http_config,
    http_server,
    refused,
    run,
    server_env,
    stdio_agent,
    tme,
)
from pydantic import SecretStr
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.config import Settings
from tme_neo4j.connection import (
    RETRY_BOUND,
    Credentials,
    connect,
    open_driver,
    resolve_credentials,
)
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError
from tme_neo4j.server import LocalServer
from tme_neo4j.server._layout import Layout
from tme_neo4j.store import MemoryStore


def _listening(port: int) -> list[str]:
    """Local addresses (hex, as the kernel shows them) listening on ``port``."""
    found = []
    for table in ("/proc/net/tcp", "/proc/net/tcp6"):
        if not Path(table).exists():
            continue
        for line in Path(table).read_text().splitlines()[1:]:
            fields = line.split()
            address, state = fields[1], fields[3]
            host, hex_port = address.rsplit(":", 1)
            if state == "0A" and int(hex_port, 16) == port:
                found.append(host)
    return found


@pytest.mark.usefixtures("driver")
def test_the_server_listens_on_loopback_only(settings: Settings) -> None:
    if settings.neo4j_uri:
        pytest.skip("an external server: its exposure is its owner's business")
    for port in (settings.bolt_port, settings.http_port):
        hosts = _listening(port)
        assert hosts, f"nothing listens on {port}"
        # 127.0.0.1 in the kernel's byte order: plain, IPv4-mapped IPv6, and ::1.
        assert set(hosts) <= {"0100007F", "0000000000000000FFFF00000100007F",
                              "00000000000000000000000001000000"}, (port, hosts)


def test_no_password_in_errors_reprs_or_logs(
    settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "s3cret-Passw0rd-never-shown"
    wrong = settings.model_copy(update={
        "neo4j_uri": resolve_credentials(settings).uri, "neo4j_password": SecretStr(secret)})
    caplog.set_level(logging.DEBUG)
    with pytest.raises((ConfigError, Neo4jUnavailableError)) as raised:
        connect(wrong)
    text = f"{raised.value} {raised.value!r} {wrong!r} {wrong} {caplog.text}"
    assert secret not in text
    real = resolve_credentials(settings).password
    assert real is not None
    with MemoryStore(settings) as store:
        store.list_workspaces()
    assert real.get_secret_value() not in f"{caplog.text} {settings!r} {store.settings!r}"


# -- files: the server's home and the tokens are the owner's alone ------------------------------


def _mode(path: Path) -> int:
    return path.stat().st_mode & 0o777


@pytest.mark.usefixtures("driver")
def test_the_server_home_and_its_folders_are_private(settings: Settings) -> None:
    """The running server's home, config, data (store files, transaction log) and logs: 0700."""
    if settings.neo4j_uri:
        pytest.skip("an external server: its files are its owner's business")
    layout = Layout(settings)
    for folder in (layout.home, layout.conf_dir, layout.data_dir, layout.logs_dir,
                   layout.run_dir):
        assert _mode(folder) == 0o700, folder
    assert _mode(layout.password_file) == 0o600


def test_a_home_that_existed_open_is_made_private(tmp_path: Path) -> None:
    home = tmp_path / "home"
    layout = Layout(Settings(home=home))
    for folder in (home, layout.conf_dir, layout.data_dir, layout.logs_dir, layout.run_dir):
        folder.mkdir(mode=0o755, exist_ok=True)
        folder.chmod(0o755)
    (layout.data_dir / "neostore").write_text("every value and turn")
    layout.password_file.write_text("secret\n")
    layout.password_file.chmod(0o644)
    assert LocalServer(Settings(home=home)).stop() is False  # not running: only the lock taken
    for folder in (home, layout.conf_dir, layout.data_dir, layout.logs_dir, layout.run_dir):
        assert _mode(folder) == 0o700, folder
    assert _mode(layout.password_file) == 0o600


# -- credentials in URLs ------------------------------------------------------------------------


def test_credentials_in_the_neo4j_uri_are_masked(tmp_path: Path) -> None:
    port = free_port()
    for uri in (f"neo4j://ann:s3cret-uri-pass@127.0.0.1:{port}",
                f"bolt://ann:s3cret-uri-pass@127.0.0.1:{port}"):
        env = dict(os.environ) | {"TME_NEO4J_URI": uri, "TME_HOME": str(tmp_path)}
        result = tme(env, "state")
        assert result.returncode == 1
        assert "s3cret-uri-pass" not in result.stderr + result.stdout
        assert "***@127.0.0.1" in result.stderr
        assert result.stderr.count("\n") == 1, result.stderr


@pytest.mark.slow
def test_credentials_in_the_openai_base_url_are_masked(
    settings: Settings, tmp_path: Path
) -> None:
    """Through MCP, with the LLM backend pointed at a URL carrying credentials and nothing
    listening: the tool error names the URL without them."""
    env = server_env(settings, tmp_path / "home") | {
        "TME_TRIM": "llm", "OPENAI_API_KEY": "sk-not-shown-either",
        "OPENAI_BASE_URL": f"http://ann:s3cret-llm-pass@127.0.0.1:{free_port()}/v1",
        "TME_LLM_TIMEOUT": "2"}

    async def main() -> None:
        async with stdio_agent(env, tmp_path / "llm.log") as client:
            message = await refused(client, "process_turn", text="Add a hotel task.")
            assert "LLMError" in message
            assert "***@127.0.0.1" in message
            assert "s3cret-llm-pass" not in message
            assert "sk-not-shown-either" not in message

    run(main)
    assert "s3cret-llm-pass" not in (tmp_path / "llm.log").read_text()


# -- a server that is down: a deadline, one line -----------------------------------------------


@pytest.mark.slow  # waits out the driver's retries: seconds by design
def test_a_call_to_a_dead_server_fails_within_the_retry_bound(settings: Settings) -> None:
    """A driver to a port nothing listens on, as when the server goes away after connecting:
    the call fails as Neo4jUnavailableError within RETRY_BOUND seconds, not after 30."""
    port = free_port()
    driver = open_driver(Credentials(uri=f"neo4j://127.0.0.1:{port}", user="neo4j",
                                     password=SecretStr("x"), local=False))
    store = MemoryStore(settings, workspace="gone", driver=driver)
    try:
        started = time.monotonic()
        with pytest.raises(Neo4jUnavailableError):
            store.state()
        elapsed = time.monotonic() - started
    finally:
        driver.close()
    assert elapsed <= RETRY_BOUND, elapsed
    # It did retry (a deadline, not a single attempt).
    assert elapsed >= RETRY_BOUND / 4, elapsed


def test_the_cli_reports_a_dead_server_in_one_line_within_the_bound(tmp_path: Path) -> None:
    env = dict(os.environ) | {"TME_NEO4J_URI": f"neo4j://127.0.0.1:{free_port()}",
                              "TME_HOME": str(tmp_path)}
    started = time.monotonic()
    result = tme(env, "state")
    elapsed = time.monotonic() - started
    assert result.returncode == 1
    assert result.stderr.startswith("error: cannot reach Neo4j at neo4j://127.0.0.1:")
    assert result.stderr.count("\n") == 1, result.stderr
    assert "retried" not in result.stderr
    assert elapsed <= RETRY_BOUND, elapsed


# -- the HTTP MCP endpoint ----------------------------------------------------------------------


def _initialize(url: str, headers: dict[str, str]) -> httpx.Response:
    """A raw MCP initialize request, as a browser page or curl would send it."""
    body = {"jsonrpc": "2.0", "id": 1, "method": "initialize",
            "params": {"protocolVersion": "2025-06-18", "capabilities": {},
                       "clientInfo": {"name": "probe", "version": "1"}}}
    return httpx.post(url, json=body, timeout=30, headers={
        "Accept": "application/json, text/event-stream", **headers})


def _loopback_hosts() -> list[str]:
    hosts = ["127.0.0.1", "127.0.0.2", "localhost"]
    with contextlib.suppress(OSError), socket.socket(socket.AF_INET6) as probe:
        probe.bind(("::1", 0))
        hosts.append("::1")
    return hosts


@pytest.mark.slow
@pytest.mark.parametrize("host", _loopback_hosts())
def test_dns_rebinding_is_refused_on_every_loopback_address(
    settings: Settings, tmp_path: Path, host: str
) -> None:
    env = server_env(settings, tmp_path / "home")
    with http_server(env, tmp_path / "http.log", host=host) as url:
        port = url.split(":")[-1].split("/")[0]
        auth = http_config(env, f"[{host}]:{port}" if ":" in host else f"{host}:{port}"
                           )["headers"]
        foreign = _initialize(url, auth | {"Host": f"attacker.example:{port}"})
        assert foreign.status_code == 421, foreign.text
        origin = _initialize(url, auth | {"Origin": f"http://attacker.example:{port}"})
        assert origin.status_code == 403, origin.text
        assert _initialize(url, auth).status_code == 200
        same = f"http://{'[' + host + ']' if ':' in host else host}:{port}"
        assert _initialize(url, auth | {"Origin": same}).status_code == 200
    assert "Traceback" not in (tmp_path / "http.log").read_text()


@pytest.mark.slow
def test_http_requires_the_bearer_token(settings: Settings, tmp_path: Path) -> None:
    env = server_env(settings, tmp_path / "home")
    with http_server(env, tmp_path / "http.log") as url:
        tokens = tmp_path / "home" / "mcp-tokens.json"
        assert _mode(tokens) == 0o600
        assert _mode(tokens.parent) == 0o700
        assert _initialize(url, {}).status_code == 401
        assert _initialize(url, {"Authorization": "Bearer tme_wrong-token-of-the-right-size"}
                           ).status_code == 401
        config = http_config(env, url.split("/")[2])
        token = config["headers"]["Authorization"].removeprefix("Bearer ")
        assert token in tokens.read_text()
        assert _initialize(url, {"Authorization": f"Bearer {token}"}).status_code == 200

        async def main() -> None:
            async with http_agent(url, config["headers"]) as client:
                state = await call(client, "get_state")
                assert state["workspace"] == "default"

        run(main)
    log = (tmp_path / "http.log").read_text()
    assert token not in log


@pytest.mark.slow
def test_http_without_a_token_only_when_asked(settings: Settings, tmp_path: Path) -> None:
    env = server_env(settings, tmp_path / "home")
    with http_server(env, tmp_path / "http.log", "--no-token") as url:
        assert _initialize(url, {}).status_code == 200
    assert "--no-token: any program that can reach this port" in \
        (tmp_path / "http.log").read_text()
    assert not (tmp_path / "home" / "mcp-tokens.json").exists()


@pytest.mark.slow
def test_a_token_bound_to_an_agent_acts_as_that_agent(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    env = server_env(settings, tmp_path / "home")
    made = tme(env, "mcp", "--new-token", "--agent", "bob")
    assert made.returncode == 0, made.stderr
    bob = made.stdout.strip()
    assert "acting as agent 'bob'" in made.stderr
    with http_server(env, tmp_path / "http.log", "--workspace", store.workspace) as url:
        async def main() -> None:
            async with http_agent(url, {"Authorization": f"Bearer {bob}"}) as client:
                added = await call(client, "add_task", key="hotel", title="Hotel")
                assert added["created_by"] == "bob"
                named = await call(client, "revise_task", key="hotel", value="Ace",
                                   agent="bob")
                assert named["updated_by"] == "bob"
                before = graph_snapshot(store)
                message = await refused(client, "revise_task", key="hotel", value="Motel",
                                        agent="mallory")
                assert "acts as agent 'bob'" in message
                assert graph_snapshot(store) == before

        run(main)
    assert [c.agent for c in store.changes()] == ["bob", "bob"]


@pytest.mark.slow
def test_only_pins_the_server_to_its_workspace(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    other = store.for_workspace(new_workspace_id())
    other.create_workspace()
    other.add_task("secret", "Secret", "kept")
    env = server_env(settings, tmp_path / "home")
    try:
        with http_server(env, tmp_path / "http.log", "--workspace", store.workspace,
                         "--only") as url:
            headers = http_config(env, url.split("/")[2])["headers"]

            async def main() -> None:
                async with http_agent(url, headers) as client:
                    await call(client, "add_task", key="mine", title="Mine")
                    for tool, arguments in [
                        ("get_state", {}), ("get_history", {"key": "secret"}),
                        ("revise_task", {"key": "secret", "value": "gone"}),
                        ("get_changes", {}),
                    ]:
                        message = await refused(client, tool, workspace=other.workspace,
                                                **arguments)
                        assert f"serves workspace {store.workspace!r} only" in message
                    with pytest.raises(MCPError, match="only"):
                        await client.read_resource(f"tme://workspace/{other.workspace}/state")

            run(main)
        assert other.get_task("secret").value == "kept"
        assert store.get_task("mine").title == "Mine"
    finally:
        other.delete_workspace()


# -- a client configuration that works as printed ----------------------------------------------


@pytest.mark.slow
def test_print_config_gives_a_working_stdio_configuration(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    env = server_env(settings, tmp_path / "home")
    printed = tme(env, "mcp", "--print-config", "--workspace", store.workspace, "--only")
    assert printed.returncode == 0, printed.stderr
    entry = json.loads(printed.stdout)["mcpServers"]["tme"]
    command = Path(entry["command"])
    assert command.is_absolute()
    assert os.access(command, os.X_OK)
    assert entry["args"] == ["mcp", "--workspace", store.workspace, "--only"]
    assert entry["env"]["TME_HOME"] == str(tmp_path / "home")
    assert {"TME_BOLT_PORT", "TME_HTTP_PORT", "TME_NEO4J_URI"} <= set(entry["env"])
    store.add_task("hotel", "Hotel", "Ace")
    # A desktop client starts the command with the configured environment and little else
    # (the test keeps PYTHONPATH so that this checkout's code runs).
    bare = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "LANG")}

    async def main() -> None:
        async with stdio_agent(bare | entry["env"], tmp_path / "stdio.log", *entry["args"][1:],
                               command=entry["command"]) as client:
            state = await call(client, "get_state")
            assert [t["value"] for t in state["tasks"]] == ["Ace"]

    run(main)


def test_print_config_for_the_local_server_names_its_home_and_ports(tmp_path: Path) -> None:
    env = {"TME_HOME": str(tmp_path / "rel" / ".." / "home"), "TME_BOLT_PORT": "17999",
           "TME_HTTP_PORT": "17998", "TME_NEO4J_URI": None}
    printed = CliRunner().invoke(app, ["mcp", "--print-config"], env=env)
    assert printed.exit_code == 0, printed.stderr
    entry = json.loads(printed.stdout)["mcpServers"]["tme"]
    assert Path(entry["env"]["TME_HOME"]).is_absolute()
    assert (entry["env"]["TME_BOLT_PORT"], entry["env"]["TME_HTTP_PORT"]) == ("17999", "17998")
    assert "TME_NEO4J_URI" not in entry["env"]


@pytest.mark.slow
def test_print_config_reaches_the_running_local_server(
    store: MemoryStore, settings: Settings, tmp_path: Path
) -> None:
    """The configuration printed in this environment, used with nothing else, finds the local
    server this test suite runs on and the workspace's tasks."""
    if settings.neo4j_uri:
        pytest.skip("an external server: the configuration carries its URI instead")
    printed = tme(dict(os.environ), "mcp", "--print-config", "--workspace", store.workspace)
    assert printed.returncode == 0, printed.stderr
    entry = json.loads(printed.stdout)["mcpServers"]["tme"]
    assert entry["env"]["TME_HOME"] == str(settings.home.absolute())
    store.add_task("hotel", "Hotel", "Ace")
    bare = {k: v for k, v in os.environ.items() if k in ("PYTHONPATH", "LANG")}

    async def main() -> None:
        async with stdio_agent(bare | entry["env"] | {"TME_TRIM": "rules"},
                               tmp_path / "stdio.log", *entry["args"][1:],
                               command=entry["command"]) as client:
            state = await call(client, "get_state")
            assert [t["value"] for t in state["tasks"]] == ["Ace"]

    run(main)
