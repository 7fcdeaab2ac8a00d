"""LLMInterpreter end to end through the real openai client against a local fake server, and
the engine with it against the real Neo4j."""

from __future__ import annotations

import copy
import json
import socket
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import openai
import pytest
from conftest import graph_snapshot
from fake_openai import LLAMA_CPP_PYTHON_OPENAPI, LLAMA_CPP_PYTHON_REFUSAL, FakeOpenAI
from pydantic import SecretStr
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.config import LLMFormat, Settings, TrimBackend
from tme_neo4j.engine import TaskMemoryEngine, make_interpreter
from tme_neo4j.errors import ConfigError, LLMError
from tme_neo4j.models import AddTask, AlignedTask, LinkParent, ReviseTask, Task
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import Conflict, Intent, Subtask, TrimResult, TrimView
from tme_neo4j.trim.hybrid import HybridInterpreter
from tme_neo4j.trim.llm import LLMInterpreter, memory_problems, render_view, trim_schema
from tme_neo4j.trim.rules import RuleInterpreter

API_KEY = "sk-test-0123456789abcdef"


@pytest.fixture
def fake() -> Iterator[FakeOpenAI]:
    with FakeOpenAI() as server:
        yield server


@pytest.fixture
def llm_settings(settings: Settings, fake: FakeOpenAI) -> Settings:
    return settings.model_copy(update={
        "openai_base_url": fake.base_url,
        "openai_api_key": SecretStr(API_KEY),
        "llm_model": "fake-model",
        "llm_timeout": 5.0,
    })


@pytest.fixture
def llm(llm_settings: Settings) -> Iterator[LLMInterpreter]:
    with LLMInterpreter(llm_settings, max_retries=0) as interpreter:
        yield interpreter


def _task(key: str, title: str, value: str | None = None, **kw: Any) -> Task:
    return Task(key=key, id=f"id-{key}", title=title, value=value, **kw)


TRIP = _task("trip", "Plan a trip")
DESTINATION = _task("destination", "Destination", "Seattle", parents=["trip"], version=2)
VIEW = TrimView(
    aligned=[AlignedTask(task=DESTINATION, score=0.9, via="text")],
    tasks=[TRIP, DESTINATION],
    focus=["trip"],
    past_values={"destination": ["Portland", "Seattle"]},
)
TURN = "Make it San Francisco, and book a hotel there."

VALID = {
    "subtasks": [
        {
            "text": "Make it San Francisco",
            "intent": "update",
            "about": ["destination"],
            "operations": [
                {"op": "revise", "key": "destination", "value": "San Francisco"},
            ],
        },
        {
            "text": "book a hotel there",
            "intent": "new",
            "operations": [
                {"op": "add", "key": "hotel", "title": "Book a hotel", "parents": ["trip"]},
            ],
        },
    ]
}


def _messages(request: dict[str, Any]) -> list[dict[str, Any]]:
    return list(request["messages"])


# ---------------------------------------------------------------------------------------------
# Prompt assembly and the schema (no server)


def test_render_view_shows_keys_values_status_parents_focus_and_past_values() -> None:
    text = render_view(VIEW)
    assert 'destination: "Destination" = "Seattle" [active, v2] under trip' in text
    assert 'trip: "Plan a trip" [active, v1]' in text
    assert text.count("destination:") == 2  # once as a task, once under past values
    assert "match 0.90 by text" in text
    assert "last about: trip" in text
    assert '- destination: "Portland" | "Seattle"' in text


def test_render_view_of_an_empty_memory() -> None:
    assert render_view(TrimView()) == "Memory is empty: no tasks yet."


def test_trim_schema_requires_op_and_uses_plain_unions() -> None:
    schema = trim_schema()
    text = json.dumps(schema)
    assert "oneOf" not in text
    assert "discriminator" not in text
    assert "expected_version" not in text
    ops = [d for d in schema["$defs"].values() if "op" in d.get("properties", {})]
    assert len(ops) == 11
    assert all(d["required"][0] == "op" for d in ops)
    schema["$defs"].clear()  # a copy: the next caller is not affected
    assert trim_schema()["$defs"]


def _strings(node: Any) -> Iterator[dict[str, Any]]:
    if isinstance(node, dict):
        if node.get("type") == "string":
            yield node
        for value in node.values():
            yield from _strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item)


