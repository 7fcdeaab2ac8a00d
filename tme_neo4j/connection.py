"""The one rule for reaching Neo4j, used by the library and every CLI command.

1. ``TME_NEO4J_URI`` set: that server, with ``TME_NEO4J_USER`` / ``TME_NEO4J_PASSWORD``.
2. Otherwise the local server under ``TME_HOME``, started on demand, with the password it
   generated on first start. Nobody types a password.
"""

from __future__ import annotations

import logging

import neo4j
from neo4j.exceptions import AuthError, ConfigurationError, DriverError, Neo4jError
from pydantic import BaseModel, SecretStr

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError, mask_credentials
from tme_neo4j.server import LOCAL_USER, LocalServer, Progress

__all__ = ["RETRY_BOUND", "RETRY_PAUSE", "RETRY_TIME", "Credentials", "connect", "open_driver",
           "resolve_credentials"]

logger = logging.getLogger(__name__)

#: Seconds within which a call fails when Neo4j is down (or stays deadlocked): a deadline.
RETRY_BOUND = 15.0
# The driver's retry clock starts after the first attempt and is checked before each pause,
# so a call lasts at most: attempt + retry time + pause + attempt. Constant short pauses (the
# driver's default doubles them, and one pause of 18 s overshot the bound) keep that sum
# under RETRY_BOUND.
_CONNECT_TIMEOUT = 3.0  # TCP connect
_ATTEMPT = 4.0  # acquiring a connection: connect and handshake
_PAUSE = 0.5  # between attempts, +-20 %
_RETRY_TIME = RETRY_BOUND - 2 * _ATTEMPT - 1.2 * _PAUSE - 0.4  # 0.4 s: slack for the last reply
#: The same retry time and pause, for the writes the store retries itself (sent alone).
RETRY_TIME, RETRY_PAUSE = _RETRY_TIME, _PAUSE
#: A pooled connection idle longer than this many seconds is checked (one RESET round trip)
#: before use: one left over from before a server restart is replaced there, before a write
#: that is not retried once sent (the store's writes sent alone) goes out on it.
_LIVENESS_CHECK = 2.0


class Credentials(BaseModel):
    """Where to connect and as whom. ``password`` stays a SecretStr so it never prints."""

    uri: str
    user: str
    password: SecretStr | None
    #: True for the server under ``Settings.home``, False for ``TME_NEO4J_URI``.
    local: bool

    def auth(self) -> tuple[str, str] | None:
        if self.password is None:
            return None
        return (self.user, self.password.get_secret_value())


def resolve_credentials(settings: Settings) -> Credentials:
    """The URI, user and password :func:`connect` would use, without connecting.

    Raises:
        Neo4jUnavailableError: no ``TME_NEO4J_URI`` and the local server never started.
    """
    if settings.neo4j_uri:
        return Credentials(
            uri=settings.neo4j_uri,
            user=settings.neo4j_user,
            password=settings.neo4j_password,
            local=False,
        )
    server = LocalServer(settings)
    return Credentials(
        uri=server.status().bolt_uri,
        user=LOCAL_USER,
        password=SecretStr(server.password()),
        local=True,
    )


def connect(
    settings: Settings, *, start: bool = True, progress: Progress | None = None
) -> neo4j.Driver:
    """A driver whose connectivity has been verified; the caller closes it.

    Args:
        settings: where to connect (see the module docstring).
        start: start the local server if it is not running (ignored with ``TME_NEO4J_URI``).
        progress: told about slow steps of starting the local server (download, wait).

    Raises:
        Neo4jUnavailableError: the server cannot be reached, or is local and not running while
            ``start`` is False.
        ConfigError: bad URI, wrong credentials, or the local server cannot be set up.
    """
    if not settings.neo4j_uri:
        server = LocalServer(settings)
        if start:
            server.start(progress=progress)
        elif not server.status().running:
            raise Neo4jUnavailableError(
                f"the local Neo4j under {server.home} is not running: run `tme server start`"
            )
    credentials = resolve_credentials(settings)
    driver = open_driver(credentials)
    shown = mask_credentials(credentials.uri)
    try:
        driver.verify_connectivity()
    except AuthError as e:
        driver.close()
        fix = (
            f"the password file {LocalServer(settings).password_file} does not match the database"
            if credentials.local
            else "check TME_NEO4J_USER and TME_NEO4J_PASSWORD"
        )
        raise ConfigError(
            f"Neo4j at {shown} rejected user {credentials.user!r}: {fix}"
        ) from e
    except (DriverError, Neo4jError, OSError) as e:
        driver.close()
        hint = "run `tme server start`" if credentials.local else "check TME_NEO4J_URI"
        raise Neo4jUnavailableError(f"cannot reach Neo4j at {shown}: {hint}") from e
    logger.debug("connected to %s as %s", shown, credentials.user)
    return driver


def open_driver(credentials: Credentials) -> neo4j.Driver:
    """A driver for ``credentials``, not yet connected: every call through it fails within
    :data:`RETRY_BOUND` seconds when the server cannot be reached.

    Raises:
        ConfigError: the URI is not one the driver accepts (the message masks its credentials).
    """
    where = "the local Neo4j" if credentials.local else "TME_NEO4J_URI"
    try:
        # Server notifications (e.g. "relationship type does not exist yet" on a new database)
        # are hints for people writing queries, not for users of the memory.
        return neo4j.GraphDatabase.driver(
            credentials.uri,
            auth=credentials.auth(),
            notifications_min_severity="OFF",
            max_transaction_retry_time=_RETRY_TIME,
            initial_retry_delay=_PAUSE,
            retry_delay_multiplier=1.0,
            retry_delay_jitter_factor=0.2,
            connection_timeout=_CONNECT_TIMEOUT,
            connection_acquisition_timeout=_ATTEMPT,
            liveness_check_timeout=_LIVENESS_CHECK,
        )
    except (ConfigurationError, ValueError) as e:
        # The driver's message quotes the URI; TmeError masks credentials in it.
        raise ConfigError(f"{where} {credentials.uri!r} is not a usable Neo4j URI: {e}") from e
