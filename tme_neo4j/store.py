"""MemoryStore: the only module that talks to Neo4j.

Each public method runs named queries from ``cypher/`` in one transaction. Writes go through
``apply``: a list of typed operations executed together, all or nothing, after taking the
workspace's write lock (``begin_write``), so writers on one workspace serialize and every write
gets the next sequence number.
"""

from __future__ import annotations

import itertools
import logging
import re
import uuid
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from datetime import datetime
from typing import Any, Self, TypeVar

import neo4j
from neo4j import exceptions as neo4j_errors
from pydantic import TypeAdapter, ValidationError

from tme_neo4j import queries
from tme_neo4j.config import Settings
from tme_neo4j.errors import (
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
    LinkParent,
    Operation,
    RemoveDependency,
    RestoreTask,
    ReviseTask,
    Revision,
    RollbackTask,
    Task,
    TaskStatus,
    Turn,
    UnlinkParent,
    WorkspaceId,
    WorkspaceState,
    WriteResult,
)
from tme_neo4j.text import MAX_INT, check_agent, check_text

__all__ = ["MemoryStore", "TurnInput"]

log = logging.getLogger(__name__)
T = TypeVar("T")

_operations: TypeAdapter[list[Operation]] = TypeAdapter(list[Operation])
_workspace_id: TypeAdapter[str] = TypeAdapter(WorkspaceId)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)


