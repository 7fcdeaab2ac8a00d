"""The TRIM protocol: a user turn in, typed subtasks with intents and operations out.

An interpreter never writes. It reads a :class:`TrimView` (what the store found for the turn)
and returns a :class:`TrimResult`; the engine applies the operations in one transaction.
"""

from __future__ import annotations

from enum import StrEnum
from typing import Protocol

from pydantic import BaseModel, ConfigDict, Field

from tme_neo4j.models import AlignedTask, Operation, Task

__all__ = ["Conflict", "Intent", "Interpreter", "Subtask", "TrimResult", "TrimView"]


class Intent(StrEnum):
    NEW = "new"
    UPDATE = "update"
    ROLLBACK = "rollback"
    CANCEL = "cancel"
    RESTORE = "restore"
    RESET = "reset"
    REPLACE = "replace"
    SPLIT = "split"
    MERGE = "merge"
    LINK = "link"
    DEPEND = "depend"
    DONE = "done"
    CHECK = "check"
    NOTE = "note"  # a statement of fact that asks for no change to any task
    # A clause the interpreter could not read: it writes nothing, the reply names its words and
    # asks; under the hybrid backend these clauses (and only these) go to the LLM.
    UNPARSED = "unparsed"


#: Intents that never write.
READ_ONLY = frozenset({Intent.CHECK, Intent.NOTE, Intent.UNPARSED})


class Conflict(BaseModel):
    """A request that says one thing while memory holds another."""

    model_config = ConfigDict(extra="forbid")

    key: str
    said: str
    current: str | None = None
    note: str = Field(description="how memory knows: e.g. 'replaced in turn 6', 'never recorded'")


class Subtask(BaseModel):
    model_config = ConfigDict(extra="forbid")

    text: str = Field(description="the part of the turn this subtask comes from")
    intent: Intent
    operations: list[Operation] = Field(default_factory=list)
    about: list[str] = Field(default_factory=list, description="keys of the tasks it speaks of")
    conflicts: list[Conflict] = Field(default_factory=list)
    reason: str | None = Field(default=None, description="why an unparsed clause wrote nothing, "
                               "when the words were read but memory holds nothing they fit")


class TrimResult(BaseModel):
    model_config = ConfigDict(extra="forbid")

    subtasks: list[Subtask] = Field(default_factory=list)

    @property
    def operations(self) -> list[Operation]:
        return [op for s in self.subtasks for op in s.operations]

    @property
    def about(self) -> list[str]:
        return list(dict.fromkeys(k for s in self.subtasks for k in s.about))

    @property
    def conflicts(self) -> list[Conflict]:
        return [c for s in self.subtasks for c in s.conflicts]

    @property
    def unparsed(self) -> list[Subtask]:
        """The clauses that were not understood (they carry no operations)."""
        return [s for s in self.subtasks if s.intent == Intent.UNPARSED]

    @property
    def intent(self) -> Intent:
        """The turn's main intent: its first writing one, else check (or note)."""
        for s in self.subtasks:
            if s.intent not in READ_ONLY and s.operations:
                return s.intent
        if any(s.intent == Intent.CHECK for s in self.subtasks):
            return Intent.CHECK
        if self.unparsed:
            return Intent.UNPARSED
        return Intent.NOTE


class TrimView(BaseModel):
    """What an interpreter may read: the tasks aligned with the turn, a compact outline of the
    workspace (cancelled tasks included, so they can be restored), the roots the conversation
    was last about, and the earlier values of the tasks in view."""

    model_config = ConfigDict(extra="forbid")

    aligned: list[AlignedTask] = Field(default_factory=list)
    tasks: list[Task] = Field(default_factory=list)
    focus: list[str] = Field(default_factory=list)
    past_values: dict[str, list[str]] = Field(default_factory=dict)


class Interpreter(Protocol):
    name: str

    def interpret(self, text: str, view: TrimView) -> TrimResult: ...
