"""The ``auto`` TRIM backend: the offline interpreter first, the LLM for what it could not read.

A turn the offline interpreter reads fully costs no LLM call. Otherwise its unparsed clauses,
and only those, go to the model in one call for the turn, and the model's subtasks take the
place of the first unparsed one (operations apply in turn order). When the model fails, the
offline reading stands: the unparsed clauses write nothing and the reply names them.

Replies stay the offline ones composed from memory: the hybrid offers no ``respond``, so a turn
never waits on the model for its reply.
"""

from __future__ import annotations

import logging
from typing import Self

from tme_neo4j.errors import LLMError
from tme_neo4j.models import AddTask
from tme_neo4j.trim.base import Intent, Interpreter, TrimResult, TrimView
from tme_neo4j.trim.llm import LLMInterpreter

__all__ = ["HybridInterpreter"]

log = logging.getLogger(__name__)


class HybridInterpreter:
    """``offline`` reads every turn; ``llm`` reads the clauses ``offline`` marks unparsed."""

    name = "auto"

    def __init__(self, offline: Interpreter, llm: LLMInterpreter) -> None:
        self.offline = offline
        self.llm = llm

    @property
    def llm_calls(self) -> int:
        return self.llm.llm_calls

    def close(self) -> None:
        self.llm.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def interpret(self, text: str, view: TrimView) -> TrimResult:
        offline = self.offline.interpret(text, view)
        unparsed = offline.unparsed
        if not unparsed:
            return offline
        added = [op.key for op in offline.operations if isinstance(op, AddTask)]
        try:
            read = self.llm.interpret_parts(text, view, parts=[s.text for s in unparsed],
                                            also_known=added)
        except LLMError as e:
            log.warning("the LLM could not read %d unparsed clause(s); keeping the offline "
                        "reading: %s", len(unparsed), e)
            return offline
        first = offline.subtasks.index(unparsed[0])
        kept = [s for s in offline.subtasks if s.intent != Intent.UNPARSED]
        subtasks = [*kept[:first], *read.subtasks, *kept[first:]]
        return TrimResult(subtasks=subtasks)
