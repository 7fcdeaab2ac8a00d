"""The three memories behind one interface: each operation of the workload as each system's own
call, timed around that call alone (tme through ``MemoryStore``; the peers through their
database layer on their own async driver, timed inside the event loop).

A method returns ``(seconds, items)``: the time of the call and how many items it gave back
(facts, or facts and relations), which the harness checks against what the graph holds.
"""

from __future__ import annotations

import asyncio
import importlib
import importlib.util
import json
import sys
import time
import uuid
from abc import ABC, abstractmethod
from collections.abc import Awaitable, Callable, Iterable, Sequence
from contextlib import suppress
from functools import partial
from pathlib import Path
from types import ModuleType
from typing import Any, TypeVar

import neo4j
from pydantic import SecretStr

from benchmarks.peers.workload import Fact, Link, Update
from benchmarks.turns.run import bench_queries, generate_tasks
from tme_neo4j.connection import Credentials
from tme_neo4j.errors import NotFoundError
from tme_neo4j.store import MemoryStore

__all__ = ["AgentMemory", "McpMemory", "PeersMissingError", "Sample", "ShapeError", "System",
           "Tme", "peer_versions", "write_tasks"]

Sample = tuple[float, int]
T = TypeVar("T")

_AGENT = "peers"
_BATCH = 2_000  # starting facts per bulk statement
_DELETE_BATCH = 5_000
_CYPHER = Path(__file__).parent / "cypher"


class PeersMissingError(RuntimeError):
    """The peer packages are not installed."""


class ShapeError(RuntimeError):
    """Facts written in bulk differ from those a system's own calls write."""


def peer_versions() -> dict[str, str]:
    """Installed versions of the peers; raises PeersMissingError naming the fix."""
    from importlib.metadata import PackageNotFoundError, version

    found: dict[str, str] = {}
    for dist in ("mcp-neo4j-memory", "neo4j-agent-memory"):
        try:
            found[dist] = version(dist)
        except PackageNotFoundError:
            raise PeersMissingError(
                f"{dist} is not installed: pip install -e '.[peers]'") from None
    return found


def _cypher(name: str) -> str:
    return (_CYPHER / f"{name}.cypher").read_text(encoding="utf-8")


class System(ABC):
    """One memory, measured on the facts of one size at a time (``begin`` ... ``end``)."""

    name: str

    def __init__(self, base: MemoryStore, probe_workspace: str) -> None:
        self.base = base
        self.probe_workspace = probe_workspace
        self.ping = bench_queries()["ping_server"].text
        self.probe = bench_queries()["set_bench_probe"].text

    @abstractmethod
    def begin(self, prefix: str) -> None:
        """Start an empty memory whose names (or workspace) start with ``prefix``."""

    @abstractmethod
    def populate(self, facts: Sequence[Fact]) -> None:
        """Write the starting facts (not measured)."""

    @abstractmethod
    def round_trip(self) -> float:
        """``RETURN 1`` through this system's driver and call style."""

    @abstractmethod
    def bare_write(self, n: int) -> float:
        """One property set on one node, committed, through this system's driver."""

    @abstractmethod
    def record(self, fact: Fact) -> Sample: ...

    @abstractmethod
    def link(self, link: Link) -> Sample: ...

    @abstractmethod
    def update(self, update: Update) -> Sample: ...

    def append(self, update: Update) -> Sample | None:
        """A second way to update, where the system offers one; None elsewhere."""
        return None

    @abstractmethod
    def neighbourhood(self, key: str) -> Sample: ...

    @abstractmethod
    def whole(self) -> Sample: ...

    @abstractmethod
    def end(self) -> None:
        """Delete everything this system wrote since ``begin``."""

    @abstractmethod
    def close(self) -> None:
        """Release what the system holds open."""

    @abstractmethod
    def check_shape(self, written: str, recorded: str) -> None:
        """Fail when a starting fact ``written`` in bulk differs in labels or property keys
        from ``recorded`` by the system's own call."""

    def _write(self, query: str, **params: Any) -> list[dict[str, Any]]:
        records, _, _ = self.base.driver.execute_query(
            query, params, database_=self.base.settings.neo4j_database)
        return [r.data() for r in records]

    def _delete_in_batches(self, query: str, **params: Any) -> None:
        def batch(tx: neo4j.ManagedTransaction) -> int:
            return int(tx.run(query, params | {"limit": _DELETE_BATCH}).single(strict=True)[0])

        with self.base.driver.session(database=self.base.settings.neo4j_database) as s:
            while s.execute_write(batch):
                pass


