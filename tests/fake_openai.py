"""A local OpenAI-compatible server for tests: ``POST /v1/chat/completions`` answers from a
script, and every request body is recorded.

Each scripted answer is message content (a string the model "said"), an HTTP error status, or
a ramble (text that ignores the schema and runs to ``max_tokens``). Like a real server it
counts tokens (here: words) and cuts an answer longer than the request's ``max_tokens``,
reporting ``finish_reason: "length"``. When the script runs out, the server answers 500 so an
unexpected extra call fails the test loudly instead of hanging.

Which ``response_format`` types it takes is set per server, as real servers differ:
:meth:`FakeOpenAI.like_llama_cpp_python` refuses ``json_schema`` with the very error
llama-cpp-python's server sends; a refused request is recorded but takes no scripted answer.
``GET /openapi.json`` answers the OpenAPI document the server is given, or 404 as llama-server
does; those requests are recorded apart.
"""

from __future__ import annotations

import json
import threading
from collections import deque
from http.server import BaseHTTPRequestHandler, HTTPServer
from typing import Any, Self

__all__ = ["FakeOpenAI"]


class _Error:
    __slots__ = ("message", "status")

    def __init__(self, status: int, message: str) -> None:
        self.status = status
        self.message = message


class _Delay:
    __slots__ = ("content", "seconds")

    def __init__(self, seconds: float, content: str) -> None:
        self.seconds = seconds
        self.content = content


class _Ramble:
    __slots__ = ()


#: What llama-cpp-python's server (0.3.36, FastAPI) answers, with HTTP 500, to a request whose
#: ``response_format.type`` is ``json_schema``: its request model knows only text and
#: json_object, and its error handler turns the validation error, with the place it was raised,
#: into an internal error. Captured from the real server; only the install path varies.
LLAMA_CPP_PYTHON_REFUSAL = (
    "1 validation error:\n  {'type': 'literal_error', 'loc': ('body', 'response_format', "
    "'type'), 'msg': \"Input should be 'text' or 'json_object'\", 'input': 'json_schema', "
    "'ctx': {'expected': \"'text' or 'json_object'\"}}\n\n  File \"/usr/lib/python3/"
    "site-packages/llama_cpp/server/app.py\", line 376, in create_chat_completion\n"
    "    POST /v1/chat/completions"
)


#: The part of llama-cpp-python's OpenAPI document (0.3.36, ``GET /openapi.json``) that says
#: which ``response_format`` types its chat completions take.
LLAMA_CPP_PYTHON_OPENAPI: dict[str, Any] = {
    "openapi": "3.1.0",
    "paths": {"/v1/chat/completions": {"post": {"requestBody": {"content": {
        "application/json": {"schema": {
            "$ref": "#/components/schemas/CreateChatCompletionRequest"}}}}}}},
    "components": {"schemas": {
        "ChatCompletionRequestResponseFormat": {
            "properties": {"type": {"type": "string", "enum": ["text", "json_object"],
                                    "title": "Type"},
                           "schema": {"anyOf": [
                               {"type": "integer"}, {"type": "string"}, {"type": "boolean"},
                               {"items": {}, "type": "array"},
                               {"additionalProperties": True, "type": "object"},
                               {"type": "null"}], "title": "Schema"}},
            "type": "object", "required": ["type"],
            "title": "ChatCompletionRequestResponseFormat"},
        "CreateChatCompletionRequest": {"properties": {"response_format": {"anyOf": [
            {"$ref": "#/components/schemas/ChatCompletionRequestResponseFormat"},
            {"type": "null"}]}}},
    }},
}


