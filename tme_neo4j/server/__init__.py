"""The local Neo4j server: assembled from Maven Central, run on Java 17 or 21, no Docker.

::

    from tme_neo4j.config import Settings
    from tme_neo4j.server import LocalServer

    server = LocalServer(Settings())
    server.start()          # downloads Neo4j on first use; idempotent
    print(server.status().bolt_uri)
    server.stop()
"""

from __future__ import annotations

from ._tools import SUPPORTED_JAVA, JavaRuntime, find_java, find_maven
from .local import LOCAL_USER, LocalServer, Progress, ServerStatus

__all__ = [
    "LOCAL_USER",
    "SUPPORTED_JAVA",
    "JavaRuntime",
    "LocalServer",
    "Progress",
    "ServerStatus",
    "find_java",
    "find_maven",
]
