"""Pictures of a workspace's task graph: Mermaid and Graphviz DOT text, SVG/PNG via Graphviz."""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Iterator

from tme_neo4j.errors import ConfigError, TmeError
from tme_neo4j.models import Task, TaskStatus, WorkspaceState, title_and_value

__all__ = ["to_dot", "to_image", "to_mermaid"]

_FILL = {TaskStatus.ACTIVE: "#d8f0d8", TaskStatus.DONE: "#d0d8f0", TaskStatus.CANCELLED: "#e0e0e0"}
_STALE_FILL = "#ffe0a0"


def _label(task: Task) -> str:
    text = title_and_value(task.title, task.value)
    if task.status != TaskStatus.ACTIVE:
        text += f" [{task.status.value}]"
    if task.stale:
        text += " [stale]"
    return text


def _ids(state: WorkspaceState) -> dict[str, str]:
    # Keys may hold '.', ':' and '-', which neither language accepts in a bare identifier.
    return {t.key: f"t{i}" for i, t in enumerate(state.tasks)}


def _fill(task: Task) -> str:
    return _STALE_FILL if task.stale else _FILL[task.status]


def _edges(state: WorkspaceState, ids: dict[str, str]) -> Iterator[tuple[str, str, bool]]:
    """(from id, to id, is a dependency) for every edge between tasks in the picture:
    parent to subtask, dependent to what it needs."""
    for t in state.tasks:
        for parent in t.parents:
            if parent in ids:
                yield ids[parent], ids[t.key], False
        for dep in t.depends_on:
            if dep in ids:
                yield ids[t.key], ids[dep], True


def to_mermaid(state: WorkspaceState) -> str:
    ids = _ids(state)
    lines = ["flowchart TD"]
    for t in state.tasks:
        label = _label(t).replace('"', "#quot;")
        lines.append(f'    {ids[t.key]}["{label}"]')
    for a, b, needs in _edges(state, ids):
        lines.append(f"    {a} -. needs .-> {b}" if needs else f"    {a} --> {b}")
    for t in state.tasks:
        lines.append(f"    style {ids[t.key]} fill:{_fill(t)}")
    return "\n".join(lines) + "\n"


def to_dot(state: WorkspaceState) -> str:
    ids = _ids(state)
    lines = [f'digraph "{_escape(state.workspace)}" {{', "  rankdir=TB;",
             '  node [shape=box, style="rounded,filled", fontname="Helvetica"];']
    for t in state.tasks:
        lines.append(f'  {ids[t.key]} [label="{_escape(_label(t))}", fillcolor="{_fill(t)}"];')
    for a, b, needs in _edges(state, ids):
        lines.append(f'  {a} -> {b} [style=dashed, label="needs"];' if needs else f"  {a} -> {b};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def to_image(state: WorkspaceState, fmt: str) -> bytes:
    """SVG or PNG through Graphviz's ``dot``; a clear error when it is not installed."""
    dot = shutil.which("dot")
    if dot is None:
        raise ConfigError(f"rendering {fmt} needs Graphviz's `dot`: install the package "
                          "'graphviz' (e.g. apt-get install graphviz), or use "
                          "--format mermaid or dot")
    done = subprocess.run([dot, f"-T{fmt}"], input=to_dot(state).encode(), capture_output=True,
                          timeout=120, check=False)
    if done.returncode != 0:
        raise TmeError(f"Graphviz failed: {done.stderr.decode(errors='replace').strip()[:300]}")
    return done.stdout


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ")
