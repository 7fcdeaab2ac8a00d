"""Export a workspace to a versioned JSON document (or a Cypher script) and import it back.

The document::

    {"format": "tme-neo4j", "version": 1,
     "workspace": {"id", "seq", "turns", "created_at"},
     "tasks":     [{"id", "key", "title", "value", "status", "stale", ...}, ...],
     "edges":     [{"type": "SUBTASK_OF" | "DEPENDS_ON", "from": key, "to": key}, ...],
     "revisions": [{"task": key, "n", "value", "title", "status", "op", "at", ...}, ...],
     "turns":     [{"n", "text", "intent", "reply", "at", "agent", "seq",
                    "touched": [{"task": key, "op"}, ...]}, ...],
     "changes":   [{"seq", "key", "op", "agent", "turn", "at"}, ...]}

Ids, counters and times are kept; times are the ISO strings Neo4j prints for its own datetimes,
so they round-trip exactly. Absent (null) properties are left out. Every section is in a fixed
order (tasks by key, turns by number), so exporting the same graph twice gives the same text.
Task claims are leases held by running agents and are not exported.

:func:`export_workspace` streams: it reads in pages of ``batch_size`` and writes as it goes, so
memory stays flat however large the workspace. :func:`import_workspace` validates the whole
document first (types, limits, duplicates, dangling references, cycles) and then writes it in
one transaction: all or nothing.
"""

from __future__ import annotations

import contextlib
import json
import logging
import math
import os
import re
import sys
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import IO, Annotated, Any, Literal

import neo4j
import neo4j.time
from neo4j import exceptions as neo4j_errors
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
from tme_neo4j.errors import ConfigError, ConflictError, InvalidInputError, NotFoundError
from tme_neo4j.models import (
    MAX_TEXT,
    MAX_TITLE,
    MAX_VALUE,
    TaskKey,
    WorkspaceId,
    check_plain_text,
)
from tme_neo4j.store import MemoryStore, _driver_errors

__all__ = [
    "FORMAT",
    "VERSION",
    "ChangeRecord",
    "Document",
    "EdgeRecord",
    "ImportResult",
    "Progress",
    "RevisionRecord",
    "TaskRecord",
    "TouchRecord",
    "TurnRecord",
    "WorkspaceRecord",
    "cypher_literal",
    "export_workspace",
    "import_workspace",
    "read_document",
]

log = logging.getLogger(__name__)

FORMAT = "tme-neo4j"
VERSION = 1

#: ``progress(done, total)``: items (tasks, edges, revisions, turns) written so far, of all.
Progress = Callable[[int, int], None]

# A stale reason quotes a key and two values, each escaped (repr) to at most twice its length.
_MAX_NOTE = 4 * MAX_VALUE + 1_000
# Replies are composed from the memory, not typed; the bound only refuses absurd input.
_MAX_REPLY = 100 * MAX_TEXT
_MAX_NAME = MAX_TITLE  # agents, intents, operation names, ids

# What Neo4j's toString() prints for a datetime: an offset or Z, optionally a zone id.
_ZONE_ID = re.compile(r"\[([A-Za-z0-9_+\-/]{1,64})\]$")


def _check_time(text: str) -> str:
    bare = _ZONE_ID.sub("", text)
    try:
        neo4j.time.DateTime.from_iso_format(bare.replace("Z", "+00:00"))
    except (ValueError, OverflowError):
        raise ValueError(f"not an ISO date and time with an offset: {text[:60]!r}") from None
    return text


# Unlike the write operations, nothing is stripped here: an import stores text as it was.
Title = Annotated[str, StringConstraints(min_length=1, max_length=MAX_TITLE),
                  AfterValidator(check_plain_text)]
Value = Annotated[str, StringConstraints(max_length=MAX_VALUE), AfterValidator(check_plain_text)]
Name = Annotated[str, StringConstraints(min_length=1, max_length=_MAX_NAME)]
Time = Annotated[str, StringConstraints(max_length=100), AfterValidator(_check_time)]
Status = Literal["active", "done", "cancelled"]
Count = Annotated[int, Field(ge=0)]
Number = Annotated[int, Field(ge=1)]


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
    stale_reason: Annotated[str, StringConstraints(max_length=_MAX_NOTE)] | None = None
    version: Number
    created_at: Time
    updated_at: Time
    created_by: Name | None = None
    updated_by: Name | None = None


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
    by: Name | None = None
    turn: Number | None = None
    seq: Count
    reason: Annotated[str, StringConstraints(max_length=MAX_TITLE)] | None = None


