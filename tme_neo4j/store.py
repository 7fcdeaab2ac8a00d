"""MemoryStore: the only module that talks to Neo4j.

Each public method runs named queries from ``cypher/`` in one transaction. Writes go through
``apply`` (or ``apply_turn`` for a turn): a list of typed operations executed together, all or
nothing, after taking the workspace's write lock (``begin_write``), so writers, claims and
deletes on one workspace serialize. ``apply`` is one statement composed of parts: begin_write,
each operation's part as a subquery, record_write; sent with ``execute_query``, it costs two
round trips whatever it holds. A write of one operation other than an add, with no turn (every
``revise``, ``depend``, ...), writes nothing when refused, so it commits with its statement
(auto-commit): one round trip. A write that changes something takes the next sequence
number and records a change-feed entry for each task it changed; a write that changes nothing
takes no number.

Every session shares the driver's bookmark manager, so on a cluster a read after a write sees
it; single reads go through ``execute_query`` routed to readers; every transaction carries
metadata (agent, workspace, operation) and a timeout.
"""

from __future__ import annotations

import functools
import gc
import hashlib
import itertools
import logging
import random
import re
import time
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager, suppress
from datetime import datetime
from typing import Any, Self, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors
from pydantic import BaseModel, TypeAdapter, ValidationError

from tme_neo4j import queries
from tme_neo4j.config import Settings
from tme_neo4j.errors import (
    ConfigError,
    ConflictError,
    CycleError,
    InvalidInputError,
    Neo4jUnavailableError,
    NotFoundError,
    TmeError,
)
from tme_neo4j.models import (
    MAX_TEXT,
    AddDependency,
    AddTask,
    AlignedTask,
    CancelTask,
    Change,
    Claim,
    ClearStale,
    CompleteTask,
    Evidence,
    LinkParent,
    Operation,
    OpName,
    RemoveDependency,
    RestoreTask,
    ReviseTask,
    Revision,
    RollbackTask,
    Task,
    TaskStatus,
    Turn,
    TurnView,
    TurnWrite,
    UnlinkParent,
    WorkspaceId,
    WorkspaceState,
    WriteResult,
)
from tme_neo4j.text import MAX_INT, check_agent, check_text

__all__ = ["ComposeReply", "MemoryStore", "TurnInput", "schema_version"]

log = logging.getLogger(__name__)
T = TypeVar("T")

_operations: TypeAdapter[list[Operation]] = TypeAdapter(list[Operation])
_workspace_id: TypeAdapter[str] = TypeAdapter(WorkspaceId)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)

#: Seconds a transaction may run before the server stops it.
_READ_TIMEOUT = 60.0
_WRITE_TIMEOUT = 120.0
_DELETE_TIMEOUT = 600.0
#: Lucene refuses queries over 1,024 clauses, and a fuzzy term expands into up to 50: a long
#: text is searched through its first words, and only the first of those are fuzzy.
_MAX_SEARCH_TERMS = 48
_MAX_FUZZY_TERMS = 12


class TurnInput:
    """The turn record written together with a turn's operations: its text and intent, the
    idempotency key it is recorded under (a retry with the same key is recognised), and for an
    undo, the turn it reverses."""

    __slots__ = ("intent", "request", "text", "undoes")

    def __init__(
        self, text: str, intent: str, *, request: str | None = None, undoes: int | None = None
    ) -> None:
        if request is not None and not 1 <= len(request) <= 200:
            raise InvalidInputError("an idempotency key is 1 to 200 characters")
        self.text = check_text(text, what="the turn", max_length=MAX_TEXT)
        self.intent = intent
        self.request = request
        self.undoes = undoes


#: Composes a turn's reply inside its transaction from what the write did, the tasks around it
#: and the history evidence. Pure Python: it must not do I/O while the workspace is locked.
ComposeReply = Callable[[WriteResult, dict[str, Task], Evidence], str]


