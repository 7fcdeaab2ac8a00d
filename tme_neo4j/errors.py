"""Errors raised by tme-neo4j, grouped by what the caller can do about them.

::

    TmeError                      root: catch this to catch everything below
    ├── ConfigError               fix the configuration or the environment (Java, Maven, ports)
    │   └── SettingError          a ``TME_*`` variable has a value that is not allowed
    ├── InvalidInputError         fix the input: bad key, oversized text, malformed file
    │   ├── InvalidTextError      text breaks the rules of :mod:`tme_neo4j.text` (a ValueError too)
    │   └── CycleError            the dependency would close a cycle (``cycle`` names it)
    ├── NotFoundError             the workspace, task or revision does not exist
    ├── ConflictError             someone else changed it first: re-read and retry
    ├── LLMError                  the language model failed or answered nonsense twice
    └── Neo4jUnavailableError     the database cannot be reached: start it or fix the URI

Driver and client errors are wrapped at the edge with ``raise ... from e`` so the original
stays available as ``__cause__``. Messages never contain passwords or API keys, and the
credentials of a URL (``neo4j://user:secret@host``) are masked in every message.
"""

from __future__ import annotations

import re
from typing import Any

from pydantic import ValidationError

__all__ = [
    "ConfigError",
    "ConflictError",
    "CycleError",
    "InvalidInputError",
    "InvalidTextError",
    "LLMError",
    "Neo4jUnavailableError",
    "NotFoundError",
    "SettingError",
    "TmeError",
    "describe_problem",
    "mask_credentials",
]

# ``scheme://user:password@`` or ``scheme://token@``: everything from ``//`` to the last ``@``
# before the path, so a password holding an ``@`` is masked whole.
_URL_CREDENTIALS = re.compile(r"(?P<scheme>[A-Za-z][A-Za-z0-9+.-]*://)[^/\s]*@")


def mask_credentials(text: str) -> str:
    """``text`` with the user and password of every URL in it replaced by ``***``."""
    return _URL_CREDENTIALS.sub(r"\g<scheme>***@", text)


class TmeError(Exception):
    """Root of every error this package raises on purpose."""

    #: Process exit code the CLI uses for this error.
    exit_code: int = 1

    def __init__(self, *args: object) -> None:
        # A message may quote a URI or a driver error that quotes one: mask it once, here.
        super().__init__(*(mask_credentials(a) if isinstance(a, str) else a for a in args))


class ConfigError(TmeError):
    """The configuration or the environment is wrong (missing Java, taken port, bad URI...)."""


class SettingError(ConfigError):
    """A ``TME_*`` environment variable (or a Settings field) has a value that is not allowed."""

    exit_code = 2


class InvalidInputError(TmeError):
    """The input is malformed, too large or refers to something in the wrong way."""

    exit_code = 2

    @classmethod
    def from_validation(cls, error: ValidationError, *, where: str = "") -> InvalidInputError:
        """The first problem pydantic found, on one line: ``[where: ]field: message``.

        With ``where`` (a file), the field is its full path in the document (``turns.0.user``);
        without, only the field's name (``key``), since list indexes and union tags of the
        Python API's internals mean nothing to the caller.
        """
        text = describe_problem(error.errors()[0], path=bool(where))
        more = error.error_count() - 1
        if more:
            text += f" (and {more} more problem{'s' if more > 1 else ''})"
        return cls(f"{where}: {text}" if where else text)


class InvalidTextError(InvalidInputError, ValueError):
    """Text, a key, a workspace id or an agent name that breaks the rules of
    :mod:`tme_neo4j.text`. A ``ValueError`` too, so pydantic validators report it as the
    field's problem."""


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


def describe_problem(problem: Any, *, path: bool = False) -> str:
    """One pydantic problem as ``field: message``, the message a validator's own (without
    pydantic's "Value error, "). The field is the last name in the location, or with ``path``
    the whole location (``turns.0.user``)."""
    loc = [str(p) for p in problem.get("loc", ())]
    names = loc if path else [p for p in problem.get("loc", ()) if isinstance(p, str)][-1:]
    cause = (problem.get("ctx") or {}).get("error")
    message = str(cause) if isinstance(cause, Exception) else str(problem["msg"])
    return f"{'.'.join(names)}: {message}" if names else message
