"""The data that crosses the public API: tasks, revisions, state views and write operations.

Every model validates at the edge, so the store and the Cypher below it only ever see
well-formed keys and text within the documented limits.
"""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum
from typing import Annotated, Literal

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
)

from tme_neo4j.text import (
    MAX_INT,
    MAX_REASON,
    MAX_TEXT,
    MAX_TITLE,
    MAX_VALUE,
    check_key,
    check_text,
    check_workspace_id,
)

__all__ = [
    "MAX_INT",
    "MAX_REASON",
    "MAX_TEXT",
    "MAX_TITLE",
    "MAX_VALUE",
    "AddDependency",
    "AddTask",
    "AlignedTask",
    "CancelTask",
    "Change",
    "Claim",
    "ClearStale",
    "CompleteTask",
    "Evidence",
    "LinkParent",
    "OpName",
    "Operation",
    "RemoveDependency",
    "RestoreTask",
    "ReviseTask",
    "Revision",
    "RollbackTask",
    "Task",
    "TaskKey",
    "TaskStatus",
    "Touch",
    "Turn",
    "TurnView",
    "TurnWrite",
    "UnlinkParent",
    "WorkspaceId",
    "WorkspaceState",
    "WriteResult",
    "check_plain_text",
    "title_and_value",
]

# The limits and the text rule live in tme_neo4j.text, shared by every edge.


def check_plain_text(text: str) -> str:
    """Refuse what :func:`tme_neo4j.text.check_text` refuses (control characters, surrogates)."""
    return check_text(text)


def _plain(what: str) -> BeforeValidator:
    """Check text before whitespace is stripped: U+0085 is whitespace to ``str.strip``, and a
    control character is refused wherever it stands, not trimmed away."""

    def check(value: object) -> object:
        return check_text(value, what=what) if isinstance(value, str) else value

    return BeforeValidator(check)


def _check_reason(reason: str) -> str:
    return check_text(reason, what="the reason", max_length=MAX_REASON)


TaskKey = Annotated[str, AfterValidator(check_key)]
WorkspaceId = Annotated[str, AfterValidator(check_workspace_id)]
Title = Annotated[
    str,
    StringConstraints(strip_whitespace=True, min_length=1, max_length=MAX_TITLE),
    _plain("the title"),
]
Value = Annotated[
    str, StringConstraints(strip_whitespace=True, max_length=MAX_VALUE), _plain("the value"),
]
Reason = Annotated[str, AfterValidator(_check_reason)]
#: A sequence, version or revision number: Neo4j stores no larger integer.
Count = Annotated[int, Field(le=MAX_INT)]


def title_and_value(title: str, value: str | None) -> str:
    """How a task reads on one line: its title, and its value unless the title already says it."""
    if value and value.lower() not in title.lower():
        return f"{title}: {value}"
    return title


class TaskStatus(StrEnum):
    ACTIVE = "active"
    DONE = "done"
    CANCELLED = "cancelled"


class OpName(StrEnum):
    """What a write did to a task: the name in the change feed and on a turn's TOUCHED edge."""

    ADD = "add"
    REVISE = "revise"
    ROLLBACK = "rollback"
    CANCEL = "cancel"
    RESTORE = "restore"
    DONE = "done"
    LINK = "link"
    UNLINK = "unlink"
    DEPEND = "depend"
    UNDEPEND = "undepend"
    CLEAR_STALE = "clear_stale"