# -- tme ----------------------------------------------------------------------------------------


class Tme(System):
    """tme through its Python API: one workspace per size."""

    name = "tme"

    def __init__(self, base: MemoryStore, probe_workspace: str) -> None:
        super().__init__(base, probe_workspace)
        self.store: MemoryStore | None = None

    @property
    def _store(self) -> MemoryStore:
        if self.store is None:
            raise RuntimeError("begin() first")
        return self.store

    def begin(self, prefix: str) -> None:
        self.store = self.base.for_workspace(prefix, agent=_AGENT)
        self.store.create_workspace()

    def populate(self, facts: Sequence[Fact]) -> None:
        write_tasks(self._store, facts)

    def round_trip(self) -> float:
        t0 = time.perf_counter()
        with self.base.driver.session(database=self.base.settings.neo4j_database) as s:
            s.run(self.ping).consume()
        return time.perf_counter() - t0

    def bare_write(self, n: int) -> float:
        t0 = time.perf_counter()
        with self.base.driver.session(database=self.base.settings.neo4j_database) as s:
            s.execute_write(lambda tx: tx.run(self.probe, ws=self.probe_workspace,
                                              n=n).consume())
        return time.perf_counter() - t0

    def record(self, fact: Fact) -> Sample:
        return _timed(lambda: self._store.add_task(
            fact.key, fact.title, fact.value,
            parents=[fact.parent] if fact.parent else [],
            depends_on=[fact.depends_on] if fact.depends_on else []), lambda _: 1)

    def link(self, link: Link) -> Sample:
        return _timed(lambda: self._store.depend(link.key, link.depends_on), lambda _: 1)

    def update(self, update: Update) -> Sample:
        return _timed(lambda: self._store.revise(update.key, update.new), lambda _: 1)

    def neighbourhood(self, key: str) -> Sample:
        return _timed(lambda: self._store.subgraph([key]), len)

    def whole(self) -> Sample:
        return _timed(self._store.state, lambda state: len(state.tasks))

    def end(self) -> None:
        if self.store is None:
            return
        self._delete_in_batches(bench_queries()["delete_bench_nodes"].text,
                                ws=self.store.workspace)
        with suppress(NotFoundError):
            self.store.delete_workspace()
        self.store = None

    def close(self) -> None:
        pass  # the connection is the base store's

    def check_shape(self, written: str, recorded: str) -> None:
        pass  # the starting tasks come from tme's own benchmark generator


def write_tasks(store: MemoryStore, facts: Sequence[Fact]) -> None:
    """Write ``facts`` as tasks with ``tme bench``'s generator: batched statements, each a write
    with its own sequence number, a task and its first revision per fact."""
    generate_tasks(
        store, [{"key": f.key, "title": f.title, "values": [f.value]} for f in facts],
        [{"from": f.key, "to": f.parent} for f in facts if f.parent],
        [{"from": f.key, "to": f.depends_on} for f in facts if f.depends_on], agent=_AGENT)


def _timed(call: Callable[[], T], count: Callable[[T], int]) -> Sample:
    t0 = time.perf_counter()
    result = call()
    return time.perf_counter() - t0, count(result)


# -- the peers ----------------------------------------------------------------------------------


