"""The memory as an MCP server: tools and resources for LLM agents sharing a workspace.

``build_server(settings, workspace=, agent=)`` returns an ``MCPServer`` (the SDK's high-level
server) whose tools run TRIM turns and single task operations, read the state, the history and
the change feed, and claim tasks. Every tool takes an optional ``workspace`` (default: the
server's) and every write an optional ``agent`` (default: the server's), so one server can serve
several agents, and several servers (stdio, HTTP) can serve one workspace. A server made with
``only`` refuses every other workspace.

Over HTTP (:func:`run_http`) every request carries a bearer token from :class:`TokenFile`; a
token bound to an agent decides the agent of every call made with it. ``Host`` and ``Origin``
are checked against the address served (DNS rebinding protection, :func:`transport_security`).

Errors the caller can fix (bad key, unknown task, oversized value, a claim held by another agent,
a version conflict) come back as tool errors (``isError``) whose text starts with the error's
class name, e.g. ``ConflictError: ...``; nothing is written then. The Neo4j driver is opened on
the first call (starting the local server when needed), shared by every call, and closed when
the server shuts down.
"""

from __future__ import annotations

import contextvars
import functools
import hmac
import ipaddress
import json
import logging
import os
import secrets
import socket
import threading
from collections.abc import AsyncIterator, Callable, Iterable, Mapping
from contextlib import asynccontextmanager
from typing import Annotated, Any, ParamSpec, TypeVar

import anyio
from mcp.server.context import CallNext, HandlerResult, ServerRequestContext
from mcp.server.mcpserver import MCPServer
from mcp.server.mcpserver.exceptions import ResourceError, ResourceNotFoundError, ToolError
from mcp.server.transport_security import TransportSecuritySettings
from mcp_types import ToolAnnotations
from pydantic import AfterValidator, BaseModel, Field, TypeAdapter, ValidationError
from starlette.datastructures import Headers
from starlette.responses import PlainTextResponse
from starlette.types import ASGIApp, Receive, Scope, Send

from tme_neo4j.config import Settings
from tme_neo4j.engine import TaskMemoryEngine, make_interpreter
from tme_neo4j.errors import ConfigError, InvalidInputError, NotFoundError, TmeError
from tme_neo4j.models import TaskKey
from tme_neo4j.store import MemoryStore
from tme_neo4j.text import MAX_INT, check_agent
from tme_neo4j.trim.base import Interpreter

__all__ = [
    "HISTORY_URI",
    "HTTP_PATH",
    "STATE_URI",
    "AccessToken",
    "MemoryService",
    "TokenFile",
    "bind",
    "build_server",
    "endpoint_url",
    "is_loopback",
    "run_http",
    "run_stdio",
]

log = logging.getLogger(__name__)

P = ParamSpec("P")
R = TypeVar("R")

#: The path of the streamable HTTP endpoint.
HTTP_PATH = "/mcp"
#: Resource URI templates.
STATE_URI = "tme://workspace/{workspace}/state"
HISTORY_URI = "tme://workspace/{workspace}/task/{key}/history"

_MAX_FOCUS = 50
_focus_keys: TypeAdapter[list[str]] = TypeAdapter(
    Annotated[list[TaskKey], Field(max_length=_MAX_FOCUS)]
)

_READ = ToolAnnotations(read_only_hint=True, open_world_hint=False)
_WRITE = ToolAnnotations(read_only_hint=False, destructive_hint=False, open_world_hint=False)

# Tool parameters. The store validates every value (key format, length limits, control
# characters) and refuses bad input before anything is written; these describe it to clients.
Key = Annotated[str, Field(description="Task key: 1-120 characters of lowercase letters, "
                                        "digits and . _ : - (a stable slot name).")]
Workspace = Annotated[str | None, Field(description="Workspace id; default: the server's.")]
Agent = Annotated[str | None, Field(description="Who makes the change; default: the server's "
                                                "agent.")]
Title = Annotated[str, Field(description="Short title, up to 300 characters.")]
Value = Annotated[str | None, Field(description="The task's value, up to 4,000 characters.")]
Reason = Annotated[str | None, Field(description="Why, up to 300 characters (kept in history).")]