class MemoryStore:
    """Task memory of one workspace in Neo4j.

    ``MemoryStore(settings)`` does no I/O; call :meth:`connect` (or use ``with``) first.
    :meth:`for_workspace` gives a store on another workspace that shares the same connection.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        workspace: str | None = None,
        agent: str | None = None,
        driver: neo4j.Driver | None = None,
    ) -> None:
        self.settings = settings or Settings()
        self.workspace = _validate_workspace(workspace or self.settings.workspace)
        self.agent = check_agent(agent or self.settings.agent)
        self._driver = driver
        self._owns_driver = driver is None

    # -- lifecycle ---------------------------------------------------------------------------

    def connect(self, *, start_server: bool = True) -> Self:
        """Open the connection (starting the local server if needed) and ensure the schema."""
        if self._driver is None:
            from tme_neo4j.connection import connect

            self._driver = connect(self.settings, start=start_server)
            self._owns_driver = True
        try:
            self.ensure_schema()
        except BaseException:
            self.close()
            raise
        return self

    def close(self) -> None:
        if self._driver is not None and self._owns_driver:
            self._driver.close()
        self._driver = None

    def __enter__(self) -> Self:
        return self.connect()

    def __exit__(self, *exc: object) -> None:
        self.close()

    def for_workspace(self, workspace: str, *, agent: str | None = None) -> MemoryStore:
        """A store on ``workspace`` sharing this store's connection (closing it is a no-op)."""
        store = MemoryStore(
            self.settings, workspace=workspace, agent=agent or self.agent, driver=self.driver
        )
        store._owns_driver = False
        return store

    @property
    def driver(self) -> neo4j.Driver:
        if self._driver is None:
            raise TmeError("the store is not connected: call connect() first")
        return self._driver

    # -- schema and workspaces ---------------------------------------------------------------

    def ensure_schema(self, *, force: bool = False) -> bool:
        """Create constraints and indexes if missing; idempotent and safe to race.

        A marker in the database names the schema statements last run (a fingerprint of
        ``cypher/schema/``); they run only when it differs from this code's, or with ``force``.
        Returns whether they ran.
        """
        version = schema_version()
        marker = self._query("get_schema_version")
        generation = marker[0]["generation"] if marker else None
        if generation is not None and generation > SCHEMA_GENERATION:
            # Its indexes may differ from ours: running our statements would undo theirs.
            raise ConfigError(
                f"the database's schema was set up by a newer tme-neo4j (schema generation "
                f"{generation}; this one knows up to {SCHEMA_GENERATION}): upgrade tme-neo4j "
                "before using this database")
        if not force and marker == [{"version": version, "generation": SCHEMA_GENERATION}]:
            return False
        with _driver_errors():
            for query in _schema_queries():
                while self._schema_statement(query):
                    pass
        self._query("await_indexes")
        self._write(lambda tx: _run(tx, "set_schema_version", version=version,
                                    generation=SCHEMA_GENERATION),
                    "set_schema_version")
        return True

    def _schema_statement(self, query: queries.Query) -> bool:
        """Run one schema statement; whether to run it again. A statement that returns a count
        is a data upgrade done in batches: it runs until the count is 0."""
        try:
            records = self.driver.execute_query(
                neo4j.Query(query.statement, metadata=self._metadata(query.name)),
                database_=self.settings.neo4j_database,
                bookmark_manager_=self._bookmarks,
            ).records
        except neo4j_errors.ClientError as e:
            # Another process created the same rule between our check and our create.
            if "EquivalentSchemaRuleAlreadyExists" not in (e.code or ""):
                raise
            return False
        return bool(records and records[0][0])

    def create_workspace(self) -> bool:
        """Create this store's workspace; returns False when it already existed."""
        rows = self._write(lambda tx: _run(tx, "create_workspace", ws=self.workspace),
                           "create_workspace")
        return bool(rows[0]["created"])

    def delete_workspace(self) -> int:
        """Delete this workspace and everything in it; returns the number of nodes removed.

        The workspace's write lock is taken first: a write in progress finishes before, and a
        writer that arrives later finds no workspace (NotFoundError), so nothing is left behind.
        """

        def delete(tx: neo4j.ManagedTransaction) -> list[neo4j.Record]:
            if not _run(tx, "lock_workspace", ws=self.workspace):
                return []
            return _run(tx, "delete_workspace", ws=self.workspace)

        rows = self._write(delete, "delete_workspace", timeout=_DELETE_TIMEOUT)
        if not rows:
            raise NotFoundError(f"workspace {self.workspace!r} does not exist")
        return int(rows[0]["deleted"])

    def workspace_info(self) -> dict[str, Any]:
        rows = self._query("get_workspace", ws=self.workspace)
        if not rows:
            raise _missing_workspace(self.workspace)
        return rows[0]

    def list_workspaces(self) -> list[dict[str, Any]]:
        return self._query("list_workspaces")

    # -- writes ------------------------------------------------------------------------------

    def apply(
        self,
        operations: Sequence[Operation | dict[str, Any]],
        *,
        turn: TurnInput | None = None,
        force: bool = False,
    ) -> WriteResult:
        """Run ``operations`` in one transaction, all or nothing, with an optional turn record.

        A task claimed by another agent is not written unless ``force``.
        """
        return self._apply(_validate_operations(operations), turn, force=force)[0]

    def _apply(
        self, ops: list[Operation], turn: TurnInput | None, *, force: bool = False
    ) -> tuple[WriteResult, dict[str, Task]]:
        """``apply``, also giving every task the operations name as the write left it."""
        write = _Write(self.workspace, self.agent, ops, turn, force=force)

        def finish(row: dict[str, Any] | None,
                   tasks: dict[str, Task]) -> tuple[WriteResult, dict[str, Task]]:
            if (replayed := write.read(row, tasks.get)) is not None:
                # Recorded before under the same idempotency key: nothing was done again.
                return write.result([]).model_copy(update={"turn": replayed}), tasks
            return write.result([tasks[k] for k in write.touched if k in tasks]), tasks

        def outcome(row: neo4j.Record | None) -> tuple[WriteResult, dict[str, Task]]:
            return finish(dict(row) if row is not None else None,
                          _tasks(row["tasks"] if row is not None else []))

        text = _write_statement(record=True, kind=write.kind)
        if write.whole_in_statement:
            return self._write_alone(text, write.params(), outcome, "apply")
        return self._write_statement(text, write.params(), outcome, "apply")

    def apply_turn(
        self,
        operations: Sequence[Operation | dict[str, Any]],
        turn: TurnInput,
        *,
        context_keys: Sequence[str] = (),
        search_terms: Sequence[str] = (),
        compose: ComposeReply,
    ) -> TurnWrite:
        """A whole turn in one transaction: lock, check claims, apply ``operations``, read the
        neighbourhood of ``context_keys`` and of what changed, search history for
        ``search_terms``, compose the reply with ``compose`` and record turn, changes and reply
        together. A turn already recorded under ``turn.request`` is returned as ``replayed``,
        and nothing is applied again."""
        ops = _validate_operations(operations)

        def work(tx: neo4j.ManagedTransaction) -> TurnWrite:
            write = _Write(self.workspace, self.agent, ops, turn)
            row = _run_operations(tx, write)
            replayed = write.read(row, lambda key: _current(tx, self.workspace, key))
            if replayed is not None:
                return TurnWrite(replayed=_find_turn(tx, self.workspace, replayed))
            keys = list(dict.fromkeys([*context_keys, *write.touched, *write.stale]))
            rows = _run(tx, "get_subgraph", ws=self.workspace, keys=keys) if keys else []
            tasks = {t.key: t for t in map(_task, rows)}
            evidence = _search_history(tx, self.workspace, search_terms)
            pending = write.result([])
            reply = compose(pending, tasks, evidence)
            tx.run(_record_statement(), write.record_params(reply)).consume()
            return TurnWrite(write=pending, tasks=list(tasks.values()), evidence=evidence,
                             reply=reply)

        with _locked_out(self.workspace):
            return self._write(work, "apply_turn")

    def find_turn(self, request: str) -> Turn | None:
        """The turn recorded under the idempotency key ``request``, if any."""
        return self._read(lambda tx: _find_turn(tx, self.workspace, request), "find_turn")

    def add_task(
        self,
        key: str,
        title: str,
        value: str | None = None,
        *,
        parents: Sequence[str] = (),
        depends_on: Sequence[str] = (),
    ) -> Task:
        op = {"op": "add", "key": key, "title": title, "value": value,
              "parents": list(parents), "depends_on": list(depends_on)}
        return self._one(op, key)

    def revise(
        self,
        key: str,
        value: str | None,
        *,
        title: str | None = None,
        reason: str | None = None,
        expected_version: int | None = None,
    ) -> Task:
        op = {"op": "revise", "key": key, "value": value, "title": title, "reason": reason,
              "expected_version": expected_version}
        return self._one(op, key)

    def rollback(
        self, key: str, *, to_n: int | None = None, to_value: str | None = None
    ) -> Task:
        return self._one({"op": "rollback", "key": key, "to_n": to_n, "to_value": to_value}, key)

    def cancel(self, key: str, *, reason: str | None = None) -> Task:
        return self._one({"op": "cancel", "key": key, "reason": reason}, key)

    def restore(self, key: str) -> Task:
        return self._one({"op": "restore", "key": key}, key)

    def complete(self, key: str) -> Task:
        return self._one({"op": "done", "key": key}, key)

    def link(self, key: str, parent: str) -> Task:
        return self._one({"op": "link", "key": key, "parent": parent}, key)

    def unlink(self, key: str, parent: str) -> Task:
        return self._one({"op": "unlink", "key": key, "parent": parent}, key)

    def depend(self, key: str, depends_on: str) -> Task:
        return self._one({"op": "depend", "key": key, "depends_on": depends_on}, key)

    def undepend(self, key: str, depends_on: str) -> Task:
        return self._one({"op": "undepend", "key": key, "depends_on": depends_on}, key)

    def clear_stale(self, key: str) -> Task:
        return self._one({"op": "clear_stale", "key": key}, key)

    def changes(self, since: int = 0, *, limit: int = 10_000) -> list[Change]:
        """What changed after sequence number ``since``, oldest first: the change feed."""
        rows = self._query("get_changes", ws=self.workspace, since=since, limit=limit)
        return [Change.model_validate(r) for r in rows]

    def claim(self, key: str, seconds: int = 60) -> Claim:
        """Claim a task for ``seconds``; a live claim by another agent is a ConflictError."""
        if not 1 <= seconds <= 86_400:
            raise InvalidInputError("a claim lasts 1 to 86400 seconds")
        rows = self._write(lambda tx: _run(tx, "claim_task", ws=self.workspace, key=key,
                                           agent=self.agent, seconds=seconds), "claim_task")
        if not rows:
            raise NotFoundError(f"no task {key!r} in workspace {self.workspace!r}")
        claim = Claim.model_validate(_native(rows[0], drop=("granted",)) | {"key": key})
        if not rows[0]["granted"]:
            raise ConflictError(f"task {key!r} is claimed by {claim.claimed_by} until "
                                f"{claim.claimed_until:%H:%M:%S}", current=claim)
        return claim

    def release(self, key: str) -> bool:
        """Release this agent's claim on a task; False when it held none."""
        rows = self._write(lambda tx: _run(tx, "release_task", ws=self.workspace, key=key,
                                           agent=self.agent), "release_task")
        if not rows:
            raise NotFoundError(f"no task {key!r} in workspace {self.workspace!r}")
        return bool(rows[0]["released"])

    def claims(self) -> list[Claim]:
        """Live claims in this workspace."""
        return [Claim.model_validate(r) for r in self._query("get_claims", ws=self.workspace)]

    def set_turn_reply(self, turn: int, reply: str) -> None:
        """Replace the reply recorded with a turn (an LLM's reply, after the turn committed)."""
        self._write(lambda tx: _run(tx, "set_turn_reply", ws=self.workspace, turn=turn,
                                    reply=reply), "set_turn_reply")

    def undo_target(self, turn: int | None = None) -> tuple[int, list[dict[str, Any]]] | None:
        """The turn an undo reverses, with what it did to each task (op, key, revision): turn
        ``turn`` when given, else this agent's latest turn that changed tasks and was not undone."""
        rows = self._query("get_undo_turn", ws=self.workspace, agent=self.agent, turn=turn)
        if not rows:
            return None
        return int(rows[0]["n"]), list(rows[0]["touched"])

    # -- reads -------------------------------------------------------------------------------

    def get_task(self, key: str) -> Task:
        found = self.get_tasks([key])
        if not found:
            self.workspace_info()  # a missing workspace is the better message
            raise NotFoundError(f"no task {key!r} in workspace {self.workspace!r}")
        return found[0]

    def get_tasks(self, keys: Sequence[str]) -> list[Task]:
        return [_task(r) for r in self._query("get_tasks", ws=self.workspace, keys=list(keys))]

    def state(
        self,
        *,
        include_cancelled: bool = False,
        as_of_turn: int | None = None,
        as_of: datetime | None = None,
    ) -> WorkspaceState:
        """Tasks with current values; or as they were at the end of a turn or at a time."""
        if as_of_turn is None and as_of is None:
            # One statement, sent as one query: the common case takes two round trips.
            with _collector_paused():
                now = self._query("get_state", ws=self.workspace,
                                  include_cancelled=include_cancelled)
                if not now:
                    raise _missing_workspace(self.workspace)
                return _workspace_state(self.workspace, now[0]["seq"], now[0])

        def read(tx: neo4j.ManagedTransaction) -> WorkspaceState:
            info = _run(tx, "get_workspace", ws=self.workspace)
            if not info:
                raise _missing_workspace(self.workspace)
            seq = int(info[0]["seq"])
            at = _run(tx, "get_seq_at", ws=self.workspace, turn=as_of_turn, at=as_of)
            if as_of_turn is not None and at[0]["seq"] is None:
                raise NotFoundError(f"no turn {as_of_turn} in workspace {self.workspace!r}")
            as_of_seq = int(at[0]["seq"] or 0)
            then = _run(tx, "get_state_as_of", ws=self.workspace, seq=as_of_seq,
                        include_cancelled=include_cancelled)
            return _workspace_state(self.workspace, seq, then[0], as_of_seq=as_of_seq)

        with _collector_paused():
            return self._read(read, "state")

    def history(self, key: str) -> list[Revision]:
        rows = self._query("get_history", ws=self.workspace, key=key)
        if not rows:
            self.get_task(key)  # raises the precise NotFoundError
        return [_revision(r["revision"]) for r in rows]

    def turns(self, *, since: int = 0, limit: int = 1000) -> list[Turn]:
        rows = self._query("get_turns", ws=self.workspace, since=since, limit=limit)
        return [_turn(r) for r in rows]

    def subgraph(self, keys: Sequence[str]) -> list[Task]:
        """The tasks named, with their ancestors, children, dependencies and dependents."""
        return [_task(r) for r in self._query("get_subgraph", ws=self.workspace, keys=list(keys))]

    def roots(self, *, limit: int = 100) -> list[Task]:
        """The most recently updated root tasks that are not cancelled."""
        return [_task(r) for r in self._query("get_roots", ws=self.workspace, limit=limit)]

    def recent_focus(self, *, turns: int = 3) -> list[str]:
        """Keys of the root tasks the latest turns changed, newest first."""
        return [r["key"] for r in self._query("get_recent_focus", ws=self.workspace,
                                               turns=turns)]

    def past_values(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """Every value each task has had, oldest first."""
        rows = self._query("get_past_values", ws=self.workspace, keys=list(keys))
        return {r["key"]: list(r["values"]) for r in rows}

    def search_history(self, terms: Sequence[str]) -> Evidence:
        """Tasks that ever had one of ``terms`` in their title or value, with full history."""
        return self._read(lambda tx: _search_history(tx, self.workspace, terms), "search_history")

    def turn_view(self, text: str, *, limit: int = 8, turns: int = 3,
                  roots: int = 30) -> TurnView:
        """What TRIM reads for a turn, in one statement: candidate tasks for ``text`` (exact key
        mentions first, then full-text matches), the roots the latest ``turns`` changed, the
        latest ``roots``, the neighbourhood of all of them, and their past values.

        ``roots`` is as many as the context's outline names (``TaskMemoryEngine.context``):
        every root read is a task in the view, so the view grows with it up to that bound."""
        words = [w.lower() for w in _WORD.findall(text)][:64]
        rows = self._query("get_turn_view", ws=self.workspace,
                           keys=_key_candidates(words) if words else [],
                           query=_scoped(self.workspace, _lucene_query(words)) if words else "",
                           limit=limit * 2,
                           turns=turns, roots=roots)
        row = rows[0]
        tasks = {r["task"]["key"]: _task(r) for r in row["tasks"]}
        scores = {h["key"]: float(h["score"]) for h in row["hits"]}
        top = max(scores.values(), default=0.0)
        found = {k: AlignedTask(task=tasks[k], score=top + 1.0, via="key")
                 for k in row["named"] if k in tasks}
        for key, score in scores.items():
            if key not in found and key in tasks:
                found[key] = AlignedTask(task=tasks[key], score=score, via="text")
        aligned = sorted(found.values(), key=lambda a: (-a.score, a.task.key))[:limit]
        past = {r["task"]["key"]: list(dict.fromkeys(r["values"])) for r in row["tasks"]
                if r["values"]}
        return TurnView(aligned=aligned, tasks=list(tasks.values()), focus=list(row["focus"]),
                        roots=list(row["roots"]), past_values=past)

    def align(self, text: str, *, limit: int = 8) -> list[AlignedTask]:
        """Candidate tasks for ``text``: exact key mentions first, then full-text matches."""
        words = [w.lower() for w in _WORD.findall(text)][:64]
        if not words:
            return []
        keys = _key_candidates(words)
        query = _scoped(self.workspace, _lucene_query(words))

        def read(tx: neo4j.ManagedTransaction) -> list[AlignedTask]:
            by_key = {r["task"]["key"]: r for r in _run(tx, "get_tasks", ws=self.workspace,
                                                        keys=keys)}
            hits = _run(tx, "align_text", ws=self.workspace, query=query, limit=limit * 2)
            scores = {h["key"]: float(h["score"]) for h in hits}
            top = max(scores.values(), default=0.0)
            found: dict[str, AlignedTask] = {}
            for key, row in by_key.items():
                found[key] = AlignedTask(task=_task(row), score=top + 1.0, via="key")
            missing = [k for k in scores if k not in found]
            for row in _run(tx, "get_tasks", ws=self.workspace, keys=missing):
                key = row["task"]["key"]
                found[key] = AlignedTask(task=_task(row), score=scores[key], via="text")
            ranked = sorted(found.values(), key=lambda a: (-a.score, a.task.key))
            return ranked[:limit]

        return self._read(read, "align")

    def inspect(self, name: str, params: dict[str, Any] | None = None) -> list[dict[str, Any]]:
        """Run a named inspection query (``cypher/inspect/NAME``) on this workspace."""
        query = queries.get(name if name.startswith("inspect/") else f"inspect/{name}")
        values = dict(query.defaults) | (params or {}) | {"ws": self.workspace}
        missing = [p for p in query.parameter_names if p not in values]
        if missing:
            raise InvalidInputError(f"query {query.name!r} needs parameter(s): "
                                    + ", ".join(missing))
        unknown = sorted(set(values) - set(query.parameter_names))
        if unknown:
            raise InvalidInputError(f"query {query.name!r} has no parameter(s): "
                                    + ", ".join(unknown))
        return self._query(query.name, **values)

    # -- bulk transfer (export and import) ---------------------------------------------------

    def run_statement(
        self, name: str, *, write: bool = False, **params: Any
    ) -> list[dict[str, Any]]:
        """Run the named statement alone in a transaction of its own (retried on transient
        errors) and return its rows. For bulk transfer, which names its statements itself."""
        query = queries.get(name).statement
        if write:
            return self._write(lambda tx: [dict(r) for r in tx.run(query, params)], name)
        return self._read(lambda tx: [dict(r) for r in tx.run(query, params)], name)

    @contextmanager
    def locked_workspace(self, ws: str) -> Iterator[Callable[..., list[dict[str, Any]]]]:
        """A transaction that holds the write lock of workspace ``ws`` (writers wait for it) and
        yields a function running named statements in it: one consistent state, whatever is
        written meanwhile. Rolled back at the end, so it changes nothing."""
        with (_driver_errors(),
              self._session() as session,
              session.begin_transaction() as tx):

            def run(name: str, **params: Any) -> list[dict[str, Any]]:
                return [dict(r) for r in tx.run(queries.get(name).statement, params)]

            if not run("lock_workspace", ws=ws):
                raise _missing_workspace(ws)
            yield run
            tx.rollback()

    @contextmanager
    def marked_transaction(self, metadata: dict[str, str]) -> Iterator[None]:
        """An open transaction carrying ``metadata`` for as long as the block runs: it shows in
        ``SHOW TRANSACTIONS`` while this process lives and vanishes when it dies, which tells a
        long job that is still running from one that was killed."""
        with _driver_errors(), self._session() as s:
            tx = s.begin_transaction(metadata=metadata)
            try:
                tx.run(queries.get("open_job_marker").statement).consume()
                yield
            finally:
                with suppress(neo4j_errors.DriverError, neo4j_errors.Neo4jError):
                    tx.rollback()

    # -- plumbing ----------------------------------------------------------------------------

    def _one(self, op: dict[str, Any], key: str) -> Task:
        _, tasks = self._apply(_validate_operations([op]), None)
        return tasks.get(key) or self.get_task(key)

    @property
    def _bookmarks(self) -> neo4j.BookmarkManager:
        # One manager for every session and query on this driver: causal consistency across
        # the stores that share it, as execute_query has by default.
        return self.driver.execute_query_bookmark_manager

    def _metadata(self, operation: str) -> dict[str, str]:
        return {"app": "tme", "workspace": self.workspace, "agent": self.agent,
                "operation": operation}

    def _session(self) -> neo4j.Session:
        return self.driver.session(database=self.settings.neo4j_database,
                                   bookmark_manager=self._bookmarks)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T], operation: str, *,
               timeout: float = _WRITE_TIMEOUT) -> T:
        unit = neo4j.unit_of_work(metadata=self._metadata(operation), timeout=timeout)(work)
        with _driver_errors(), self._session() as s:
            return s.execute_write(unit)

    def _write_statement(self, text: str, params: dict[str, Any],
                         outcome: Callable[[neo4j.Record | None], T], operation: str) -> T:
        """One write statement in a transaction of its own: BEGIN travels with it, so it takes
        two round trips. ``outcome`` reads its row (or None); an error it raises rolls the
        transaction back."""
        with _driver_errors(), _locked_out(self.workspace):
            return self.driver.execute_query(
                neo4j.Query(text, metadata=self._metadata(operation), timeout=_WRITE_TIMEOUT),
                params, routing_=neo4j.RoutingControl.WRITE,
                database_=self.settings.neo4j_database, bookmark_manager_=self._bookmarks,
                result_transformer_=lambda result: outcome(result.single(strict=False)))

    def _write_alone(self, text: str, params: dict[str, Any],
                     outcome: Callable[[neo4j.Record | None], T], operation: str) -> T:
        """One write statement in a transaction that commits by itself when the statement ends
        (auto-commit): one round trip, where ``_write_statement`` takes two. Only for a write
        that is all or nothing within its statement (``_Write.whole_in_statement``): refused, it
        wrote nothing, so the client has nothing to roll back. ``outcome`` reads the row (and
        may raise the refusal) after the commit.

        A failure the server reports as transient (a deadlock, a leader change) rolled the
        statement back, and it is sent again at the driver's pauses until its retry time has
        passed, as a managed transaction would be. A connection lost while the statement ran is
        not retried: the write may have committed. (The driver checks a pooled connection that
        sat idle before using it, so one left over from before a server restart is replaced
        before anything is sent on it; see ``tme_neo4j.connection``.)"""
        from tme_neo4j.connection import RETRY_PAUSE, RETRY_TIME

        query = neo4j.Query(text, metadata=self._metadata(operation), timeout=_WRITE_TIMEOUT)
        deadline: float | None = None
        with _driver_errors(), _locked_out(self.workspace):
            while True:
                try:
                    with self._session() as session:
                        result = session.run(query, params)
                        row = result.single(strict=False)
                        result.consume()  # the commit's reply
                except neo4j_errors.Neo4jError as e:
                    now = time.monotonic()
                    deadline = now + RETRY_TIME if deadline is None else deadline
                    if not e.is_retryable() or now >= deadline:
                        raise
                    log.debug("write %s failed (%s); sending it again", operation, e.code)
                    time.sleep(RETRY_PAUSE * random.uniform(0.8, 1.2))
                    continue
                return outcome(row)

    def _read(self, work: Callable[[neo4j.ManagedTransaction], T], operation: str) -> T:
        unit = neo4j.unit_of_work(metadata=self._metadata(operation), timeout=_READ_TIMEOUT)(work)
        with _driver_errors(), self._session() as s:
            return s.execute_read(unit)

    def _query(self, name: str, **params: Any) -> list[dict[str, Any]]:
        """One named read statement in its own transaction, routed to a reader, with its
        records turned into plain values."""
        query = queries.get(name)
        with _driver_errors():
            records, _, _ = self.driver.execute_query(
                neo4j.Query(query.statement, metadata=self._metadata(name), timeout=_READ_TIMEOUT),
                params, routing_=neo4j.RoutingControl.READ,
                database_=self.settings.neo4j_database, bookmark_manager_=self._bookmarks)
        return [_native(r) for r in records]