class FakeOpenAI:
    """``with FakeOpenAI() as fake:`` serves on 127.0.0.1 at a free port until the block ends.

    ``accepts`` are the ``response_format`` types it takes (all by default); others are
    refused with ``refusal`` = (HTTP status, message). ``openapi`` is the document served at
    ``/openapi.json`` (none by default)."""

    def __init__(
        self,
        *,
        accepts: frozenset[str] | None = None,
        refusal: tuple[int, str] = (400, "response_format is not supported"),
        openapi: dict[str, Any] | None = None,
    ) -> None:
        self.accepts = accepts
        self.refusal = refusal
        self.openapi = openapi
        self.refused = 0
        self.requests: list[dict[str, Any]] = []
        self.gets: list[str] = []
        self.headers: list[dict[str, str]] = []
        self._script: deque[str | _Error | _Delay | _Ramble] = deque()
        self._lock = threading.Lock()
        self._server: HTTPServer | None = None
        self._thread: threading.Thread | None = None
        self.stopping = threading.Event()

    @classmethod
    def like_llama_cpp_python(cls, *, publishes: bool = True) -> FakeOpenAI:
        """Takes text and json_object (with or without a schema); refuses json_schema. With
        ``publishes``, serves the OpenAPI document that says so."""
        return cls(accepts=frozenset({"text", "json_object"}),
                   refusal=(500, LLAMA_CPP_PYTHON_REFUSAL),
                   openapi=LLAMA_CPP_PYTHON_OPENAPI if publishes else None)

    # -- the script --------------------------------------------------------------------------

    def reply(self, content: str) -> None:
        """Queue one answer whose ``choices[0].message.content`` is ``content``."""
        with self._lock:
            self._script.append(content)

    def reply_json(self, value: Any) -> None:
        self.reply(json.dumps(value))

    def fail(self, status: int, message: str = "scripted failure") -> None:
        """Queue one HTTP error answer with an OpenAI-shaped error body."""
        with self._lock:
            self._script.append(_Error(status, message))

    def ramble(self, times: int = 1) -> None:
        """Queue answers that ignore the schema and talk until ``max_tokens`` cuts them."""
        with self._lock:
            self._script.extend(_Ramble() for _ in range(times))

    def slow(self, seconds: float, content: str = "") -> None:
        """Queue one answer sent only after ``seconds`` (or when the server stops)."""
        with self._lock:
            self._script.append(_Delay(seconds, content))

    @property
    def pending(self) -> int:
        with self._lock:
            return len(self._script)

    # -- the server --------------------------------------------------------------------------

    @property
    def base_url(self) -> str:
        if self._server is None:
            raise RuntimeError("the fake server is not running")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/v1"

    def start(self) -> Self:
        server = HTTPServer(("127.0.0.1", 0), _handler(self))
        server.handle_error = lambda request, client_address: None  # type: ignore[method-assign]
        self._server = server
        self._thread = threading.Thread(
            target=server.serve_forever, kwargs={"poll_interval": 0.05},
            name="fake-openai", daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.stopping.set()
        if self._server is not None:
            self._server.shutdown()
            self._server.server_close()
            self._server = None
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def take(
        self, body: dict[str, Any], headers: dict[str, str]
    ) -> str | _Error | _Delay | _Ramble:
        """Record one request and return the next scripted step (the handler calls this)."""
        with self._lock:
            self.requests.append(body)
            self.headers.append(headers)
            kind = (body.get("response_format") or {}).get("type", "text")
            if self.accepts is not None and kind not in self.accepts:
                self.refused += 1
                return _Error(*self.refusal)
            if not self._script:
                return _Error(500, "the fake server's script is exhausted")
            return self._script.popleft()


def _handler(fake: FakeOpenAI) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        # HTTP/1.0: one request per connection, so shutting down never waits on a keep-alive.
        protocol_version = "HTTP/1.0"

        def do_GET(self) -> None:
            with fake._lock:
                fake.gets.append(self.path)
            if self.path == "/openapi.json" and fake.openapi is not None:
                self._send(200, fake.openapi)
            else:
                self._send(404, _error_body("File Not Found"))

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length)
            if self.path.rstrip("/") != "/v1/chat/completions":
                self._send(404, _error_body("no such endpoint: " + self.path))
                return
            try:
                body = json.loads(raw)
            except ValueError:
                self._send(400, _error_body("the request body is not JSON"))
                return
            step = fake.take(body, {k.lower(): v for k, v in self.headers.items()})
            if isinstance(step, _Error):
                self._send(step.status, _error_body(step.message))
                return
            if isinstance(step, _Delay):
                if fake.stopping.wait(step.seconds):
                    return
                step = step.content
            limit = body.get("max_tokens")
            words = (_RAMBLE * (int(limit or 4096) // len(_RAMBLE) + 1)
                     if isinstance(step, _Ramble) else step.split(" "))
            finish = "stop"
            if isinstance(limit, int) and len(words) > limit:
                words, finish = words[:limit], "length"
            self._send(200, _completion(str(body.get("model", "fake")), " ".join(words),
                                        len(fake.requests), finish))

        def _send(self, status: int, payload: dict[str, Any]) -> None:
            data = json.dumps(payload).encode()
            self.send_response(status)
            self.send_header("Content-Type", "application/json")
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

    return Handler


_RAMBLE = ("Sure!", "Here", "is", "the", "plan", "for", "your", "tasks,", "step", "by",
           "step,", "with", "every", "detail", "you", "might", "need:")


def _completion(model: str, content: str, n: int, finish: str) -> dict[str, Any]:
    return {
        "id": f"chatcmpl-fake-{n}",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [{
            "index": 0,
            "message": {"role": "assistant", "content": content, "refusal": None},
            "finish_reason": finish,
            "logprobs": None,
        }],
        "usage": {"prompt_tokens": 0, "completion_tokens": len(content.split()),
                  "total_tokens": len(content.split())},
    }


def _error_body(message: str) -> dict[str, Any]:
    return {"error": {"message": message, "type": "fake_error", "param": None, "code": None}}