#: The agent the HTTP request's token is bound to, if any: set for each call by the server's
#: middleware, read by :meth:`MemoryService.store` (tools run in threads that copy the context).
_token_agent: contextvars.ContextVar[str | None] = contextvars.ContextVar(
    "tme_token_agent", default=None)


class MemoryService:
    """What the tools share: the settings, one lazily opened driver, the TRIM interpreter and
    the server's default workspace and agent.

    ``MemoryService(settings)`` does no I/O. The first :meth:`store` call connects (starting the
    local server if needed), ensures the schema and creates the default workspace. Safe to use
    from the worker threads the MCP SDK runs tools in.
    """

    def __init__(
        self,
        settings: Settings | None = None,
        *,
        workspace: str | None = None,
        agent: str | None = None,
        interpreter: Interpreter | None = None,
        only: bool = False,
    ) -> None:
        self.settings = settings or Settings()
        self.agent = check_agent(agent or self.settings.agent)
        # Validates the workspace id; the store opens no connection until connect().
        self._root = MemoryStore(self.settings, workspace=workspace, agent=self.agent)
        self.workspace = self._root.workspace
        #: With ``only``, calls naming any other workspace are refused.
        self.only = only
        self.interpreter = interpreter or make_interpreter(self.settings)
        self._lock = threading.Lock()
        self._connected = False

    def connect(self) -> None:
        """Open the shared driver once; a failed attempt is retried by the next call."""
        with self._lock:
            if self._connected:
                return
            try:
                self._root.connect()
                self._root.create_workspace()
            except BaseException:
                self._root.close()
                raise
            self._connected = True
            log.info("connected; default workspace %s, agent %s", self.workspace, self.agent)

    def store(self, workspace: str | None = None, agent: str | None = None) -> MemoryStore:
        """A store on ``workspace`` acting as ``agent`` over the shared driver.

        Raises:
            InvalidInputError: a malformed name, a workspace this server is pinned away from,
                or an agent other than the one the caller's token is bound to.
        """
        bound = _token_agent.get()
        if bound is not None and agent is not None and agent != bound:
            raise InvalidInputError(
                f"this token acts as agent {bound!r}; it cannot act as {agent[:64]!r}")
        agent = check_agent(bound or agent or self.agent)
        if workspace is not None:
            MemoryStore(self.settings, workspace=workspace)  # validates before any I/O
            if self.only and workspace != self.workspace:
                raise InvalidInputError(
                    f"this server serves workspace {self.workspace!r} only, not {workspace!r}")
        self.connect()
        return self._root.for_workspace(workspace or self.workspace, agent=agent)

    def engine(self, workspace: str | None = None, agent: str | None = None) -> TaskMemoryEngine:
        # One engine a call: it reads the transcript afresh, so turns other agents wrote count.
        return TaskMemoryEngine(self.store(workspace, agent), self.interpreter)

    def close(self) -> None:
        with self._lock:
            close_interpreter = getattr(self.interpreter, "close", None)
            if close_interpreter is not None:
                close_interpreter()
            self._root.close()
            self._connected = False


def _tool_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn the package's errors into tool errors the calling model can read and act on."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except TmeError as e:
            raise ToolError(f"{type(e).__name__}: {e}") from e

    return wrapper


def _resource_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn the package's errors into resource errors; a missing thing is "not found"."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except (NotFoundError, InvalidInputError) as e:
            raise ResourceNotFoundError(f"{type(e).__name__}: {e}") from e
        except TmeError as e:
            raise ResourceError(f"{type(e).__name__}: {e}") from e

    return wrapper


def _dump(model: BaseModel) -> dict[str, Any]:
    return model.model_dump(mode="json")


def _json(data: Any) -> str:
    return json.dumps(data, ensure_ascii=False, indent=2)