class _Write:
    """One write of operations, run as one statement (``_write_statement``): begin_write (lock,
    claims, idempotency), the operations as rows of $ops, each run by the branch of its kind,
    record_write (feed, turn record, sequence number). ``read`` turns the statement's row into
    the outcome, raising the first operation's error, which rolls the whole transaction back."""

    def __init__(
        self, ws: str, agent: str, ops: list[Operation], turn: TurnInput | None, *,
        force: bool = False,
    ) -> None:
        self.ws = ws
        self.agent = agent
        self.ops = ops
        self.turn_input = turn
        self.force = force
        self.op_params = [{"kind": kind, **params} for kind, params in map(_operation, ops)]
        #: Whether the statement alone decides all or nothing: one operation, no turn record,
        #: not an add (a refused add still writes its task: its missing parents are found in
        #: the row). Every other refused operation writes nothing, so the write can commit
        #: without the client's word (``MemoryStore._write_alone``).
        self.whole_in_statement = (len(ops) == 1 and turn is None
                                   and self.op_params[0]["kind"] != "add")
        #: The kind of every operation, when they are all of one kind.
        self.kind: str | None = (self.op_params[0]["kind"] if len(
            {p["kind"] for p in self.op_params}) == 1 else None)
        self.seq = 0
        self.turn: int | None = None
        self.touched: dict[str, OpName] = {}
        self.stale: dict[str, str] = {}
        self.cleared: list[str] = []

    def params(self) -> dict[str, Any]:
        turn = self.turn_input
        return {"ws": self.ws, "agent": self.agent, "ops": self.op_params,
                "keys": [] if self.force else list(dict.fromkeys(op.key for op in self.ops)),
                "records_turn": turn is not None, "request": turn.request if turn else None,
                "text": turn.text if turn else None, "intent": turn.intent if turn else None,
                "undoes": turn.undoes if turn else None, "reply": None}

    def record_params(self, reply: str | None) -> dict[str, Any]:
        """The parameters of the record alone (``_record_statement``), after ``read``."""
        turn = self.turn_input
        return {"ws": self.ws, "agent": self.agent, "seq": self.seq, "turn": self.turn,
                "changes": [{"key": k, "op": v.value} for k, v in self.touched.items()],
                "text": turn.text if turn else None, "intent": turn.intent if turn else None,
                "request": turn.request if turn else None,
                "undoes": turn.undoes if turn else None, "reply": reply}

    def read(self, row: dict[str, Any] | None,
             current: Callable[[str], Task | None]) -> int | None:
        """Check the write's row: returns the turn already recorded under the turn's idempotency
        key (then nothing was done), else None; raises the error of a refused write. ``current``
        gives a task as the write left it (for a version conflict's message)."""
        if row is None or row["seq"] is None:
            raise _missing_workspace(self.ws)
        if row["replayed"]:
            return int(row["replayed"][0])
        if row["claims"]:
            held = ", ".join(f"{c['key']!r} by {c['claimed_by']}" for c in row["claims"])
            raise ConflictError(f"claimed by another agent: {held}; nothing was written "
                                "(release the claim, wait for it to lapse, or force)")
        self.seq = int(row["seq"])
        self.turn = int(row["turn"]) if row["turn"] is not None else None
        for op, done in zip(self.ops, row["results"], strict=True):
            if done.get("op") is None:
                self._refused(op, done, current)
                continue
            # The first operation on a task names what the write did to it ("add" beats "link").
            self.touched.setdefault(done["key"], OpName(done["op"]))
            if isinstance(op, AddTask):
                linked = {*done["parents"], *done["depends_on"]}
                if missing := [k for k in [*op.parents, *op.depends_on] if k not in linked]:
                    raise self._missing(missing[0])
            for dependent in done.get("stale") or []:
                self.stale[dependent] = done["stale_reason"]
            for dependent in done.get("cleared") or []:
                self.stale.pop(dependent, None)
                self.cleared.append(dependent)
        return None

    def result(self, tasks: list[Task]) -> WriteResult:
        # A write that changed nothing took no sequence number: it reports the current one.
        seq = self.seq if self.touched else self.seq - 1
        return WriteResult(seq=seq, turn=self.turn, touched=self.touched, stale=self.stale,
                           cleared=[k for k in self.cleared if k not in self.stale], tasks=tasks)

    def _refused(
        self, op: Operation, done: dict[str, Any], current: Callable[[str], Task | None]
    ) -> None:
        """Raise the error of an operation that wrote nothing; a cancel, restore or complete of
        a task already in that status is no error."""
        if done.get("cycle"):
            raise CycleError(list(done["cycle"]))
        status, missing = done.get("status"), done.get("missing") or []
        match op:
            case AddTask():
                raise InvalidInputError(f"task {op.key!r} already exists in workspace {self.ws!r}")
            case CancelTask() | RestoreTask() | CompleteTask():
                if status is None:
                    raise self._missing(op.key)
            case ReviseTask() | RollbackTask():
                if status is None:
                    raise self._missing(op.key)
                if status == TaskStatus.CANCELLED:
                    raise InvalidInputError(
                        f"task {op.key!r} is cancelled; restore it before revising")
                if isinstance(op, RollbackTask):
                    wanted = (f"revision {op.to_n}" if op.to_n is not None
                              else f"revision with value {op.to_value!r}"
                              if op.to_value is not None else "earlier value")
                    raise NotFoundError(f"task {op.key!r} has no {wanted} to roll back to")
                task = current(op.key)
                raise ConflictError(
                    f"task {op.key!r} is at version {task.version if task else '?'}, not "
                    f"{op.expected_version}; nothing was written",
                    current=task,
                )
            case UnlinkParent() | RemoveDependency():
                if missing:
                    raise self._missing(missing[0])
                other = op.parent if isinstance(op, UnlinkParent) else op.depends_on
                raise NotFoundError(f"task {op.key!r} has no such edge to {other!r}")
            case _:
                raise self._missing(missing[0] if missing else op.key)

    def _missing(self, key: str) -> NotFoundError:
        return NotFoundError(f"no task {key!r} in workspace {self.ws!r}")


