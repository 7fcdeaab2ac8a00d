"""TRIM through an OpenAI-compatible chat model, and replies grounded on the task memory.

One structured-output completion per turn: the model gets the TRIM rules, a compact rendering of
the :class:`~tme_neo4j.trim.base.TrimView` and the turn (in one user message: chat templates
without a system role would drop the rules), and answers with JSON that must
validate as a :class:`~tme_neo4j.trim.base.TrimResult` and fit the memory it was shown (no
operation on a task that does not exist, no task added twice, no rollback to a value the task
never held). A bad answer is sent back once with what was wrong; a second one raises
:class:`~tme_neo4j.errors.LLMError`. Nothing is written either way: the engine applies
operations only after ``interpret`` returns.

Servers differ in what they accept as ``response_format`` (see the README, "Using a local
model"). Under ``TME_LLM_FORMAT=auto`` the request starts as ``json_schema``; a refusal that
names ``response_format`` moves it to ``json_object`` with the schema in the prompt, then to
plain output with the schema in the prompt, and the shape that worked is remembered for the
endpoint for the life of the process. A server that publishes an OpenAPI document listing
``json_object`` but not ``json_schema`` (llama-cpp-python's) starts at ``json_object``: it would
answer the other with HTTP 500. Every call is capped by ``TME_LLM_MAX_TOKENS`` and all
the calls of one turn, retries included, share one deadline of ``TME_LLM_TIMEOUT`` seconds.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
import threading
import time
import urllib.parse
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Literal, Self

import openai
from pydantic import ValidationError

from tme_neo4j.config import LLMFormat, Settings
from tme_neo4j.errors import ConfigError, LLMError
from tme_neo4j.models import (
    AddDependency,
    AddTask,
    LinkParent,
    RemoveDependency,
    RollbackTask,
    Task,
    UnlinkParent,
)
from tme_neo4j.trim.base import READ_ONLY, Intent, TrimResult, TrimView

if TYPE_CHECKING:
    from collections.abc import Collection, Sequence

    from openai.types.chat import ChatCompletionMessageParam

__all__ = ["LLMInterpreter", "memory_problems", "render_view", "trim_schema"]

log = logging.getLogger(__name__)

#: Longest piece of invalid output or error text quoted back to the model or into a message.
_QUOTE = 1_000
#: Longest invalid answer echoed back to the model in the retry.
_ECHO = 8_000
#: Anything shaped like an OpenAI key, masked or not, is kept out of messages.
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_*.-]{3,}")
#: Past values shown per task; older ones are rarely what a rollback wants.
_PAST_VALUES = 6
#: Longest free text the schema allows. Grammar engines build one rule per allowed character:
#: llama-cpp-python's server crashes on 2000 and more. Longer values are for the API, not TRIM.
_GRAMMAR_TEXT = 500
#: The task-key rule of :mod:`tme_neo4j.models`, as a JSON-schema pattern.
_KEY_PATTERN = r"^[a-z0-9][a-z0-9._:-]{0,119}$"
#: Existing keys listed back to the model when it used unknown ones.
_KEYS_SHOWN = 80
#: Transient HTTP failures are retried after this many seconds, doubled each time.
_BACKOFF = 0.5
#: Longest wait for a server's OpenAPI document, out of the turn's deadline.
_PROBE_SECONDS = 5.0

_TRIM_PROMPT = """\
You are TRIM, the intent reader of a task memory. Read the user's turn against the memory shown \
and answer with JSON only, matching the schema.

Split the turn into subtasks, one per distinct request, question or statement. For each give:
- text: the words of the turn it comes from;
- intent: new (add tasks), update (change a value or title), rollback (back to an earlier value), \
cancel, restore (a cancelled task), reset (keep only some items), replace (one item for \
another), split, merge, link (move under a parent), depend, done, check (a question), note \
(a statement that changes nothing);
- about: keys of the existing tasks it speaks of;
- operations: the writes it needs;
- conflicts: where the turn assumes something memory contradicts (key, said, current, note).

