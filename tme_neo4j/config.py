"""Settings, read from ``TME_*`` environment variables when (and only when) asked for."""

from __future__ import annotations

from enum import StrEnum
from pathlib import Path
from typing import Annotated, Any

import platformdirs
from pydantic import AfterValidator, AliasChoices, Field, SecretStr, ValidationError
from pydantic_settings import BaseSettings, SettingsConfigDict

from tme_neo4j.errors import SettingError, describe_problem
from tme_neo4j.text import check_agent, check_workspace_id

__all__ = ["LLMFormat", "Settings", "TrimBackend"]


class TrimBackend(StrEnum):
    AUTO = "auto"
    RULES = "rules"
    LLM = "llm"


class LLMFormat(StrEnum):
    """How TRIM asks an OpenAI-compatible server for JSON (servers accept different shapes)."""

    AUTO = "auto"  # json_schema, then json_object, then prompt: the first the server takes
    JSON_SCHEMA = "json_schema"  # response_format json_schema (OpenAI, llama-server, vLLM, ...)
    JSON_OBJECT = "json_object"  # response_format json_object, the schema in the prompt
    PROMPT = "prompt"  # no response_format, the schema in the prompt


def _default_home() -> Path:
    return Path(platformdirs.user_data_dir("tme-neo4j", appauthor=False))


class Settings(BaseSettings):
    """Everything configurable. ``Settings()`` reads the environment; pass fields to override."""

    model_config = SettingsConfigDict(env_prefix="TME_", extra="ignore", populate_by_name=True)

    def __init__(self, **values: Any) -> None:
        """Raises SettingError naming the variable and what it allows, on one line."""
        try:
            super().__init__(**values)
        except ValidationError as e:
            raise SettingError(_setting_problem(e)) from e

    # Where the local server, its password file and its data live.
    home: Path = Field(default_factory=_default_home)

    # An existing server; when unset, the local server under ``home`` is used (started on demand).
    neo4j_uri: str | None = None
    neo4j_user: str = "neo4j"
    neo4j_password: SecretStr | None = None
    neo4j_database: str = "neo4j"

    # The local server.
    neo4j_version: str = "5.26.30"
    bolt_port: int = Field(default=7687, ge=1, le=65535)
    http_port: int = Field(default=7474, ge=1, le=65535)
    heap: str = "512m"
    pagecache: str = "256m"

    workspace: Annotated[str, AfterValidator(check_workspace_id)] = "default"
    agent: Annotated[str, AfterValidator(check_agent)] = "cli"

    trim: TrimBackend = TrimBackend.AUTO
    openai_api_key: SecretStr | None = Field(
        default=None, validation_alias=AliasChoices("TME_OPENAI_API_KEY", "OPENAI_API_KEY")
    )
    openai_base_url: str | None = Field(
        default=None, validation_alias=AliasChoices("TME_OPENAI_BASE_URL", "OPENAI_BASE_URL")
    )
    llm_model: str = "gpt-4o-mini"
    # A deadline for all the LLM calls of one turn, retries included, in seconds.
    llm_timeout: float = Field(default=60.0, gt=0)
    llm_format: LLMFormat = LLMFormat.AUTO
    # The longest TRIM answer, in tokens; replies get a quarter of it (at least 64).
    llm_max_tokens: int = Field(default=1024, ge=64)

    context_budget: int = Field(default=1500, ge=100)


def _setting_problem(error: ValidationError) -> str:
    """``TME_TRIM='bogus' is not allowed: Input should be 'auto', 'rules' or 'llm'``."""
    problem = error.errors()[0]
    name = next((str(p) for p in problem["loc"] if isinstance(p, str)), "")
    variable = name if name.isupper() else f"TME_{name.upper()}"
    reason = describe_problem(problem | {"loc": ()})
    return f"{variable}={problem.get('input')!r} is not allowed: {reason}"