#: The parts each kind of operation runs, in order: a rollback finds its revision, then revises.
_OPERATION_PARTS: dict[str, tuple[str, ...]] = {
    "add": ("add_task",), "revise": ("revise_task",),
    "rollback": ("find_revision", "revise_task"), "status": ("set_task_status",),
    "link": ("link_parent",), "depend": ("add_dependency",), "unlink": ("unlink_parent",),
    "undepend": ("remove_dependency",),
    "clear_stale": ("clear_stale",),
}

#: After begin_write: the operations, in order, one row of $ops each; each row's subquery sees
#: what the rows before it wrote. Every kind is a branch, of which the row's kind runs.
_OPERATIONS_OPEN = """CALL (seq, turn, go) {
UNWIND $ops AS given
OPTIONAL CALL (given, seq, turn, go) {"""
#: The opening of the branch of one kind (a name from _OPERATION_PARTS, never a value).
_BRANCH_OPENS = "WITH given AS op, seq, turn WHERE go AND given.kind = '{kind}'"
#: An operation that wrote nothing says why: its task's status (null when missing) and the keys
#: it names that do not exist.
_OPERATIONS_CLOSE = """}
RETURN collect(CASE
  WHEN result IS NOT NULL THEN result
  WHEN go THEN {status: COLLECT { MATCH (t:Task {ws: $ws, key: given.key}) RETURN t.status }[0],
                missing: [k IN given.names WHERE NOT EXISTS { MATCH (:Task {ws: $ws, key: k}) }]}
  END) AS results
}"""
#: The feed entries: the first operation on a task that wrote names what the write did to it.
_BEFORE_RECORD = """WITH w, seq, turn, claims, replayed, go, results,
     reduce(found = [], r IN results |
            CASE WHEN r.op IS NULL OR any(c IN found WHERE c.key = r.key) THEN found
                 ELSE found + [{key: r.key, op: r.op}] END) AS changes,
     [op IN $ops | op.key] AS read_back"""