Rules:
- Use only the keys shown in memory for existing tasks; never rename them or invent one for a \
task that is not shown. A new task (op add) gets a new key: a short lowercase slug made from its \
own words (a-z 0-9 . _ : -).
- check and note subtasks have no operations.
- revise carries the full new value, not the change. rollback takes to_value (an earlier value \
listed under past values), to_n (revision number), or neither for the previous value.
- add puts a new task under its parent with parents when one fits; cancel, never delete.
- Only what the turn asks for: no operations on tasks it does not touch. Keep texts short."""

_SCHEMA_PROMPT = "\n\nAnswer with one JSON object, and nothing else, valid against this JSON " \
    "schema:\n{schema}"

_PARTS_PROMPT = """

The rest of the turn is already handled. Read only these parts of it:
{parts}"""

_RETRY_PROMPT = """\
That answer was invalid: {error}
Answer again with the whole JSON object, valid against the schema and the rules."""

_CUT_PROMPT = """\
Your answer was cut off at {tokens} tokens before it was complete. Answer again with a much \
shorter JSON object: fewer subtasks, short texts, only the operations the turn asks for."""

_MEMORY_PROMPT = """\
Those operations do not fit the memory: {problems}
Tasks that exist: {keys}.
Answer again with the whole JSON object: use only these keys for existing tasks, add a task \
before using a new key, and roll back only to a value the task had."""

_REPLY_PROMPT = """\
You are an assistant with a task memory. Answer the user's turn from the task-memory context \
given alone; do not invent tasks, values or history it does not hold. When the request and the \
memory disagree (a value that was changed, a task that was cancelled or never recorded), point \
the conflict out plainly instead of silently following either. Be brief."""

#: Shapes tried in order under ``auto``.
_SHAPES = (LLMFormat.JSON_SCHEMA, LLMFormat.JSON_OBJECT, LLMFormat.PROMPT)
#: The first shape not refused, per endpoint, for the life of the process.
_shape_for_endpoint: dict[str, LLMFormat] = {}
_shape_lock = threading.Lock()


# ---------------------------------------------------------------------------------------------
# The schema


def trim_schema() -> dict[str, Any]:
    """The JSON schema the model answers to: :class:`TrimResult`'s, made explicit for a model
    and for grammar engines.

    ``op`` is required (pydantic gives it a default), the discriminated union is a plain
    ``anyOf``, ``expected_version`` is left out (optimistic locking is for callers that read a
    version, which the model never does), the rules checked afterwards are stated (at least one
    subtask, the task-key pattern, no operations on check, note or unparsed subtasks) and free
    text is capped at a length a grammar can take."""
    return copy.deepcopy(_trim_schema())


@functools.cache
def _trim_schema() -> dict[str, Any]:
    schema = TrimResult.model_json_schema()
    defs: dict[str, Any] = schema["$defs"]
    for definition in defs.values():
        props = definition.get("properties", {})
        if "op" in props:
            definition["required"] = ["op", *(r for r in definition.get("required", [])
                                              if r != "op")]
            props["op"].pop("default", None)
            props.pop("expected_version", None)
            for name in ("key", "parent", "depends_on", "parents"):
                if name in props:
                    _key_pattern(props[name])
    _key_pattern(defs["Conflict"]["properties"]["key"])
    _strip(schema)
    _cap_text(schema)
    schema["properties"]["subtasks"]["minItems"] = 1
    schema["required"] = ["subtasks"]
    # Two shapes of subtask, so that a grammar cannot give operations to one that reads.
    subtask = defs.pop("Subtask")
    subtask["properties"]["about"]["items"] = {"type": "string", "pattern": _KEY_PATTERN}
    reading = copy.deepcopy(subtask)
    reading["properties"].pop("operations")
    reading["properties"]["intent"] = {"enum": sorted(i.value for i in READ_ONLY)}
    writing = subtask
    writing["properties"]["intent"] = {
        "enum": [i.value for i in Intent if i not in READ_ONLY]}
    defs.pop("Intent")
    defs["WritingSubtask"], defs["ReadingSubtask"] = writing, reading
    schema["properties"]["subtasks"]["items"] = {"anyOf": [
        {"$ref": "#/$defs/WritingSubtask"}, {"$ref": "#/$defs/ReadingSubtask"}]}
    return schema


