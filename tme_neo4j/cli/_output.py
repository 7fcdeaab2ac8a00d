"""Shared console objects and JSON output for the CLI commands."""

from __future__ import annotations

import json
import re
from typing import Any

from pydantic import BaseModel
from rich.console import Console

# json.dumps escapes C0 controls but, with ensure_ascii=False, leaves DEL, the C1 controls (a
# terminal may obey U+009B as CSI) and lone surrogates raw: written as \uXXXX they stay JSON.
_RAW_IN_JSON = re.compile("[\x7f-\x9f\ud800-\udfff]")

console = Console(soft_wrap=True)
err_console = Console(stderr=True, highlight=False, soft_wrap=True)


def print_json(data: Any) -> None:
    """Print models, lists of models or plain data as JSON on stdout."""
    if isinstance(data, BaseModel):
        data = data.model_dump(mode="json")
    elif isinstance(data, list):
        data = [d.model_dump(mode="json") if isinstance(d, BaseModel) else d for d in data]
    # Plain print: rich would wrap long lines and break the JSON for pipes.
    text = json.dumps(data, indent=2, ensure_ascii=False, default=str)
    print(_RAW_IN_JSON.sub(lambda m: f"\\u{ord(m.group()):04x}", text))