@functools.cache
def _write_statement(*, record: bool, kind: str | None = None) -> str:
    """The one statement of a write of operations: begin_write, the operations of $ops in
    order, then (with ``record``) record_write and the tasks the operations name. With ``kind``,
    the statement of a write whose operations are all of that kind: its branch alone. Without,
    every kind's branch: its text does not depend on the operations, so the server plans it
    once, whatever their kinds. A write of one kind (every call of one operation) runs its
    kind's statement: a plan of a fraction of the operators, which costs the server less on
    every run, and is planned once per kind."""
    kinds = [kind] if kind is not None else list(_OPERATION_PARTS)
    branches = ["\n".join([_BRANCH_OPENS.format(kind=k),
                           *(queries.get(p).statement for p in _OPERATION_PARTS[k])])
                for k in kinds]
    lines = [queries.get("begin_write").statement, _OPERATIONS_OPEN,
             "\nUNION ALL\n".join(branches), _OPERATIONS_CLOSE]
    if record:
        lines += [_BEFORE_RECORD, queries.get("record_write").statement,
                  "RETURN seq, turn, claims, replayed, results, tasks"]
    else:
        lines.append("RETURN seq, turn, claims, replayed, results")
    return queries.compact("\n".join(lines))


@functools.cache
def _record_statement() -> str:
    """record_write alone, for a turn whose reply is composed after its operations ran."""
    return queries.compact("\n".join([
        "MATCH (w:Workspace {id: $ws})",
        "WITH w, $seq AS seq, $turn AS turn, true AS go, $changes AS changes, [] AS read_back",
        queries.get("record_write").statement,
        "RETURN tasks"]))