def _key_pattern(node: dict[str, Any]) -> None:
    if node.get("type") == "array":
        node["items"] = {"type": "string", "pattern": _KEY_PATTERN}
    else:
        node["pattern"] = _KEY_PATTERN


def _strip(node: Any) -> None:
    """Drop what only documents pydantic (titles, defaults) and the discriminator; plain
    unions read the same to every engine."""
    if isinstance(node, dict):
        if isinstance(node.get("title"), str):
            del node["title"]
        node.pop("default", None)
        node.pop("discriminator", None)
        if "oneOf" in node:
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            _strip(value)
    elif isinstance(node, list):
        for item in node:
            _strip(item)


def _cap_text(node: Any) -> None:
    if isinstance(node, dict):
        if node.get("type") == "string" and "pattern" not in node and "const" not in node:
            node["maxLength"] = min(node.get("maxLength", _GRAMMAR_TEXT), _GRAMMAR_TEXT)
        for value in node.values():
            _cap_text(value)
    elif isinstance(node, list):
        for item in node:
            _cap_text(item)


# ---------------------------------------------------------------------------------------------
# The prompt


def render_view(view: TrimView) -> str:
    """The memory part of the TRIM prompt: one line per task, aligned tasks first."""
    lines: list[str] = []
    shown: set[str] = set()
    if view.aligned:
        lines.append("Tasks matching the turn (best first):")
        for a in view.aligned:
            lines.append(f"- {_task_line(a.task)} (match {a.score:.2f} by {a.via})")
            shown.add(a.task.key)
    rest = [t for t in view.tasks if t.key not in shown]
    if rest:
        lines.append("Other tasks in view:")
        lines += [f"- {_task_line(t)}" for t in rest]
    if not lines:
        lines.append("Memory is empty: no tasks yet.")
    if view.focus:
        lines.append("Conversation was last about: " + ", ".join(view.focus))
    past = {k: v for k, v in view.past_values.items() if v}
    if past:
        lines.append("Past values (oldest first):")
        lines += [f"- {k}: " + " | ".join(json.dumps(v, ensure_ascii=False)
                                           for v in values[-_PAST_VALUES:])
                  for k, values in past.items()]
    return "\n".join(lines)


def _task_line(task: Task) -> str:
    line = f"{task.key}: {json.dumps(task.title, ensure_ascii=False)}"
    if task.value is not None:
        line += f" = {json.dumps(task.value, ensure_ascii=False)}"
    line += f" [{task.status.value}{', stale' if task.stale else ''}, v{task.version}]"
    if task.parents:
        line += " under " + ", ".join(task.parents)
    if task.depends_on:
        line += " after " + ", ".join(task.depends_on)
    return line


# ---------------------------------------------------------------------------------------------
# Checking an answer


def _check_result(result: TrimResult) -> None:
    """What the schema cannot enforce on every server; raises ``ValueError`` for the model."""
    if not result.subtasks:
        raise ValueError("there must be at least one subtask")
    for i, s in enumerate(result.subtasks):
        if s.intent in READ_ONLY and s.operations:
            raise ValueError(
                f"subtask {i} ({s.text[:80]!r}) has intent {s.intent.value!r}, which writes "
                "nothing, but lists operations; give it no operations or another intent"
            )


_FENCE = re.compile(r"^\s*```(?:json)?\s*\n(?P<body>.*)\n\s*```\s*$", re.S)


def _parse(content: str | None) -> TrimResult:
    """Validate the model's answer; raises ``ValueError`` with what to tell the model."""
    if content is None or not content.strip():
        raise ValueError("the answer was empty")
    if m := _FENCE.match(content):  # some compatible servers wrap JSON in a code fence
        content = m["body"]
    try:
        result = TrimResult.model_validate_json(content)
    except ValidationError as e:
        raise ValueError(_validation_summary(e)) from e
    _check_result(result)
    return result


