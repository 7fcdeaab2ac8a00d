"""The local server, for real: a second Neo4j on its own ports under a temporary TME_HOME.

The rest of the suite shares the default server; nothing here touches it. The second server
reuses the jars Maven already cached in ~/.m2, so it costs one copy and one JVM start.
"""

from __future__ import annotations

import json
import socket
import stat
import urllib.request
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port
from pydantic import SecretStr
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.config import Settings
from tme_neo4j.connection import connect, resolve_credentials
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError
from tme_neo4j.server import SUPPORTED_JAVA, LocalServer, find_java
from tme_neo4j.server._layout import Layout, render_neo4j_conf
from tme_neo4j.store import SCHEMA_GENERATION, MemoryStore, schema_version

runner = CliRunner()


def _env(settings: Settings) -> dict[str, str | None]:
    return {
        "TME_HOME": str(settings.home),
        "TME_BOLT_PORT": str(settings.bolt_port),
        "TME_HTTP_PORT": str(settings.http_port),
        "TME_NEO4J_URI": None,
    }


@pytest.fixture(scope="module")
def second_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        home=tmp_path_factory.mktemp("tme-home"),
        neo4j_uri=None,
        bolt_port=free_port(),
        http_port=free_port(),
    )


@pytest.fixture(scope="module")
def second_server(second_settings: Settings) -> Iterator[LocalServer]:
    server = LocalServer(second_settings)
    server.start()
    yield server
    server.stop()


# -- Pure logic ---------------------------------------------------------------------------------


def test_conf_listens_on_loopback_with_auth_and_no_usage_report(tmp_path: Path) -> None:
    bolt, http = free_port(), free_port()
    settings = Settings(home=tmp_path, bolt_port=bolt, http_port=http, heap="384m")
    conf = render_neo4j_conf(settings, Layout(settings))
    assert "server.default_listen_address=127.0.0.1" in conf
    assert f"server.bolt.listen_address=127.0.0.1:{bolt}" in conf
    assert f"server.http.listen_address=127.0.0.1:{http}" in conf
    assert "dbms.security.auth_enabled=true" in conf
    assert "dbms.usage_report.enabled=false" in conf
    assert "server.memory.heap.max_size=384m" in conf


def test_bad_memory_size_is_a_config_error(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, pagecache="lots")
    with pytest.raises(ConfigError, match="TME_PAGECACHE"):
        render_neo4j_conf(settings, Layout(settings))


def test_constructor_touches_nothing(tmp_path: Path) -> None:
    home = tmp_path / "not-yet"
    server = LocalServer(Settings(home=home))
    assert not server.status().running
    assert not home.exists()


def test_found_java_is_supported() -> None:
    assert find_java().major in SUPPORTED_JAVA


# -- A real server (slow: each run starts a JVM) ------------------------------------------------


