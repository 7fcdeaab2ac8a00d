"""Shared console objects and JSON output for the CLI commands."""

from __future__ import annotations

import json
import re
from datetime import date, datetime, time
from typing import Any

from neo4j.graph import Node, Path, Relationship
from pydantic import BaseModel
from rich.console import Console

# json.dumps escapes C0 controls but, with ensure_ascii=False, leaves DEL, the C1 controls (a
# terminal may obey U+009B as CSI) and lone surrogates raw: written as \uXXXX they stay JSON.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")

console = Console(soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def plain(value: Any) -> Any:
    """A value read from Neo4j as plain JSON data: nodes, relationships and paths as maps of
    their labels or type and properties, temporal values as ISO text."""
    if isinstance(value, Node):
        return {"labels": sorted(value.labels), "properties": plain(dict(value))}
    if isinstance(value, Relationship):
        start, end = value.start_node, value.end_node
        return {"type": value.type, "start": start.get("key") if start else None,
                "end": end.get("key") if end else None, "properties": plain(dict(value))}
    if isinstance(value, Path):
        return {"nodes": [plain(n) for n in value.nodes],
                "relationships": [plain(r) for r in value.relationships]}
    if isinstance(value, dict):
        return {k: plain(v) for k, v in value.items()}
    if isinstance(value, list | tuple):
        return [plain(v) for v in value]
    if hasattr(value, "to_native"):  # neo4j.time types, as the store's reads give them
        value = value.to_native()
    if hasattr(value, "iso_format"):  # a Duration has no Python twin
        return value.iso_format()
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    return value


def print_json(data: Any) -> None:
    """Print models, lists of models or plain data as JSON on stdout."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    elif isinstance(data, list):
        data = [d.model_dump(mode="json") if isinstance(d, BaseModel) else d for d in data]
    # Plain print: rich would wrap long lines and break the JSON for pipes.
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