class TouchRecord(_Record):
    task: TaskKey
    op: Name


class TurnRecord(_Record):
    n: Number
    text: Annotated[str, StringConstraints(max_length=MAX_TEXT)]
    intent: Name
    reply: Annotated[str, StringConstraints(max_length=_MAX_REPLY)] | None = None
    at: Time
    agent: Name | None = None
    seq: Count
    touched: list[TouchRecord] = Field(default_factory=list)


class ChangeRecord(_Record):
    seq: Number
    key: TaskKey
    op: Name
    agent: Name | None = None
    turn: Number | None = None
    at: Time


class Document(_Record):
    """A whole export. ``format`` and ``version`` come first so a newer file is named as such."""

    format: Literal["tme-neo4j"]
    version: Literal[1]
    workspace: WorkspaceRecord
    tasks: list[TaskRecord] = Field(default_factory=list)
    edges: list[EdgeRecord] = Field(default_factory=list)
    revisions: list[RevisionRecord] = Field(default_factory=list)
    turns: list[TurnRecord] = Field(default_factory=list)
    changes: list[ChangeRecord] = Field(default_factory=list)


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


_document: TypeAdapter[Document] = TypeAdapter(Document)
_workspace_id: TypeAdapter[str] = TypeAdapter(WorkspaceId)


# -- export ------------------------------------------------------------------------------------


def export_workspace(
    store: MemoryStore,
    out: IO[str],
    progress: Progress | None = None,
    *,
    format_: Literal["json", "cypher"] = "json",
    batch_size: int = 1000,
) -> int:
    """Write the store's workspace to ``out`` as a JSON document or a Cypher script.

    Reads page by page inside one read transaction and writes each record as it arrives.
    Returns the number of items written (tasks, edges, revisions, turns, changes). Raises
    :class:`NotFoundError` for a missing workspace and :class:`ConflictError` when the
    workspace changed while it was being read (the output is then incomplete: run it again).
    """
    writer = _JsonWriter(out) if format_ == "json" else _CypherWriter(out)
    settings = store.settings
    with (
        _driver_errors(),
        store.driver.session(database=settings.neo4j_database,
                             default_access_mode=neo4j.READ_ACCESS) as session,
        session.begin_transaction() as tx,
    ):
        head = _workspace_head(tx, store.workspace)
        total = sum(int(head[k])
                    for k in ("tasks", "edges", "revisions", "turn_count", "changes"))
        done = 0

        def advance(n: int) -> None:
            nonlocal done
            done += n
            if progress is not None:
                progress(done, total)

        if progress is not None:
            progress(0, total)
        writer.begin(_ordered(WorkspaceRecord, head["workspace"]))
        for name, rows in (
            ("tasks", _task_pages(tx, store.workspace, batch_size)),
            ("edges", _edge_pages(tx, store.workspace, batch_size)),
            ("revisions", _revision_pages(tx, store.workspace, batch_size)),
            ("turns", _turn_pages(tx, store.workspace, batch_size)),
            ("changes", _change_pages(tx, store.workspace, batch_size)),
        ):
            writer.section(name)
            for batch in rows:
                writer.rows(name, batch)
                advance(len(batch))
        writer.end()
        if _workspace_head(tx, store.workspace)["workspace"] != head["workspace"]:
            raise ConflictError(
                f"workspace {store.workspace!r} changed during the export; run it again"
            )
    log.info("exported workspace %s: %d items", store.workspace, done)
    return done


def _workspace_head(tx: neo4j.Transaction, ws: str) -> dict[str, Any]:
    rows = list(tx.run(queries.get("export_workspace").text, ws=ws))
    if not rows:
        raise NotFoundError(f"workspace {ws!r} does not exist")
    return dict(rows[0])