def test_trim_schema_states_the_rules_checked_afterwards() -> None:
    schema = trim_schema()
    defs = schema["$defs"]
    assert schema["properties"]["subtasks"]["minItems"] == 1
    add = defs["AddTask"]["properties"]
    key_pattern = add["key"]["pattern"]
    assert add["parents"]["items"]["pattern"] == key_pattern
    assert defs["LinkParent"]["properties"]["parent"]["pattern"] == key_pattern
    assert defs["AddDependency"]["properties"]["depends_on"]["pattern"] == key_pattern
    # A subtask that reads has no operations to give.
    reading = defs["ReadingSubtask"]
    assert "operations" not in reading["properties"]
    assert set(reading["properties"]["intent"]["enum"]) == {"check", "note", "unparsed"}
    assert "update" in defs["WritingSubtask"]["properties"]["intent"]["enum"]
    # Every free text has a length a grammar engine can build (llama-cpp-python's server
    # crashes on 2000); keys are bounded by their pattern.
    strings = list(_strings(schema))
    assert strings
    assert all(s.get("maxLength", 0) <= 1000 or "pattern" in s or "const" in s
               for s in strings)
    assert all("maxLength" in s for s in strings if "pattern" not in s and "const" not in s)


def test_no_key_and_no_base_url_is_a_config_error(settings: Settings, fake: FakeOpenAI) -> None:
    bare = settings.model_copy(update={"openai_api_key": None, "openai_base_url": None})
    with LLMInterpreter(bare) as llm, pytest.raises(ConfigError, match="OPENAI_API_KEY"):
        llm.interpret(TURN, VIEW)
    assert fake.requests == []


# ---------------------------------------------------------------------------------------------
# interpret