class _Model(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


# ---------------------------------------------------------------------------------------------
# What the store returns


class Task(_Model):
    key: str
    id: str
    title: str
    value: str | None = None
    status: TaskStatus = TaskStatus.ACTIVE
    stale: bool = False
    stale_reason: str | None = None
    version: int = 1
    parents: list[str] = Field(default_factory=list)
    depends_on: list[str] = Field(default_factory=list)
    created_at: datetime | None = None
    updated_at: datetime | None = None
    created_by: str | None = None
    updated_by: str | None = None
    claimed_by: str | None = None
    claimed_until: datetime | None = None


class Revision(_Model):
    n: int
    value: str | None = None
    title: str
    status: TaskStatus
    op: str
    at: datetime
    by: str | None = None
    turn: int | None = None
    seq: int
    reason: str | None = None


class Touch(_Model):
    """One task a turn changed, and how."""

    op: OpName
    key: str


class Turn(_Model):
    n: int
    text: str
    intent: str
    reply: str | None = None
    agent: str | None = None
    at: datetime
    seq: int
    touched: list[Touch] = Field(default_factory=list)
    #: The idempotency key the turn was recorded under, if any.
    request: str | None = None
    #: For an undo turn, the turn it reversed.
    undoes: int | None = None


class WorkspaceState(_Model):
    workspace: str
    seq: int
    tasks: list[Task]
    as_of_seq: int | None = None

    def task(self, key: str) -> Task | None:
        return next((t for t in self.tasks if t.key == key), None)

    def roots(self) -> list[Task]:
        return [t for t in self.tasks if not t.parents]

    def children(self, key: str) -> list[Task]:
        return [t for t in self.tasks if key in t.parents]


class Change(_Model):
    """One entry of a workspace's change feed."""

    seq: int
    key: str
    op: str
    agent: str | None = None
    turn: int | None = None
    at: datetime


class Claim(_Model):
    key: str
    claimed_by: str
    claimed_until: datetime


class AlignedTask(_Model):
    """A candidate task for a piece of text, with how well and why it matched."""

    task: Task
    score: float
    via: Literal["key", "text"]


class WriteResult(_Model):
    """What one ``apply`` did: the sequence number it took (the workspace's current one when it
    changed nothing), tasks written, tasks made stale, and tasks no longer stale because what
    they depend on is back to the value they were checked against."""

    seq: int
    turn: int | None = None
    touched: dict[str, OpName] = Field(default_factory=dict)
    stale: dict[str, str] = Field(default_factory=dict)
    cleared: list[str] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)


#: Tasks that ever mentioned a term, with their revisions: what a reply may cite from history.
Evidence = list[tuple[Task, list[Revision]]]


class TurnView(_Model):
    """What the store reads for a turn, in one statement: candidate tasks for the text, the
    recent focus, the latest roots, the neighbourhood of all of them and their past values."""

    aligned: list[AlignedTask] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    focus: list[str] = Field(default_factory=list)
    roots: list[str] = Field(default_factory=list)
    past_values: dict[str, list[str]] = Field(default_factory=dict)


class TurnWrite(_Model):
    """What the store's turn transaction did: the write, the tasks the reply and the context
    are built from, the history evidence for a question, and the reply recorded with the turn.
    ``replayed`` is set (and nothing else) when the idempotency key was already recorded."""

    write: WriteResult | None = None
    tasks: list[Task] = Field(default_factory=list)
    evidence: Evidence = Field(default_factory=list)
    reply: str = ""
    replayed: Turn | None = None


# ---------------------------------------------------------------------------------------------
# Write operations: one model per kind, discriminated by ``op``


class AddTask(_Model):
    op: Literal["add"] = "add"
    key: TaskKey
    title: Title
    value: Value | None = None
    parents: list[TaskKey] = Field(default_factory=list)
    depends_on: list[TaskKey] = Field(default_factory=list)


class ReviseTask(_Model):
    op: Literal["revise"] = "revise"
    key: TaskKey
    value: Value | None = None
    title: Title | None = None
    reason: Reason | None = None
    expected_version: Count | None = None


class RollbackTask(_Model):
    """Return to an earlier value: the previous one, revision ``to_n``, or the one equal to
    ``to_value``. History is appended to, never rewritten."""

    op: Literal["rollback"] = "rollback"
    key: TaskKey
    to_n: Count | None = Field(default=None, ge=1)
    to_value: Value | None = None
    reason: Reason | None = None


class CancelTask(_Model):
    op: Literal["cancel"] = "cancel"
    key: TaskKey
    reason: Reason | None = None


class RestoreTask(_Model):
    op: Literal["restore"] = "restore"
    key: TaskKey
    reason: Reason | None = None


class CompleteTask(_Model):
    op: Literal["done"] = "done"
    key: TaskKey


class LinkParent(_Model):
    op: Literal["link"] = "link"
    key: TaskKey
    parent: TaskKey


class UnlinkParent(_Model):
    op: Literal["unlink"] = "unlink"
    key: TaskKey
    parent: TaskKey


class AddDependency(_Model):
    op: Literal["depend"] = "depend"
    key: TaskKey
    depends_on: TaskKey


class RemoveDependency(_Model):
    op: Literal["undepend"] = "undepend"
    key: TaskKey
    depends_on: TaskKey


class ClearStale(_Model):
    op: Literal["clear_stale"] = "clear_stale"
    key: TaskKey


Operation = Annotated[
    AddTask
    | ReviseTask
    | RollbackTask
    | CancelTask
    | RestoreTask
    | CompleteTask
    | LinkParent
    | UnlinkParent
    | AddDependency
    | RemoveDependency
    | ClearStale,
    Field(discriminator="op"),
]