def _task_pages(tx: neo4j.Transaction, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        page = [_ordered(TaskRecord, r["task"])
                for r in tx.run(queries.get("export_tasks").text, ws=ws, after=after,
                                limit=size)]
        if not page:
            return
        yield page
        after = page[-1]["key"]


def _edge_pages(tx: neo4j.Transaction, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        rows = list(tx.run(queries.get("export_edges").text, ws=ws, after=after, limit=size))
        if not rows:
            return
        yield [{"type": e["type"], "from": r["key"], "to": e["to"]}
               for r in rows for e in r["edges"]]
        after = rows[-1]["key"]


def _revision_pages(
    tx: neo4j.Transaction, ws: str, size: int
) -> Iterator[list[dict[str, Any]]]:
    after = ""
    while True:
        rows = list(tx.run(queries.get("export_revisions").text, ws=ws, after=after,
                           limit=size))
        if not rows:
            return
        yield [_ordered(RevisionRecord, {"task": r["key"], **rev})
               for r in rows for rev in r["revisions"]]
        after = rows[-1]["key"]


def _turn_pages(tx: neo4j.Transaction, ws: str, size: int) -> Iterator[list[dict[str, Any]]]:
    after = 0
    while True:
        page = [_ordered(TurnRecord, {**r["turn"], "touched": [
                    {"task": t["task"], "op": t["op"]} for t in r["touched"]]})
                for r in tx.run(queries.get("export_turns").text, ws=ws, after=after,
                                limit=size)]
        if not page:
            return
        yield page
        after = page[-1]["n"]


def _change_pages(
    tx: neo4j.Transaction, ws: str, size: int
) -> Iterator[list[dict[str, Any]]]:
    after_seq, after_key = 0, ""
    while True:
        page = [_ordered(ChangeRecord, r["change"])
                for r in tx.run(queries.get("export_changes").text, ws=ws,
                                after_seq=after_seq, after_key=after_key, limit=size)]
        if not page:
            return
        yield page
        after_seq, after_key = page[-1]["seq"], page[-1]["key"]


def _ordered(model: type[BaseModel], row: Any) -> dict[str, Any]:
    """The record's fields in the model's order, absent (null) ones left out. Not validated:
    an export writes what the graph holds, and an import is where limits are enforced."""
    data = dict(row)
    return {name: data[name] for name in model.model_fields if data.get(name) is not None}


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


_IMPORT_QUERY = {"tasks": "import_tasks", "edges": "import_edges",
                 "revisions": "import_revisions", "turns": "import_turns",
                 "changes": "import_changes"}


class _CypherWriter:
    """Writes a script for cypher-shell (``-f FILE``) or Neo4j Browser: the schema, then each
    batch as a ``:param`` line followed by the same statement ``tme import`` runs."""

    def __init__(self, out: IO[str]) -> None:
        self.out = out

    def begin(self, workspace: dict[str, Any]) -> None:
        ws = workspace["id"]
        self.out.write(
            f"// {FORMAT} export of workspace {cypher_literal(ws)} (format {VERSION}).\n"
            "// Recreates the workspace on a database where it does not exist yet, e.g.\n"
            "//   cypher-shell -a neo4j://HOST:7687 -u neo4j -f THIS_FILE\n"
            "// Each statement commits on its own: if one fails, delete the workspace and\n"
            "// run the script again.\n")
        for name, query in queries.all_queries().items():
            if query.mode == "schema":
                self._statement(name)
        self.out.write(f":param ws => {cypher_literal(ws)}\n")
        fields = {k: v for k, v in workspace.items() if k != "id"}
        self.out.write(f":param workspace => {cypher_literal(fields)}\n")
        self._statement("import_workspace")

    def section(self, name: str) -> None:
        pass

    def rows(self, name: str, rows: Sequence[dict[str, Any]]) -> None:
        if rows:
            self.out.write(f":param rows => {cypher_literal(list(rows))}\n")
            self._statement(_IMPORT_QUERY[name])

    def end(self) -> None:
        self._statement("link_turns")

    def _statement(self, name: str) -> None:
        body = "\n".join(line for line in queries.get(name).text.splitlines()
                         if not line.lstrip().startswith("//"))
        self.out.write(f"// {name}\n{body};\n")


# -- import ------------------------------------------------------------------------------------


def read_document(path: str | os.PathLike[str]) -> Document:
    """Read and validate a whole export document; ``-`` reads standard input.

    Raises :class:`InvalidInputError` naming the file and the place in it: ``line 3 column 7``
    for malformed JSON, ``tasks[12].value`` or ``edges[3]`` for what the data says.
    """
    name = str(path)
    try:
        data = sys.stdin.buffer.read() if name == "-" else Path(path).read_bytes()
    except OSError as e:
        raise InvalidInputError(f"{name}: cannot read the file: {e.strerror or e}") from e
    try:
        document = _document.validate_json(data)
    except ValidationError as e:
        raise InvalidInputError(f"{name}: {_describe(e)}") from e
    try:
        _check_references(document)
    except InvalidInputError as e:
        raise InvalidInputError(f"{name}: {e}") from e
    return document


def import_workspace(
    store: MemoryStore,
    path: str | os.PathLike[str],
    *,
    workspace: str | None = None,
    replace: bool = False,
    progress: Progress | None = None,
    batch_size: int = 1000,
) -> ImportResult:
    """Import the document at ``path`` as workspace ``workspace`` (default: the one in the
    file), in one write transaction: all or nothing.

    The whole document is validated before anything is written. An existing workspace is
    refused unless ``replace``, in which case it is deleted in the same transaction. Only the
    store's connection is used, not its workspace.
    """
    document = read_document(path)
    target = document.workspace.id
    if workspace is not None:
        try:
            target = _workspace_id.validate_python(workspace)
        except ValidationError as e:
            raise InvalidInputError(f"--workspace: {e.errors()[0]['msg']}") from e
    sections: list[tuple[str, Sequence[_Record]]] = [
        ("tasks", document.tasks), ("edges", document.edges),
        ("revisions", document.revisions), ("turns", document.turns),
        ("changes", document.changes)]
    total = sum(len(records) for _, records in sections)

    def write(tx: neo4j.Transaction) -> ImportResult:
        done = 0
        replaced = False
        if list(tx.run(queries.get("get_workspace").text, ws=target)):
            if not replace:
                raise InvalidInputError(
                    f"workspace {target!r} already exists; import with replace (--replace) to "
                    "overwrite it, or under another id (--workspace)")
            tx.run(queries.get("delete_workspace").text, ws=target).consume()
            replaced = True
        head = document.workspace.model_dump(exclude={"id"})
        tx.run(queries.get("import_workspace").text, ws=target, workspace=head).consume()
        if progress is not None:
            progress(0, total)
        for name, records in sections:
            for start in range(0, len(records), batch_size):
                batch = records[start:start + batch_size]
                rows = [r.model_dump(by_alias=True) for r in batch]
                created = tx.run(queries.get(_IMPORT_QUERY[name]).text, ws=target,
                                 rows=rows).single(strict=True)["created"]
                if created != len(rows):  # validation makes this unreachable; refuse anyway
                    raise InvalidInputError(
                        f"{name}[{start}:{start + len(rows)}]: wrote {created} of {len(rows)}")
                done += len(rows)
                if progress is not None:
                    progress(done, total)
        tx.run(queries.get("link_turns").text, ws=target).consume()
        return ImportResult(workspace=target, tasks=len(document.tasks),
                            edges=len(document.edges), revisions=len(document.revisions),
                            turns=len(document.turns), changes=len(document.changes),
                            replaced=replaced)

    # An explicit transaction, not a retried one: a retry would redo the whole import, and
    # the error that most often stops a large one (transaction memory) would only recur.
    with (_driver_errors(), _memory_limit(total),
          store.driver.session(database=store.settings.neo4j_database) as session,
          session.begin_transaction() as tx):
        result = write(tx)
        tx.commit()
    log.info("imported workspace %s: %d items", target, total)
    return result


@contextlib.contextmanager
def _memory_limit(items: int) -> Iterator[None]:
    try:
        yield
    except neo4j_errors.TransientError as e:
        if "MemoryPoolOutOfMemoryError" not in (e.code or ""):
            raise
        raise ConfigError(
            f"the import ({items} items) needs more memory than Neo4j allows one transaction "
            "(dbms.memory.transaction.total.max, by default 70% of the heap; for the local "
            "server raise TME_HEAP); nothing was written") from e


def _describe(e: ValidationError) -> str:
    """The first problem, as ``place: message`` on one line."""
    err = e.errors()[0]
    if err["type"] == "json_invalid":
        return f"not valid JSON: {err['ctx']['error']}"
    return f"{_place(err['loc'])}: {err['msg']}"


def _place(loc: Sequence[int | str]) -> str:
    text = ""
    for part in loc:
        if isinstance(part, int):
            text += f"[{part}]"
        elif not text:
            text = part
        elif part in ("str", "int", "bool", "list", "dict") or "[" in part:
            continue  # a union branch or constrained-type tag, not a place in the file
        else:
            text += f".{part}"
    return text or "document"


def _check_references(doc: Document) -> None:
    """What pydantic cannot see one record at a time: duplicates, references to missing tasks,
    cycles, and counters below the numbers they must exceed."""
    ids: dict[str, int] = {}
    keys: dict[str, int] = {}
    for i, task in enumerate(doc.tasks):
        if task.id in ids:
            raise InvalidInputError(
                f"tasks[{i}].id: duplicate id {task.id!r} (also tasks[{ids[task.id]}])")
        if task.key in keys:
            raise InvalidInputError(
                f"tasks[{i}].key: duplicate key {task.key!r} (also tasks[{keys[task.key]}])")
        ids[task.id] = keys[task.key] = i

    seen_edges: dict[tuple[str, str, str], int] = {}
    graphs: dict[str, dict[str, list[tuple[str, int]]]] = {"SUBTASK_OF": {}, "DEPENDS_ON": {}}
    for i, edge in enumerate(doc.edges):
        for end in (edge.from_, edge.to):
            if end not in keys:
                raise InvalidInputError(f"edges[{i}]: unknown task {end!r}")
        triple = (edge.type, edge.from_, edge.to)
        if triple in seen_edges:
            raise InvalidInputError(f"edges[{i}]: duplicate of edges[{seen_edges[triple]}]")
        seen_edges[triple] = i
        graphs[edge.type].setdefault(edge.from_, []).append((edge.to, i))
    for kind, graph in graphs.items():
        _refuse_cycles(kind, graph)

    top_revision: dict[str, int] = {}
    seen_revisions: dict[tuple[str, int], int] = {}
    for i, rev in enumerate(doc.revisions):
        if rev.task not in keys:
            raise InvalidInputError(f"revisions[{i}].task: unknown task {rev.task!r}")
        if (rev.task, rev.n) in seen_revisions:
            raise InvalidInputError(
                f"revisions[{i}].n: duplicate revision {rev.n} of task {rev.task!r} "
                f"(also revisions[{seen_revisions[rev.task, rev.n]}])")
        seen_revisions[rev.task, rev.n] = i
        _at_most(f"revisions[{i}].seq", rev.seq, "workspace.seq", doc.workspace.seq)
        top_revision[rev.task] = max(top_revision.get(rev.task, 0), rev.n)
    for key, n in top_revision.items():
        # A task's version is the number of its latest revision; the next one is version + 1.
        task = doc.tasks[keys[key]]
        if task.version < n:
            raise InvalidInputError(f"tasks[{keys[key]}].version: {task.version} is below the "
                                    f"task's highest revision number ({n})")

    turns: dict[int, int] = {}
    for i, turn in enumerate(doc.turns):
        if turn.n in turns:
            raise InvalidInputError(
                f"turns[{i}].n: duplicate turn {turn.n} (also turns[{turns[turn.n]}])")
        turns[turn.n] = i
        _at_most(f"turns[{i}].n", turn.n, "workspace.turns", doc.workspace.turns)
        _at_most(f"turns[{i}].seq", turn.seq, "workspace.seq", doc.workspace.seq)
        for j, touch in enumerate(turn.touched):
            if touch.task not in keys:
                raise InvalidInputError(f"turns[{i}].touched[{j}].task: unknown task "
                                        f"{touch.task!r}")

    # The feed names tasks by key without an edge; it is kept as recorded.
    changes: dict[tuple[int, str], int] = {}
    for i, change in enumerate(doc.changes):
        if (change.seq, change.key) in changes:
            raise InvalidInputError(
                f"changes[{i}]: duplicate change of {change.key!r} at seq {change.seq} "
                f"(also changes[{changes[change.seq, change.key]}])")
        changes[change.seq, change.key] = i
        _at_most(f"changes[{i}].seq", change.seq, "workspace.seq", doc.workspace.seq)


def _at_most(place: str, value: int, limit_place: str, limit: int) -> None:
    # The workspace's counters number the next turn and write; they may not lag behind.
    if value > limit:
        raise InvalidInputError(f"{place}: {value} is above {limit_place} ({limit})")


def _refuse_cycles(kind: str, graph: dict[str, list[tuple[str, int]]]) -> None:
    """Depth-first search without recursion (chains may be 100k long); a back edge closes a
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
                raise InvalidInputError(
                    f"edges[{edge}]: {kind} cycle " + " -> ".join(cycle))
            if nxt in done:
                continue
            on_path[nxt] = len(path)
            path.append(nxt)
            stack.append(iter(graph.get(nxt, ())))
