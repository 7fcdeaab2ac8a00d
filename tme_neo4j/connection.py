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
from tme_neo4j.errors import ConfigError, Neo4jUnavailableError
from tme_neo4j.server import LOCAL_USER, LocalServer, Progress

__all__ = ["Credentials", "connect", "resolve_credentials"]

logger = logging.getLogger(__name__)


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
    where = "the local Neo4j" if credentials.local else "TME_NEO4J_URI"
    try:
        # Server notifications (e.g. "relationship type does not exist yet" on a new database)
        # are hints for people writing queries, not for users of the memory.
        # Transient errors (deadlocks, leader changes) are retried inside managed transactions
        # for up to 15 s; a server that is down fails a call within that, not after minutes.
        driver = neo4j.GraphDatabase.driver(
            credentials.uri,
            auth=credentials.auth(),
            notifications_min_severity="OFF",
            max_transaction_retry_time=15.0,
            connection_timeout=5.0,
            connection_acquisition_timeout=10.0,
        )
    except (ConfigurationError, ValueError) as e:
        raise ConfigError(f"{where} {credentials.uri!r} is not a usable Neo4j URI: {e}") from e
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
            f"Neo4j at {credentials.uri} rejected user {credentials.user!r}: {fix}"
        ) from e
    except (DriverError, Neo4jError, OSError) as e:
        driver.close()
        hint = "run `tme server start`" if credentials.local else "check TME_NEO4J_URI"
        raise Neo4jUnavailableError(f"cannot reach Neo4j at {credentials.uri}: {hint}") from e
    logger.debug("connected to %s as %s", credentials.uri, credentials.user)
    return driver
