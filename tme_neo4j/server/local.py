"""A Neo4j Community server assembled from Maven Central and run from plain jars, no Docker.

Everything lives under ``Settings.home``::

    neo4j-<version>/lib/    the jars, copied by ``mvn dependency:copy-dependencies``
    conf/                   neo4j.conf and user-logs.xml, rewritten on every start
    data/                   databases and transaction logs; survives restarts and upgrades
    logs/neo4j.log          the server's console (what ``tme server logs`` shows)
    run/server.json         pid, version and ports of the running server
    password                the ``neo4j`` user's password, mode 0600, made on first start
    mcp-tokens.json         bearer tokens of ``tme mcp --http``, mode 0600, made on first use

The home and its conf, data, logs and run folders are mode 0700 (made so on every start and
stop, even when they existed before): the store files and the transaction log hold every
value and turn.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import importlib.resources
import logging
import os
import re
import secrets
import shutil
import signal
import socket
import string
import subprocess
import time
from collections import deque
from collections.abc import Callable, Iterator
from pathlib import Path

import neo4j
from neo4j.exceptions import AuthError, DriverError, Neo4jError
from pydantic import BaseModel, ValidationError

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError

from ._layout import ENTRY_POINT, Layout, jvm_options, render_neo4j_conf, render_user_logs
from ._tools import JavaRuntime, find_java, find_maven, no_local_server_hint

__all__ = ["LOCAL_USER", "LocalServer", "Progress", "ServerStatus"]

logger = logging.getLogger(__name__)

#: The user the local server's password belongs to.
LOCAL_USER = "neo4j"

#: Called with a short description of each step of a long operation (downloading, waiting...).
Progress = Callable[[str], None]

_DEPENDENCY_PLUGIN = "org.apache.maven.plugins:maven-dependency-plugin:3.8.1"
_START_TIMEOUT = 120.0
_STOP_TIMEOUT = 60.0
_MAVEN_TIMEOUT = 1800.0
_LOG_ROTATE_BYTES = 10 * 1024 * 1024
_PASSWORD_ALPHABET = string.ascii_letters + string.digits
_PASSWORD_LENGTH = 32

_ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
# Maven's advice on re-running itself with -e or -X, which says nothing about the failure.
_MAVEN_ADVICE = re.compile(
    r"re-run Maven|For more information about the errors|\[Help 1\] http", re.I
)

# Phrases Maven prints when it cannot reach a repository, as opposed to a broken build.
_NETWORK_FAILURES = (
    "Could not transfer",
    "Unknown host",
    "UnknownHostException",
    "Connection refused",
    "Network is unreachable",
    "Connect timed out",
    "connect timed out",
    "No route to host",
    "Temporary failure in name resolution",
    "offline mode",
)


class ServerStatus(BaseModel):
    """What ``tme server status`` reports. Never carries the password."""

    running: bool
    pid: int | None
    version: str
    bolt_uri: str
    browser_url: str
    home: Path
    data_dir: Path


class _PidFile(BaseModel):
    pid: int
    version: str
    bolt_port: int
    http_port: int


def _no_progress(_: str) -> None:
    pass


class LocalServer:
    """One local Neo4j server under ``settings.home``. Creating it touches nothing on disk.

    ``start()`` downloads Neo4j on first use, is idempotent, and returns once Bolt answers.
    POSIX only: it relies on process sessions, signals and ``flock``.
    """

    def __init__(self, settings: Settings) -> None:
        self._settings = settings
        self._layout = Layout(settings)

    # -- Public API ----------------------------------------------------------------------------

    @property
    def home(self) -> Path:
        return self._layout.home

    @property
    def log_file(self) -> Path:
        return self._layout.log_file

    @property
    def password_file(self) -> Path:
        return self._layout.password_file

    @property
    def bolt_uri(self) -> str:
        return f"bolt://127.0.0.1:{self._settings.bolt_port}"

    @property
    def browser_url(self) -> str:
        return f"http://127.0.0.1:{self._settings.http_port}/browser/"

    def is_installed(self) -> bool:
        return self._layout.installed_marker.is_file()

    def install(self, *, progress: Progress | None = None) -> Path:
        """Copy the Neo4j jars from Maven Central into ``home/neo4j-<version>/lib``, once.

        Returns the lib folder. Raises ConfigError when Java or Maven is missing or Maven
        Central cannot be reached.
        """
        with self._lock():
            return self._install(find_java(), progress or _no_progress)

    def _install(self, java: JavaRuntime, say: Progress) -> Path:
        layout = self._layout
        if self.is_installed():
            return layout.lib_dir
        maven = find_maven()
        layout.install_dir.mkdir(parents=True, exist_ok=True)
        pom = layout.install_dir / "pom.xml"
        pom.write_bytes(
            importlib.resources.files("tme_neo4j.server").joinpath("pom.xml").read_bytes()
        )
        partial = layout.install_dir / "lib.partial"
        shutil.rmtree(partial, ignore_errors=True)
        say(f"Downloading Neo4j {layout.version} from Maven Central (first start only)...")
        logger.info("assembling Neo4j %s into %s", layout.version, layout.lib_dir)
        command = [
            str(maven),
            "-B",
            "-q",
            "--no-transfer-progress",
            "-Dstyle.color=never",
            "-f",
            str(pom),
            f"-Dneo4j.version={layout.version}",
            # Full coordinates: a prefix lookup would hide a network failure behind
            # "No plugin found for prefix 'dependency'".
            f"{_DEPENDENCY_PLUGIN}:copy-dependencies",
            f"-DoutputDirectory={partial}",
        ]
        env = {**os.environ, "JAVA_HOME": str(java.home)}
        try:
            result = subprocess.run(
                command,
                cwd=layout.install_dir,
                env=env,
                stdin=subprocess.DEVNULL,
                capture_output=True,
                text=True,
                timeout=_MAVEN_TIMEOUT,
                check=False,
            )
        except subprocess.TimeoutExpired as e:
            raise ConfigError(
                f"downloading Neo4j from Maven Central took over {_MAVEN_TIMEOUT:.0f} s; "
                "check the network. " + no_local_server_hint()
            ) from e
        if result.returncode != 0:
            shutil.rmtree(partial, ignore_errors=True)
            raise _maven_error(layout.version, result.stdout + result.stderr)
        if not any(partial.glob(f"neo4j-{layout.version}.jar")):
            raise ConfigError(
                f"Maven finished but neo4j-{layout.version}.jar is missing from {partial}; "
                "is TME_NEO4J_VERSION a published Neo4j version?"
            )
        shutil.rmtree(layout.lib_dir, ignore_errors=True)
        partial.rename(layout.lib_dir)
        layout.installed_marker.write_text(layout.version + "\n")
        return layout.lib_dir

    def status(self) -> ServerStatus:
        """Whether the server runs, and where to reach it. Reads the pid file, nothing more."""
        layout = self._layout
        recorded = self._running_pid_file()
        version = recorded.version if recorded else layout.version
        bolt_port = recorded.bolt_port if recorded else self._settings.bolt_port
        http_port = recorded.http_port if recorded else self._settings.http_port
        return ServerStatus(
            running=recorded is not None,
            pid=recorded.pid if recorded else None,
            version=version,
            bolt_uri=f"bolt://127.0.0.1:{bolt_port}",
            browser_url=f"http://127.0.0.1:{http_port}/browser/",
            home=layout.home,
            data_dir=layout.data_dir,
        )

    def start(self, *, progress: Progress | None = None) -> ServerStatus:
        """Start the server unless it runs already, and wait until Bolt answers.

        Raises:
            ConfigError: Java or Maven missing, Maven Central unreachable, a port taken, or the
                stored password rejected.
            Neo4jUnavailableError: the server did not come up; the message ends with its log.
        """
        say = progress or _no_progress
        with self._lock():
            running = self._running_pid_file()
            if running is not None:
                self._wait_for_bolt(running.pid, f"bolt://127.0.0.1:{running.bolt_port}", say)
                return self.status()
            self._clear_pid_file()
            self._check_ports_free()
            java = find_java()
            lib = self._install(java, say)
            self._write_config()
            self._ensure_password(java, lib, say)
            say(f"Starting Neo4j {self._layout.version}...")
            pid = self._launch(java, lib)
            self._write_pid_file(pid)
            try:
                self._wait_for_bolt(pid, self.bolt_uri, say)
            except BaseException:
                self._terminate(pid)
                self._clear_pid_file()
                raise
            logger.info("Neo4j %s running with pid %d", self._layout.version, pid)
            return self.status()

    def stop(self, *, timeout: float = _STOP_TIMEOUT) -> bool:
        """Stop the server gracefully (SIGTERM, then SIGKILL after ``timeout`` seconds).

        Returns False when it was not running.
        """
        with self._lock():
            running = self._running_pid_file()
            if running is None:
                self._clear_pid_file()
                return False
            self._terminate(running.pid, timeout=timeout)
            self._clear_pid_file()
            logger.info("Neo4j with pid %d stopped", running.pid)
            return True

    def log_tail(self, n: int = 50) -> list[str]:
        """The last ``n`` lines of the server's log, oldest first; empty if there is none."""
        if n <= 0:
            return []
        try:
            with self._layout.log_file.open(encoding="utf-8", errors="replace") as log:
                return [line.rstrip("\n") for line in deque(log, maxlen=n)]
        except FileNotFoundError:
            return []

    def password(self) -> str:
        """The ``neo4j`` user's password, made on first start.

        Raises:
            Neo4jUnavailableError: the server was never started under this home.
        """
        try:
            return self._layout.password_file.read_text(encoding="utf-8").strip()
        except FileNotFoundError as e:
            raise Neo4jUnavailableError(
                f"no local Neo4j under {self._layout.home} yet: run `tme server start`"
            ) from e

    # -- Process management --------------------------------------------------------------------

    @contextlib.contextmanager
    def _lock(self) -> Iterator[None]:
        # Two processes starting the same home at once would both launch a JVM on the same data.
        home = self._layout.home
        if not home.exists():
            home.mkdir(parents=True, mode=0o700)
        self._layout.make_private()
        with self._layout.lock_file.open("a") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(handle, fcntl.LOCK_UN)

    def _running_pid_file(self) -> _PidFile | None:
        try:
            recorded = _PidFile.model_validate_json(self._layout.pid_file.read_text())
        except (FileNotFoundError, ValidationError, ValueError):
            return None
        return recorded if _is_our_server(recorded.pid, self._layout.home) else None

    def _write_pid_file(self, pid: int) -> None:
        record = _PidFile(
            pid=pid,
            version=self._layout.version,
            bolt_port=self._settings.bolt_port,
            http_port=self._settings.http_port,
        )
        self._layout.run_dir.mkdir(parents=True, exist_ok=True)
        _write_atomic(self._layout.pid_file, record.model_dump_json() + "\n")

    def _clear_pid_file(self) -> None:
        self._layout.pid_file.unlink(missing_ok=True)

    def _check_ports_free(self) -> None:
        for name, port, variable in (
            ("Bolt", self._settings.bolt_port, "TME_BOLT_PORT"),
            ("HTTP", self._settings.http_port, "TME_HTTP_PORT"),
        ):
            if not _port_free(port):
                raise ConfigError(
                    f"port {port} on 127.0.0.1 ({name}) is already in use by another program; "
                    f"stop it or choose another port with {variable}"
                )

    def _write_config(self) -> None:
        layout = self._layout
        for folder in layout.private_dirs:
            folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        layout.make_private()
        _write_atomic(layout.conf_dir / "neo4j.conf", render_neo4j_conf(self._settings, layout))
        _write_atomic(layout.conf_dir / "user-logs.xml", render_user_logs())

    def _ensure_password(self, java: JavaRuntime, lib: Path, say: Progress) -> None:
        """Make the password on first start and hand it to Neo4j before the system db exists."""
        layout = self._layout
        if layout.system_database_dir.exists():
            if not layout.password_file.exists():
                raise ConfigError(
                    f"the password file {layout.password_file} is gone but the database in "
                    f"{layout.data_dir} was made with it; restore the file, or remove "
                    f"{layout.data_dir} to start over with an empty database"
                )
            return
        if not layout.password_file.exists():
            password = "".join(secrets.choice(_PASSWORD_ALPHABET) for _ in range(_PASSWORD_LENGTH))
            fd = os.open(layout.password_file, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(password + "\n")
        say("Setting the initial password...")
        # "@file" makes the admin tool read its arguments from the file, which keeps the password
        # out of the process list. The alphabet has no quotes, blanks or leading dash to escape.
        result = subprocess.run(
            [
                str(java.java),
                "-cp",
                str(lib / "*"),
                "org.neo4j.cli.AdminTool",
                "dbms",
                "set-initial-password",
                f"@{layout.password_file}",
            ],
            env={**os.environ, "NEO4J_HOME": str(layout.home), "NEO4J_CONF": str(layout.conf_dir)},
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if result.returncode != 0:
            output = (result.stdout + result.stderr).strip().splitlines()[-10:]
            raise ConfigError("could not set the initial Neo4j password: " + "\n".join(output))

    def _launch(self, java: JavaRuntime, lib: Path) -> int:
        """Start the JVM detached from this process and return its pid."""
        layout = self._layout
        _rotate(layout.log_file)
        command = [
            str(java.java),
            "-cp",
            f"{layout.home / 'plugins'}/*:{layout.conf_dir}:{lib}/*",
            *jvm_options(self._settings),
            ENTRY_POINT,
            f"--home-dir={layout.home}",
            f"--config-dir={layout.conf_dir}",
            "--console-mode",
        ]
        logger.debug("launching %s", " ".join(command))
        # The shell starts Java in the background and exits at once, so the server is nobody's
        # child here: it outlives the CLI and leaves no process object to reap or warn about.
        launcher = 'log=$1; shift; "$@" </dev/null >>"$log" 2>&1 & echo $!'
        result = subprocess.run(
            ["/bin/sh", "-c", launcher, "sh", str(layout.log_file), *command],
            cwd=layout.home,
            stdin=subprocess.DEVNULL,
            capture_output=True,
            text=True,
            timeout=30,
            check=True,
            start_new_session=True,
        )
        return int(result.stdout.strip())

    def _wait_for_bolt(self, pid: int, bolt_uri: str, say: Progress) -> None:
        say(f"Waiting for Neo4j to answer on {bolt_uri}...")
        auth = (LOCAL_USER, self.password())
        deadline = time.monotonic() + _START_TIMEOUT
        while True:
            if not _is_alive(pid):
                raise Neo4jUnavailableError(self._failure("Neo4j exited while starting"))
            try:
                with neo4j.GraphDatabase.driver(
                    bolt_uri, auth=auth, connection_timeout=5.0
                ) as driver:
                    driver.verify_connectivity()
                return
            except AuthError as e:
                raise ConfigError(
                    f"the local server at {bolt_uri} rejected the password stored in "
                    f"{self._layout.password_file}; if another Neo4j owns that port, choose "
                    "another with TME_BOLT_PORT"
                ) from e
            except (DriverError, Neo4jError, OSError) as e:
                if time.monotonic() > deadline:
                    raise Neo4jUnavailableError(
                        self._failure(
                            f"Neo4j did not answer on {bolt_uri} within {_START_TIMEOUT:.0f} s"
                        )
                    ) from e
            time.sleep(0.5)

    def _failure(self, what: str) -> str:
        tail = "\n".join(self.log_tail(20))
        return f"{what}; last lines of {self._layout.log_file}:\n{tail}"

    def _terminate(self, pid: int, *, timeout: float = _STOP_TIMEOUT) -> None:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGTERM)
        deadline = time.monotonic() + timeout
        while _is_alive(pid):
            if time.monotonic() > deadline:
                logger.warning("Neo4j pid %d ignored SIGTERM for %.0f s, killing it", pid, timeout)
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
                deadline = time.monotonic() + 10
            time.sleep(0.2)


def _maven_said(output: str) -> str:
    said = []
    for raw in output.splitlines():
        line = _ANSI.sub("", raw).removesuffix(" -> [Help 1]").rstrip()
        if line.removeprefix("[ERROR]").strip() and not _MAVEN_ADVICE.search(line):
            said.append(line)
    return "\n".join(said[-10:])


def _maven_error(version: str, output: str) -> ConfigError:
    missing = re.escape(f"org.neo4j:neo4j:jar:{version}")
    if re.search(rf"(Could not find artifact|Failure to find) {missing}|{missing} was not", output):
        return ConfigError(
            f"Neo4j {version} is not on Maven Central; set TME_NEO4J_VERSION to a published "
            "5.26.x version"
        )
    if any(phrase in output for phrase in _NETWORK_FAILURES):
        return ConfigError(
            f"could not download Neo4j {version} from Maven Central "
            "(https://repo1.maven.org/maven2); check the network or the proxy and mirror "
            f"settings in ~/.m2/settings.xml. {no_local_server_hint()}\n"
            f"Maven said:\n{_maven_said(output)}"
        )
    return ConfigError(f"Maven failed to assemble Neo4j {version}:\n{_maven_said(output)}")


def _is_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    # A zombie still has a pid but is gone for all purposes.
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return True
    return stat.rsplit(")", 1)[-1].split()[0] != "Z"


def _is_our_server(pid: int, home: Path) -> bool:
    """True if ``pid`` is a live Neo4j started for ``home`` (pids get reused after a reboot)."""
    if not _is_alive(pid):
        return False
    cmdline = Path(f"/proc/{pid}/cmdline")
    if not cmdline.parent.exists():
        # No /proc (macOS): trust the pid file.
        return True
    try:
        arguments = cmdline.read_bytes().split(b"\0")
    except OSError:
        return False
    return ENTRY_POINT.encode() in arguments and f"--home-dir={home}".encode() in arguments


def _port_free(port: int) -> bool:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        # The JVM binds with SO_REUSEADDR too, so a port in TIME_WAIT is not "taken".
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            probe.bind(("127.0.0.1", port))
        except OSError as e:
            if e.errno in (errno.EADDRINUSE, errno.EACCES):
                return False
            raise
    return True


def _write_atomic(path: Path, text: str) -> None:
    temporary = path.with_name(path.name + ".tmp")
    temporary.write_text(text, encoding="utf-8")
    temporary.replace(path)


def _rotate(log_file: Path) -> None:
    """Keep one previous log once the current one is large; the user log grows slowly."""
    try:
        if log_file.stat().st_size > _LOG_ROTATE_BYTES:
            log_file.replace(log_file.with_name(log_file.name + ".1"))
    except FileNotFoundError:
        pass