def _validation_summary(e: ValidationError) -> str:
    errors = e.errors(include_url=False, include_input=False)
    if any(err["type"] == "json_invalid" for err in errors):
        return "it is not valid JSON (" + errors[0]["msg"] + ")"
    parts = [f"{'.'.join(map(str, err['loc'])) or '(root)'}: {err['msg']}" for err in errors[:8]]
    more = f" (and {len(errors) - 8} more)" if len(errors) > 8 else ""
    return "it does not match the schema: " + "; ".join(parts) + more


def memory_problems(
    result: TrimResult, view: TrimView, *, also_known: Collection[str] = ()
) -> list[str]:
    """What in ``result``'s operations does not fit the memory in ``view``, in order: keys
    that name no task, tasks added twice (or added when they exist), rollbacks to a value or
    revision the task never had. ``also_known`` are keys added earlier in the same turn."""
    tasks = {t.key: t for t in view.tasks} | {a.task.key: a.task for a in view.aligned}
    known = set(tasks) | set(also_known)
    added: set[str] = set()
    problems: list[str] = []

    def need(op_name: str, key: str, ref: str) -> None:
        if ref not in known and ref not in added:
            problems.append(f"{op_name} {key!r}: there is no task {ref!r}")

    for op in result.operations:
        refs: list[str]
        if isinstance(op, AddTask):
            if op.key in known:
                problems.append(f"add {op.key!r}: that task already exists")
            elif op.key in added:
                problems.append(f"add {op.key!r}: the task is added twice")
            added.add(op.key)
            refs = [*op.parents, *op.depends_on]
        elif isinstance(op, LinkParent | UnlinkParent):
            refs = [op.key, op.parent]
        elif isinstance(op, AddDependency | RemoveDependency):
            refs = [op.key, op.depends_on]
        else:
            refs = [op.key]
        for ref in dict.fromkeys(refs):
            need(op.op, op.key, ref)
        if isinstance(op, RollbackTask) and op.key in tasks:
            problems += _rollback_problems(op, tasks[op.key], view.past_values.get(op.key, []))
    return problems


def _rollback_problems(op: RollbackTask, task: Task, past: list[str]) -> list[str]:
    if op.to_n is not None and op.to_n > task.version:
        return [f"rollback {op.key!r} to revision {op.to_n}: the task has {task.version}"]
    if op.to_value is not None:
        held = [*past, *([task.value] if task.value is not None else [])]
        if op.to_value.strip().lower() not in {v.strip().lower() for v in held}:
            had = ", ".join(json.dumps(v, ensure_ascii=False) for v in dict.fromkeys(held))
            return [f"rollback {op.key!r} to {op.to_value!r}: the task never held that value "
                    f"(it held {had or 'no value'})"]
    return []


# ---------------------------------------------------------------------------------------------
# The interpreter


@dataclass(frozen=True)
class _Answer:
    content: str | None
    cut_off: bool
    tokens: int


@dataclass(frozen=True)
class _Problem:
    kind: Literal["invalid", "cut", "memory"]
    detail: str


class _Deadline:
    """One turn's time: every call and retry of the turn draws on it."""

    def __init__(self, seconds: float) -> None:
        self.seconds = seconds
        self.end = time.monotonic() + seconds

    def remaining(self) -> float:
        return self.end - time.monotonic()


