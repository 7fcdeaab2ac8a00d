"""Errors raised by tme-neo4j, grouped by what the caller can do about them.

::

    TmeError                      root: catch this to catch everything below
    ├── ConfigError               fix the configuration or the environment (Java, Maven, ports)
    ├── InvalidInputError         fix the input: bad key, oversized text, malformed file
    │   └── CycleError            the dependency would close a cycle (``cycle`` names it)
    ├── NotFoundError             the workspace, task or revision does not exist
    ├── ConflictError             someone else changed it first: re-read and retry
    ├── LLMError                  the language model failed or answered nonsense twice
    └── Neo4jUnavailableError     the database cannot be reached: start it or fix the URI

Driver and client errors are wrapped at the edge with ``raise ... from e`` so the original
stays available as ``__cause__``. Messages never contain passwords or API keys.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

__all__ = [
    "ConfigError",
    "ConflictError",
    "CycleError",
    "InvalidInputError",
    "LLMError",
    "Neo4jUnavailableError",
    "NotFoundError",
    "TmeError",
]


class TmeError(Exception):
    """Root of every error this package raises on purpose."""

    #: Process exit code the CLI uses for this error.
    exit_code: int = 1


class ConfigError(TmeError):
    """The configuration or the environment is wrong (missing Java, taken port, bad URI...)."""


class InvalidInputError(TmeError):
    """The input is malformed, too large or refers to something in the wrong way."""

    exit_code = 2

    @classmethod
    def from_validation(cls, error: ValidationError, *, where: str = "") -> InvalidInputError:
        """The first problem pydantic found, on one line: ``[where: ]field.path: message``."""
        first = error.errors()[0]
        field = ".".join(str(p) for p in first["loc"])
        text = f"{field}: {first['msg']}" if field else str(first["msg"])
        return cls(f"{where}: {text}" if where else text)


class CycleError(InvalidInputError):
    """A dependency would close a cycle; ``cycle`` lists the task keys around it."""

    def __init__(self, cycle: list[str]) -> None:
        self.cycle = cycle
        super().__init__("dependency would close a cycle: " + " -> ".join(cycle))


class NotFoundError(TmeError):
    """The workspace, task or revision named does not exist."""

    exit_code = 2


class ConflictError(TmeError):
    """A write expected a version the task no longer has; nothing was written."""

    def __init__(self, message: str, *, current: Any = None) -> None:
        self.current = current
        super().__init__(message)


class LLMError(TmeError):
    """The language model could not be reached or gave invalid output twice."""


class Neo4jUnavailableError(TmeError):
    """Neo4j cannot be reached (not started, wrong URI, or gone away)."""
