"""TRIM through an OpenAI-compatible chat model, and replies grounded on the task memory.

One structured-output completion per turn: the model gets the TRIM rules, a compact rendering of
the :class:`~tme_neo4j.trim.base.TrimView` and the turn, and answers with JSON that must
validate as a :class:`~tme_neo4j.trim.base.TrimResult`. An invalid answer is sent back once with
what was wrong; a second invalid answer raises :class:`~tme_neo4j.errors.LLMError`. Nothing is
written either way: the engine applies operations only after ``interpret`` returns.
"""

from __future__ import annotations

import copy
import functools
import json
import logging
import re
from typing import TYPE_CHECKING, Any, Self

import openai
from pydantic import ValidationError

from tme_neo4j.config import Settings
from tme_neo4j.errors import ConfigError, LLMError
from tme_neo4j.models import Task
from tme_neo4j.trim.base import READ_ONLY, TrimResult, TrimView

if TYPE_CHECKING:
    from openai.types.chat import ChatCompletionMessageParam
    from openai.types.shared_params import ResponseFormatJSONSchema

__all__ = ["LLMInterpreter", "render_view", "trim_schema"]

log = logging.getLogger(__name__)

#: Longest piece of invalid output or error text quoted back to the model or into a message.
_QUOTE = 1_000
#: Longest invalid answer echoed back to the model in the retry.
_ECHO = 8_000
#: Anything shaped like an OpenAI key, masked or not, is kept out of messages.
_KEY_LIKE = re.compile(r"\bsk-[A-Za-z0-9_*.-]{3,}")
#: Past values shown per task; older ones are rarely what a rollback wants.
_PAST_VALUES = 6

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
- Reuse the keys shown for existing tasks; never rename them. A new key is a short lowercase slug \
(a-z 0-9 . _ : -), e.g. "destination", "team.time".
- check and note subtasks have no operations.
- revise carries the full new value, not the change. rollback takes to_value (an earlier value \
listed under past values), to_n (revision number), or neither for the previous value.
- add puts a new task under its parent with parents when one fits; cancel, never delete.
- Only what the turn asks for: no operations on tasks it does not touch."""

_RETRY_PROMPT = """\
That answer was invalid: {error}
Answer again with the whole JSON object, valid against the schema and the rules."""

_REPLY_PROMPT = """\
You are an assistant with a task memory. Answer the user's turn from the task-memory context \
given alone; do not invent tasks, values or history it does not hold. When the request and the \
memory disagree (a value that was changed, a task that was cancelled or never recorded), point \
the conflict out plainly instead of silently following either. Be brief."""


def trim_schema() -> dict[str, Any]:
    """The JSON schema sent as ``response_format``: :class:`TrimResult`'s, made explicit for a
    model. ``op`` is required (pydantic gives it a default), the discriminated union becomes a
    plain ``anyOf``, and ``expected_version`` is left out: optimistic locking is for callers
    that read a version, which the model never does."""
    return copy.deepcopy(_trim_schema())


@functools.cache
def _trim_schema() -> dict[str, Any]:
    schema = TrimResult.model_json_schema()
    for definition in schema.get("$defs", {}).values():
        props = definition.get("properties", {})
        if "op" in props:
            definition["required"] = ["op", *(r for r in definition.get("required", [])
                                              if r != "op")]
            props["op"].pop("default", None)
        props.pop("expected_version", None)
    _plain_unions(schema)
    return schema


def _plain_unions(node: Any) -> None:
    if isinstance(node, dict):
        node.pop("discriminator", None)
        if "oneOf" in node:
            node["anyOf"] = node.pop("oneOf")
        for value in node.values():
            _plain_unions(value)
    elif isinstance(node, list):
        for item in node:
            _plain_unions(item)


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


def _check_result(result: TrimResult) -> None:
    """What the schema cannot say; raises ``ValueError`` with a message for the model."""
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