def _run_operations(tx: neo4j.ManagedTransaction, write: _Write) -> dict[str, Any] | None:
    """Run a write's operations without its record: the statement's row, with every operation's
    result."""
    row = tx.run(_write_statement(record=False), write.params()).single()
    return dict(row) if row is not None else None


def _tasks(rows: Sequence[Any]) -> dict[str, Task]:
    return {t.key: t for t in map(_task, rows)}


def _operation(op: Operation) -> tuple[str, dict[str, Any]]:
    """The kind of an operation and the parameters its parts read as ``op``. An edge from a
    task to itself is refused here, before anything is sent."""
    match op:
        case AddTask():
            if op.key in op.parents or op.key in op.depends_on:
                raise CycleError([op.key, op.key])
            return "add", {"key": op.key, "names": [op.key], "id": str(uuid.uuid4()),
                           "title": op.title, "value": op.value,
                           "parents": list(dict.fromkeys(op.parents)),
                           "depends_on": list(dict.fromkeys(op.depends_on))}
        case ReviseTask():
            return "revise", {"key": op.key, "names": [op.key], "value": op.value,
                              "title": op.title, "op": OpName.REVISE.value, "reason": op.reason,
                              "expected_version": op.expected_version}
        case RollbackTask():
            return "rollback", {"key": op.key, "names": [op.key], "n": op.to_n,
                                "value": op.to_value, "reason": op.reason}
        case CancelTask() | RestoreTask() | CompleteTask():
            status, name = _STATUS_OPS[type(op)]
            return "status", {"key": op.key, "names": [op.key], "status": status.value,
                              "op": name.value,
                              "reason": None if isinstance(op, CompleteTask) else op.reason}
        case LinkParent() | AddDependency():
            other = op.parent if isinstance(op, LinkParent) else op.depends_on
            if other == op.key:
                raise CycleError([op.key, op.key])
            name = OpName.LINK if isinstance(op, LinkParent) else OpName.DEPEND
            return name.value, {"key": op.key, "names": [op.key, other], "other": other,
                                "op": name.value}
        case UnlinkParent():
            return "unlink", {"key": op.key, "names": [op.key, op.parent], "other": op.parent}
        case RemoveDependency():
            return "undepend", {"key": op.key, "names": [op.key, op.depends_on],
                                "other": op.depends_on}
        case ClearStale():
            return "clear_stale", {"key": op.key, "names": [op.key]}
    raise InvalidInputError(f"unknown operation {op!r}")