class _AsyncSystem(System):
    """A peer whose calls are coroutines: each is timed inside the event loop, so the loop's
    own scheduling is not counted against it."""

    def __init__(self, base: MemoryStore, probe_workspace: str,
                 loop: asyncio.AbstractEventLoop) -> None:
        super().__init__(base, probe_workspace)
        self.loop = loop
        self.prefix = ""

    def run(self, work: Awaitable[T]) -> T:
        return self.loop.run_until_complete(_await(work))

    def timed(self, call: Callable[[], Awaitable[T]], count: Callable[[T], int]) -> Sample:
        async def go() -> Sample:
            t0 = time.perf_counter()
            result = await call()
            return time.perf_counter() - t0, count(result)

        return self.loop.run_until_complete(go())

    #: The label of the system's fact nodes.
    label = ""

    def check_shape(self, written: str, recorded: str) -> None:
        rows = {r["name"]: r for r in self._write(_cypher("get_fact_shapes"), label=self.label,
                                                  names=[self.named(written),
                                                         self.named(recorded)])}
        shapes = [(sorted(r["labels"]), sorted(r["keys"]), sorted(r["relationships"]))
                  for r in (rows.get(self.named(written)), rows.get(self.named(recorded)))
                  if r is not None]
        if len(shapes) != 2 or shapes[0] != shapes[1]:
            raise ShapeError(f"{self.name}: a starting fact written in bulk does not look like "
                             f"one its own calls write: {shapes}")

    def named(self, key: str) -> str:
        return f"{self.prefix}{key}"

    def ours(self, names: Iterable[str]) -> int:
        return sum(1 for n in names if n.startswith(self.prefix))


async def _await(work: Awaitable[T]) -> T:
    return await work


def _import_mcp_memory() -> ModuleType:
    """``mcp_neo4j_memory.neo4j_memory`` without the package's ``__init__``, which starts by
    importing its MCP server (fastmcp 2, built for mcp 1.x, while tme needs mcp 2.x). The
    database layer itself needs only the neo4j driver and pydantic."""
    name = "mcp_neo4j_memory.neo4j_memory"
    if name in sys.modules:
        return sys.modules[name]
    spec = importlib.util.find_spec("mcp_neo4j_memory")
    if spec is None or not spec.submodule_search_locations:
        raise PeersMissingError("mcp-neo4j-memory is not installed: pip install -e '.[peers]'")
    path = Path(next(iter(spec.submodule_search_locations))) / "neo4j_memory.py"
    module_spec = importlib.util.spec_from_file_location(name, path)
    if module_spec is None or module_spec.loader is None:
        raise PeersMissingError(f"cannot load {path}")
    module = importlib.util.module_from_spec(module_spec)
    sys.modules[name] = module
    module_spec.loader.exec_module(module)
    return module


