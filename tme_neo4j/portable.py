"""Export a workspace to a versioned JSON document (or a Cypher script) and import it back.

The document::

    {"format": "tme-neo4j", "version": 1,
     "workspace": {"id", "seq", "turns", "created_at"},
     "tasks":     [{"id", "key", "title", "value", "status", "stale", ...}, ...],
     "edges":     [{"type": "SUBTASK_OF" | "DEPENDS_ON", "from": key, "to": key}, ...],
     "revisions": [{"task": key, "n", "value", "title", "status", "op", "at", ...}, ...],
     "turns":     [{"n", "text", "intent", "reply", "at", "agent", "seq", "request", "undoes",
                    "touched": [{"task": key, "op"}, ...]}, ...],
     "changes":   [{"seq", "key", "op", "agent", "turn", "at"}, ...]}

Ids, counters and times are kept; times are the ISO strings Neo4j prints for its own datetimes,
so they round-trip exactly. Absent (null) properties are left out. Every section is in a fixed
order (tasks by key, turns by number), so exporting the same graph twice gives the same text.
The sections come in the order above (a section may be left out when empty): an import reads
the document as a stream and checks each record against those before it. Task claims are
leases held by running agents and are not exported.

:func:`export_workspace` holds the workspace's write lock while it reads, so it writes one
consistent state however busy the workspace is (writers wait for it), page by page.

:func:`import_workspace` streams the document: it never holds the whole of it, checks each
record as it arrives (every problem is named, not only the first), and writes batches into a
staging workspace that no one can see: staged nodes carry labels of their own (``StagedTask``,
...), which nothing but the import reads and few indexes cover. Only a complete and valid
document is committed; the staged nodes then become tasks, revisions, turns and changes of the
target (its indexes are written then, once) and its Workspace node is created last, in one
short transaction. An import that dies before that leaves nothing visible, and one that dies
after it is finished by the next import (see :func:`recover_imports`).
"""

from __future__ import annotations

import codecs
import concurrent.futures
import contextlib
import functools
import itertools
import json
import logging
import math
import os
import queue
import re
import sys
import threading
import time
import uuid
import zoneinfo
from collections.abc import Callable, Iterator, Sequence
from datetime import datetime
from pathlib import Path
from typing import IO, Annotated, Any, Literal
from urllib.parse import urlsplit

import neo4j.time
from pydantic import (
    AfterValidator,
    BaseModel,
    ConfigDict,
    Field,
    StringConstraints,
    TypeAdapter,
    ValidationError,
)

from tme_neo4j import queries
from tme_neo4j.errors import InvalidInputError, TmeError
from tme_neo4j.models import (
    MAX_TEXT,
    MAX_TITLE,
    MAX_VALUE,
    TaskKey,
    WorkspaceId,
    check_plain_text,
)
from tme_neo4j.store import MemoryStore
from tme_neo4j.text import AGENT_PATTERN, FORBIDDEN_CHARACTERS, KEY_PATTERN, check_agent

__all__ = [
    "FORMAT",
    "VERSION",
    "ChangeRecord",
    "EdgeRecord",
    "ExportResult",
    "ImportResult",
    "Progress",
    "Recovery",
    "RevisionRecord",
    "TaskRecord",
    "TouchRecord",
    "TurnRecord",
    "WorkspaceRecord",
    "cypher_literal",
    "export_workspace",
    "import_workspace",
    "recover_imports",
]

log = logging.getLogger(__name__)

FORMAT = "tme-neo4j"
VERSION = 1

#: ``progress(done, total)``: an export counts items (tasks, edges, revisions, turns, changes)
#: written of all; an import counts bytes of the document read of its size (0 when unknown).
Progress = Callable[[int, int], None]

# A stale reason quotes a key and two values, each escaped (repr) to at most twice its length.
_MAX_NOTE = 4 * MAX_VALUE + 1_000
# Replies are composed from the memory, not typed; the bound only refuses absurd input.
_MAX_REPLY = 100 * MAX_TEXT
_MAX_NAME = MAX_TITLE  # intents, operation names, ids
# How many problems an import names before it says how many more there are.
_MAX_PROBLEMS = 20
# Staged nodes carry this prefix and a random part as their workspace id: no workspace id can
# start with it, so nothing that names a workspace ever sees them. Twelve hex digits keep the
# id short enough for the server to store inline in the node's property record: a longer one
# takes a string record of its own on each staged node, written at staging and freed by the
# move.
_STAGING = "~import-"
_STAGING_DIGITS = 12
# Records an import writes (and nodes the move moves) per transaction. A transaction's state
# lives on the server's heap until its commit: at 5,000 rows, two at once outlived the young
# collections of the default 512 MB heap and were copied and promoted (14-17 s of collection
# pauses in an import of 100,000 tasks); at 2,000 they mostly die young (2-4 s).
_BATCH = 2000

# What Neo4j's toString() prints for a datetime: an offset or Z, optionally a zone id.
_ZONE_ID = re.compile(r"\[([^\]]{1,64})\]$")
_OFFSET = re.compile(r"(Z|[+-]\d{2}:\d{2}(:\d{2})?)$")
# Seconds with up to nanoseconds and an offset up to 14 hours: what Neo4j prints.
_USUAL_TIME = re.compile(
    r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,9})?(Z|[+-](0\d|1[0-4]):[0-5]\d)")


def _check_time(text: str) -> str:
    zone = _ZONE_ID.search(text)
    bare = text[: zone.start()] if zone else text
    # The usual shape is checked by the standard library; anything else by the driver's
    # parser, which is exact but slow (a large document has hundreds of thousands of times).
    if not (_USUAL_TIME.fullmatch(bare) and _parses(bare)):
        if not _OFFSET.search(bare):
            raise ValueError(f"not a date and time with an offset (Z or +hh:mm): {text[:60]!r}")
        try:
            neo4j.time.DateTime.from_iso_format(bare.replace("Z", "+00:00"))
        except (ValueError, OverflowError):
            raise ValueError(f"not an ISO date and time with an offset: {text[:60]!r}") from None
    if zone and not _known_zone(zone[1]):
        raise ValueError(f"unknown time zone {zone[1][:60]!r}")
    return text


def _parses(text: str) -> bool:
    try:
        datetime.fromisoformat(text)
    except ValueError:
        return False
    return True


@functools.lru_cache(maxsize=256)
def _known_zone(name: str) -> bool:
    try:
        zoneinfo.ZoneInfo(name)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        return False
    return True


# Unlike the write operations, nothing is stripped here: an import stores text as it was.
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE),
                  AfterValidator(check_plain_text)]
Value = Annotated[str, StringConstraints(max_length=MAX_VALUE), AfterValidator(check_plain_text)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=_MAX_NAME),
                 AfterValidator(check_plain_text)]
Time = Annotated[str, StringConstraints(max_length=100), AfterValidator(_check_time)]
# The same rule as at write time, so whatever the store accepted re-imports.
Agent = Annotated[str, AfterValidator(check_agent)]
Status = Literal["active", "done", "cancelled"]
Count = Annotated[int, Field(ge=0, lt=2**63)]
Number = Annotated[int, Field(ge=1, lt=2**63)]


class _Record(BaseModel):
    # Strict: "1" is not an integer and 1.0 is not one either; unknown fields are refused.
    model_config = ConfigDict(extra="forbid", frozen=True, strict=True)


