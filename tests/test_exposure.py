"""What is exposed where: the running server listens on loopback only, and no password appears
in errors, reprs or logs."""

from __future__ import annotations

import logging
from pathlib import Path

import pytest
from pydantic import SecretStr

from tme_neo4j.config import Settings
from tme_neo4j.connection import connect, resolve_credentials
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError
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
