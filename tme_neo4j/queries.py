"""The registry of named Cypher queries.

Every query is one statement in a ``.cypher`` file under ``cypher/`` (shipped inside the package
as ``tme_neo4j/cypher``). Each file opens with a ``//`` header: purpose, parameters, returned
columns and mode (read, write, schema, or part: a piece of the one statement a write is made of,
see ``store``). Inspection queries (``cypher/inspect/``) start with
``:param`` lines that Neo4j Browser accepts as they are; here they become the defaults. Files are
read once and cached; an unknown name raises.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from importlib import resources
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any, Literal

from tme_neo4j.errors import NotFoundError

__all__ = ["Query", "all_queries", "compact", "cypher_root", "get", "load"]

Mode = Literal["read", "write", "schema", "part"]
_HEADER = re.compile(r"^//\s*(?P<field>[A-Za-z]+):\s*(?P<text>.*)$")
_PARAM = re.compile(r"\$([A-Za-z_][A-Za-z0-9_]*)")
_BROWSER_PARAM = re.compile(r"^:param\s+(?P<name>\w+)\s*=>\s*(?P<value>.+?);?\s*$")


@dataclass(frozen=True)
class Query:
    name: str
    text: str
    purpose: str
    mode: Mode
    parameters: str
    returns: str
    defaults: tuple[tuple[str, Any], ...] = ()

    @functools.cached_property
    def statement(self) -> str:
        """The text sent to the server: ``text`` without its comments and indentation."""
        return compact(self.text)

    @property
    def parameter_names(self) -> list[str]:
        """The ``$parameters`` the statement uses, in order of first appearance."""
        return list(dict.fromkeys(_PARAM.findall(self.statement)))


def compact(text: str) -> str:
    """Cypher without comment lines, blank lines and indentation, which the server does not
    need. The statement of every write is assembled from many files and sent in full each
    time; half of it was comments and indentation, and the driver formats the whole text for
    its debug log on every run. (A string literal never spans lines in these files.)"""
    lines = (line.strip() for line in text.splitlines())
    return "\n".join(line for line in lines if line and not line.startswith("//"))


def cypher_root() -> Traversable:
    """Where the ``.cypher`` files are: inside the installed package, else the source tree."""
    packaged = resources.files("tme_neo4j") / "cypher"
    if packaged.is_dir():
        return packaged
    # An editable install points at the source tree, where cypher/ sits beside the package.
    return Path(__file__).resolve().parent.parent / "cypher"


def _literal(text: str) -> Any:
    """A ``:param`` value: a quoted string, an integer, a float, a boolean or null."""
    text = text.strip()
    if len(text) >= 2 and text[0] == text[-1] and text[0] in "'\"":
        return text[1:-1]
    if text in ("true", "false"):
        return text == "true"
    if text == "null":
        return None
    for kind in (int, float):
        try:
            return kind(text)
        except ValueError:
            pass
    return text


def _parse(name: str, text: str) -> Query:
    fields: dict[str, str] = {}
    defaults: list[tuple[str, Any]] = []
    current = ""
    body: list[str] = []
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if m := _BROWSER_PARAM.match(line):
            defaults.append((m["name"], _literal(m["value"])))
            continue
        if not line.startswith("//"):
            body = lines[i:]
            break
        if m := _HEADER.match(line):
            current = m["field"].lower()
            fields[current] = m["text"].strip()
        elif current:  # an indented continuation of the previous field
            fields[current] += " " + line.lstrip("/ ").strip()
    mode = fields.get("mode", "")
    if mode not in ("read", "write", "schema", "part"):
        raise ValueError(f"cypher/{name}.cypher: header needs 'Mode: read|write|schema|part'")
    header = [ln for ln in lines[: len(lines) - len(body)] if not _BROWSER_PARAM.match(ln)]
    return Query(
        name=name,
        text="\n".join([*header, *body]).strip(),
        purpose=fields.get("purpose", ""),
        mode=mode,  # type: ignore[arg-type]  # checked just above
        parameters=fields.get("parameters", "none"),
        returns=fields.get("returns", ""),
        defaults=tuple(defaults),
    )


def _walk(folder: Traversable, prefix: str = "") -> dict[str, Query]:
    found: dict[str, Query] = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.is_dir():
            found |= _walk(entry, f"{prefix}{entry.name}/")
        elif entry.name.endswith(".cypher"):
            name = prefix + entry.name.removesuffix(".cypher")
            found[name] = _parse(name, entry.read_text(encoding="utf-8"))
    return found


def load(folder: Traversable) -> dict[str, Query]:
    """The queries of another folder of ``.cypher`` files (a benchmark's), checked and named as
    the package's own are; not part of the registry."""
    return _walk(folder)


@functools.cache
def all_queries() -> dict[str, Query]:
    """Every named query, by name (``add_task``, ``schema/task_key_unique``, ``inspect/...``)."""
    return _walk(cypher_root())


def get(name: str) -> Query:
    try:
        return all_queries()[name]
    except KeyError:
        raise NotFoundError(f"no named query {name!r}") from None