class McpMemory(_AsyncSystem):
    """mcp-neo4j-memory's ``Neo4jMemory`` (what its MCP tools call), on an async driver made
    as its server makes it. Entities are ``:Memory`` nodes named with the run's prefix."""

    name = "mcp-neo4j-memory"
    label = "Memory"

    def __init__(self, base: MemoryStore, probe_workspace: str,
                 loop: asyncio.AbstractEventLoop, credentials: Credentials) -> None:
        super().__init__(base, probe_workspace, loop)
        self.m = _import_mcp_memory()
        self.driver = neo4j.AsyncGraphDatabase.driver(credentials.uri, auth=credentials.auth())
        self.memory = self.m.Neo4jMemory(self.driver)
        self.run(self.driver.verify_connectivity())
        self.run(self.memory.create_fulltext_index())
        base.driver.execute_query("CALL db.awaitIndexes(60)",
                                  database_=base.settings.neo4j_database)

    def begin(self, prefix: str) -> None:
        self.prefix = f"{prefix}-"

    def _entity(self, fact: Fact) -> Any:
        return self.m.Entity(name=self.named(fact.key), type="fact",
                             observations=[fact.title, fact.value])

    def _relations(self, fact: Fact) -> list[Any]:
        rels = []
        if fact.parent:
            rels.append(self.m.Relation(source=self.named(fact.key),
                                        target=self.named(fact.parent), relationType="PART_OF"))
        if fact.depends_on:
            rels.append(self.m.Relation(source=self.named(fact.key),
                                        target=self.named(fact.depends_on),
                                        relationType="DEPENDS_ON"))
        return rels

    def populate(self, facts: Sequence[Fact]) -> None:
        """In bulk: its own calls find entities by scanning, so writing 10,000 facts with them
        takes many minutes. ``check_shape`` compares the result with what the calls write."""
        nodes: dict[str, str] = {}
        rows = [{"name": self.named(f.key), "observations": [f.title, f.value]} for f in facts]
        for start in range(0, len(rows), _BATCH):
            for row in self._write(_cypher("create_memory_facts"),
                                   rows=rows[start:start + _BATCH]):
                nodes[row["name"]] = row["node"]
        for query, edges in (
            ("link_memory_parts", [{"from": nodes[self.named(f.key)],
                                    "to": nodes[self.named(f.parent)]}
                                   for f in facts if f.parent]),
            ("link_memory_dependencies", [{"from": nodes[self.named(f.key)],
                                           "to": nodes[self.named(f.depends_on)]}
                                          for f in facts if f.depends_on]),
        ):
            for start in range(0, len(edges), _BATCH):
                self._write(_cypher(query), edges=edges[start:start + _BATCH])

    def round_trip(self) -> float:
        return self.timed(lambda: self.driver.execute_query(
            self.ping, routing_control=neo4j.RoutingControl.READ), lambda _: 1)[0]

    def bare_write(self, n: int) -> float:
        return self.timed(lambda: self.driver.execute_query(
            self.probe, {"ws": self.probe_workspace, "n": n},
            routing_control=neo4j.RoutingControl.WRITE), lambda _: 1)[0]

    def record(self, fact: Fact) -> Sample:
        async def call() -> None:
            await self.memory.create_entities([self._entity(fact)])
            await self.memory.create_relations(self._relations(fact))

        return self.timed(call, lambda _: 1)

    def link(self, link: Link) -> Sample:
        rel = self.m.Relation(source=self.named(link.key), target=self.named(link.depends_on),
                              relationType="DEPENDS_ON")
        return self.timed(lambda: self.memory.create_relations([rel]), len)

    def update(self, update: Update) -> Sample:
        """Replace: delete the old observation, add the new one (two calls, as its tools do)."""
        name = self.named(update.key)

        async def call() -> None:
            await self.memory.delete_observations(
                [self.m.ObservationDeletion(entityName=name, observations=[update.old])])
            await self.memory.add_observations(
                [self.m.ObservationAddition(entityName=name, observations=[update.new])])

        return self.timed(call, lambda _: 1)

    def append(self, update: Update) -> Sample:
        """Append: add the new observation and keep the old one (one call)."""
        add = self.m.ObservationAddition(entityName=self.named(update.key),
                                         observations=[update.new])
        return self.timed(lambda: self.memory.add_observations([add]), len)

    def neighbourhood(self, key: str) -> Sample:
        return self.timed(lambda: self.memory.find_memories_by_name([self.named(key)]),
                          lambda g: len(g.entities) + len(g.relations))

    def whole(self) -> Sample:
        return self.timed(self.memory.read_graph,
                          lambda g: self.ours(e.name for e in g.entities))

    def end(self) -> None:
        if self.prefix:
            self._delete_in_batches(_cypher("delete_memory_nodes"), prefix=self.prefix)
        self.prefix = ""

    def close(self) -> None:
        self.run(self.driver.close())


