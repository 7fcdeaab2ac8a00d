"""LLMInterpreter end to end through the real openai client against a local fake server, and
the engine with it against the real Neo4j."""

from __future__ import annotations

import json
import socket
from collections.abc import Iterator
from typing import Any

import openai
import pytest
from conftest import graph_snapshot
from fake_openai import FakeOpenAI
from pydantic import SecretStr

from tme_neo4j.config import Settings
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import ConfigError, LLMError
from tme_neo4j.models import AddTask, AlignedTask, ReviseTask, Task
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import Conflict, Intent, Subtask, TrimResult, TrimView
from tme_neo4j.trim.llm import LLMInterpreter, render_view, trim_schema

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
    fmt = request["response_format"]
    assert fmt["type"] == "json_schema"
    assert fmt["json_schema"]["name"] == "trim_result"
    assert fmt["json_schema"]["strict"] is False
    assert fmt["json_schema"]["schema"] == trim_schema()
    system, user = _messages(request)
    assert system["role"] == "system"
    assert "check and note subtasks have no operations" in system["content"]
    assert render_view(VIEW) in user["content"]
    assert user["content"].endswith(TURN)
    assert fake.headers[0]["authorization"] == f"Bearer {API_KEY}"


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
    assert retry[:2] == _messages(fake.requests[0])
    assert retry[2] == {"role": "assistant", "content": '{"subtasks": ['}
    assert retry[3]["role"] == "user"
    assert "not valid JSON" in retry[3]["content"]
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


def test_client_side_retries_are_the_clients(llm_settings: Settings, fake: FakeOpenAI) -> None:
    fake.fail(503)
    fake.reply_json(VALID)
    with LLMInterpreter(llm_settings, max_retries=1) as llm:
        assert len(llm.interpret(TURN, VIEW).operations) == 2
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
            pytest.raises(LLMError, match=r"did not answer within 0.2 s") as info:
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
    system, user = _messages(request)
    assert "context given alone" in system["content"]
    assert "point the conflict out" in system["content"]
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
    assert "Seattle" in _messages(fake.requests[1])[1]["content"]  # the context went along
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