def build_server(
    settings: Settings | None = None,
    *,
    workspace: str | None = None,
    agent: str | None = None,
    only: bool = False,
    service: MemoryService | None = None,
) -> MCPServer[None]:
    """The MCP server for the memory. Validates the defaults; opens no connection. With
    ``only``, calls naming a workspace other than ``workspace`` are refused.

    Raises:
        InvalidInputError: the default workspace id or agent name is malformed.
    """
    mem = service or MemoryService(settings, workspace=workspace, agent=agent, only=only)
    pinned = (f"Only workspace {mem.workspace} is served." if mem.only
              else f"Default workspace: {mem.workspace}.")

    @asynccontextmanager
    async def lifespan(_: MCPServer[None]) -> AsyncIterator[None]:
        try:
            yield None
        finally:
            await anyio.to_thread.run_sync(mem.close)

    server: MCPServer[None] = MCPServer(
        "tme-neo4j",
        title="Task Memory Engine",
        instructions=(
            "Task memory shared by agents: a graph of tasks with values, subtasks, dependencies "
            "and full revision history. Use process_turn for natural-language updates and "
            "questions, the task tools for exact operations, get_state to see everything, and "
            "get_changes to catch up on what other agents did. Claim a task before long work on "
            f"it. {pinned}"
        ),
        lifespan=lifespan,
        log_level="WARNING",
    )

    _register_turns_and_reads(server, mem)
    _register_task_operations(server, mem)
    _register_claims(server, mem)
    _register_resources(server, mem)
    return server


def _tool(
    server: MCPServer[None], annotations: ToolAnnotations
) -> Callable[[Callable[P, R]], Callable[P, R]]:
    def register(fn: Callable[P, R]) -> Callable[P, R]:
        server.add_tool(_tool_errors(fn), annotations=annotations)
        return fn

    return register



def _register_turns_and_reads(server: MCPServer[None], mem: MemoryService) -> None:
    """TRIM turns and reads."""

    @_tool(server, _WRITE)
    def process_turn(
        *,
        text: Annotated[str, Field(description="The user's turn, up to 8,000 characters.")],
        workspace: Workspace = None,
        agent: Agent = None,
        idempotency_key: Annotated[str | None, Field(
            description="Any unique string for this turn (1-200 characters): a retry with the "
                        "same key returns the recorded turn and applies nothing again.")] = None,
    ) -> dict[str, Any]:
        """Run one turn through TRIM: split it into subtasks, find each one's intent and task,
        apply the changes in one transaction and answer questions from memory. Returns the
        operations, the changed and stale tasks, the reply and the context."""
        return _dump(mem.engine(workspace, agent).process(text, idempotency_key=idempotency_key))

    @_tool(server, _READ)
    def get_state(
        *,
        workspace: Workspace = None,
        include_cancelled: Annotated[bool, Field(description="Include cancelled tasks.")] = False,
    ) -> dict[str, Any]:
        """Every task of the workspace with its value, status, parents, dependencies, stale
        flag, version and claim."""
        return _dump(mem.store(workspace).state(include_cancelled=include_cancelled))

    @_tool(server, _READ)
    def get_context(
        *,
        focus: Annotated[list[str], Field(description="Task keys to centre the context on.")],
        workspace: Workspace = None,
    ) -> dict[str, Any]:
        """The prompt context for the focus tasks: their subgraph (ancestors, children,
        dependencies, dependents) within the token budget."""
        try:
            keys = _focus_keys.validate_python(focus)
        except ValidationError as e:
            raise InvalidInputError(f"focus: {e.errors()[0]['msg']}") from e
        return _dump(mem.engine(workspace).context(keys))

    @_tool(server, _READ)
    def get_history(*, key: Key, workspace: Workspace = None) -> dict[str, Any]:
        """Every value a task has had, oldest first: revision number, operation, who, when."""
        revisions = mem.store(workspace).history(key)
        return {"key": key, "revisions": [_dump(r) for r in revisions]}

    @_tool(server, _READ)
    def get_changes(
        *,
        since: Annotated[int, Field(ge=0, le=MAX_INT,
                                    description="Last sequence number seen; 0: all.")] = 0,
        workspace: Workspace = None,
        limit: Annotated[int, Field(ge=1, le=10_000, description="At most this many.")] = 1000,
    ) -> dict[str, Any]:
        """What changed after sequence number `since`, oldest first, with the agent that did
        it. Pass the returned `next_since` next time to get only newer changes."""
        changes = mem.store(workspace).changes(since, limit=limit)
        return {"since": since, "next_since": max((c.seq for c in changes), default=since),
                "changes": [_dump(c) for c in changes]}