class LLMInterpreter:
    """TRIM and replies through an OpenAI-compatible chat completions API.

    ``LLMInterpreter(settings)`` does no I/O; the client is built on first use. Use
    :meth:`close` (or ``with``) to release its connections. ``llm_calls`` counts the requests
    sent (answers, refusals and retries alike) since it was made, ``server_errors`` those
    the server failed (HTTP 5xx, no answer).
    """

    name = "llm"

    def __init__(self, settings: Settings, *, max_retries: int = 2) -> None:
        """``max_retries`` is how often a transient HTTP failure (connection error, 429, 5xx)
        is retried within the turn's deadline, apart from the one retry on a bad answer."""
        self.settings = settings
        self.model = settings.llm_model
        self.max_retries = max_retries
        self.llm_calls = 0
        #: Requests answered with HTTP 5xx or not at all (a dropped connection, a dead server).
        self.server_errors = 0
        self._client: openai.OpenAI | None = None
        self._lock = threading.Lock()
        self._turn = threading.local()  # the deadline interpret started, for respond

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def shape(self) -> LLMFormat | None:
        """The ``response_format`` shape TRIM requests take: the configured one, or under
        ``auto`` the one the endpoint is known to take (None before its first request)."""
        if self.settings.llm_format != LLMFormat.AUTO:
            return self.settings.llm_format
        with _shape_lock:
            return _shape_for_endpoint.get(str(self.client().base_url))

    def client(self) -> openai.OpenAI:
        if self._client is None:
            key = self.settings.openai_api_key
            base_url = self.settings.openai_base_url
            if key is None and base_url is None:
                raise ConfigError(
                    "the LLM backend needs OPENAI_API_KEY, or OPENAI_BASE_URL for a local "
                    "OpenAI-compatible server"
                )
            # Local compatible servers usually ignore the key, but the client insists on one.
            api_key = (key.get_secret_value() if key is not None else "") or "unused"
            try:
                # Retries are ours: the client's would each get the full timeout again.
                self._client = openai.OpenAI(
                    api_key=api_key, base_url=base_url, timeout=self.settings.llm_timeout,
                    max_retries=0,
                )
            except openai.OpenAIError as e:
                raise ConfigError(f"cannot set up the LLM client: {self._safe(e)}") from e
        return self._client

    # -- TRIM --------------------------------------------------------------------------------

    def interpret(self, text: str, view: TrimView) -> TrimResult:
        return self.interpret_parts(text, view)

    def interpret_parts(
        self,
        text: str,
        view: TrimView,
        *,
        parts: Sequence[str] = (),
        also_known: Collection[str] = (),
    ) -> TrimResult:
        """TRIM for ``text``; with ``parts``, only those clauses of it are read (the rest was
        read elsewhere and added the tasks ``also_known``)."""
        self.client()  # built before the clock starts: the deadline is for the calls
        deadline = _Deadline(self.settings.llm_timeout)
        self._turn.started = (text, deadline)
        turn = f"Memory:\n{render_view(view)}\n\nTurn:\n{text}"
        if parts:
            turn += _PARTS_PROMPT.format(parts="\n".join(f"- {p}" for p in parts))
        messages: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": _TRIM_PROMPT},
            {"role": "user", "content": turn},
        ]
        log.debug("TRIM prompt: %s", turn)
        max_tokens = self.settings.llm_max_tokens
        problem: _Problem | None = None
        kinds: list[str] = []
        for attempt in (1, 2):
            answer = self._complete(messages, structured=True, max_tokens=max_tokens,
                                    deadline=deadline)
            problem, result = self._judge(answer, view, also_known)
            if result is not None:
                log.info("TRIM via %s: %d subtasks, %d operations (attempt %d)", self.model,
                         len(result.subtasks), len(result.operations), attempt)
                return result
            assert problem is not None
            kinds.append(problem.kind)
            log.warning("unusable TRIM output from %s (attempt %d): %s",
                        self.model, attempt, problem.detail[:_QUOTE])
            if problem.kind == "cut":
                # The cut-off text is not sent back: a model shown it tends to repeat it.
                messages += [{"role": "user", "content": _CUT_PROMPT.format(tokens=max_tokens)}]
                continue
            messages += [{"role": "assistant", "content": (answer.content or "")[:_ECHO]}]
            if problem.kind == "memory":
                keys = sorted({t.key for t in view.tasks} | {a.task.key for a in view.aligned}
                              | set(also_known))
                shown = ", ".join(keys[:_KEYS_SHOWN]) or "none (memory is empty)"
                if len(keys) > _KEYS_SHOWN:
                    shown += f" (and {len(keys) - _KEYS_SHOWN} more)"
                messages += [{"role": "user", "content": _MEMORY_PROMPT.format(
                    problems=problem.detail[:_QUOTE], keys=shown)}]
            else:
                messages += [{"role": "user",
                              "content": _RETRY_PROMPT.format(error=problem.detail[:_QUOTE])}]
        assert problem is not None
        raise self._bad_answer(problem, max_tokens, both=len(set(kinds)) == 1)

    def _judge(
        self, answer: _Answer, view: TrimView, also_known: Collection[str]
    ) -> tuple[_Problem | None, TrimResult | None]:
        if answer.cut_off:
            return _Problem("cut", f"the answer was cut off at {answer.tokens} tokens"), None
        try:
            result = _parse(answer.content)
        except ValueError as e:
            return _Problem("invalid", str(e)), None
        if problems := memory_problems(result, view, also_known=also_known):
            return _Problem("memory", "; ".join(problems)), None
        return None, result

    def _bad_answer(self, problem: _Problem, max_tokens: int, *, both: bool) -> LLMError:
        who = f"the language model ({self.model})"
        again = "twice" if both else "on its second try"
        if problem.kind == "cut":
            return LLMError(f"{who} was cut off at {max_tokens} tokens {again} "
                            "(TME_LLM_MAX_TOKENS); nothing was written")
        if problem.kind == "memory":
            return LLMError(f"{who} produced operations that do not fit the memory, {again}; "
                            f"nothing was written. {problem.detail[:_QUOTE]}")
        return LLMError(f"{who} gave invalid TRIM output {again}; nothing was written. "
                        f"Last problem: {problem.detail[:_QUOTE]}")

    # -- replies -----------------------------------------------------------------------------

    def respond(self, text: str, trim: TrimResult, context: str) -> str:
        """A reply to ``text`` from the assembled task-memory ``context`` alone, within what
        is left of the turn's deadline. Any failure is an :class:`LLMError`."""
        try:
            self.client()
        except ConfigError as e:  # a reply is optional: its failures are all LLMErrors
            raise LLMError(str(e)) from e
        started = getattr(self._turn, "started", None)
        if started is not None and started[0] == text:
            deadline = started[1]
        else:
            deadline = _Deadline(self.settings.llm_timeout)
        reading = "\n".join(f"- {s.intent.value}: {s.text}" for s in trim.subtasks)
        conflicts = "\n".join(
            f"- {c.key}: the turn says {c.said!r}, memory holds {c.current!r} ({c.note})"
            for c in trim.conflicts
        )
        prompt = f"Task memory:\n{context or '(empty)'}\n\nHow the turn was read:\n{reading}"
        if conflicts:
            prompt += f"\n\nConflicts found:\n{conflicts}"
        prompt += f"\n\nUser: {text}"
        messages: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": _REPLY_PROMPT},
            {"role": "user", "content": prompt},
        ]
        max_tokens = self.reply_tokens
        answer = self._complete(messages, structured=False, max_tokens=max_tokens,
                                deadline=deadline)
        if answer.cut_off:
            raise LLMError(f"the language model ({self.model})'s reply was cut off at "
                           f"{max_tokens} tokens")
        reply = (answer.content or "").strip()
        if not reply:
            raise LLMError(f"the language model ({self.model}) returned an empty reply")
        return reply

    @property
    def reply_tokens(self) -> int:
        """Replies are brief: a quarter of the TRIM cap, at least 64 tokens."""
        return max(64, self.settings.llm_max_tokens // 4)

    # -- the calls ---------------------------------------------------------------------------

    def _complete(
        self,
        messages: list[ChatCompletionMessageParam],
        *,
        structured: bool,
        max_tokens: int,
        deadline: _Deadline,
    ) -> _Answer:
        """One answer; for TRIM, in the first shape the endpoint accepts."""
        client = self.client()
        if not structured:
            return self._send(client, messages, None, max_tokens, deadline)
        endpoint = str(client.base_url)
        configured = self.settings.llm_format
        if configured == LLMFormat.AUTO:
            with _shape_lock:
                known = _shape_for_endpoint.get(endpoint)
            if known is None:
                declared = self._declared_shape(client, deadline)
                with _shape_lock:
                    known = _shape_for_endpoint.setdefault(endpoint, declared)
            start = known
            shapes = _SHAPES[_SHAPES.index(start):]
        else:
            shapes = (configured,)
        for shape in shapes:
            try:
                answer = self._send(client, messages, shape, max_tokens, deadline)
            except _FormatRefusedError as e:
                if shape == shapes[-1]:
                    hint = (" (TME_LLM_FORMAT=auto tries the other shapes)"
                            if configured != LLMFormat.AUTO else "")
                    raise LLMError(f"the language model API refused the request as "
                                   f"{shape.value}: {e.message}{hint}") from e.__cause__
                following = shapes[shapes.index(shape) + 1]
                log.info("%s refused response_format %s; trying %s", endpoint, shape.value,
                         following.value)
                # Remembered at once: a refusal is certain even if the next shape times out.
                with _shape_lock:
                    _shape_for_endpoint[endpoint] = following
                continue
            return answer
        raise AssertionError("unreachable: the last shape returns or raises")

    def _declared_shape(self, client: openai.OpenAI, deadline: _Deadline) -> LLMFormat:
        """The shape to start with on an endpoint: ``json_object`` when the server's OpenAPI
        document (FastAPI servers publish one at ``/openapi.json``) lists it as a
        ``response_format`` type and does not list ``json_schema``; ``json_schema``
        otherwise, and for OpenAI itself. Asking costs no LLM call."""
        if self.settings.openai_base_url is None:
            return LLMFormat.JSON_SCHEMA
        base = urllib.parse.urlsplit(str(client.base_url))
        url = urllib.parse.urlunsplit((base.scheme, base.netloc, "/openapi.json", "", ""))
        wait = min(_PROBE_SECONDS, deadline.remaining())
        if wait <= 0:
            return LLMFormat.JSON_SCHEMA
        try:
            document = client.get(url, cast_to=object, options={"timeout": wait})
        except openai.OpenAIError as e:  # most servers have no such document
            log.debug("no OpenAPI document at %s: %s", url, self._safe(e))
            return LLMFormat.JSON_SCHEMA
        listed = _format_types(document)
        if "json_object" in listed and "json_schema" not in listed:
            log.info("%s lists response_format json_object but not json_schema", url)
            return LLMFormat.JSON_OBJECT
        return LLMFormat.JSON_SCHEMA

    def _send(
        self,
        client: openai.OpenAI,
        messages: list[ChatCompletionMessageParam],
        shape: LLMFormat | None,
        max_tokens: int,
        deadline: _Deadline,
    ) -> _Answer:
        kwargs: dict[str, Any] = {}
        if shape is not None and shape != LLMFormat.JSON_SCHEMA:
            schema = json.dumps(_trim_schema(), separators=(",", ":"))
            first, *rest = messages
            messages = [{"role": "system", "content": str(first.get("content"))
                         + _SCHEMA_PROMPT.format(schema=schema)}, *rest]
        if shape == LLMFormat.JSON_SCHEMA:
            kwargs["response_format"] = {
                "type": "json_schema",
                "json_schema": {"name": "trim_result", "schema": _trim_schema(),
                                "strict": False},
            }
        elif shape == LLMFormat.JSON_OBJECT:
            # llama.cpp's servers build a grammar from a schema given in this shape.
            kwargs["response_format"] = {"type": "json_object", "schema": _trim_schema()}
        messages = _folded(messages)
        for retry in range(self.max_retries + 1):
            remaining = deadline.remaining()
            if remaining <= 0:
                raise self._late(deadline)
            with self._lock:
                self.llm_calls += 1
            try:
                completion = client.chat.completions.create(
                    model=self.model, messages=messages, max_tokens=max_tokens,
                    timeout=remaining, **kwargs)
            except openai.APITimeoutError as e:
                raise self._late(deadline) from e
            except (openai.APIConnectionError, openai.RateLimitError,
                    openai.InternalServerError) as e:
                if not isinstance(e, openai.RateLimitError):
                    with self._lock:
                        self.server_errors += 1
                if shape is not None and _names_response_format(e):
                    raise _FormatRefusedError(self._safe(e)) from e
                if retry == self.max_retries or deadline.remaining() <= _BACKOFF * 2**retry:
                    raise self._failure(client, e) from e
                log.info("transient LLM failure, retrying: %s", self._safe(e))
                time.sleep(_BACKOFF * 2**retry)
            except openai.OpenAIError as e:
                if shape is not None and _names_response_format(e):
                    raise _FormatRefusedError(self._safe(e)) from e
                raise self._failure(client, e) from e
            else:
                if not completion.choices:
                    return _Answer(None, cut_off=False, tokens=0)
                choice = completion.choices[0]
                usage = completion.usage
                tokens = usage.completion_tokens if usage is not None else max_tokens
                return _Answer(choice.message.content, cut_off=choice.finish_reason == "length",
                               tokens=tokens or max_tokens)
        raise AssertionError("unreachable: the last retry returns or raises")

    def _late(self, deadline: _Deadline) -> LLMError:
        return LLMError(f"the language model ({self.model}) did not answer within the turn's "
                        f"deadline of {deadline.seconds:g} s (TME_LLM_TIMEOUT)")

    def _failure(self, client: openai.OpenAI, e: openai.OpenAIError) -> LLMError:
        if isinstance(e, openai.APIConnectionError):
            return LLMError(
                f"cannot reach the language model API at {client.base_url}: {self._safe(e)}")
        if isinstance(e, openai.AuthenticationError):
            return LLMError(f"the language model API refused the API key "
                            f"(HTTP {e.status_code}); check OPENAI_API_KEY")
        if isinstance(e, openai.APIStatusError):
            return LLMError(
                f"the language model API failed with HTTP {e.status_code}: {self._safe(e)}")
        return LLMError(f"the language model call failed: {self._safe(e)}")

    def _safe(self, e: Exception) -> str:
        """The error's message on one line, without the API key (servers echo it back)."""
        message = str(e) or type(e).__name__
        if isinstance(e, openai.APIStatusError):
            # The body's own message, without the client's "Error code: N - " prefix.
            body = e.body.get("message") if isinstance(e.body, dict) else None
            message = body if isinstance(body, str) and body else e.message
        key = self.settings.openai_api_key
        if key is not None and key.get_secret_value():
            message = message.replace(key.get_secret_value(), "***")
        message = " ".join(_KEY_LIKE.sub("***", message).split())
        return message if len(message) <= _QUOTE else message[:_QUOTE - 1] + "…"


class _FormatRefusedError(Exception):
    """The server would not take this ``response_format``."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _folded(messages: list[ChatCompletionMessageParam]) -> list[ChatCompletionMessageParam]:
    """The instructions at the head of the first user message rather than in a system message:
    chat templates without a system role drop that (llama-cpp-python's ``gemma`` format does,
    silently), and every template keeps the user's. Gemma's own template does the same."""
    if len(messages) < 2 or messages[0]["role"] != "system" or messages[1]["role"] != "user":
        return messages
    first, second, *rest = messages
    return [{"role": "user",
             "content": f"{first.get('content')}\n\n{second.get('content')}"}, *rest]


_LISTED_FORMATS = frozenset({"json_object", "json_schema"})


def _format_types(document: object) -> set[str]:
    """Which of ``json_object`` and ``json_schema`` an OpenAPI document lists as a value
    (``enum`` or ``const``) anywhere: the ``response_format`` types it takes."""
    found: set[str] = set()
    stack = [document]
    while stack:
        node = stack.pop()
        if isinstance(node, dict):
            values = node.get("enum")
            found.update(v for v in [*(values if isinstance(values, list) else ()),
                                     node.get("const")] if v in _LISTED_FORMATS)
            stack.extend(node.values())
        elif isinstance(node, list):
            stack.extend(node)
    return found


def _names_response_format(e: openai.OpenAIError) -> bool:
    """A refusal of the request's shape, not a failure of the model: the error names
    ``response_format`` (llama-cpp-python answers such a request with HTTP 500)."""
    if not isinstance(e, openai.APIStatusError) or e.status_code not in (400, 422, 500, 501):
        return False
    return "response_format" in f"{e.message} {e.body}"
