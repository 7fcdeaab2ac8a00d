"""Where the local server keeps its files, and the configuration and JVM options it runs with."""

from __future__ import annotations

import re
from pathlib import Path

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError

__all__ = ["ENTRY_POINT", "Layout", "jvm_options", "render_neo4j_conf", "render_user_logs"]

#: The class ``neo4j console`` ends up running for Community Edition.
ENTRY_POINT = "org.neo4j.server.CommunityEntryPoint"

# What the official launcher passes: the ``server.jvm.additional`` lines of the neo4j.conf that
# ships with 5.26, then ``-Dfile.encoding=UTF-8``. Left out on purpose: -XX:+AlwaysPreTouch,
# which touches the whole heap at start and only pays off on dedicated machines.
_LAUNCHER_OPTIONS = (
    "-XX:+UseG1GC",
    "-XX:-OmitStackTraceInFastThrow",
    "-XX:+UnlockExperimentalVMOptions",
    "-XX:+TrustFinalNonStaticFields",
    "-XX:+DisableExplicitGC",
    "-Djdk.nio.maxCachedBufferSize=1024",
    "-Dio.netty.tryReflectionSetAccessible=true",
    "-Djdk.tls.ephemeralDHKeySize=2048",
    "-Djdk.tls.rejectClientInitiatedRenegotiation=true",
    "-XX:FlightRecorderOptions=stackdepth=256",
    "-XX:+UnlockDiagnosticVMOptions",
    "-XX:+DebugNonSafepoints",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
    "--enable-native-access=ALL-UNNAMED",
    "-Dlog4j2.disable.jmx=true",
    "-Dlog4j.layout.jsonTemplate.maxStringLength=32768",
    "-Dfile.encoding=UTF-8",
    # A server that ran out of memory is in an unknown state; better dead (and restarted).
    "-XX:+ExitOnOutOfMemoryError",
)

_MEMORY = re.compile(r"^[1-9][0-9]*[kmgKMG]?$")


class Layout:
    """The files of one local server under ``Settings.home``; computing paths does no I/O."""

    def __init__(self, settings: Settings) -> None:
        self.home = settings.home.expanduser().absolute()
        self.version = settings.neo4j_version

    @property
    def install_dir(self) -> Path:
        return self.home / f"neo4j-{self.version}"

    @property
    def lib_dir(self) -> Path:
        return self.install_dir / "lib"

    @property
    def installed_marker(self) -> Path:
        # Written last, so a download cut short is never mistaken for a complete one.
        return self.install_dir / ".complete"

    @property
    def conf_dir(self) -> Path:
        return self.home / "conf"

    @property
    def data_dir(self) -> Path:
        return self.home / "data"

    @property
    def logs_dir(self) -> Path:
        return self.home / "logs"

    @property
    def run_dir(self) -> Path:
        return self.home / "run"

    @property
    def log_file(self) -> Path:
        """The server's console: user log, JVM errors and anything printed before logging is up."""
        return self.logs_dir / "neo4j.log"

    @property
    def pid_file(self) -> Path:
        return self.run_dir / "server.json"

    @property
    def password_file(self) -> Path:
        return self.home / "password"

    @property
    def lock_file(self) -> Path:
        return self.home / ".lock"

    @property
    def private_dirs(self) -> tuple[Path, ...]:
        """Folders only the owner may enter: config, data (store files and transaction log),
        logs, and the run folder."""
        return (self.conf_dir, self.data_dir, self.logs_dir, self.run_dir)

    def make_private(self) -> None:
        """Mode 0700 for the home and its private folders that exist (files in them are then
        out of other users' reach whatever their own mode), 0600 for the password file."""
        modes = [(folder, 0o700) for folder in (self.home, *self.private_dirs)]
        for path, mode in [*modes, (self.password_file, 0o600)]:
            try:
                if path.stat().st_mode & 0o077:
                    path.chmod(mode)
            except FileNotFoundError:
                continue
            except OSError as e:
                raise ConfigError(f"{path} is open to other users and cannot be made "
                                  f"private (mode {mode:o}): {e.strerror}") from e

    @property
    def system_database_dir(self) -> Path:
        # Present once the server has started for the first time; the initial password is
        # only read before that.
        return self.data_dir / "databases" / "system"


def _memory(name: str, value: str) -> str:
    if not _MEMORY.match(value):
        raise ConfigError(f"TME_{name.upper()}={value!r} is not a memory size such as 512m or 1g")
    return value


def jvm_options(settings: Settings) -> list[str]:
    """The JVM options the server runs with: heap size first, then the launcher's defaults."""
    heap = _memory("heap", settings.heap)
    return [f"-Xms{heap}", f"-Xmx{heap}", *_LAUNCHER_OPTIONS]


def render_neo4j_conf(settings: Settings, layout: Layout) -> str:
    """neo4j.conf for a private, small, local server: loopback only, auth on, no telemetry."""
    heap = _memory("heap", settings.heap)
    pagecache = _memory("pagecache", settings.pagecache)
    lines = [
        "# Written by tme-neo4j on every `tme server start`; edits here are lost.",
        "# Change TME_* settings (TME_BOLT_PORT, TME_HTTP_PORT, TME_HEAP...) instead.",
        f"server.directories.data={layout.data_dir}",
        f"server.directories.logs={layout.logs_dir}",
        f"server.directories.run={layout.run_dir}",
        f"server.directories.plugins={layout.home / 'plugins'}",
        f"server.directories.import={layout.home / 'import'}",
        f"server.directories.lib={layout.lib_dir}",
        "",
        "# Reachable from this machine only.",
        "server.default_listen_address=127.0.0.1",
        "server.default_advertised_address=127.0.0.1",
        f"server.bolt.listen_address=127.0.0.1:{settings.bolt_port}",
        f"server.bolt.advertised_address=127.0.0.1:{settings.bolt_port}",
        f"server.http.listen_address=127.0.0.1:{settings.http_port}",
        f"server.http.advertised_address=127.0.0.1:{settings.http_port}",
        "server.https.enabled=false",
        "# Server-side routing would open a third port (7688) that one server never needs.",
        "dbms.routing.enabled=false",
        "",
        "dbms.security.auth_enabled=true",
        "dbms.usage_report.enabled=false",
        "",
        "# Sized for a laptop or a small CI machine.",
        f"server.memory.heap.initial_size={heap}",
        f"server.memory.heap.max_size={heap}",
        f"server.memory.pagecache.size={pagecache}",
        "db.tx_log.rotation.retention_policy=1 days 256M",
        "",
    ]
    return "\n".join(lines)


def render_user_logs() -> str:
    """log4j configuration sending the user log to stdout, which the server's log file collects."""
    return """<?xml version="1.0" encoding="UTF-8"?>
<!-- Written by tme-neo4j. The user log goes to stdout, which is appended to logs/neo4j.log. -->
<Configuration>
    <Appenders>
        <Console name="ConsoleAppender" target="SYSTEM_OUT">
            <PatternLayout pattern="%d{yyyy-MM-dd HH:mm:ss.SSSZ}{GMT+0} %-5p %m%n"/>
        </Console>
    </Appenders>
    <Loggers>
        <Root level="info">
            <AppenderRef ref="ConsoleAppender"/>
        </Root>
    </Loggers>
</Configuration>
"""