def test_valid_output_is_one_structured_call(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.reply_json(VALID)
    result = llm.interpret(TURN, VIEW)

    assert [s.intent for s in result.subtasks] == [Intent.UPDATE, Intent.NEW]
    assert result.operations == [
        ReviseTask(key="destination", value="San Francisco"),
        AddTask(key="hotel", title="Book a hotel", parents=["trip"]),
    ]
    assert result.about == ["destination"]

    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert request["model"] == "fake-model"
    assert request["max_tokens"] == 1024
    fmt = request["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "trim_result"
    assert fmt["json_schema"]["strict"] is False
    assert fmt["json_schema"]["schema"] == trim_schema()
    # One user message, the instructions first: templates without a system role keep it.
    (user,) = _messages(request)
    assert user["role"] == "user"
    assert user["content"].startswith("You are TRIM")
    assert "check and note subtasks have no operations" in user["content"]
    assert render_view(VIEW) in user["content"]
    assert user["content"].endswith(TURN)
    assert fake.headers[0]["authorization"] == f"Bearer {API_KEY}"
    assert fake.gets == ["/openapi.json"]  # none there (404), as on llama-server


def test_output_in_a_code_fence_is_accepted(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.reply("```json\n" + json.dumps(VALID) + "\n```")
    assert len(llm.interpret(TURN, VIEW).operations) == 2
    assert len(fake.requests) == 1


def test_malformed_json_is_retried_once_with_the_problem(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.reply('{"subtasks": [')
    fake.reply_json(VALID)
    result = llm.interpret(TURN, VIEW)
    assert len(result.operations) == 2
    assert len(fake.requests) == 2
    retry = _messages(fake.requests[1])
    assert retry[:1] == _messages(fake.requests[0])
    assert retry[1] == {"role": "assistant", "content": '{"subtasks": ['}
    assert retry[2]["role"] == "user"
    assert "not valid JSON" in retry[2]["content"]
    assert fake.requests[1]["response_format"] == fake.requests[0]["response_format"]


def test_malformed_json_twice_raises(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.reply("Sure! Here is the plan.")
    fake.reply("{oops}")
    with pytest.raises(LLMError, match=r"invalid TRIM output twice.*not valid JSON"):
        llm.interpret(TURN, VIEW)
    assert len(fake.requests) == 2


INVALID = {
    "unknown op": {"subtasks": [{"text": "x", "intent": "new",
                                 "operations": [{"op": "delete", "key": "trip"}]}]},
    "bad key": {"subtasks": [{"text": "x", "intent": "new",
                              "operations": [{"op": "add", "key": "Hotel Room",
                                              "title": "Hotel"}]}]},
    "unknown intent": {"subtasks": [{"text": "x", "intent": "book"}]},
    "missing text": {"subtasks": [{"intent": "note"}]},
    "extra field": {"subtasks": [{"text": "x", "intent": "note", "mood": "happy"}]},
    "no subtasks": {"subtasks": []},
    "check that writes": {"subtasks": [{"text": "where to?", "intent": "check",
                                        "operations": [{"op": "done", "key": "trip"}]}]},
}


@pytest.mark.parametrize("answer", INVALID.values(), ids=INVALID.keys())
def test_invalid_output_twice_raises(
    llm: LLMInterpreter, fake: FakeOpenAI, answer: dict[str, Any]
) -> None:
    fake.reply_json(answer)
    fake.reply_json(answer)
    with pytest.raises(LLMError, match="invalid TRIM output twice") as info:
        llm.interpret(TURN, VIEW)
    assert len(fake.requests) == 2
    # What was wrong went back to the model, and is the last problem the error names.
    problem = str(info.value).split("Last problem: ", 1)[1]
    assert problem in _messages(fake.requests[1])[-1]["content"]


def test_a_check_that_writes_is_retried_then_accepted(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.reply_json(INVALID["check that writes"])
    fake.reply_json({"subtasks": [{"text": "where to?", "intent": "check",
                                   "about": ["destination"]}]})
    result = llm.interpret("Where are we going?", VIEW)
    assert result.intent == Intent.CHECK
    assert result.operations == []
    assert "'check', which writes nothing" in _messages(fake.requests[1])[-1]["content"]


@pytest.mark.parametrize("status", [500, 503, 400, 404, 429])
def test_http_errors_raise_llm_error(
    llm: LLMInterpreter, fake: FakeOpenAI, status: int
) -> None:
    fake.fail(status, "model is having a bad day")
    with pytest.raises(LLMError, match=f"HTTP {status}: model is having a bad day") as info:
        llm.interpret(TURN, VIEW)
    assert isinstance(info.value.__cause__, openai.APIStatusError)
    assert len(fake.requests) == 1  # max_retries=0: no client-side retry


def test_unauthorized_never_echoes_the_key(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.fail(401, f"Incorrect API key provided: {API_KEY}")
    with pytest.raises(LLMError, match="refused the API key") as info:
        llm.interpret(TURN, VIEW)
    assert isinstance(info.value.__cause__, openai.AuthenticationError)
    assert API_KEY not in str(info.value)


def test_other_errors_do_not_echo_keys(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.fail(400, f"bad request for key {API_KEY} and sk-proj-abc***xyz")
    with pytest.raises(LLMError) as info:
        llm.interpret(TURN, VIEW)
    assert "sk-" not in str(info.value)
    assert "bad request for key ***" in str(info.value)


def test_transient_failures_are_retried(llm_settings: Settings, fake: FakeOpenAI) -> None:
    fake.fail(503)
    fake.reply_json(VALID)
    with LLMInterpreter(llm_settings, max_retries=1) as llm:
        assert len(llm.interpret(TURN, VIEW).operations) == 2
        assert llm.server_errors == 1
    assert len(fake.requests) == 2


def test_unreachable_server_raises_llm_error(settings: Settings) -> None:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    unreachable = settings.model_copy(update={
        "openai_base_url": f"http://127.0.0.1:{port}/v1", "openai_api_key": SecretStr(API_KEY)})
    with LLMInterpreter(unreachable, max_retries=0) as llm, \
            pytest.raises(LLMError, match="cannot reach") as info:
        llm.interpret(TURN, VIEW)
    assert isinstance(info.value.__cause__, openai.APIConnectionError)


def test_timeout_raises_llm_error(llm_settings: Settings, fake: FakeOpenAI) -> None:
    fake.slow(5.0, json.dumps(VALID))
    quick = llm_settings.model_copy(update={"llm_timeout": 0.2})
    with LLMInterpreter(quick, max_retries=0) as llm, \
            pytest.raises(LLMError, match=r"did not answer within the turn's deadline of 0.2 s") \
            as info:
        llm.interpret(TURN, VIEW)
    assert isinstance(info.value.__cause__, openai.APITimeoutError)


# ---------------------------------------------------------------------------------------------
# respond


def test_respond_returns_the_text_from_memory_and_conflicts(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.reply("  You changed the destination to San Francisco in turn 3, not Seattle.  ")
    trim = TrimResult(subtasks=[Subtask(
        text="Is it still Seattle?", intent=Intent.CHECK, about=["destination"],
        conflicts=[Conflict(key="destination", said="Seattle", current="San Francisco",
                            note="replaced in turn 3")],
    )])
    context = "Plan a trip\n  Destination: San Francisco"
    reply = llm.respond("Is it still Seattle?", trim, context)
    assert reply == "You changed the destination to San Francisco in turn 3, not Seattle."

    assert len(fake.requests) == 1
    request = fake.requests[0]
    assert "response_format" not in request
    (user,) = _messages(request)
    assert "context given alone" in user["content"]
    assert "point the conflict out" in user["content"]
    assert context in user["content"]
    assert "- check: Is it still Seattle?" in user["content"]
    assert "memory holds 'San Francisco' (replaced in turn 3)" in user["content"]
    assert user["content"].endswith("User: Is it still Seattle?")


def test_respond_errors_raise_llm_error(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.fail(500)
    fake.reply("   ")
    with pytest.raises(LLMError, match="HTTP 500"):
        llm.respond("hi", TrimResult(), "")
    with pytest.raises(LLMError, match="empty reply"):
        llm.respond("hi", TrimResult(), "")


# ---------------------------------------------------------------------------------------------
# The engine with the LLM interpreter, against the real Neo4j


def test_engine_turn_writes_the_llm_operations_and_replies(
    store: MemoryStore, llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    store.add_task("trip", "Plan a trip")
    fake.reply_json({"subtasks": [{
        "text": "We're going to Seattle.", "intent": "new", "about": ["trip"],
        "operations": [{"op": "add", "key": "destination", "title": "Destination",
                        "value": "Seattle", "parents": ["trip"]}],
    }]})
    fake.reply("Noted: the trip goes to Seattle.")

    result = TaskMemoryEngine(store, llm).process("We're going to Seattle.")

    destination = store.state().task("destination")
    assert destination is not None
    assert destination.value == "Seattle"
    assert destination.parents == ["trip"]
    assert result.reply == "Noted: the trip goes to Seattle."
    assert result.intent == Intent.NEW
    assert result.changed == {"destination": "add"}
    assert len(fake.requests) == 2
    assert "response_format" in fake.requests[0]
    assert "response_format" not in fake.requests[1]
    assert "Seattle" in _messages(fake.requests[1])[0]["content"]  # the context went along
    turns = store.turns()
    assert [(t.n, t.intent, t.reply) for t in turns] == [
        (result.turn, "new", "Noted: the trip goes to Seattle.")]


def test_engine_writes_nothing_when_the_llm_fails_twice(
    store: MemoryStore, llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    store.add_task("trip", "Plan a trip")
    store.add_task("destination", "Destination", "Seattle", parents=["trip"])
    before = graph_snapshot(store)
    fake.reply("not json")
    fake.reply('{"subtasks": [{"text": "x", "intent": "update", "operations": [{"op": "nuke"}]}]}')

    with pytest.raises(LLMError, match="nothing was written"):
        TaskMemoryEngine(store, llm).process("Change the destination to Portland.")

    assert graph_snapshot(store) == before
    assert store.turns() == []
    assert len(fake.requests) == 2


# ---------------------------------------------------------------------------------------------
# Servers as they are: request shapes, bounded output, one deadline


@pytest.fixture
def llama_cpp_python() -> Iterator[FakeOpenAI]:
    with FakeOpenAI.like_llama_cpp_python() as server:
        yield server


@pytest.fixture
def unpublished() -> Iterator[FakeOpenAI]:
    """llama-cpp-python's refusal without its OpenAPI document (hidden behind a proxy)."""
    with FakeOpenAI.like_llama_cpp_python(publishes=False) as server:
        yield server


def _on(settings: Settings, server: FakeOpenAI, **update: Any) -> Settings:
    return settings.model_copy(update={
        "openai_base_url": server.base_url, "openai_api_key": None, "llm_model": "fake-model",
        "llm_timeout": 5.0, **update})


def test_a_refused_json_schema_falls_back_to_json_object_and_is_remembered(
    settings: Settings, unpublished: FakeOpenAI
) -> None:
    unpublished.reply_json(VALID)
    unpublished.reply_json(VALID)
    unpublished.reply_json(VALID)
    with LLMInterpreter(_on(settings, unpublished), max_retries=0) as llm:
        assert len(llm.interpret(TURN, VIEW).operations) == 2
        assert [r["response_format"]["type"] for r in unpublished.requests] == [
            "json_schema", "json_object"]
        assert unpublished.refused == 1
        assert llm.server_errors == 1  # the refusal is an HTTP 500
        assert llm.shape == LLMFormat.JSON_OBJECT
        fallback = unpublished.requests[1]
        # llama.cpp's servers build a grammar from the schema given with json_object; others
        # read it in the prompt.
        assert fallback["response_format"]["schema"] == trim_schema()
        assert json.dumps(trim_schema(), separators=(",", ":")) in \
            _messages(fallback)[0]["content"]
        assert fallback["max_tokens"] == 1024

        llm.interpret(TURN, VIEW)  # the endpoint's shape is known now: one request
        assert len(unpublished.requests) == 3
        assert llm.llm_calls == 3
    with LLMInterpreter(_on(settings, unpublished), max_retries=0) as again:
        again.interpret(TURN, VIEW)  # remembered for the process, not the interpreter
    assert [r["response_format"]["type"] for r in unpublished.requests[2:]] == [
        "json_object", "json_object"]


def test_a_server_whose_openapi_document_lacks_json_schema_gets_json_object_at_once(
    settings: Settings, llama_cpp_python: FakeOpenAI
) -> None:
    llama_cpp_python.reply_json(VALID)
    llama_cpp_python.reply_json(VALID)
    with LLMInterpreter(_on(settings, llama_cpp_python), max_retries=0) as llm:
        assert len(llm.interpret(TURN, VIEW).operations) == 2
        assert len(llm.interpret(TURN, VIEW).operations) == 2
        assert llm.llm_calls == 2
        assert llm.server_errors == 0
        assert llm.shape == LLMFormat.JSON_OBJECT
    assert [r["response_format"]["type"] for r in llama_cpp_python.requests] == [
        "json_object", "json_object"]
    assert llama_cpp_python.requests[0]["response_format"]["schema"] == trim_schema()
    assert llama_cpp_python.refused == 0
    assert llama_cpp_python.gets == ["/openapi.json"]  # asked once per endpoint


def test_a_server_whose_openapi_document_lists_json_schema_gets_it(settings: Settings) -> None:
    both = copy.deepcopy(LLAMA_CPP_PYTHON_OPENAPI)
    response_format = both["components"]["schemas"]["ChatCompletionRequestResponseFormat"]
    response_format["properties"]["type"]["enum"].append("json_schema")
    with FakeOpenAI(openapi=both) as server:
        server.reply_json(VALID)
        with LLMInterpreter(_on(settings, server), max_retries=0) as llm:
            assert llm.shape is None
            llm.interpret(TURN, VIEW)
            assert llm.shape == LLMFormat.JSON_SCHEMA
        assert server.requests[0]["response_format"]["type"] == "json_schema"
        assert server.gets == ["/openapi.json"]


def test_a_server_that_takes_no_response_format_gets_the_schema_in_the_prompt(
    settings: Settings,
) -> None:
    with FakeOpenAI(accepts=frozenset({"text"}),
                    refusal=(422, "response_format: unsupported field")) as plain:
        plain.reply_json(VALID)
        with LLMInterpreter(_on(settings, plain), max_retries=0) as llm:
            assert len(llm.interpret(TURN, VIEW).operations) == 2
        kinds = [(r.get("response_format") or {}).get("type") for r in plain.requests]
        assert kinds == ["json_schema", "json_object", None]
        assert '"subtasks"' in _messages(plain.requests[2])[0]["content"]


def test_a_fixed_format_the_server_refuses_is_a_clear_error(
    settings: Settings, llama_cpp_python: FakeOpenAI
) -> None:
    fixed = _on(settings, llama_cpp_python, llm_format=LLMFormat.JSON_SCHEMA)
    with LLMInterpreter(fixed, max_retries=2) as llm, pytest.raises(LLMError) as info:
        llm.interpret(TURN, VIEW)
    message = str(info.value)
    assert message.startswith("the language model API refused the request as json_schema: ")
    assert "Input should be 'text' or 'json_object'" in message
    assert "TME_LLM_FORMAT=auto" in message
    assert "\n" not in message
    assert len(llama_cpp_python.requests) == 1  # a refusal is not retried


def test_the_exact_llama_cpp_python_refusal_is_recognised() -> None:
    assert "response_format" in LLAMA_CPP_PYTHON_REFUSAL


def test_a_rambling_model_is_cut_off_not_invalid_json(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.ramble(2)
    with pytest.raises(LLMError) as info:
        llm.interpret(TURN, VIEW)
    message = str(info.value)
    assert "cut off at 1024 tokens twice" in message
    assert "JSON" not in message
    assert "nothing was written" in message
    first, retry = fake.requests
    assert first["max_tokens"] == retry["max_tokens"] == 1024
    # The cut-off text is not sent back: only what happened and what to do.
    assert [m["role"] for m in _messages(retry)] == ["user", "user"]
    assert "cut off at 1024 tokens" in _messages(retry)[-1]["content"]
    assert "Sure!" not in json.dumps(_messages(retry))


def test_a_cut_off_answer_then_a_short_one_is_accepted(
    llm_settings: Settings, fake: FakeOpenAI
) -> None:
    fake.ramble()
    fake.reply_json(VALID)
    capped = llm_settings.model_copy(update={"llm_max_tokens": 300})
    with LLMInterpreter(capped, max_retries=0) as llm:
        assert len(llm.interpret(TURN, VIEW).operations) == 2
    assert [r["max_tokens"] for r in fake.requests] == [300, 300]


def test_replies_are_capped_and_a_cut_off_reply_is_an_llm_error(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.ramble()
    with pytest.raises(LLMError, match="reply was cut off at 256 tokens"):
        llm.respond("hi", TrimResult(), "")
    assert fake.requests[0]["max_tokens"] == 256


def test_the_deadline_covers_every_call_of_the_turn(
    llm_settings: Settings, fake: FakeOpenAI
) -> None:
    fake.reply("not json")  # answered at once, then sent back ...
    fake.slow(30.0, json.dumps(VALID))  # ... and the second answer never comes in time
    quick = llm_settings.model_copy(update={"llm_timeout": 1.0})
    started = time.monotonic()
    with LLMInterpreter(quick, max_retries=2) as llm, \
            pytest.raises(LLMError, match="deadline of 1 s"):
        llm.interpret(TURN, VIEW)
    assert time.monotonic() - started < 3.0  # one deadline, not one per attempt
    assert len(fake.requests) == 2


def test_a_reply_after_trim_shares_the_turns_deadline(
    llm_settings: Settings, fake: FakeOpenAI
) -> None:
    fake.slow(0.8, json.dumps(VALID))
    quick = llm_settings.model_copy(update={"llm_timeout": 0.5})
    with LLMInterpreter(quick, max_retries=0) as llm:
        with pytest.raises(LLMError, match="deadline"):
            llm.interpret(TURN, VIEW)
        # Nothing is left of the turn's time: the reply fails at once, without a request.
        with pytest.raises(LLMError, match=r"deadline of 0\.5 s"):
            llm.respond(TURN, TrimResult(), "")
    assert len(fake.requests) == 1


# ---------------------------------------------------------------------------------------------
# Operations checked against memory


def _answer(*ops: dict[str, Any], intent: str = "update") -> dict[str, Any]:
    return {"subtasks": [{"text": "x", "intent": intent, "operations": list(ops)}]}


MISFITS = {
    "unknown key": (_answer({"op": "revise", "key": "budget", "value": "500"}),
                    "revise 'budget': there is no task 'budget'"),
    "unknown parent": (_answer({"op": "add", "key": "hotel", "title": "Hotel",
                                "parents": ["lodging"]}, intent="new"),
                       "add 'hotel': there is no task 'lodging'"),
    "added when it exists": (_answer({"op": "add", "key": "destination", "title": "Where"},
                                     intent="new"),
                             "add 'destination': that task already exists"),
    "added twice": (_answer({"op": "add", "key": "hotel", "title": "Hotel"},
                            {"op": "add", "key": "hotel", "title": "Hotel"}, intent="new"),
                    "add 'hotel': the task is added twice"),
    "rollback to a value never held": (
        _answer({"op": "rollback", "key": "destination", "to_value": "Chicago"},
                intent="rollback"),
        "rollback 'destination' to 'Chicago': the task never held that value "
        '(it held "Portland", "Seattle")'),
    "rollback past the last revision": (
        _answer({"op": "rollback", "key": "destination", "to_n": 7}, intent="rollback"),
        "rollback 'destination' to revision 7: the task has 2"),
}


@pytest.mark.parametrize(("answer", "problem"), MISFITS.values(), ids=MISFITS.keys())
def test_operations_that_do_not_fit_memory_are_sent_back_then_refused(
    llm: LLMInterpreter, fake: FakeOpenAI, answer: dict[str, Any], problem: str
) -> None:
    fake.reply_json(answer)
    fake.reply_json(answer)
    with pytest.raises(LLMError) as info:
        llm.interpret(TURN, VIEW)
    message = str(info.value)
    assert "the language model (fake-model) produced operations that do not fit" in message
    assert "nothing was written" in message
    assert problem in message
    sent_back = _messages(fake.requests[1])[-1]["content"]
    assert problem in sent_back
    assert "Tasks that exist: destination, trip." in sent_back


def test_a_fitting_second_answer_is_accepted(llm: LLMInterpreter, fake: FakeOpenAI) -> None:
    fake.reply_json(MISFITS["unknown key"][0])
    fake.reply_json(_answer({"op": "rollback", "key": "destination", "to_value": "portland"},
                            intent="rollback"))
    result = llm.interpret("Back to Portland.", VIEW)
    assert [op.op for op in result.operations] == ["rollback"]


def test_keys_added_earlier_in_the_answer_or_the_turn_are_known() -> None:
    result = TrimResult.model_validate(_answer(
        {"op": "add", "key": "hotel", "title": "Hotel", "parents": ["trip"]},
        {"op": "depend", "key": "hotel", "depends_on": "destination"},
        {"op": "link", "key": "flight", "parent": "trip"}, intent="new"))
    assert memory_problems(result, VIEW) == ["link 'flight': there is no task 'flight'"]
    assert memory_problems(result, VIEW, also_known=["flight"]) == []


def test_the_engine_writes_nothing_when_the_model_misnames_tasks_twice(
    store: MemoryStore, llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    store.add_task("trip", "Plan a trip")
    before = graph_snapshot(store)
    bad = _answer({"op": "add", "key": "hotel", "title": "Hotel", "parents": ["trip"]},
                  {"op": "revise", "key": "destination", "value": "Paris"})
    fake.reply_json(bad)
    fake.reply_json(bad)
    with pytest.raises(LLMError, match="there is no task 'destination'"):
        TaskMemoryEngine(store, llm).process("Book a hotel in Paris.")
    assert graph_snapshot(store) == before
    assert store.turns() == []


# ---------------------------------------------------------------------------------------------
# The hybrid backend


class AddClauses:
    """A small offline interpreter: reads sentences ``add KEY`` (a new task), and marks every
    other sentence unparsed, as the product's offline reader does with what it cannot read."""

    name = "add-clauses"

    def interpret(self, text: str, view: TrimView) -> TrimResult:
        subtasks = []
        for clause in (c.strip() for c in text.split(".")):
            words = clause.split()
            if len(words) == 2 and words[0].lower() == "add":
                key = words[1].lower()
                subtasks.append(Subtask(text=clause, intent=Intent.NEW, operations=[
                    AddTask(key=key, title=words[1])]))
            elif clause:
                subtasks.append(Subtask(text=clause, intent=Intent.UNPARSED))
        return TrimResult(subtasks=subtasks)


@pytest.fixture
def hybrid(llm: LLMInterpreter) -> HybridInterpreter:
    return HybridInterpreter(AddClauses(), llm)


def test_a_turn_read_offline_costs_no_llm_call(
    hybrid: HybridInterpreter, fake: FakeOpenAI
) -> None:
    result = hybrid.interpret("Add hotel. Add flight.", VIEW)
    assert [op.key for op in result.operations] == ["hotel", "flight"]
    assert fake.requests == []
    assert hybrid.llm_calls == 0


def test_only_unparsed_clauses_go_to_the_model_in_one_call(
    hybrid: HybridInterpreter, fake: FakeOpenAI
) -> None:
    fake.reply_json({"subtasks": [
        {"text": "put the hotel under the trip", "intent": "link",
         "operations": [{"op": "link", "key": "hotel", "parent": "trip"}]},
        {"text": "where are we going", "intent": "check", "about": ["destination"]},
    ]})
    turn = "Add hotel. Put the hotel under the trip. Where are we going. Add flight."
    result = hybrid.interpret(turn, VIEW)

    assert [s.intent for s in result.subtasks] == [
        Intent.NEW, Intent.LINK, Intent.CHECK, Intent.NEW]
    assert result.operations == [AddTask(key="hotel", title="hotel"),
                                 LinkParent(key="hotel", parent="trip"),
                                 AddTask(key="flight", title="flight")]
    assert result.unparsed == []
    assert len(fake.requests) == 1
    assert hybrid.llm_calls == 1
    prompt = _messages(fake.requests[0])[0]["content"]
    assert prompt.endswith("Read only these parts of it:\n- Put the hotel under the trip\n"
                           "- Where are we going")


def test_when_the_model_fails_the_offline_reading_stands(
    hybrid: HybridInterpreter, fake: FakeOpenAI
) -> None:
    fake.fail(400, "no")
    result = hybrid.interpret("Add hotel. Frobnicate the trip.", VIEW)
    assert [s.intent for s in result.subtasks] == [Intent.NEW, Intent.UNPARSED]
    assert result.operations == [AddTask(key="hotel", title="hotel")]
    assert hybrid.llm_calls == 1


def test_the_model_may_not_add_again_what_the_offline_reading_added(
    hybrid: HybridInterpreter, fake: FakeOpenAI
) -> None:
    again = _answer({"op": "add", "key": "hotel", "title": "Hotel"}, intent="new")
    fake.reply_json(again)
    fake.reply_json(again)
    result = hybrid.interpret("Add hotel. And a hotel please.", VIEW)
    assert result.operations == [AddTask(key="hotel", title="hotel")]  # the offline reading
    assert "add 'hotel': that task already exists" in _messages(fake.requests[1])[-1]["content"]


def test_the_engine_applies_a_hybrid_turn_in_one_transaction(
    store: MemoryStore, hybrid: HybridInterpreter, fake: FakeOpenAI
) -> None:
    store.add_task("trip", "Plan a trip")
    fake.reply_json(_answer({"op": "link", "key": "hotel", "parent": "trip"}, intent="link"))
    result = TaskMemoryEngine(store, hybrid).process("Add hotel. It belongs to the trip.")
    hotel = store.state().task("hotel")
    assert hotel is not None
    assert hotel.parents == ["trip"]
    assert result.changed == {"hotel": "add"}
    assert len(fake.requests) == 1  # no reply call: replies stay offline under the hybrid


def test_make_interpreter_picks_the_backend(settings: Settings) -> None:
    local = settings.model_copy(update={"openai_base_url": "http://127.0.0.1:9/v1",
                                        "openai_api_key": None})
    bare = settings.model_copy(update={"openai_base_url": None, "openai_api_key": None})
    auto = make_interpreter(local.model_copy(update={"trim": TrimBackend.AUTO}))
    assert isinstance(auto, HybridInterpreter)
    assert isinstance(auto.offline, RuleInterpreter)
    assert isinstance(make_interpreter(bare.model_copy(update={"trim": TrimBackend.AUTO})),
                      RuleInterpreter)
    assert isinstance(make_interpreter(local.model_copy(update={"trim": TrimBackend.LLM})),
                      LLMInterpreter)
    assert isinstance(make_interpreter(local.model_copy(update={"trim": TrimBackend.RULES})),
                      RuleInterpreter)


# ---------------------------------------------------------------------------------------------
# tme eval as an instrument


def _eval_env(fake: FakeOpenAI) -> dict[str, str]:
    return {"TME_TRIM": "llm", "OPENAI_BASE_URL": fake.base_url, "OPENAI_API_KEY": "",
            "TME_OPENAI_API_KEY": "", "TME_LLM_MODEL": "fake-model", "TME_LLM_TIMEOUT": "5"}


def _scenario(tmp_path: Path) -> Path:
    path = tmp_path / "three.json"
    path.write_text(json.dumps({"name": "three", "turns": [
        {"user": "We go to Seattle.", "expect": {"state_has": ["Seattle"]}},
        {"user": "Change it to Portland.", "expect": {"kind": "change"}},
        {"user": "Book a hotel.", "expect": {"state_has": ["hotel"]}},
    ]}))
    return path


def _script_three_turns(fake: FakeOpenAI) -> None:
    fake.reply_json(_answer({"op": "add", "key": "destination", "title": "Destination",
                             "value": "Seattle"}, intent="new"))
    fake.reply("Seattle it is.")
    fake.fail(400, "the model is having a bad day")
    fake.reply_json(_answer({"op": "add", "key": "hotel", "title": "Book a hotel"},
                            intent="new"))
    fake.reply("Hotel noted.")


def test_eval_goes_on_past_a_failed_turn_and_reports_it_in_json(
    tmp_path: Path, store: MemoryStore, fake: FakeOpenAI
) -> None:
    _script_three_turns(fake)
    result = CliRunner().invoke(app, ["eval", str(_scenario(tmp_path)), "--json"],
                                env=_eval_env(fake))
    assert result.exit_code == 1
    report = json.loads(result.stdout)
    assert (report["passed"], report["total"]) == (3, 4)
    assert (report["turns"], report["failed_turns"], report["llm_calls"]) == (3, 1, 5)
    turns = report["scenarios"][0]["turns"]
    assert [t["llm_calls"] for t in turns] == [2, 1, 2]
    failed = turns[1]
    assert "HTTP 400: the model is having a bad day" in failed["error"]
    assert [(c["key"], c["ok"]) for c in failed["checks"]] == [
        ("turn", False), ("nothing_written", True)]
    assert all(c["ok"] for c in turns[2]["checks"])
    workspace = report["scenarios"][0]["workspace"]
    assert workspace.startswith("eval-")
    names = {w["ws"] for w in store.list_workspaces()}
    assert workspace not in names  # removed unless --keep


def test_eval_keep_leaves_the_workspace(
    tmp_path: Path, store: MemoryStore, fake: FakeOpenAI
) -> None:
    _script_three_turns(fake)
    result = CliRunner().invoke(app, ["eval", str(_scenario(tmp_path)), "--keep"],
                                env=_eval_env(fake))
    assert result.exit_code == 1
    assert "2/3 turns completed; 5 LLM calls" in result.stdout
    assert "turn: LLMError: the language model API failed with HTTP 400" in result.stdout
    workspace = result.stdout.split("kept in workspace ", 1)[1].split()[0]
    kept = store.for_workspace(workspace)
    try:
        assert [t.text for t in kept.turns()] == ["We go to Seattle.", "Book a hotel."]
    finally:
        kept.delete_workspace()


def test_two_different_problems_are_named_for_the_last_try(
    llm: LLMInterpreter, fake: FakeOpenAI
) -> None:
    fake.ramble()
    fake.reply_json(MISFITS["unknown key"][0])
    with pytest.raises(LLMError, match="do not fit the memory, on its second try") as info:
        llm.interpret(TURN, VIEW)
    assert "there is no task 'budget'" in str(info.value)


def test_respond_without_an_endpoint_is_an_llm_error(settings: Settings) -> None:
    bare = settings.model_copy(update={"openai_api_key": None, "openai_base_url": None})
    with LLMInterpreter(bare) as llm, pytest.raises(LLMError, match="OPENAI_API_KEY"):
        llm.respond("hi", TrimResult(), "")


def test_a_refusal_is_remembered_even_when_the_next_shape_runs_out_of_time(
    settings: Settings, unpublished: FakeOpenAI
) -> None:
    # Like the real server, the fake answers one request at a time: the late answer is sent
    # (to nobody) before the next request is read.
    unpublished.slow(1.5, json.dumps(VALID))
    unpublished.reply_json(VALID)
    with LLMInterpreter(_on(settings, unpublished, llm_timeout=0.5), max_retries=0) as llm:
        with pytest.raises(LLMError, match="deadline"):
            llm.interpret(TURN, VIEW)
        with LLMInterpreter(_on(settings, unpublished), max_retries=0) as again:
            assert len(again.interpret(TURN, VIEW).operations) == 2
    assert [r["response_format"]["type"] for r in unpublished.requests] == [
        "json_schema", "json_object", "json_object"]