class WorkspaceRecord(_Record):
    id: WorkspaceId
    seq: Count
    turns: Count
    created_at: Time


class TaskRecord(_Record):
    id: Name
    key: TaskKey
    title: Title
    value: Value | None = None
    status: Status
    stale: bool
    stale_reason: Annotated[str, StringConstraints(max_length=_MAX_NOTE),
                            AfterValidator(check_plain_text)] | None = None
    version: Number
    created_at: Time
    updated_at: Time
    created_by: Agent | None = None
    updated_by: Agent | None = None
    # What a stale task was checked against: the tasks that made it stale and their values then
    # (returning to those values clears the flag).
    stale_on: list[TaskKey] | None = None
    stale_basis: list[Value] | None = None


class EdgeRecord(_Record):
    model_config = ConfigDict(populate_by_name=True)

    type: Literal["SUBTASK_OF", "DEPENDS_ON"]
    from_: TaskKey = Field(alias="from")
    to: TaskKey


class RevisionRecord(_Record):
    task: TaskKey
    n: Number
    value: Value | None = None
    title: Title
    status: Status
    op: Name
    at: Time
    by: Agent | None = None
    turn: Number | None = None
    seq: Count
    reason: Annotated[str, StringConstraints(max_length=_MAX_NOTE),
                      AfterValidator(check_plain_text)] | None = None


class TouchRecord(_Record):
    task: TaskKey
    op: Name


class TurnRecord(_Record):
    n: Number
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    intent: Name
    reply: Annotated[str, StringConstraints(max_length=_MAX_REPLY)] | None = None
    at: Time
    agent: Agent | None = None
    seq: Count
    # The idempotency key the turn was recorded under, and the turn an undo reversed.
    request: Annotated[str, StringConstraints(min_length=1, max_length=200),
                       AfterValidator(check_plain_text)] | None = None
    undoes: Number | None = None
    touched: list[TouchRecord] = Field(default_factory=list)


class ChangeRecord(_Record):
    seq: Number
    key: TaskKey
    op: Name
    agent: Agent | None = None
    turn: Number | None = None
    at: Time


class ExportResult(BaseModel):
    """What an export wrote."""

    model_config = ConfigDict(frozen=True)

    workspace: str
    seq: int
    tasks: int
    edges: int
    revisions: int
    turns: int
    changes: int

    @property
    def items(self) -> int:
        return self.tasks + self.edges + self.revisions + self.turns + self.changes


class ImportResult(BaseModel):
    """What an import wrote."""

    model_config = ConfigDict(frozen=True)

    workspace: str
    tasks: int
    edges: int
    revisions: int
    turns: int
    changes: int
    replaced: bool


_workspace_id: TypeAdapter[str] = TypeAdapter(WorkspaceId)

# The sections of a document, in the order they come, each with its record's model.
_SECTIONS: dict[str, type[_Record]] = {
    "tasks": TaskRecord, "edges": EdgeRecord, "revisions": RevisionRecord,
    "turns": TurnRecord, "changes": ChangeRecord}
_IMPORT_QUERY = {"tasks": "import_tasks", "edges": "import_edges",
                 "revisions": "import_revisions", "turns": "import_turns",
                 "changes": "import_changes"}
_HEAD_FIELDS = ("format", "version", "workspace")


def _statement_rows(section: str, rows: Sequence[dict[str, Any]]) -> list[dict[str, Any]]:
    """A batch of a section's records as its import statement takes them: revisions grouped
    by task (runs of one task's revisions), so the statement looks each task up once."""
    if section != "revisions":
        return list(rows)
    groups: list[dict[str, Any]] = []
    for row in rows:
        if not groups or groups[-1]["task"] != row["task"]:
            groups.append({"task": row["task"], "revisions": []})
        groups[-1]["revisions"].append(row)
    return groups


# -- export ------------------------------------------------------------------------------------


def export_workspace(
    store: MemoryStore,
    out: IO[str],
    progress: Progress | None = None,
    *,
    format_: Literal["json", "cypher"] = "json",
    batch_size: int = 1000,
) -> ExportResult:
    """Write the store's workspace to ``out`` as a JSON document or a Cypher script.

    Reads page by page inside one transaction that holds the workspace's write lock, so the
    output is one consistent state: writers of that workspace wait until the export is done.
    Raises :class:`NotFoundError` for a missing workspace.
    """
    writer = _JsonWriter(out) if format_ == "json" else _CypherWriter(out, _source(store))
    ws = store.workspace
    counts = dict.fromkeys(_SECTIONS, 0)
    with store.locked_workspace(ws) as run:
        head = run("export_workspace", ws=ws)[0]
        total = sum(int(head[k])
                    for k in ("tasks", "edges", "revisions", "turn_count", "changes"))
        done = 0
        if progress is not None:
            progress(0, total)
        writer.begin(_ordered(WorkspaceRecord, head["workspace"]))
        for name, rows in (
            ("tasks", _task_pages(run, ws, batch_size)),
            ("edges", _edge_pages(run, ws, batch_size)),
            ("revisions", _revision_pages(run, ws, batch_size)),
            ("turns", _turn_pages(run, ws, batch_size)),
            ("changes", _change_pages(run, ws, batch_size)),
        ):
            writer.section(name)
            for batch in rows:
                writer.rows(name, batch)
                counts[name] += len(batch)
                done += len(batch)
                if progress is not None:
                    progress(done, total)
        writer.end()
    result = ExportResult(workspace=ws, seq=int(head["workspace"]["seq"]), **counts)
    log.info("exported workspace %s: %d items", ws, result.items)
    return result


_Run = Callable[..., list[dict[str, Any]]]


