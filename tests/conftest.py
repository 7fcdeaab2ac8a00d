"""Fixtures: one real Neo4j for the session, a fresh workspace for each test.

The server is whatever the connection rule gives: ``TME_NEO4J_URI`` when set, otherwise the
local server under ``TME_HOME`` (started on demand). Where a Docker engine answers and
``TME_TEST_DOCKER=1`` is set, testcontainers' Neo4j module is used instead.
"""

from __future__ import annotations

import os
import socket
import uuid
from collections.abc import Iterator

import neo4j
import pytest

from tme_neo4j.config import Settings
from tme_neo4j.store import MemoryStore


def _docker_settings() -> Iterator[Settings] | None:
    if os.environ.get("TME_TEST_DOCKER") != "1":
        return None
    try:
        import docker  # type: ignore[import-untyped]

        docker.from_env().ping()
    except Exception:
        return None
    from testcontainers.neo4j import Neo4jContainer

    def run() -> Iterator[Settings]:
        with Neo4jContainer("neo4j:5.26-community") as container:
            yield Settings(neo4j_uri=container.get_connection_url(),
                           neo4j_password=container.password)

    return run()


@pytest.fixture(scope="session")
def settings() -> Iterator[Settings]:
    docker_run = _docker_settings()
    if docker_run is not None:
        yield from docker_run
    else:
        yield Settings()


@pytest.fixture(scope="session")
def driver(settings: Settings) -> Iterator[neo4j.Driver]:
    from tme_neo4j.connection import connect

    drv = connect(settings, start=True)
    MemoryStore(settings, driver=drv).ensure_schema()
    yield drv
    drv.close()


def free_port() -> int:
    """A loopback port nothing listens on now, for a test's own server (never a fixed number:
    another Neo4j, or another run of the suite, may hold it)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


def new_workspace_id(prefix: str = "t") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


@pytest.fixture
def store(settings: Settings, driver: neo4j.Driver) -> Iterator[MemoryStore]:
    """A store on a new, empty workspace that is deleted after the test."""
    s = MemoryStore(settings, workspace=new_workspace_id(), agent="tester", driver=driver)
    s.create_workspace()
    yield s
    s.delete_workspace()


def graph_snapshot(store: MemoryStore) -> tuple[object, ...]:
    """Everything a user could see change in a workspace's task graph (not the turn log), and
    each task's ``past``, which history search finds it by."""
    records, _, _ = store.driver.execute_query(
        """
        MATCH (t:Task {ws: $ws})
        OPTIONAL MATCH (t)-[e:SUBTASK_OF|DEPENDS_ON]->(o:Task)
        WITH t, collect([type(e), o.key]) AS edges
        RETURN t.key AS key, t.title AS title, t.value AS value, t.status AS status,
               t.stale AS stale, t.version AS version, t.past AS past,
               COUNT { (t)-[:HAS_REVISION]->() } AS revisions, edges
        ORDER BY key
        """,
        ws=store.workspace,
    )
    return tuple(
        (r["key"], r["title"], r["value"], r["status"], r["stale"], r["version"], r["past"],
         r["revisions"], tuple(sorted(map(tuple, r["edges"]))))
        for r in records
    )