@pytest.mark.slow
def test_status_shows_urls_and_bolt_answers(
    second_server: LocalServer, second_settings: Settings
) -> None:
    result = runner.invoke(app, ["server", "status"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    assert "running" in result.stdout
    assert f"bolt://127.0.0.1:{second_settings.bolt_port}" in result.stdout
    assert f"http://127.0.0.1:{second_settings.http_port}/browser/" in result.stdout
    assert str(second_settings.home / "data") in result.stdout
    assert f"Password: in {second_server.password_file}" in result.stdout

    with connect(second_settings, start=False) as driver:
        records, _, _ = driver.execute_query("RETURN 1 AS one")
    assert records[0]["one"] == 1


@pytest.mark.slow
def test_status_json(second_server: LocalServer, second_settings: Settings) -> None:
    result = runner.invoke(app, ["server", "status", "--json"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    status = json.loads(result.stdout)
    assert status["running"] is True
    assert status["pid"] == second_server.status().pid
    assert status["version"] == second_settings.neo4j_version
    assert status["bolt_uri"] == f"bolt://127.0.0.1:{second_settings.bolt_port}"


@pytest.mark.slow
def test_browser_is_served(second_server: LocalServer) -> None:
    url = second_server.status().browser_url
    with urllib.request.urlopen(url, timeout=30) as response:
        assert response.status == 200
        assert b"<html" in response.read().lower()


@pytest.mark.slow
def test_password_file_is_private(second_server: LocalServer) -> None:
    mode = stat.S_IMODE(second_server.password_file.stat().st_mode)
    assert mode == 0o600
    assert len(second_server.password()) >= 16


@pytest.mark.slow
def test_password_never_printed(second_server: LocalServer, second_settings: Settings) -> None:
    password = second_server.password()
    for arguments in (["status"], ["status", "--json"], ["start"], ["logs", "-n", "500"]):
        result = runner.invoke(app, ["server", *arguments], env=_env(second_settings))
        assert result.exit_code == 0, result.output
        assert password not in result.output
    assert password not in second_server.log_file.read_text()
    assert password not in repr(resolve_credentials(second_settings))


@pytest.mark.slow
def test_start_when_running_says_so(second_server: LocalServer, second_settings: Settings) -> None:
    pid = second_server.status().pid
    result = runner.invoke(app, ["server", "start"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    assert "already running" in result.stdout
    assert second_server.status().pid == pid


@pytest.mark.slow
def test_logs_prints_the_tail(second_server: LocalServer, second_settings: Settings) -> None:
    result = runner.invoke(app, ["server", "logs", "-n", "3"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    lines = result.stdout.splitlines()
    assert 0 < len(lines) <= 3
    assert lines == second_server.log_tail(3)


@pytest.mark.slow
def test_connect_through_uri(second_server: LocalServer, second_settings: Settings) -> None:
    remote = Settings(
        home=second_settings.home,
        neo4j_uri=f"bolt://127.0.0.1:{second_settings.bolt_port}",
        neo4j_password=SecretStr(second_server.password()),
    )
    with connect(remote) as driver:
        records, _, _ = driver.execute_query("RETURN 2 AS two")
    assert records[0]["two"] == 2

    wrong = "definitely-not-the-password"
    with pytest.raises(ConfigError, match="TME_NEO4J_PASSWORD") as raised:
        connect(remote.model_copy(update={"neo4j_password": SecretStr(wrong)}))
    assert wrong not in str(raised.value)


def test_connect_without_start_needs_a_running_server(tmp_path: Path) -> None:
    settings = Settings(home=tmp_path, neo4j_uri=None, bolt_port=free_port())
    with pytest.raises(Neo4jUnavailableError, match="tme server start"):
        connect(settings, start=False)


def test_taken_port_is_named(tmp_path: Path) -> None:
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        settings = Settings(home=tmp_path, bolt_port=port, http_port=free_port())
        with pytest.raises(ConfigError, match=f"port {port}"):
            LocalServer(settings).start()

        result = runner.invoke(app, ["server", "start"], env=_env(settings))
        assert result.exit_code == 1
        assert f"port {port}" in result.stderr
        assert "TME_BOLT_PORT" in result.stderr


@pytest.mark.slow
def test_a_schema_set_up_by_newer_code_is_refused_and_left_alone(
    second_server: LocalServer, second_settings: Settings
) -> None:
    with MemoryStore(second_settings).connect(start_server=False) as store:
        assert store.ensure_schema() is False  # connect() set it up, to this code's generation
    newer = {"generation": SCHEMA_GENERATION + 1, "version": "from-newer-code"}
    marker = ("MATCH (m:TmeSchema {id: 'tme'}) "
              "RETURN m.generation AS generation, m.version AS version")
    with connect(second_settings, start=False) as driver:
        driver.execute_query("MATCH (m:TmeSchema {id: 'tme'}) SET m += $newer", newer=newer)
        indexes = driver.execute_query("SHOW INDEXES YIELD name RETURN collect(name) AS names")
        try:
            with pytest.raises(ConfigError, match=f"schema generation {SCHEMA_GENERATION + 1}"):
                MemoryStore(second_settings).connect(start_server=False)
            result = runner.invoke(app, ["state"], env=_env(second_settings))
            assert result.exit_code == 1
            assert "upgrade tme-neo4j" in result.stderr
            assert driver.execute_query(marker).records[0].data() == newer
            assert driver.execute_query(
                "SHOW INDEXES YIELD name RETURN collect(name) AS names").records == indexes.records
        finally:
            driver.execute_query("MATCH (m:TmeSchema {id: 'tme'}) SET m.generation = 0")
    # An older generation is upgraded: the statements run and the marker names this code's.
    with MemoryStore(second_settings).connect(start_server=False):
        pass
    with connect(second_settings, start=False) as driver:
        assert driver.execute_query(marker).records[0].data() == {
            "generation": SCHEMA_GENERATION, "version": schema_version()}
        # Two first connects at once may each leave a marker: the newest one counts.
        driver.execute_query("CREATE (:TmeSchema {id: 'tme', version: 'older', generation: 0, "
                             "at: datetime('2000-01-01T00:00:00Z')})")
    with MemoryStore(second_settings).connect(start_server=False) as store:
        assert store.ensure_schema() is False


@pytest.mark.slow
def test_data_survives_restart(second_server: LocalServer, second_settings: Settings) -> None:
    marker = uuid.uuid4().hex
    with connect(second_settings, start=False) as driver:
        driver.execute_query("CREATE (:RestartProbe {marker: $marker})", marker=marker)

    result = runner.invoke(app, ["server", "stop"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    assert not second_server.status().running
    with pytest.raises(Neo4jUnavailableError):
        connect(second_settings, start=False)

    result = runner.invoke(app, ["server", "start"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    assert second_server.status().running

    with connect(second_settings, start=False) as driver:
        records, _, _ = driver.execute_query(
            "MATCH (p:RestartProbe {marker: $marker}) RETURN count(p) AS n", marker=marker
        )
    assert records[0]["n"] == 1


@pytest.mark.slow
def test_stop_twice(second_server: LocalServer, second_settings: Settings) -> None:
    assert second_server.stop()
    result = runner.invoke(app, ["server", "stop"], env=_env(second_settings))
    assert result.exit_code == 0
    assert "not running" in result.stdout
    # Any command starts the stopped server on demand, and says what it is doing meanwhile.
    result = runner.invoke(app, ["init", "-w", "after-restart"], env=_env(second_settings))
    assert result.exit_code == 0, result.output
    assert "is not running; starting it" in result.stderr
    assert "Starting Neo4j" in result.stderr
    assert "Neo4j is up at" in result.stderr
    assert second_server.status().running