def _register_task_operations(server: MCPServer[None], mem: MemoryService) -> None:
    """One operation on one task a call, each in its own transaction."""

    @_tool(server, _WRITE)
    def add_task(
        *,
        key: Key,
        title: Title,
        value: Value = None,
        parents: Annotated[list[str] | None, Field(description="Keys of parent tasks.")] = None,
        depends_on: Annotated[list[str] | None, Field(description="Keys it depends on.")]
        = None,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Add a task with a stable key, optionally under parents and depending on others."""
        return _dump(mem.store(workspace, agent).add_task(
            key, title, value, parents=parents or [], depends_on=depends_on or []))

    @_tool(server, _WRITE)
    def revise_task(
        *,
        key: Key,
        value: Value,
        title: Annotated[str | None, Field(description="New title, if it changes.")] = None,
        reason: Reason = None,
        expected_version: Annotated[int | None, Field(
            ge=1, le=MAX_INT,
            description="Write only if the task is still at this version.")] = None,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Set a task's value; everything depending on it becomes stale. Pass
        expected_version to write only if nobody changed the task since you read it."""
        return _dump(mem.store(workspace, agent).revise(
            key, value, title=title, reason=reason, expected_version=expected_version))

    @_tool(server, _WRITE)
    def rollback_task(
        *,
        key: Key,
        to_n: Annotated[int | None, Field(ge=1, le=MAX_INT,
                                          description="Revision number to return to.")] = None,
        to_value: Annotated[str | None, Field(description="Earlier value to return to.")] = None,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Return a task to its previous value, to revision to_n, or to the value to_value.
        History is appended to, never rewritten."""
        return _dump(mem.store(workspace, agent).rollback(key, to_n=to_n, to_value=to_value))

    @_tool(server, _WRITE)
    def cancel_task(
        *, key: Key, reason: Reason = None, workspace: Workspace = None, agent: Agent = None
    ) -> dict[str, Any]:
        """Cancel a task; it stays in history and can be restored."""
        return _dump(mem.store(workspace, agent).cancel(key, reason=reason))

    @_tool(server, _WRITE)
    def restore_task(
        *, key: Key, workspace: Workspace = None, agent: Agent = None
    ) -> dict[str, Any]:
        """Bring a cancelled or done task back to active."""
        return _dump(mem.store(workspace, agent).restore(key))

    @_tool(server, _WRITE)
    def complete_task(
        *, key: Key, workspace: Workspace = None, agent: Agent = None
    ) -> dict[str, Any]:
        """Mark a task done."""
        return _dump(mem.store(workspace, agent).complete(key))

    @_tool(server, _WRITE)
    def link_task(
        *,
        key: Key,
        parent: Annotated[str, Field(description="Key of the parent task.")],
        remove: Annotated[bool, Field(description="Unlink instead.")] = False,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Make a task a subtask of parent (a task may have several parents), or unlink it."""
        store = mem.store(workspace, agent)
        return _dump(store.unlink(key, parent) if remove else store.link(key, parent))

    @_tool(server, _WRITE)
    def depend_task(
        *,
        key: Key,
        depends_on: Annotated[str, Field(description="Key of the task it depends on.")],
        remove: Annotated[bool, Field(description="Remove the dependency instead.")] = False,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Record that a task depends on another (a cycle is refused), or remove that."""
        store = mem.store(workspace, agent)
        return _dump(store.undepend(key, depends_on) if remove else store.depend(key, depends_on))

    @_tool(server, _WRITE)
    def clear_stale_task(
        *, key: Key, workspace: Workspace = None, agent: Agent = None
    ) -> dict[str, Any]:
        """Clear a task's stale flag once you have checked it against what it depends on."""
        return _dump(mem.store(workspace, agent).clear_stale(key))


def _register_claims(server: MCPServer[None], mem: MemoryService) -> None:
    """Claims: which agent works on a task for now."""

    @_tool(server, _WRITE)
    def claim_task(
        *,
        key: Key,
        seconds: Annotated[int, Field(description="How long the claim lasts: 1-86400.")] = 60,
        workspace: Workspace = None,
        agent: Agent = None,
    ) -> dict[str, Any]:
        """Claim a task for a while: other agents' writes to it are refused until you
        release it or the claim lapses. Claiming again extends your own claim."""
        return _dump(mem.store(workspace, agent).claim(key, seconds))

    @_tool(server, _WRITE)
    def release_task(
        *, key: Key, workspace: Workspace = None, agent: Agent = None
    ) -> dict[str, Any]:
        """Release your claim on a task; released is false when you held none."""
        return {"key": key, "released": mem.store(workspace, agent).release(key)}


def _register_resources(server: MCPServer[None], mem: MemoryService) -> None:
    """The state and a task's history, as JSON resources."""

    @server.resource(STATE_URI, name="workspace-state", title="Workspace state",
                     mime_type="application/json",
                     description="Every active or done task of a workspace.")
    @_resource_errors
    def workspace_state(workspace: str) -> str:
        return _json(_dump(mem.store(workspace).state()))

    @server.resource(HISTORY_URI, name="task-history", title="Task history",
                     mime_type="application/json",
                     description="Every revision of a task, oldest first.")
    @_resource_errors
    def task_history(workspace: str, key: str) -> str:
        return _json([_dump(r) for r in mem.store(workspace).history(key)])


# -- transports ------------------------------------------------------------------------------


def run_stdio(server: MCPServer[None]) -> None:
    """Serve one client over stdin/stdout until it disconnects."""
    server.run("stdio")


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def bind(host: str, port: int) -> socket.socket:
    """A listening socket on ``host:port`` (port 0: any free port).

    Raises:
        ConfigError: the address cannot be bound (taken port, unknown host).
    """
    try:
        family, kind, proto, _, address = socket.getaddrinfo(
            host, port, type=socket.SOCK_STREAM, flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)
    except OSError as e:
        raise ConfigError(f"cannot listen on {host}:{port}: {e}") from e
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(128)
    except OSError as e:
        sock.close()
        raise ConfigError(f"cannot listen on {host}:{port}: {e}") from e
    return sock


def endpoint_url(sock: socket.socket) -> str:
    host, port = sock.getsockname()[:2]
    shown = f"[{host}]" if ":" in host else host
    return f"http://{shown}:{port}{HTTP_PATH}"


def transport_security(host: str) -> TransportSecuritySettings:
    """DNS rebinding protection: only requests whose ``Host`` (and ``Origin``, when sent) name
    this server are served. On for every loopback address and every named host; off only for
    a wildcard bind (``0.0.0.0``, ``::``), whose names cannot be known."""
    if _is_wildcard(host):
        return TransportSecuritySettings(enable_dns_rebinding_protection=False)
    names = {f"[{host}]" if ":" in host else host}
    if is_loopback(host):
        names |= {"127.0.0.1", "localhost", "[::1]"}
    return TransportSecuritySettings(
        enable_dns_rebinding_protection=True,
        allowed_hosts=sorted(f"{n}:*" for n in names),
        allowed_origins=sorted(f"{scheme}://{n}:*" for n in names for scheme in ("http", "https")),
    )


def _is_wildcard(host: str) -> bool:
    try:
        return ipaddress.ip_address(host).is_unspecified
    except ValueError:
        return False


def run_http(
    server: MCPServer[None], sock: socket.socket, *, host: str,
    tokens: TokenFile | None,
    ready: Callable[[str], None] | None = None,
) -> None:
    """Serve streamable HTTP on a bound socket (see :func:`bind`) until SIGINT or SIGTERM.

    Every request must carry ``Authorization: Bearer TOKEN`` with a token of ``tokens``
    (``None``: no authentication); a token bound to an agent makes every call act as that
    agent. DNS rebinding protection as :func:`transport_security` says. ``ready`` is told the
    endpoint URL once the socket listens.
    """
    import uvicorn

    app: ASGIApp = server.streamable_http_app(
        streamable_http_path=HTTP_PATH, host=host, transport_security=transport_security(host))
    if tokens is not None:
        app = _BearerAuth(app, tokens)
        server.middleware.append(_AgentOfToken(tokens))
    port = sock.getsockname()[1]
    # log_config=None: leave logging to the application (uvicorn's default sends to stdout).
    config = uvicorn.Config(app, host=host, port=port, log_config=None, log_level="warning",
                            access_log=False, lifespan="on", timeout_graceful_shutdown=5)
    if ready is not None:
        ready(endpoint_url(sock))
    try:
        anyio.run(functools.partial(uvicorn.Server(config).serve, sockets=[sock]))
    finally:
        sock.close()


# -- bearer tokens ---------------------------------------------------------------------------


class AccessToken(BaseModel):
    """A bearer token for the HTTP endpoint; with ``agent``, every call acts as that agent."""

    token: str = Field(min_length=32)
    agent: Annotated[str, AfterValidator(check_agent)] | None = None


class _TokenList(BaseModel):
    tokens: list[AccessToken] = Field(default_factory=list)


class TokenFile:
    """The HTTP endpoint's bearer tokens, in ``TME_HOME/mcp-tokens.json`` (mode 0600, like the
    database password), made on first use. Reading them does no network I/O."""

    NAME = "mcp-tokens.json"

    def __init__(self, settings: Settings) -> None:
        self.path = settings.home.expanduser().absolute() / self.NAME

    def tokens(self) -> list[AccessToken]:
        """Every token, creating the file with one token for any agent when there is none.

        Raises:
            ConfigError: the file cannot be read, written or parsed.
        """
        found = self._read()
        if not found:
            found = [self._new(None)]
            self._write(found)
        return found

    def token_for(self, agent: str | None) -> AccessToken:
        """A token bound to ``agent`` (``None``: unbound), made and stored if there is none."""
        if agent is not None:
            check_agent(agent)
        found = self.tokens()
        match = next((t for t in found if t.agent == agent), None)
        if match is None:
            match = self._new(agent)
            self._write([*found, match])
        return match

    def agent_of(self, header: str | None) -> tuple[bool, str | None]:
        """(known, bound agent) for an ``Authorization`` header value; compares in constant
        time against every token."""
        scheme, _, offered = (header or "").partition(" ")
        if scheme.lower() != "bearer" or not offered:
            return False, None
        known, agent = False, None
        for entry in self._read():  # read each time: tokens added meanwhile count at once
            if hmac.compare_digest(entry.token.encode(), offered.strip().encode()):
                known, agent = True, entry.agent
        return known, agent

    def _new(self, agent: str | None) -> AccessToken:
        return AccessToken(token="tme_" + secrets.token_urlsafe(32), agent=agent)

    def _read(self) -> list[AccessToken]:
        try:
            raw = self.path.read_bytes()
        except FileNotFoundError:
            return []
        except OSError as e:
            raise ConfigError(f"cannot read the token file {self.path}: {e.strerror}") from e
        if self.path.stat().st_mode & 0o077:
            self.path.chmod(0o600)  # tokens are secrets: nobody else may read them
        try:
            return _TokenList.model_validate_json(raw).tokens
        except ValidationError as e:
            raise ConfigError(f"the token file {self.path} is not valid: remove it to start "
                              f"over ({e.error_count()} problem(s))") from e

    def _write(self, tokens: Iterable[AccessToken]) -> None:
        text = _TokenList(tokens=list(tokens)).model_dump_json(indent=2) + "\n"
        self.path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        temporary = self.path.with_name(f".{self.NAME}.{os.getpid()}.tmp")
        try:
            fd = os.open(temporary, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
            with os.fdopen(fd, "w", encoding="utf-8") as handle:
                handle.write(text)
            temporary.replace(self.path)
        except OSError as e:
            temporary.unlink(missing_ok=True)
            raise ConfigError(f"cannot write the token file {self.path}: {e.strerror}") from e


class _BearerAuth:
    """ASGI middleware: a request without a known bearer token gets 401 and reaches nothing."""

    def __init__(self, app: ASGIApp, tokens: TokenFile) -> None:
        self.app = app
        self.tokens = tokens

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            known, _ = self.tokens.agent_of(Headers(scope=scope).get("authorization"))
            if not known:
                response = PlainTextResponse(
                    "a bearer token is required: Authorization: Bearer <token from "
                    "`tme mcp --print-config --http ...`>", status_code=401,
                    headers={"WWW-Authenticate": 'Bearer realm="tme-neo4j"'})
                await response(scope, receive, send)
                return
        await self.app(scope, receive, send)


class _AgentOfToken:
    """MCP middleware: each call acts as the agent its request's token is bound to."""

    def __init__(self, tokens: TokenFile) -> None:
        self.tokens = tokens

    async def __call__(self, ctx: ServerRequestContext[Any, Any], call_next: CallNext
                       ) -> HandlerResult:
        headers: Mapping[str, str] | None = getattr(ctx.request, "headers", None)
        _, agent = self.tokens.agent_of(headers.get("authorization") if headers else None)
        reset = _token_agent.set(agent)
        try:
            return await call_next(ctx)
        finally:
            _token_agent.reset(reset)