class TurnInput:
    """The turn record written together with a turn's operations."""

    __slots__ = ("intent", "text")

    def __init__(self, text: str, intent: str) -> None:
        self.text = check_text(text, what="the turn", max_length=MAX_TEXT)
        self.intent = intent


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
        self.ensure_schema()
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

    def ensure_schema(self) -> None:
        """Create constraints and indexes if missing; idempotent and safe to race."""
        with _driver_errors():
            for query in queries.all_queries().values():
                if query.mode != "schema":
                    continue
                try:
                    self.driver.execute_query(
                        query.text, database_=self.settings.neo4j_database
                    )
                except neo4j_errors.ClientError as e:
                    # Another process created the same rule between our check and our create.
                    if "EquivalentSchemaRuleAlreadyExists" not in (e.code or ""):
                        raise
            self.driver.execute_query(
                "CALL db.awaitIndexes(60)", database_=self.settings.neo4j_database
            )

    def create_workspace(self) -> bool:
        """Create this store's workspace; returns False when it already existed."""
        rows = self._write(lambda tx: _run(tx, "create_workspace", ws=self.workspace))
        return bool(rows[0]["created"])

    def delete_workspace(self) -> int:
        """Delete this workspace and everything in it; returns the number of nodes removed."""
        rows = self._write(lambda tx: _run(tx, "delete_workspace", ws=self.workspace))
        if not rows:
            raise NotFoundError(f"workspace {self.workspace!r} does not exist")
        return int(rows[0]["deleted"])

    def workspace_info(self) -> dict[str, Any]:
        rows = self._read(lambda tx: _run(tx, "get_workspace", ws=self.workspace))
        if not rows:
            raise _missing_workspace(self.workspace)
        return _native(rows[0])

    def list_workspaces(self) -> list[dict[str, Any]]:
        return [_native(r) for r in self._read(lambda tx: _run(tx, "list_workspaces"))]

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
        try:
            ops = _operations.validate_python(list(operations))
        except ValidationError as e:
            raise InvalidInputError.from_validation(e) from e
        return self._write(
            lambda tx: _Writer(tx, self.workspace, self.agent, force=force).run(ops, turn)
        )

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
        rows = self._read(lambda tx: _run(tx, "get_changes", ws=self.workspace, since=since,
                                          limit=limit))
        return [Change.model_validate(_native(r)) for r in rows]

    def claim(self, key: str, seconds: int = 60) -> Claim:
        """Claim a task for ``seconds``; a live claim by another agent is a ConflictError."""
        if not 1 <= seconds <= 86_400:
            raise InvalidInputError("a claim lasts 1 to 86400 seconds")
        rows = self._write(lambda tx: _run(tx, "claim_task", ws=self.workspace, key=key,
                                           agent=self.agent, seconds=seconds))
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
                                           agent=self.agent))
        if not rows:
            raise NotFoundError(f"no task {key!r} in workspace {self.workspace!r}")
        return bool(rows[0]["released"])

    def claims(self) -> list[Claim]:
        """Live claims in this workspace."""
        rows = self._read(lambda tx: _run(tx, "get_claims", ws=self.workspace))
        return [Claim.model_validate(_native(r)) for r in rows]

    def set_turn_reply(self, turn: int, reply: str) -> None:
        self._write(lambda tx: _run(tx, "set_turn_reply", ws=self.workspace, turn=turn,
                                    reply=reply))

    # -- reads -------------------------------------------------------------------------------

    def get_task(self, key: str) -> Task:
        found = self.get_tasks([key])
        if not found:
            self.workspace_info()  # a missing workspace is the better message
            raise NotFoundError(f"no task {key!r} in workspace {self.workspace!r}")
        return found[0]

    def get_tasks(self, keys: Sequence[str]) -> list[Task]:
        rows = self._read(lambda tx: _run(tx, "get_tasks", ws=self.workspace, keys=list(keys)))
        return [_task(r) for r in rows]

    def state(
        self,
        *,
        include_cancelled: bool = False,
        as_of_turn: int | None = None,
        as_of: datetime | None = None,
    ) -> WorkspaceState:
        """Tasks with current values; or as they were at the end of a turn or at a time."""

        def read(tx: neo4j.ManagedTransaction) -> WorkspaceState:
            info = _run(tx, "get_workspace", ws=self.workspace)
            if not info:
                raise _missing_workspace(self.workspace)
            seq = int(info[0]["seq"])
            if as_of_turn is None and as_of is None:
                rows = _run(tx, "get_state", ws=self.workspace,
                            include_cancelled=include_cancelled)
                return WorkspaceState(workspace=self.workspace, seq=seq,
                                      tasks=[_task(r) for r in rows])
            at = _run(tx, "get_seq_at", ws=self.workspace, turn=as_of_turn, at=as_of)
            if as_of_turn is not None and at[0]["seq"] is None:
                raise NotFoundError(f"no turn {as_of_turn} in workspace {self.workspace!r}")
            as_of_seq = int(at[0]["seq"] or 0)
            rows = _run(tx, "get_state_as_of", ws=self.workspace, seq=as_of_seq,
                        include_cancelled=include_cancelled)
            return WorkspaceState(workspace=self.workspace, seq=seq, as_of_seq=as_of_seq,
                                  tasks=[_task(r) for r in rows])

        return self._read(read)

    def history(self, key: str) -> list[Revision]:
        rows = self._read(lambda tx: _run(tx, "get_history", ws=self.workspace, key=key))
        if not rows:
            self.get_task(key)  # raises the precise NotFoundError
        return [Revision.model_validate(_native(r["revision"], drop=("ws",))) for r in rows]

    def turns(self, *, since: int = 0, limit: int = 1000) -> list[Turn]:
        rows = self._read(
            lambda tx: _run(tx, "get_turns", ws=self.workspace, since=since, limit=limit)
        )
        return [
            Turn.model_validate(_native(r["turn"], drop=("ws",)) | {"touched": r["touched"]})
            for r in rows
        ]

    def subgraph(self, keys: Sequence[str]) -> list[Task]:
        """The tasks named, with their ancestors, children, dependencies and dependents."""
        rows = self._read(lambda tx: _run(tx, "get_subgraph", ws=self.workspace, keys=list(keys)))
        return [_task(r) for r in rows]

    def roots(self, *, limit: int = 100) -> list[Task]:
        """The most recently updated root tasks that are not cancelled."""
        rows = self._read(lambda tx: _run(tx, "get_roots", ws=self.workspace, limit=limit))
        return [_task(r) for r in rows]

    def recent_focus(self, *, turns: int = 3) -> list[str]:
        """Keys of the root tasks the latest turns changed, newest first."""
        rows = self._read(lambda tx: _run(tx, "get_recent_focus", ws=self.workspace,
                                          turns=turns))
        return [r["key"] for r in rows]

    def past_values(self, keys: Sequence[str]) -> dict[str, list[str]]:
        """Every value each task has had, oldest first."""
        rows = self._read(lambda tx: _run(tx, "get_past_values", ws=self.workspace,
                                          keys=list(keys)))
        return {r["key"]: list(r["values"]) for r in rows}

    def search_history(self, terms: Sequence[str]) -> list[tuple[Task, list[Revision]]]:
        """Tasks that ever had one of ``terms`` in their title or value, with full history."""
        clauses = []
        for term in terms:
            words = [w.lower() for w in _WORD.findall(term)]
            if len(words) == 1:
                clauses += [words[0], f"{words[0]}~"] if len(words[0]) >= 5 else [words[0]]
            elif words:
                clauses.append('"' + " ".join(words) + '"')
        if not clauses:
            return []
        query = " OR ".join(dict.fromkeys(clauses))
        rows = self._read(lambda tx: _run(tx, "search_history", ws=self.workspace, query=query))
        return [
            (_task(r), [Revision.model_validate(_native(h, drop=("ws",))) for h in r["revisions"]])
            for r in rows
        ]

    def align(self, text: str, *, limit: int = 8) -> list[AlignedTask]:
        """Candidate tasks for ``text``: exact key mentions first, then full-text matches."""
        words = [w.lower() for w in _WORD.findall(text)][:64]
        if not words:
            return []
        keys = _key_candidates(words)
        query = _lucene_query(words)

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

        return self._read(read)

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
        rows = self._read(lambda tx: list(tx.run(query.text, values)))
        return [_native(r) for r in rows]

    # -- plumbing ----------------------------------------------------------------------------

    def _one(self, op: dict[str, Any], key: str) -> Task:
        result = self.apply([op])
        return next((t for t in result.tasks if t.key == key), None) or self.get_task(key)

    def _write(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with _driver_errors(), self.driver.session(database=self.settings.neo4j_database) as s:
            return s.execute_write(work)

    def _read(self, work: Callable[[neo4j.ManagedTransaction], T]) -> T:
        with _driver_errors(), self.driver.session(database=self.settings.neo4j_database) as s:
            return s.execute_read(work)


class _Writer:
    """Executes one ``apply`` inside its transaction."""

    def __init__(
        self, tx: neo4j.ManagedTransaction, ws: str, agent: str, *, force: bool = False
    ) -> None:
        self.tx = tx
        self.ws = ws
        self.agent = agent
        self.force = force
        self.seq = 0
        self.turn: int | None = None
        self.touched: dict[str, str] = {}
        self.stale: dict[str, str] = {}

    def run(self, ops: list[Operation], turn: TurnInput | None) -> WriteResult:
        rows = _run(self.tx, "begin_write", ws=self.ws)
        if not rows:
            raise _missing_workspace(self.ws)
        self.seq = int(rows[0]["seq"])
        if not self.force:
            self._refuse_foreign_claims(ops)
        if turn is not None:
            self.turn = int(_run(self.tx, "record_turn", ws=self.ws, text=turn.text,
                                 intent=turn.intent, agent=self.agent, seq=self.seq)[0]["n"])
        for op in ops:
            self._dispatch(op)
        if self.touched:
            touched = [{"key": k, "op": v} for k, v in self.touched.items()]
            _run(self.tx, "record_changes", ws=self.ws, seq=self.seq, agent=self.agent,
                 turn=self.turn, changes=touched)
            if self.turn is not None:
                _run(self.tx, "touch_tasks", ws=self.ws, turn=self.turn, touched=touched)
        changed = list(self.touched)
        tasks = [_task(r) for r in _run(self.tx, "get_tasks", ws=self.ws, keys=changed)]
        return WriteResult(seq=self.seq, turn=self.turn, touched=self.touched, stale=self.stale,
                           tasks=tasks)

    def _refuse_foreign_claims(self, ops: list[Operation]) -> None:
        keys = list(dict.fromkeys(op.key for op in ops))
        rows = _run(self.tx, "find_foreign_claims", ws=self.ws, keys=keys, agent=self.agent)
        if rows:
            held = ", ".join(f"{r['key']!r} by {r['claimed_by']}" for r in rows)
            raise ConflictError(f"claimed by another agent: {held}; nothing was written "
                                "(release the claim, wait for it to lapse, or force)")

    def _dispatch(self, op: Operation) -> None:
        match op:
            case AddTask():
                self._add(op)
            case ReviseTask():
                self._revise(op.key, op.value, op.title, op="revise", reason=op.reason,
                             expected_version=op.expected_version)
            case RollbackTask():
                self._rollback(op)
            case CancelTask():
                self._set_status(op.key, TaskStatus.CANCELLED, "cancel", op.reason)
            case RestoreTask():
                self._set_status(op.key, TaskStatus.ACTIVE, "restore", op.reason)
            case CompleteTask():
                self._set_status(op.key, TaskStatus.DONE, "done", None)
            case LinkParent():
                self._link("link_parent", op.key, op.parent, parent=op.parent)
            case AddDependency():
                self._link("add_dependency", op.key, op.depends_on, depends_on=op.depends_on)
            case UnlinkParent():
                self._unlink("unlink_parent", op.key, op.parent, parent=op.parent)
            case RemoveDependency():
                self._unlink("remove_dependency", op.key, op.depends_on,
                             depends_on=op.depends_on)
            case ClearStale():
                if not _run(self.tx, "clear_stale", ws=self.ws, key=op.key):
                    raise self._missing(op.key)
                self._touch(op.key, "clear_stale")

    def _add(self, op: AddTask) -> None:
        try:
            _run(self.tx, "add_task", ws=self.ws, id=str(uuid.uuid4()), key=op.key,
                 title=op.title, value=op.value, agent=self.agent, turn=self.turn, seq=self.seq)
        except neo4j_errors.ConstraintError as e:
            raise InvalidInputError(
                f"task {op.key!r} already exists in workspace {self.ws!r}"
            ) from e
        self._touch(op.key, "add")
        for parent in op.parents:
            self._link("link_parent", op.key, parent, parent=parent)
        for dependency in op.depends_on:
            self._link("add_dependency", op.key, dependency, depends_on=dependency)

    def _revise(
        self,
        key: str,
        value: str | None,
        title: str | None,
        *,
        op: str,
        reason: str | None,
        expected_version: int | None = None,
    ) -> None:
        rows = _run(self.tx, "revise_task", ws=self.ws, key=key, value=value, title=title, op=op,
                    status=None, reason=reason, expected_version=expected_version,
                    agent=self.agent, turn=self.turn, seq=self.seq)
        if not rows:
            current = self._current(key)
            if current.status == TaskStatus.CANCELLED:
                raise InvalidInputError(f"task {key!r} is cancelled; restore it before revising")
            raise ConflictError(
                f"task {key!r} is at version {current.version}, not {expected_version}; "
                "nothing was written",
                current=current,
            )
        old, new = rows[0]["old_value"], rows[0]["task"].get("value")
        self._touch(key, op)
        if old != new:
            self._propagate(key, f"{key} changed from {_show(old)} to {_show(new)}")

    def _rollback(self, op: RollbackTask) -> None:
        rows = _run(self.tx, "find_revision", ws=self.ws, key=op.key, n=op.to_n,
                    value=op.to_value)
        if not rows:
            self._current(op.key)
            wanted = (f"revision {op.to_n}" if op.to_n is not None
                      else f"a revision with value {op.to_value!r}" if op.to_value is not None
                      else "an earlier value")
            raise NotFoundError(f"task {op.key!r} has no {wanted}")
        target = rows[0]
        self._revise(op.key, target["value"], target["title"], op="rollback",
                     reason=op.reason or f"rollback to revision {target['n']}")

    def _set_status(self, key: str, status: TaskStatus, op: str, reason: str | None) -> None:
        rows = _run(self.tx, "set_task_status", ws=self.ws, key=key, status=status.value, op=op,
                    reason=reason, agent=self.agent, turn=self.turn, seq=self.seq)
        if not rows:
            self._current(key)
            return  # already in that status: nothing to do
        self._touch(key, op)
        if status == TaskStatus.CANCELLED or rows[0]["old_status"] == TaskStatus.CANCELLED:
            title = rows[0]["task"].get("title")
            verb = "was cancelled" if status == TaskStatus.CANCELLED else "was restored"
            self._propagate(key, f"{key} ({_show(title)}) {verb}")

    def _link(self, query: str, key: str, other: str, **params: str) -> None:
        if key == other:
            raise CycleError([key, key])
        rows = _run(self.tx, query, ws=self.ws, key=key, **params)
        if not rows:
            self._current(key)
            raise self._missing(other)
        if not rows[0]["linked"]:
            raise CycleError(list(rows[0]["cycle"]))
        self._touch(key, "link" if query == "link_parent" else "depend")

    def _unlink(self, query: str, key: str, other: str, **params: str) -> None:
        if not _run(self.tx, query, ws=self.ws, key=key, **params)[0]["removed"]:
            self._current(key)
            self._current(other)
            raise NotFoundError(f"task {key!r} has no such edge to {other!r}")
        self._touch(key, "unlink" if query == "unlink_parent" else "undepend")

    def _propagate(self, key: str, reason: str) -> None:
        rows = _run(self.tx, "mark_dependents_stale", ws=self.ws, key=key, reason=reason)
        for dependent in rows[0]["keys"]:
            self.stale[dependent] = reason

    def _touch(self, key: str, op: str) -> None:
        # The first operation on a task names what the write did to it ("add" beats "link").
        self.touched.setdefault(key, op)

    def _current(self, key: str) -> Task:
        rows = _run(self.tx, "get_tasks", ws=self.ws, keys=[key])
        if not rows:
            raise self._missing(key)
        return _task(rows[0])

    def _missing(self, key: str) -> NotFoundError:
        return NotFoundError(f"no task {key!r} in workspace {self.ws!r}")


# -- helpers -----------------------------------------------------------------------------------


def _run(tx: neo4j.ManagedTransaction, name: str, **params: Any) -> list[neo4j.Record]:
    return list(tx.run(queries.get(name).text, params))


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


def _task(row: neo4j.Record) -> Task:
    props = _native(row["task"], drop=("ws",))
    return Task.model_validate(props | {"parents": row["parents"],
                                        "depends_on": row["depends_on"]})


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


def _lucene_query(words: list[str]) -> str:
    """A Lucene query over the words; fuzzy terms catch plurals and small typos. Words are
    alphanumeric only, so nothing in them needs escaping."""
    terms = []
    for w in dict.fromkeys(words):
        terms.append(w)
        if len(w) >= 5:
            terms.append(f"{w}~")
    return " OR ".join(terms)