class LLMInterpreter:
    """TRIM and replies through an OpenAI-compatible chat completions API.

    ``LLMInterpreter(settings)`` does no I/O; the client is built on first use. Use
    :meth:`close` (or ``with``) to release its connections.
    """

    name = "llm"

    def __init__(self, settings: Settings, *, max_retries: int = 2) -> None:
        """``max_retries`` is the client's own retry count for transient HTTP failures
        (connection errors, 429, 5xx), separate from the one retry on invalid output."""
        self.settings = settings
        self.model = settings.llm_model
        self.max_retries = max_retries
        self._client: openai.OpenAI | None = None

    # -- lifecycle ---------------------------------------------------------------------------

    def close(self) -> None:
        if self._client is not None:
            self._client.close()
            self._client = None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

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
            api_key = key.get_secret_value() if key is not None else "unused"
            try:
                self._client = openai.OpenAI(
                    api_key=api_key, base_url=base_url, timeout=self.settings.llm_timeout,
                    max_retries=self.max_retries,
                )
            except openai.OpenAIError as e:
                raise ConfigError(f"cannot set up the LLM client: {self._safe(e)}") from e
        return self._client

    # -- TRIM --------------------------------------------------------------------------------

    def interpret(self, text: str, view: TrimView) -> TrimResult:
        messages: list[ChatCompletionMessageParam] = [
            {"role": "system", "content": _TRIM_PROMPT},
            {"role": "user", "content": f"Memory:\n{render_view(view)}\n\nTurn:\n{text}"},
        ]
        response_format: ResponseFormatJSONSchema = {
            "type": "json_schema",
            "json_schema": {"name": "trim_result", "schema": _trim_schema(), "strict": False},
        }
        log.debug("TRIM prompt: %s", messages[1]["content"])
        problem = ""
        for attempt in (1, 2):
            content = self._complete(messages, response_format=response_format)
            try:
                result = _parse(content)
            except ValueError as e:
                problem = str(e)
                log.warning("invalid TRIM output from %s (attempt %d): %s",
                            self.model, attempt, problem[:_QUOTE])
                messages += [
                    {"role": "assistant", "content": (content or "")[:_ECHO]},
                    {"role": "user", "content": _RETRY_PROMPT.format(error=problem[:_QUOTE])},
                ]
                continue
            log.info("TRIM via %s: %d subtasks, %d operations (attempt %d)", self.model,
                     len(result.subtasks), len(result.operations), attempt)
            return result
        raise LLMError(
            f"the language model ({self.model}) gave invalid TRIM output twice; nothing was "
            f"written. Last problem: {problem[:_QUOTE]}"
        )

    # -- replies -----------------------------------------------------------------------------

    def respond(self, text: str, trim: TrimResult, context: str) -> str:
        """A reply to ``text`` from the assembled task-memory ``context`` alone."""
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
        reply = (self._complete(messages) or "").strip()
        if not reply:
            raise LLMError(f"the language model ({self.model}) returned an empty reply")
        return reply

    # -- the one call ------------------------------------------------------------------------

    def _complete(
        self,
        messages: list[ChatCompletionMessageParam],
        *,
        response_format: ResponseFormatJSONSchema | None = None,
    ) -> str | None:
        client = self.client()
        try:
            if response_format is None:
                completion = client.chat.completions.create(model=self.model, messages=messages)
            else:
                completion = client.chat.completions.create(
                    model=self.model, messages=messages, response_format=response_format)
        except openai.APITimeoutError as e:
            raise LLMError(
                f"the language model ({self.model}) did not answer within "
                f"{self.settings.llm_timeout:g} s"
            ) from e
        except openai.APIConnectionError as e:
            raise LLMError(
                f"cannot reach the language model API at {client.base_url}: {self._safe(e)}"
            ) from e
        except openai.AuthenticationError as e:
            raise LLMError(
                f"the language model API refused the API key (HTTP {e.status_code}); "
                "check OPENAI_API_KEY"
            ) from e
        except openai.APIStatusError as e:
            raise LLMError(
                f"the language model API failed with HTTP {e.status_code}: {self._safe(e)}"
            ) from e
        except openai.OpenAIError as e:
            raise LLMError(f"the language model call failed: {self._safe(e)}") from e
        if not completion.choices:
            return None
        return completion.choices[0].message.content

    def _safe(self, e: Exception) -> str:
        """The error's message without the API key (servers echo it back) and kept short."""
        message = str(e) or type(e).__name__
        if isinstance(e, openai.APIStatusError):
            # The body's own message, without the client's "Error code: N - " prefix.
            body = e.body.get("message") if isinstance(e.body, dict) else None
            message = body if isinstance(body, str) and body else e.message
        key = self.settings.openai_api_key
        if key is not None and key.get_secret_value():
            message = message.replace(key.get_secret_value(), "***")
        return _KEY_LIKE.sub("***", message)[:300]