_STATUS_OPS: dict[type, tuple[TaskStatus, OpName]] = {
    CancelTask: (TaskStatus.CANCELLED, OpName.CANCEL),
    RestoreTask: (TaskStatus.ACTIVE, OpName.RESTORE),
    CompleteTask: (TaskStatus.DONE, OpName.DONE),
}


# -- helpers -----------------------------------------------------------------------------------


def _run(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> list[neo4j.Record]:
    return list(tx.run(queries.get(name).statement, params))


def _validate_operations(operations: Sequence[Operation | dict[str, Any]]) -> list[Operation]:
    try:
        return _operations.validate_python(list(operations))
    except ValidationError as e:
        raise InvalidInputError.from_validation(e) from e


def _schema_queries() -> list[queries.Query]:
    return [q for q in queries.all_queries().values() if q.mode == "schema"]


#: Raised by one whenever the files in ``cypher/schema/`` change. A database whose marker names
#: a later generation was set up by newer code, and this code refuses to touch its schema.
SCHEMA_GENERATION = 3
#: ``schema_version()`` at ``SCHEMA_GENERATION``: a test fails when the files change and the
#: generation does not.
SCHEMA_FINGERPRINT = "817299242b26dcb7"


def schema_version() -> str:
    """A fingerprint of the schema statements this code ships: the marker ``connect()``
    compares with the database's before running them."""
    digest = hashlib.sha256()
    for query in _schema_queries():
        digest.update(query.text.encode())
    return digest.hexdigest()[:16]


def _find_turn(tx: neo4j.ManagedTransaction, ws: str, request: str | int) -> Turn | None:
    """The turn recorded under idempotency key ``request`` (a string) or number (an int)."""
    if isinstance(request, int):
        rows = _run(tx, "get_turns", ws=ws, since=request - 1, limit=1)
        rows = [r for r in rows if r["turn"]["n"] == request]
    else:
        rows = _run(tx, "find_turn", ws=ws, request=request)
    return _turn(rows[0]) if rows else None


def _search_history(tx: neo4j.ManagedTransaction, ws: str, terms: Sequence[str]) -> Evidence:
    clauses: list[str] = []
    fuzzy = 0
    for term in list(terms)[:_MAX_SEARCH_TERMS]:
        words = [w.lower() for w in _WORD.findall(term)]
        if len(words) == 1:
            clauses.append(words[0])
            if _fuzzy(words[0]) and fuzzy < _MAX_FUZZY_TERMS:
                clauses.append(f"{words[0]}~")
                fuzzy += 1
        elif words:
            clauses.append('"' + " ".join(words) + '"')
    if not clauses:
        return []
    query = _scoped(ws, " OR ".join(dict.fromkeys(clauses)), fields=("past",))
    rows = _run(tx, "search_history", ws=ws, query=query)
    return [(_task(r), [_revision(h) for h in r["revisions"]]) for r in rows]


@contextmanager
def _locked_out(ws: str) -> Iterator[None]:
    """A workspace deleted while a write waited for its lock: the write finds no workspace."""
    try:
        yield
    except neo4j_errors.ClientError as e:
        if "EntityNotFound" in (e.code or ""):
            raise _missing_workspace(ws) from e
        raise


def _current(tx: neo4j.ManagedTransaction, ws: str, key: str) -> Task | None:
    rows = _run(tx, "get_tasks", ws=ws, keys=[key])
    return _task(rows[0]) if rows else None


@contextmanager
def _driver_errors() -> Iterator[None]:
    """Translate driver errors into the package's error tree, keeping the cause."""
    try:
        yield
    except (neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired) as e:
        raise Neo4jUnavailableError(f"Neo4j is unavailable: {e}") from e
    except neo4j_errors.AuthError as e:
        raise Neo4jUnavailableError(
            "Neo4j refused the credentials (check TME_NEO4J_USER / TME_NEO4J_PASSWORD)"
        ) from e
    except neo4j_errors.ConstraintError as e:
        raise InvalidInputError(f"refused by a constraint: {e.message}") from e
    except neo4j_errors.Neo4jError as e:
        raise TmeError(f"Neo4j error {e.code}: {e.message}") from e
    except neo4j_errors.DriverError as e:
        raise Neo4jUnavailableError(f"Neo4j driver error: {e}") from e
    except OverflowError as e:  # a number the driver cannot send: Neo4j integers are 64-bit
        raise InvalidInputError(f"a number is out of range: the largest is {MAX_INT}") from e


def _native(record: Any, drop: tuple[str, ...] = ()) -> dict[str, Any]:
    """A record or map with Neo4j temporal values turned into Python ones."""
    return {
        k: (v.to_native() if hasattr(v, "to_native") else v)
        for k, v in dict(record).items()
        if k not in drop
    }


def _task(row: Any) -> Task:
    # stale_on / stale_basis say what a stale task was checked against: propagation's business;
    # past is what history search finds a task by, its revisions tell it.
    props = _native(row["task"], drop=("ws", "stale_on", "stale_basis", "past"))
    return Task.model_validate(props | {"parents": row["parents"],
                                        "depends_on": row["depends_on"]})


def _workspace_state(ws: str, seq: int, row: Any, *,
                     as_of_seq: int | None = None) -> WorkspaceState:
    """``get_state*``'s row (``tasks`` and the edge lists) as a model. The tasks are built
    from values the database guarantees (``_trusted``), with their times and status turned
    into the field types here: validating them all again cost more than the rest of the
    mapping (at 10k tasks, 107 ms of CPU against 66 ms without it)."""
    parents: dict[str, list[str]] = {}
    depends_on: dict[str, list[str]] = {}
    for key, is_parent, other in zip(row["edge_from"], row["edge_parent"], row["edge_to"],
                                     strict=True):
        (parents if is_parent else depends_on).setdefault(key, []).append(other)
    for others in (*parents.values(), *depends_on.values()):
        others.sort()
    when = _datetime_or_none
    tasks = [
        _trusted(Task, {
            "key": key, "id": id_, "title": title, "value": value,
            "status": _TASK_STATUS[status], "stale": stale, "stale_reason": stale_reason,
            "version": version, "parents": parents.get(key) or [],
            "depends_on": depends_on.get(key) or [],
            "created_at": when(created_at), "updated_at": when(updated_at),
            "created_by": created_by, "updated_by": updated_by, "claimed_by": claimed_by,
            "claimed_until": when(claimed_until),
        })
        for (key, id_, title, value, status, stale, stale_reason, version, created_at,
             updated_at, created_by, updated_by, claimed_by, claimed_until) in row["tasks"]]
    return WorkspaceState(workspace=ws, seq=seq, tasks=tasks, as_of_seq=as_of_seq)


_TASK_STATUS = {status.value: status for status in TaskStatus}
M = TypeVar("M", bound=BaseModel)


def _trusted(model: type[M], values: dict[str, Any]) -> M:
    """``model`` holding ``values`` (every field, each already of its field's type) as they
    are: what ``model_construct`` builds, through the instance attributes pydantic documents,
    without its pass over the fields in Python, which costs more than validating."""
    built = model.__new__(model)
    object.__setattr__(built, "__dict__", values)
    object.__setattr__(built, "__pydantic_fields_set__", set(values))
    object.__setattr__(built, "__pydantic_extra__", None)
    object.__setattr__(built, "__pydantic_private__", None)
    return built


def _datetime_or_none(iso: str | None) -> datetime | None:
    return None if iso is None else datetime.fromisoformat(iso)


@contextmanager
def _collector_paused() -> Iterator[None]:
    """Python's cyclic garbage collector held off while a large read is decoded and built into
    models. Nearly every object built then survives, so the collector's passes over them find
    nothing: at 10k tasks, about 160 young, 15 middle and one or two full passes over the
    whole heap per read, as long again as the building itself. Left as it was when it was
    already off."""
    if not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _revision(props: Any) -> Revision:
    return Revision.model_validate(_native(props, drop=("ws",)))


def _turn(row: Any) -> Turn:
    return Turn.model_validate(_native(row["turn"], drop=("ws",)) | {"touched": row["touched"]})


def _missing_workspace(ws: str) -> NotFoundError:
    return NotFoundError(f"workspace {ws!r} does not exist (create it with `tme init -w {ws}`)")


def _validate_workspace(ws: str) -> str:
    try:
        return _workspace_id.validate_python(ws)
    except ValidationError as e:
        raise InvalidInputError.from_validation(e) from e


def _show(value: str | None) -> str:
    return "(nothing)" if value is None else repr(value)


def _key_candidates(words: list[str]) -> list[str]:
    """Task keys the text may name outright: single words and hyphenated pairs."""
    pairs = [f"{a}-{b}" for a, b in itertools.pairwise(words)]
    return list(dict.fromkeys(words + pairs))


def _scoped(ws: str, query: str, *, fields: Sequence[str] = ("title", "value", "key")) -> str:
    """``query`` (Lucene) over ``fields``, kept to workspace ``ws``: the full-text index holds
    the workspace id as a field, and a required phrase on it (boosted to 0, so it adds nothing
    to the score) leaves other workspaces' matches out. A workspace whose id holds another's
    words in a row (``a`` and ``a-b``) may still match: the statements check ``ws`` exactly.
    Workspace ids are letters, digits and ``. _ -``, so nothing in the phrase needs escaping."""
    within = " OR ".join(f"{field}:({query})" for field in fields)
    return f'+ws:"{ws}"^0 +({within})'


def _fuzzy(word: str) -> bool:
    """Whether a word is searched fuzzily too: a word of five letters or more, where a typo or
    a plural is likely. Not a word with a digit: an id or a number one edit from another
    (``t4567``, ``t4568``) names something else, and the larger the workspace, the more of
    those there are to match."""
    return len(word) >= 5 and not any(c.isdigit() for c in word)


def _lucene_query(words: list[str]) -> str:
    """A Lucene query over the words; fuzzy terms catch plurals and small typos (only the first
    few: each expands into many clauses). Words are alphanumeric only, so nothing in them needs
    escaping."""
    terms = []
    fuzzy = 0
    for w in dict.fromkeys(words):
        terms.append(w)
        if _fuzzy(w) and fuzzy < _MAX_FUZZY_TERMS:
            terms.append(f"{w}~")
            fuzzy += 1
    return " OR ".join(terms)
