"""Shared console objects and JSON output for the CLI commands."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel
from rich.console import Console

console = Console(soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print models, lists of models or plain data as JSON on stdout."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    elif isinstance(data, list):
        data = [d.model_dump(mode="json") if isinstance(d, BaseModel) else d for d in data]
    # Plain print: rich would wrap long lines and break the JSON for pipes.
    print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
