"""The one rule for text that enters the memory, and the limits every edge applies.

The models of the Python API, the CLI, the MCP tools and import all validate with these
functions and constants, so what one edge accepts the others accept too: a workspace written
through the API always imports again, and nothing stored can replay a terminal escape.

Text (titles, values, reasons, turn text) may hold any character except C0 controls other
than tab and newline (NUL and ESC included), DEL, C1 controls (U+0080-U+009F) and lone
surrogates, which no encoder can write. Keys, workspace ids and agent names match their whole
pattern: a trailing newline is refused, not ignored.
"""

from __future__ import annotations

import re

from tme_neo4j.errors import InvalidTextError

__all__ = [
    "AGENT_PATTERN",
    "FORBIDDEN_CHARACTERS",
    "KEY_PATTERN",
    "MAX_AGENT",
    "MAX_INT",
    "MAX_KEY",
    "MAX_REASON",
    "MAX_TEXT",
    "MAX_TITLE",
    "MAX_VALUE",
    "MAX_WORKSPACE",
    "check_agent",
    "check_key",
    "check_text",
    "check_workspace_id",
    "printable",
]

#: Longest title, value, turn text and reason, in characters.
MAX_TITLE = 300
MAX_VALUE = 4_000
MAX_TEXT = 8_000
MAX_REASON = 300
#: Longest task key, workspace id and agent name.
MAX_KEY = 120
MAX_WORKSPACE = 64
MAX_AGENT = 64
#: Largest integer Neo4j stores (signed 64 bits): sequence, version, revision and turn numbers.
MAX_INT = 2**63 - 1

KEY_PATTERN = re.compile(rf"[a-z0-9][a-z0-9._:-]{{0,{MAX_KEY - 1}}}")
_WORKSPACE = re.compile(rf"[A-Za-z0-9][A-Za-z0-9._-]{{0,{MAX_WORKSPACE - 1}}}")
AGENT_PATTERN = re.compile(rf"[A-Za-z0-9][A-Za-z0-9 ._@:-]{{0,{MAX_AGENT - 1}}}")
# C0 controls but tab and newline, DEL, C1 controls, lone surrogates.
FORBIDDEN_CHARACTERS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\ud800-\udfff]")


def _shown(text: str) -> str:
    """A short quotation of refused input; ``repr`` escapes what a terminal would obey."""
    return repr(text[:60])


def check_text(text: str, *, what: str = "text", max_length: int | None = None) -> str:
    """``text`` unchanged if it may be stored.

    Raises:
        InvalidTextError: a control character, a lone surrogate, or more than ``max_length``
            characters; the message names ``what`` and the first offending character.
    """
    bad = FORBIDDEN_CHARACTERS.search(text)
    if bad is not None:
        code = ord(bad.group())
        kind = "a lone surrogate" if 0xD800 <= code <= 0xDFFF else "a control character"
        raise InvalidTextError(
            f"{what} contains {kind} (U+{code:04X}) at position {bad.start()}; control "
            "characters other than tab and newline, and lone surrogates, are refused")
    if max_length is not None and len(text) > max_length:
        raise InvalidTextError(
            f"{what} is {len(text)} characters; the limit is {max_length}")
    return text


def check_key(key: str) -> str:
    """``key`` if it is a task key: 1-120 of ``a-z 0-9 . _ : -``, starting alphanumeric."""
    return _full_match(KEY_PATTERN, key, f"a task key is 1-{MAX_KEY} characters of lowercase "
                                         "letters, digits and . _ : -")


def check_workspace_id(workspace: str) -> str:
    """``workspace`` if it is a workspace id: 1-64 of ``A-Z a-z 0-9 . _ -``."""
    return _full_match(_WORKSPACE, workspace,
                       f"a workspace id is 1-{MAX_WORKSPACE} characters of letters, digits "
                       "and . _ -")


def check_agent(agent: str) -> str:
    """``agent`` if it is an agent name: 1-64 of letters, digits, spaces and ``. _ @ : -``."""
    return _full_match(AGENT_PATTERN, agent, f"an agent name is 1-{MAX_AGENT} characters of "
                                             "letters, digits, spaces and . _ @ : -")


def _full_match(pattern: re.Pattern[str], name: str, rule: str) -> str:
    """``name`` if all of it matches ``pattern`` (a trailing newline included), else the
    ``rule`` it breaks, with the name shown escaped."""
    if not pattern.fullmatch(name):
        raise InvalidTextError(f"{rule} starting with a letter or digit, not {_shown(name)}")
    return name


def printable(text: str) -> str:
    """``text`` with every character :func:`check_text` refuses written as an escape
    (``\\x1b``, ``\\x9b``, ``\\ud800``), for output that must never drive a terminal."""
    return FORBIDDEN_CHARACTERS.sub(lambda m: m.group().encode("unicode_escape", "backslashreplace")
                            .decode("ascii"), text)