class AgentMemory(_AsyncSystem):
    """neo4j-agent-memory's ``LongTermMemory`` on its ``Neo4jClient``, with the constraints and
    indexes its ``SchemaManager`` creates, and no embedder, extractor or resolver (no model
    calls). ``get_graph`` belongs to ``MemoryClient``; it is called on a client given this
    connection. Entities are ``:Entity`` nodes named with the run's prefix."""

    name = "neo4j-agent-memory"
    label = "Entity"
    #: The POLE+O type the facts are stored as.
    TYPE = "OBJECT"

    def __init__(self, base: MemoryStore, probe_workspace: str,
                 loop: asyncio.AbstractEventLoop, credentials: Credentials) -> None:
        super().__init__(base, probe_workspace, loop)
        from neo4j_agent_memory import MemoryClient, MemorySettings, Neo4jConfig
        from neo4j_agent_memory.graph.client import Neo4jClient
        from neo4j_agent_memory.graph.schema import SchemaManager
        from neo4j_agent_memory.memory.long_term import LongTermMemory

        auth = credentials.auth() or ("neo4j", "")
        config = Neo4jConfig(uri=credentials.uri, username=auth[0], password=SecretStr(auth[1]),
                             database=base.settings.neo4j_database)
        self.client = Neo4jClient(config)
        self.run(self.client.connect())
        schema = SchemaManager(self.client)
        self.run(schema.setup_constraints())
        self.run(schema.setup_indexes())
        base.driver.execute_query("CALL db.awaitIndexes(60)",
                                  database_=base.settings.neo4j_database)
        self.memory = LongTermMemory(self.client)
        self.graph_client: Any = MemoryClient(MemorySettings(neo4j=config))
        self.graph_client._client = self.client
        self.ids: dict[str, Any] = {}

    def begin(self, prefix: str) -> None:
        self.prefix = f"{prefix}-"
        self.ids = {}

    def _add(self, fact: Fact) -> Awaitable[Any]:
        return self.memory.add_entity(self.named(fact.key), self.TYPE, description=fact.value,
                                      attributes={"title": fact.title})

    def _relations(self, fact: Fact, entity_id: Any) -> list[Callable[[], Awaitable[Any]]]:
        calls: list[Callable[[], Awaitable[Any]]] = []
        for other, kind in ((fact.parent, "PART_OF"), (fact.depends_on, "DEPENDS_ON")):
            if other:
                calls.append(partial(self.memory.add_relationship, entity_id, self.ids[other],
                                     kind))
        return calls

    def populate(self, facts: Sequence[Fact]) -> None:
        """In bulk (each of its calls is its own transaction, three a fact);
        ``check_shape`` compares the result with what its calls write."""
        for f in facts:
            self.ids[f.key] = uuid.uuid4()
        rows = [{"id": str(self.ids[f.key]), "name": self.named(f.key), "description": f.value,
                 "metadata": json.dumps({"attributes": {"title": f.title}})} for f in facts]
        edges = [{"from": str(self.ids[f.key]), "to": str(self.ids[other]),
                  "id": str(uuid.uuid4()), "type": kind}
                 for f in facts
                 for other, kind in ((f.parent, "PART_OF"), (f.depends_on, "DEPENDS_ON"))
                 if other]
        for start in range(0, len(rows), _BATCH):
            self._write(_cypher("create_entity_facts"), rows=rows[start:start + _BATCH])
        for start in range(0, len(edges), _BATCH):
            self._write(_cypher("link_entity_facts"), edges=edges[start:start + _BATCH])

    def round_trip(self) -> float:
        return self.timed(lambda: self.client.execute_read(self.ping), len)[0]

    def bare_write(self, n: int) -> float:
        return self.timed(lambda: self.client.execute_write(
            self.probe, {"ws": self.probe_workspace, "n": n}), len)[0]

    def record(self, fact: Fact) -> Sample:
        async def call() -> None:
            entity, _ = await self._add(fact)
            self.ids[fact.key] = entity.id
            for relate in self._relations(fact, entity.id):
                await relate()

        return self.timed(call, lambda _: 1)

    def link(self, link: Link) -> Sample:
        return self.timed(lambda: self.memory.add_relationship(
            self.ids[link.key], self.ids[link.depends_on], "DEPENDS_ON"), lambda _: 1)

    def update(self, update: Update) -> Sample:
        """Overwrite: ``add_entity`` on an existing name sets the new description in place."""
        return self.timed(lambda: self.memory.add_entity(
            self.named(update.key), self.TYPE, description=update.new), lambda _: 1)

    def neighbourhood(self, key: str) -> Sample:
        return self.timed(lambda: self.memory.get_entity_relationships(self.named(key)),
                          lambda related: len(related) + 1)

    def whole(self) -> Sample:
        limit = max(1_000, 2 * len(self.ids))
        return self.timed(
            lambda: self.graph_client.get_graph(memory_types=["long_term"], limit=limit),
            lambda graph: self.ours(str(n.properties.get("name", "")) for n in graph.nodes))

    def end(self) -> None:
        if self.prefix:
            self._delete_in_batches(_cypher("delete_entity_nodes"), prefix=self.prefix)
        self.prefix = ""
        self.ids = {}

    def close(self) -> None:
        self.run(self.client.close())