def _task_pages(run: _Run, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        page = [_ordered(TaskRecord, r["task"])
                for r in run("export_tasks", ws=ws, after=after, limit=size)]
        if not page:
            return
        yield page
        after = page[-1]["key"]


def _edge_pages(run: _Run, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        rows = run("export_edges", ws=ws, after=after, limit=size)
        if not rows:
            return
        yield [{"type": e["type"], "from": r["key"], "to": e["to"]}
               for r in rows for e in r["edges"]]
        after = rows[-1]["key"]


def _revision_pages(run: _Run, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        rows = run("export_revisions", ws=ws, after=after, limit=size)
        if not rows:
            return
        yield [_ordered(RevisionRecord, {"task": r["key"], **rev})
               for r in rows for rev in r["revisions"]]
        after = rows[-1]["key"]


def _turn_pages(run: _Run, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = 0
    while True:
        page = [_ordered(TurnRecord, {**r["turn"], "touched": [
                    {"task": t["task"], "op": t["op"]} for t in r["touched"]]})
                for r in run("export_turns", ws=ws, after=after, limit=size)]
        if not page:
            return
        yield page
        after = page[-1]["n"]


def _change_pages(run: _Run, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after_seq, after_key = 0, ""
    while True:
        page = [_ordered(ChangeRecord, r["change"])
                for r in run("export_changes", ws=ws, after_seq=after_seq,
                             after_key=after_key, limit=size)]
        if not page:
            return
        yield page
        after_seq, after_key = page[-1]["seq"], page[-1]["key"]


def _ordered(model: type[BaseModel], row: Any) -> dict[str, Any]:
    """The record's fields in the model's order, absent (null) ones left out. Not validated:
    an export writes what the graph holds, and an import is where limits are enforced."""
    data = dict(row)
    return {(field.alias or name): data[field.alias or name]
            for name, field in model.model_fields.items()
            if data.get(field.alias or name) is not None}


class _JsonWriter:
    """Writes the document piece by piece, one record a line."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out
        self.open = False  # inside a section's list
        self.empty = True  # that list has no row yet

    def begin(self, workspace: dict[str, Any]) -> None:
        self.out.write(f'{{"format": "{FORMAT}", "version": {VERSION},\n'
                       f' "workspace": {_json(workspace)}')

    def section(self, name: str) -> None:
        self._close()
        self.out.write(f',\n "{name}": [')
        self.open, self.empty = True, True

    def rows(self, name: str, rows: Sequence[dict[str, Any]]) -> None:
        for row in rows:
            self.out.write("\n  " if self.empty else ",\n  ")
            self.out.write(_json(row))
            self.empty = False

    def end(self) -> None:
        self._close()
        self.out.write("}\n")

    def _close(self) -> None:
        if self.open:
            self.out.write("]" if self.empty else "\n ]")
        self.open = False


def _json(value: Any) -> str:
    return json.dumps(value, ensure_ascii=False)


# -- the Cypher script -------------------------------------------------------------------------

_IDENTIFIER = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_INT64 = (-(2**63), 2**63 - 1)


def cypher_literal(value: Any) -> str:
    """``value`` as a Cypher literal that reads back as exactly that value.

    The text is printable ASCII only: quotes, backslashes, semicolons and every character
    outside printable ASCII are written as escapes (astral characters as UTF-16 pairs), so a
    literal can never end a string, a statement or a line early, whatever the value holds.
    Anything but None, bool, int, float, str, list and dict is refused.
    """
    match value:
        case None:
            return "null"
        case bool():
            return "true" if value else "false"
        case int():
            if not _INT64[0] <= value <= _INT64[1]:
                raise ValueError(f"integer out of Cypher's range: {value}")
            return str(value)
        case float():
            if not math.isfinite(value):
                raise ValueError(f"no Cypher literal for {value}")
            return repr(value)
        case str():
            return "'" + "".join(_escape(c) for c in value) + "'"
        case list() | tuple():
            return "[" + ", ".join(cypher_literal(v) for v in value) + "]"
        case dict():
            return "{" + ", ".join(f"{_map_key(k)}: {cypher_literal(v)}"
                                   for k, v in value.items()) + "}"
    raise TypeError(f"no Cypher literal for {type(value).__name__}")


def _escape(c: str) -> str:
    if c in "\\'\";":
        return "\\" + c if c != ";" else "\\u003b"
    code = ord(c)
    if 32 <= code < 127:
        return c
    if code < 0x10000:
        return f"\\u{code:04x}"
    code -= 0x10000
    return f"\\u{0xD800 + (code >> 10):04x}\\u{0xDC00 + (code & 0x3FF):04x}"


def _map_key(key: object) -> str:
    if not isinstance(key, str):
        raise TypeError(f"map keys are strings, not {type(key).__name__}")
    if _IDENTIFIER.match(key):
        return key
    return "`" + key.replace("`", "``") + "`"


def _source(store: MemoryStore) -> tuple[str, str]:
    """The address and user of the server ``store`` reads from (for the local server, the port
    it runs on), without the user and password a URI may carry."""
    from tme_neo4j.connection import resolve_credentials

    credentials = resolve_credentials(store.settings)
    parts = urlsplit(credentials.uri)
    return parts._replace(netloc=parts.netloc.rpartition("@")[2]).geturl(), credentials.user


class _CypherWriter:
    """Writes a script that runs pasted whole into Neo4j Browser and with ``cypher-shell -f``:
    the schema, then each batch as a ``:param`` line followed by the statement ``tme import``
    runs, every command and statement ending with a semicolon. Like an import, it stages the
    nodes and then moves them all (revisions in one statement, the rest in another); the
    Workspace node comes last, so the workspace appears only once the script has run to its
    end."""

    def __init__(self, out: IO[str], source: tuple[str, str]) -> None:
        self.out = out
        self.source = source
        self.workspace: dict[str, Any] = {}
        self.staged = 0  # the most nodes of one kind the move may find: all written

    def begin(self, workspace: dict[str, Any]) -> None:
        ws = workspace["id"]
        uri, user = self.source
        self.workspace = workspace
        self.out.write(
            f"// {FORMAT} export of workspace {cypher_literal(ws)} (format {VERSION}),\n"
            f"// from the Neo4j at {uri}.\n"
            "// Recreates the workspace on a database where it does not exist yet: paste it\n"
            "// whole into Neo4j Browser, or run (with -a naming the target, if another)\n"
            f"//   cypher-shell -a {uri} -u {user} -f THIS_FILE\n"
            "// Each statement commits on its own; the workspace appears with the last one.\n"
            "// If one fails, delete what was written and run the script again.\n")
        for name, query in queries.all_queries().items():
            if query.mode == "schema":
                self._statement(name)
        self._statement("await_indexes")
        self._param("ws", ws)

    def section(self, name: str) -> None:
        pass

    def rows(self, name: str, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.staged += len(rows)
            self._param("rows", _statement_rows(name, rows))
            self._statement(_IMPORT_QUERY[name])

    def end(self) -> None:
        self._statement("link_turns")
        self._param("staging", self.workspace["id"])
        self._param("target", self.workspace["id"])
        self._param("limit", max(self.staged, 1))
        self._statement("move_staged_revisions")
        self._statement("move_staged_nodes")
        self._param("workspace", {k: v for k, v in self.workspace.items() if k != "id"})
        self._statement("import_workspace")

    def _param(self, name: str, value: Any) -> None:
        # Browser reads `=> {...}` as its own map syntax and drops the braces: a map goes in
        # parentheses, which cypher-shell reads as the same Cypher expression.
        literal = cypher_literal(value)
        if isinstance(value, dict):
            literal = f"({literal})"
        self.out.write(f":param {name} => {literal};\n")

    def _statement(self, name: str) -> None:
        body = "\n".join(line for line in queries.get(name).text.splitlines()
                         if not line.lstrip().startswith("//"))
        self.out.write(f"// {name}\n{body};\n")


# -- reading a document as a stream ------------------------------------------------------------


_END = object()  # the end of a section's list
_SPACE = re.compile(r"[ \t\r\n]*")  # JSON's white space


class _MalformedError(Exception):
    """Not JSON (or not the shape of a document) at a place in the text."""


class _JsonReader:
    """Reads one JSON document from a byte stream piece by piece: the top-level object field by
    field and each section's list item by item, so no more than one record (and one chunk of
    text) is held at a time. Duplicate keys in any object are noted, not silently merged."""

    _CHUNK = 1 << 20
    _LARGEST = 64 << 20  # the most text one value may span; beyond that it is an error

    def __init__(self, stream: IO[bytes], on_read: Callable[[int], None]) -> None:
        self.stream = stream
        self.on_read = on_read
        self.decoder = codecs.getincrementaldecoder("utf-8")()
        # The decoder's scanner itself: raw_decode around it only adds a call per value.
        decoder = json.JSONDecoder(object_pairs_hook=self._object)
        self.scan = decoder.scan_once  # type: ignore[attr-defined]
        self.buf = ""
        self.pos = 0
        self.eof = False
        self.read_bytes = 0
        self.line = 1  # the line buf[0] is on
        self.line_start = 0  # where that line starts, relative to buf[0] (may be negative)
        self.duplicates: list[str] = []
        self.fields = 0  # top-level fields begun so far

    def _object(self, pairs: list[tuple[str, Any]]) -> dict[str, Any]:
        found = dict(pairs)
        if len(found) != len(pairs):
            seen: set[str] = set()
            for key, _ in pairs:
                if key in seen:
                    self.duplicates.append(key)
                seen.add(key)
        return found

    def _more(self) -> bool:
        if self.eof:
            return False
        if self.pos > self._CHUNK:  # drop what was read, keeping line numbers right
            dropped = self.buf[: self.pos]
            newlines = dropped.count("\n")
            if newlines:
                self.line += newlines
                self.line_start = dropped.rfind("\n") + 1 - self.pos
            else:
                self.line_start -= self.pos
            self.buf, self.pos = self.buf[self.pos:], 0
        data = self.stream.read(self._CHUNK)
        self.read_bytes += len(data)
        try:
            text = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as e:
            at = self.read_bytes - len(data) + e.start
            raise _MalformedError(f"not UTF-8 text near byte {at}") from None
        self.buf += text
        self.eof = not data
        self.on_read(self.read_bytes)
        return True

    def where(self, index: int) -> str:
        line = self.line + self.buf.count("\n", 0, index)
        last = self.buf.rfind("\n", 0, index)
        column = index - last if last >= 0 else index - self.line_start + 1
        return f"line {line} column {column}"

    def _space(self) -> str:
        """Skip white space; the next character, or '' at the end."""
        while True:
            self.pos = _SPACE.match(self.buf, self.pos).end()  # type: ignore[union-attr]
            if self.pos < len(self.buf):
                return self.buf[self.pos]
            if not self._more():
                return ""

    def _expect(self, chars: str, what: str) -> str:
        c = self._space()
        if not c or c not in chars:
            found = f"{c!r}" if c else "the end of the file"
            raise _MalformedError(f"not valid JSON: expected {what}, found {found} at "
                             f"{self.where(self.pos)}")
        self.pos += 1
        return c

    def value(self) -> Any:
        self._space()
        while True:
            try:
                try:
                    found, end = self.scan(self.buf, self.pos)
                except StopIteration as e:  # no value starts there
                    raise json.JSONDecodeError("Expecting value", self.buf, e.value) from None
            except json.JSONDecodeError as e:
                if len(self.buf) - self.pos < self._LARGEST and self._more():
                    continue
                raise _MalformedError(f"not valid JSON: {e.msg} at {self.where(e.pos)}") from None
            if end == len(self.buf) and self._more():
                continue  # a number may go on in the next chunk
            self.pos = end
            return found

    def document(self) -> Iterator[tuple[str, int, Any]]:
        """``(field, -1, value)`` for a top-level field, ``(section, i, item)`` for each item of
        a list-valued one, and ``(section, n, END)`` at the end of a list of n items."""
        self._expect("{", "'{' (a document is a JSON object)")
        if self._space() == "}":
            self.pos += 1
            return
        while True:
            self._space()
            key = self.value()
            if not isinstance(key, str):
                raise _MalformedError(f"not valid JSON: expected a field name at "
                                 f"{self.where(self.pos)}")
            self._expect(":", "':'")
            self.fields += 1
            if key in _SECTIONS and self._space() == "[":
                self.pos += 1
                n = 0
                if self._space() == "]":
                    self.pos += 1
                else:
                    while True:
                        yield key, n, self.value()
                        n += 1
                        if self._expect(",]", "',' or ']'") == "]":
                            break
                yield key, n, _END
            else:
                yield key, -1, self.value()
            if self._expect(",}", "',' or '}'") == "}":
                break
        if self._space():
            raise _MalformedError(f"not valid JSON: extra data at {self.where(self.pos)}")


# -- checking a document ------------------------------------------------------------------------


_ABSENT = object()  # a field an item does not have
_TIMES = re.compile(rf"(?:{_USUAL_TIME.pattern}\n)*")
_KEYS = re.compile(rf"(?:{KEY_PATTERN.pattern}\n)*")
_AGENTS = re.compile(rf"(?:{AGENT_PATTERN.pattern}\n)*")


class _Column:
    """What one field of a record must be, checked for a whole batch at once."""

    def __init__(self, kind: str, *, optional: bool = False, min_length: int = 0,
                 max_length: int = 0, plain: bool = True, values: frozenset[str] = frozenset(),
                 low: int = 0, default: Any = None) -> None:
        self.kind = kind  # str, key, agent, time, int, bool, literal, keys, texts, touched
        self.optional = optional
        self.min_length = min_length
        self.max_length = max_length
        self.plain = plain  # refuses control characters and lone surrogates
        self.values = values
        self.low = low
        self.default = default  # what an absent field counts as


def _text(max_length: int, min_length: int = 0, *, optional: bool = False,
          plain: bool = True) -> _Column:
    return _Column("str", optional=optional, min_length=min_length, max_length=max_length,
                   plain=plain)


_STATUS = _Column("literal", values=frozenset(("active", "done", "cancelled")))
_NAME = _text(_MAX_NAME, 1)
_TIME = _Column("time")
_COUNT = _Column("int", low=0)
_NUMBER = _Column("int", low=1)

# Each section's fields as the batch check sees them: the same rules as its record's model,
# or stricter (what this check cannot vouch for goes to the model, which decides).
_COLUMNS: dict[str, dict[str, _Column]] = {
    "tasks": {
        "id": _NAME, "key": _Column("key"), "title": _text(MAX_TITLE, 1),
        "value": _text(MAX_VALUE, optional=True), "status": _STATUS,
        "stale": _Column("bool"), "stale_reason": _text(_MAX_NOTE, optional=True),
        "version": _NUMBER, "created_at": _TIME, "updated_at": _TIME,
        "created_by": _Column("agent", optional=True),
        "updated_by": _Column("agent", optional=True),
        "stale_on": _Column("keys", optional=True),
        "stale_basis": _Column("texts", optional=True, max_length=MAX_VALUE)},
    "edges": {"type": _Column("literal", values=frozenset(("SUBTASK_OF", "DEPENDS_ON"))),
              "from": _Column("key"), "to": _Column("key")},
    "revisions": {
        "task": _Column("key"), "n": _NUMBER, "value": _text(MAX_VALUE, optional=True),
        "title": _text(MAX_TITLE, 1), "status": _STATUS, "op": _NAME, "at": _TIME,
        "by": _Column("agent", optional=True), "turn": _Column("int", optional=True, low=1),
        "seq": _COUNT, "reason": _text(_MAX_NOTE, optional=True)},
    "turns": {
        "n": _NUMBER, "text": _text(MAX_TEXT, plain=False), "intent": _NAME,
        "reply": _text(_MAX_REPLY, optional=True, plain=False), "at": _TIME,
        "agent": _Column("agent", optional=True), "seq": _COUNT,
        "request": _text(200, 1, optional=True), "undoes": _Column("int", optional=True, low=1),
        "touched": _Column("touched", default=[])},
    "changes": {
        "seq": _NUMBER, "key": _Column("key"), "op": _NAME,
        "agent": _Column("agent", optional=True), "turn": _Column("int", optional=True, low=1),
        "at": _TIME},
}
_REQUIRED = {section: frozenset(name for name, field in model.model_fields.items()
                                if field.is_required())
             for section, model in _SECTIONS.items()}
_REQUIRED["edges"] = frozenset(("type", "from", "to"))


def _batch_is_valid(section: str, items: Sequence[Any]) -> bool:
    """True when every item certainly passes its section's model: a few C-level passes over
    each field of the whole batch, instead of the model's validators (written in Python)
    record by record. False may also mean "not sure": the caller then asks the model, which
    names each problem."""
    if set(map(type, items)) - {dict}:
        return False
    fields = sum(map(len, items))  # each field of each item, counted once below if known
    required = _REQUIRED[section]
    try:
        for name, column in _COLUMNS[section].items():
            values = list(map(dict.get, items, itertools.repeat(name), itertools.repeat(_ABSENT)))
            absent = values.count(_ABSENT)
            if absent and name in required:
                return False
            fields -= len(values) - absent
            if absent:
                values = [column.default if v is _ABSENT else v for v in values]
            if not _column_is_valid(column, values):
                return False
    except (TypeError, ValueError):  # unhashable or unparsable values: let the model say
        return False
    return fields == 0  # else an unknown field


def _column_is_valid(column: _Column, values: list[Any]) -> bool:
    if column.optional:
        values = [v for v in values if v is not None]
    elif None in values:
        return False
    if not values:
        return True
    types = set(map(type, values))
    kind = column.kind
    if kind == "int":
        return types == {int} and min(values) >= column.low and max(values) < 2**63
    if kind == "bool":
        return types == {bool}
    if kind in ("keys", "texts", "touched"):
        if types != {list}:
            return False
        values = [v for vs in values for v in vs]
        if kind == "touched":
            return (set(map(type, values)) <= {dict}
                    and all(map(_TOUCH.__eq__, map(dict.keys, values)))
                    and _column_is_valid(_Column("key"), [v["task"] for v in values])
                    and _column_is_valid(_NAME, [v["op"] for v in values]))
        if not values:
            return True
        types = set(map(type, values))
        kind = "key" if kind == "keys" else "str"
    if types != {str}:
        return False
    if kind == "literal":
        return set(values) <= column.values
    joined = "\n".join(values) + "\n"
    if kind in ("key", "agent", "time") and joined.count("\n") != len(values):
        return False  # a value with a line break in it
    if kind == "key":
        return _KEYS.fullmatch(joined) is not None
    if kind == "agent":
        return _AGENTS.fullmatch(joined) is not None
    if kind == "time":
        if _TIMES.fullmatch(joined) is None:
            return False
        for _ in map(datetime.fromisoformat, values):  # raises ValueError on a bad date
            pass
        return True
    # A lone surrogate no string of the model holds, whatever else it allows ('\ud800').
    refused = FORBIDDEN_CHARACTERS if column.plain else _LONE_SURROGATE
    return (max(map(len, values)) <= column.max_length
            and (column.min_length == 0 or all(values))
            and not refused.search(joined))


_TOUCH = {"task": None, "op": None}.keys()
_LONE_SURROGATE = re.compile("[\ud800-\udfff]")



class _EnoughProblemsError(Exception):
    """Enough problems were found: stop reading."""


class _Checker:
    """Checks a document record by record against every invariant the store keeps, naming
    each violation by its place in the file. Holds per task only what later sections are
    checked against (its place, version, revision numbers seen, a digest of its current
    state), never the records themselves."""

    def __init__(self) -> None:
        self.problems: list[str] = []
        self.workspace: WorkspaceRecord | None = None
        self.tasks: dict[str, list[Any]] = {}  # key -> [index, version, revisions seen, digest]
        self.ids: dict[str, int] = {}
        self.edges: dict[tuple[str, str, str], int] = {}
        self.graphs: dict[str, dict[str, list[tuple[str, int]]]] = {
            "SUBTASK_OF": {}, "DEPENDS_ON": {}}
        self.turns: dict[int, int] = {}  # turn number -> its seq
        self.turn_seqs: dict[int, int] = {}  # seq -> the turn that wrote at it
        self.turn_refs: dict[int, tuple[str, int]] = {}  # turn -> (first place naming it, seq)
        self.changes: dict[tuple[int, str], int] = {}

    def add(self, problem: str) -> None:
        self.problems.append(problem)
        if len(self.problems) > _MAX_PROBLEMS:
            raise _EnoughProblemsError

    def head(self, field: str, value: Any) -> None:
        if field == "format":
            if value != FORMAT:
                self.add(f"format: Input should be {FORMAT!r}")
                raise _EnoughProblemsError  # not this format at all: nothing else can be read
        elif field == "version":
            if value != VERSION or isinstance(value, bool):
                self.add(f"version: Input should be {VERSION} (this is a document of another "
                         "version)")
                raise _EnoughProblemsError
        elif field == "workspace":
            try:
                self.workspace = WorkspaceRecord.model_validate(value)
            except ValidationError as e:
                self._validation("workspace", e)

    def record(self, section: str, i: int, item: Any) -> bool:
        """Check one record on its own: False when it is not even of its section's shape."""
        place = f"{section}[{i}]"
        try:
            record = _SECTIONS[section].model_validate(item)
        except ValidationError as e:
            self._validation(place, e)
            return False
        getattr(self, "_" + section)(place, i, record.model_dump(by_alias=True))
        return True

    def shaped(self, section: str, i: int, item: dict[str, Any]) -> None:
        """Check a record already known to be of its section's shape (by the batch check)."""
        getattr(self, "_" + section)(f"{section}[{i}]", i, item)

    def end(self, section: str) -> None:
        if section == "edges":
            for kind, graph in self.graphs.items():
                for problem in _cycles(kind, graph):
                    self.add(problem)
            self.graphs = {}
            self.edges = {}
        elif section == "revisions":
            for key, (index, version, seen, _) in self.tasks.items():
                expected = (1 << (version + 1)) - 2  # revisions 1..version, each once
                if seen != expected:
                    missing = [n for n in range(1, version + 1) if not seen >> n & 1]
                    shown = ", ".join(map(str, missing[:5])) + (", ..." if len(missing) > 5
                                                                else "")
                    self.add(f"tasks[{index}].version: task {key!r} is at version {version} "
                             f"but has no revision {shown}")
        elif section == "turns":
            ws = self.workspace
            if ws is not None and len(self.turns) != ws.turns:
                self.add(f"turns: {len(self.turns)} turns, but workspace.turns is {ws.turns} "
                         "(turns are numbered 1 to workspace.turns)")
            for turn, (place, seq) in self.turn_refs.items():
                self._turn_ref(place, turn, seq)
            self.turn_refs = {}

    def finish(self, seen: set[str]) -> None:
        for field in _HEAD_FIELDS:
            if field not in seen:
                self.add(f"{field}: Field required")
        if "revisions" not in seen:
            self.end("revisions")
        if "turns" not in seen:
            self.end("turns")

    # -- one record at a time, against what came before --

    # Each takes the record as a dict of its section's shape, absent optional fields left out.

    def _tasks(self, place: str, i: int, task: dict[str, Any]) -> None:
        key, get = task["key"], task.get
        if task["id"] in self.ids:
            self.add(f"{place}.id: duplicate id {task['id']!r} "
                     f"(also tasks[{self.ids[task['id']]}])")
        if key in self.tasks:
            self.add(f"{place}.key: duplicate key {key!r} (also tasks[{self.tasks[key][0]}])")
            return
        if task["stale"] != (get("stale_reason") is not None):
            self.add(f"{place}.stale_reason: " + ("a stale task needs a reason" if task["stale"]
                                                  else "only a stale task has a reason"))
        self.ids[task["id"]] = i
        self.tasks[key] = [i, task["version"], 0,
                           hash((get("value"), task["title"], task["status"]))]

    def _edges(self, place: str, i: int, edge: dict[str, Any]) -> None:
        kind, start, end = edge["type"], edge["from"], edge["to"]
        unknown = [key for key in (start, end) if key not in self.tasks]
        for key in unknown:
            self.add(f"{place}: unknown task {key!r}")
        if unknown:
            return
        triple = (kind, start, end)
        if triple in self.edges:
            self.add(f"{place}: duplicate of edges[{self.edges[triple]}]")
            return
        self.edges[triple] = i
        if start == end:
            self.add(f"{place}: {kind} cycle {start} -> {end}")
            return
        self.graphs[kind].setdefault(start, []).append((end, i))

    def _revisions(self, place: str, i: int, rev: dict[str, Any]) -> None:
        key, n, seq = rev["task"], rev["n"], rev["seq"]
        entry = self.tasks.get(key)
        if entry is None:
            self.add(f"{place}.task: unknown task {key!r}")
            return
        index, version, seen, digest = entry
        if n > version:
            self.add(f"tasks[{index}].version: {version} is below the task's revision "
                     f"{n} ({place})")
        elif seen >> n & 1:
            self.add(f"{place}.n: duplicate revision {n} of task {key!r}")
        else:
            entry[2] = seen | 1 << n
            if n == version and hash((rev.get("value"), rev["title"], rev["status"])) != digest:
                self.add(f"{place}: the latest revision of task {key!r} does not match "
                         f"its value, title and status (tasks[{index}])")
        self._seq(place, seq)
        if rev.get("turn") is not None:
            self._refer(f"{place}.turn", rev["turn"], seq)

    def _turns(self, place: str, i: int, turn: dict[str, Any]) -> None:
        n, seq, touches = turn["n"], turn["seq"], turn.get("touched") or []
        if n in self.turns:
            self.add(f"{place}.n: duplicate turn {n}")
            return
        self.turns[n] = seq
        ws = self.workspace
        if ws is not None and n > ws.turns:
            self.add(f"{place}.n: {n} is above workspace.turns ({ws.turns})")
        # A turn that changed tasks is a write of its own; one that changed nothing (a
        # question) takes no sequence number and carries the workspace's seq at the time.
        if touches and seq in self.turn_seqs:
            self.add(f"{place}.seq: turn {n} has the sequence number of turn "
                     f"{self.turn_seqs[seq]} ({seq}); every turn that changes tasks "
                     "is its own write")
        elif touches:
            self.turn_seqs[seq] = n
        self._seq(place, seq)
        touched: set[tuple[str, str]] = set()
        for j, touch in enumerate(touches):
            if touch["task"] not in self.tasks:
                self.add(f"{place}.touched[{j}].task: unknown task {touch['task']!r}")
            if (touch["task"], touch["op"]) in touched:
                self.add(f"{place}.touched[{j}]: duplicate of an earlier touch")
            touched.add((touch["task"], touch["op"]))

    def _changes(self, place: str, i: int, change: dict[str, Any]) -> None:
        seq, key = change["seq"], change["key"]
        if (seq, key) in self.changes:
            self.add(f"{place}: duplicate change of {key!r} at seq {seq} "
                     f"(also changes[{self.changes[seq, key]}])")
        self.changes[seq, key] = i
        if key not in self.tasks:
            self.add(f"{place}.key: unknown task {key!r}")
        self._seq(place, seq)
        if change.get("turn") is not None:
            self._turn_ref(f"{place}.turn", change["turn"], seq)

    def _seq(self, place: str, seq: int) -> None:
        # The workspace's counter numbers the next write; it may not lag behind a recorded one.
        ws = self.workspace
        if ws is not None and seq > ws.seq:
            self.add(f"{place}.seq: {seq} is above workspace.seq ({ws.seq})")

    def _refer(self, place: str, turn: int, seq: int) -> None:
        """A revision names a turn that comes later in the file: checked at the turns' end."""
        first = self.turn_refs.setdefault(turn, (place, seq))
        if first[1] != seq:
            self.add(f"{place}: turn {turn} is written at seq {first[1]} by {first[0]}, "
                     f"not {seq}")

    def _turn_ref(self, place: str, turn: int, seq: int) -> None:
        if turn not in self.turns:
            self.add(f"{place}: no turn {turn}")
        elif self.turns[turn] != seq:
            self.add(f"{place}: turn {turn} was written at seq {self.turns[turn]}, not {seq}")

    def _validation(self, place: str, e: ValidationError) -> None:
        for err in e.errors():
            where = _place(err["loc"])
            message = "unknown field" if err["type"] == "extra_forbidden" else err["msg"]
            self.add(f"{place}{'.' + where if where else ''}: {message}".replace(".[", "["))


def _place(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif part in ("str", "int", "bool", "list", "dict") or "[" in part:
            continue  # a union branch or constrained-type tag, not a place in the file
        elif not text:
            text = part
        else:
            text += f".{part}"
    return text


def _cycles(kind: str, graph: dict[str, list[tuple[str, int]]]) -> Iterator[str]:
    """Depth-first search without recursion (chains may be 100k long); each back edge closes a
    cycle, reported at that edge's place with the keys around it."""
    done: set[str] = set()
    for root in sorted(graph):
        if root in done:
            continue
        path: list[str] = [root]
        on_path: dict[str, int] = {root: 0}
        stack: list[Iterator[tuple[str, int]]] = [iter(graph.get(root, ()))]
        while stack:
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                finished = path.pop()
                del on_path[finished]
                done.add(finished)
                continue
            nxt, edge = step
            if nxt in on_path:
                cycle = [*path[on_path[nxt]:], nxt]
                yield f"edges[{edge}]: {kind} cycle " + " -> ".join(cycle)
                continue
            if nxt in done:
                continue
            on_path[nxt] = len(path)
            path.append(nxt)
            stack.append(iter(graph.get(nxt, ())))


# -- import ------------------------------------------------------------------------------------


def import_workspace(
    store: MemoryStore,
    path: str | os.PathLike[str],
    *,
    workspace: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    batch_size: int = _BATCH,
) -> ImportResult:
    """Import the document at ``path`` (``-``: standard input) as workspace ``workspace``
    (default: the one in the file): all or nothing.

    The document is read as a stream and checked as it goes; its records are written in
    batches of ``batch_size`` to a staging workspace no one sees. A document with problems
    raises :class:`InvalidInputError` naming each of them (up to 20), and its staging is
    deleted. A complete one is committed: an existing target is refused unless ``replace``,
    else its write lock is taken and its nodes make way; the staged nodes take the target's
    id and the target's Workspace node is created last, in one short transaction. Only the
    store's connection is used, not its workspace.
    """
    name = str(path)
    target = None
    if workspace is not None:
        try:
            target = _workspace_id.validate_python(workspace)
        except ValidationError as e:
            raise InvalidInputError(f"--workspace: {e.errors()[0]['msg']}") from e
    try:
        source = sys.stdin.buffer if name == "-" else Path(path).open("rb")  # noqa: SIM115  # closed by the with below
        size = 0 if name == "-" else os.fstat(source.fileno()).st_size
    except OSError as e:
        raise InvalidInputError(f"{name}: cannot read the file: {e.strerror or e}") from e
    try:
        recover_imports(store)
    except TmeError as e:  # e.g. a user who may not list transactions: import all the same
        log.warning("could not check for imports left unfinished: %s", e)
    staging = _STAGING + uuid.uuid4().hex[:_STAGING_DIGITS]
    with source, store.marked_transaction({"tme_import": staging}):
        try:
            staged = _Stager(store, staging, target=target, replace=replace,
                             batch_size=batch_size,
                             on_read=lambda done: progress(done, size) if progress else None)
            head = staged.read(source, name)
        except BaseException:
            _discard(store, staging, batch_size)
            raise
        log.info("import %s: staged %s; seconds spent writing each section: %s", staging,
                 staged.counts, {k: round(v, 1) for k, v in staged.write_seconds.items()})
        replaced = _commit(store, staging, staged.target, head, replace=replace,
                           batch_size=batch_size)
        log.info("import %s: committed into %s", staging, staged.target)
        try:
            _move(store, staging, staged.target, "clearing" if replaced else "moving",
                  batch_size)
        except TmeError as e:
            raise TmeError(f"the import into {staged.target!r} is committed but not finished "
                           f"({e}); the next `tme import` finishes it") from e
    counts = staged.counts
    log.info("imported workspace %s: %d items", staged.target, sum(counts.values()))
    return ImportResult(workspace=staged.target, replaced=replaced, **counts)


class _Stager:
    """Reads, checks and writes one document into its staging workspace."""

    def __init__(self, store: MemoryStore, staging: str, *, target: str | None,
                 replace: bool, batch_size: int, on_read: Callable[[int], None]) -> None:
        self.store = store
        self.staging = staging
        self.target = target or ""
        self.replace = replace
        self.batch_size = batch_size
        self.on_read = on_read
        self.check = _Checker()
        self.counts = dict.fromkeys(_SECTIONS, 0)
        self.write_seconds = dict.fromkeys(_SECTIONS, 0.0)  # the server's, as the client waits
        self.batch: list[Any] = []
        self.pending: list[Any] = []  # records read, not checked yet
        self.pending_from = 0  # the index of the first of them in its section
        self.pending_section = ""
        self.lock = threading.Lock()
        self.writer = _BatchWriter(self._write)

    def read(self, source: IO[bytes], name: str) -> WorkspaceRecord:
        """The document's workspace record, once every record is checked and written."""
        try:
            self._read(source)
        finally:
            self.writer.close()  # waits for the batches under way
        problems = self.check.problems
        if problems:
            more = ("; and more (only the first "
                    f"{_MAX_PROBLEMS} are named)") if len(problems) > _MAX_PROBLEMS else ""
            raise InvalidInputError(f"{name}: " + "; ".join(problems[:_MAX_PROBLEMS]) + more)
        self.writer.check()
        assert self.check.workspace is not None
        return self.check.workspace

    def _read(self, source: IO[bytes]) -> None:
        self.reader = reader = _JsonReader(source, self.on_read)
        check = self.check
        seen: list[str] = []
        try:
            for field, i, item in reader.document():
                if reader.fields > len(seen):  # the first event of a top-level field
                    self._field(field, seen)
                if field in _SECTIONS and i >= 0 and item is not _END \
                        and not reader.duplicates:
                    if not self.pending:
                        self.pending_from, self.pending_section = i, field
                    self.pending.append(item)
                    if len(self.pending) >= self.batch_size:
                        self._check_pending()
                    continue
                self._check_pending()  # problems are named in the document's order
                place = field if i < 0 else f"{field}[{i}]"
                before = len(check.problems)
                if reader.duplicates:
                    check.add(f"{place}: duplicate JSON key "
                              + ", ".join(map(repr, dict.fromkeys(reader.duplicates))))
                    reader.duplicates.clear()
                if field in _HEAD_FIELDS:
                    check.head(field, item)
                    if field == "workspace":
                        self._target()
                elif field not in _SECTIONS:
                    check.add(f"{field}: unknown section")
                elif i < 0:
                    check.add(f"{field}: Input should be a valid list")
                elif item is _END:
                    self._flush(field)
                    check.end(field)
                elif check.record(field, i, item) and len(check.problems) == before:
                    self._add(field, item)
            check.finish(set(seen))
        except _MalformedError as e:
            with contextlib.suppress(_EnoughProblemsError):
                self._check_pending()  # the records before the error, named first
            self.check.problems.append(str(e))
        except _EnoughProblemsError:
            pass

    def _check_pending(self) -> None:
        """Check the records read since the last check: a batch that is certainly of its
        section's shape is checked against the records before it alone; otherwise each record
        is checked by its model too, which names each problem."""
        items, self.pending = self.pending, []
        if not items:
            return
        check, start, section = self.check, self.pending_from, self.pending_section
        shaped = _batch_is_valid(section, items)
        for j, item in enumerate(items):
            before = len(check.problems)
            if shaped:
                check.shaped(section, start + j, item)
            elif not check.record(section, start + j, item):
                continue
            if len(check.problems) == before:
                self._add(section, item)

    def _field(self, field: str, seen: list[str]) -> None:
        """Fields come once each, in the document's order: what a record is checked against
        comes before it."""
        order = [*_HEAD_FIELDS, *_SECTIONS]
        if field in seen:
            self.check.add(f"{field}: duplicate JSON key {field!r}")
            raise _EnoughProblemsError
        if field in order:
            later = [f for f in seen if f in order and order.index(f) > order.index(field)]
            if later:
                self.check.add(f"{field}: comes after {later[0]}; the sections of a document "
                               "come in the order " + ", ".join(order))
                raise _EnoughProblemsError
            missing = [f for f in _HEAD_FIELDS if f not in seen and
                       order.index(f) < order.index(field)]
            if missing:
                self.check.add(f"{missing[0]}: Field required (before {field})")
                raise _EnoughProblemsError
        seen.append(field)

    def _target(self) -> None:
        ws = self.check.workspace
        if ws is None:
            raise _EnoughProblemsError
        self.target = self.target or ws.id
        # Refused now rather than after the whole document was read; checked again at commit.
        if not self.replace and self.store.run_statement("get_workspace", ws=self.target):
            raise InvalidInputError(_exists(self.target))

    def _add(self, section: str, item: Any) -> None:
        if self.check.problems:
            return  # nothing is written once the document is known to be refused
        self.batch.append(item)
        if len(self.batch) >= self.batch_size:
            self._flush(section)

    def _flush(self, section: str) -> None:
        rows, self.batch = self.batch, []
        if not rows or self.check.problems:
            return
        self.writer.put(section, rows)
        self.on_read(self.reader.read_bytes)

    def _write(self, section: str, rows: list[Any]) -> None:
        started = time.perf_counter()
        created = self.store.run_statement(_IMPORT_QUERY[section], write=True,
                                           ws=self.staging,
                                           rows=_statement_rows(section, rows))[0]["created"]
        if created != len(rows):  # the checks make this unreachable; refuse anyway
            raise InvalidInputError(f"{section}: wrote {created} of {len(rows)} records")
        with self.lock:  # writer threads count side by side
            self.write_seconds[section] += time.perf_counter() - started
            self.counts[section] += len(rows)


# Sections whose batches may be written side by side: each batch creates nodes of its own, and
# revisions come grouped by task, so two revision batches share at most a task (in a document
# whose revisions are not, two may deadlock: the server picks one, which is retried). Edges
# and turns lock tasks in any order; their batches are written one after the other.
_PARALLEL = frozenset(("tasks", "revisions", "changes"))


class _BatchWriter:
    """Writes batches in threads of their own while the document is read on: reading and
    checking a batch take about as long as the server takes to write one, so the two overlap,
    and on a server with cores to spare two batches of a section are written at once. A
    section's batches are all written before the next section's begin (its records refer to
    them). At most ``workers`` batches wait, which bounds the memory held. After a failed
    write the rest are dropped and :meth:`check` raises its error."""

    def __init__(self, write: Callable[[str, list[Any]], None], workers: int = 2) -> None:
        self.write = write
        self.queue: queue.Queue[tuple[str, list[Any]] | None] = queue.Queue(maxsize=workers)
        self.error: BaseException | None = None
        self.section = ""
        self.threads = [threading.Thread(target=self._run, name="tme-import-writer",
                                         daemon=True) for _ in range(workers)]
        for thread in self.threads:
            thread.start()

    def put(self, section: str, rows: list[Any]) -> None:
        self.check()
        if section != self.section or section not in _PARALLEL:
            self.queue.join()  # the batches before it are written first
            self.check()
            self.section = section
        self.queue.put((section, rows))

    def check(self) -> None:
        if self.error is not None:
            raise self.error

    def close(self) -> None:
        """Wait until the batches put so far are written (or dropped after an error)."""
        for thread in self.threads:
            if thread.is_alive():
                self.queue.put(None)
        for thread in self.threads:
            thread.join()

    def _run(self) -> None:
        while (batch := self.queue.get()) is not None:
            try:
                if self.error is None:
                    self.write(*batch)
            except BaseException as e:  # handed to the reading thread
                self.error = e
            finally:
                self.queue.task_done()
        self.queue.task_done()


def _exists(ws: str) -> str:
    return (f"workspace {ws!r} already exists; import with replace (--replace) to overwrite "
            "it, or under another id (--workspace)")


def _commit(store: MemoryStore, staging: str, target: str, head: WorkspaceRecord, *,
            replace: bool, batch_size: int) -> bool:
    """The point of no return; True when an existing workspace is being replaced."""
    # Should the commit fail in a way that leaves its outcome unknown, the staging is left to
    # the next import: it finishes a committed job and deletes an uncommitted staging.
    store.run_statement("link_turns", write=True, ws=staging)
    try:
        row = store.run_statement("commit_import", write=True, staging=staging, target=target,
                                  replace=replace, seq=head.seq, turns=head.turns,
                                  created_at=head.created_at)[0]
    except InvalidInputError:  # refused by a constraint: another import took the target
        _discard(store, staging, batch_size)
        raise
    if not row["committed"]:
        _discard(store, staging, batch_size)
        if row["busy"]:
            raise InvalidInputError(f"another import into workspace {target!r} is finishing; "
                                    "try again when it is done")
        if row["strays"]:
            raise InvalidInputError(
                f"nodes with workspace id {target!r} exist without their Workspace node; "
                "delete them first (MATCH (n {ws: $ws}) DETACH DELETE n)")
        raise InvalidInputError(_exists(target))
    return bool(row["existed"])


def _move(store: MemoryStore, staging: str, target: str, phase: str, batch_size: int) -> None:
    """After the commit: delete the replaced workspace's nodes, give the staged ones the
    target's id, then create the Workspace node. Each step is safe to repeat after a crash."""
    limit = max(batch_size, 1000)
    if phase == "clearing":
        while store.run_statement("delete_workspace_nodes", write=True, ws=target,
                                  limit=limit)[0]["deleted"]:
            pass
        store.run_statement("set_import_phase", write=True, staging=staging, phase="moving")

    def move(statement: str) -> None:
        while store.run_statement(statement, write=True, staging=staging, target=target,
                                  limit=limit)[0]["moved"]:
            pass

    # Revisions and the other nodes in two sessions at once, which wait for no lock of each
    # other's (neither touches a relationship): on a server with a core to spare they overlap.
    with concurrent.futures.ThreadPoolExecutor(2, thread_name_prefix="tme-import-move") as pool:
        for done in [pool.submit(move, "move_staged_revisions"),
                     pool.submit(move, "move_staged_nodes")]:
            done.result()
    log.info("import %s: moved into %s", staging, target)
    store.run_statement("finish_import", write=True, staging=staging)


def _discard(store: MemoryStore, staging: str, batch_size: int) -> int:
    """Delete a staging workspace and return how many nodes it had; if the server is gone,
    the next import (or `tme server start`) does it."""
    deleted = 0
    try:
        while batch := store.run_statement("delete_staged_nodes", write=True,
                                           staging=staging,
                                           limit=max(batch_size, 1000))[0]["deleted"]:
            deleted += batch
    except TmeError:
        log.warning("could not delete import staging %s; the next import will", staging)
    return deleted


class Recovery(BaseModel):
    """What :func:`recover_imports` cleaned up."""

    model_config = ConfigDict(frozen=True)

    #: staging id -> nodes deleted, of imports killed before their commit
    discarded: dict[str, int] = Field(default_factory=dict)
    #: target workspaces of imports killed after their commit, now finished
    finished: list[str] = Field(default_factory=list)


def recover_imports(store: MemoryStore) -> Recovery:
    """Clean up after imports whose process died: delete what one staged before it committed,
    finish moving what one committed. Imports still running are left alone. Every import and
    `tme server start` call this first."""
    live = {r["staging"] for r in store.run_statement("list_live_imports")}
    jobs = store.run_statement("list_import_jobs")
    finished: list[str] = []
    for job in jobs:
        if job["staging"] in live:
            continue
        with store.marked_transaction({"tme_import": job["staging"]}):
            # Two processes may find the same dead job: the one alone with it finishes it.
            mine = [r for r in store.run_statement("list_live_imports")
                    if r["staging"] == job["staging"]]
            if len(mine) != 1:
                continue
            log.info("finishing the import into %s that a dead process committed",
                     job["target"])
            _move(store, job["staging"], job["target"], job["phase"], _BATCH)
            finished.append(job["target"])
    committed = {job["staging"] for job in jobs}
    discarded: dict[str, int] = {}
    for row in store.run_statement("list_staging_workspaces", prefix=_STAGING):
        if row["staging"] not in live and row["staging"] not in committed:
            log.info("deleting the staging of an import that did not finish: %s",
                     row["staging"])
            discarded[row["staging"]] = _discard(store, row["staging"], _BATCH)
    return Recovery(discarded=discarded, finished=finished)
