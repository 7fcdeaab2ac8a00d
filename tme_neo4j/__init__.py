"""tme-neo4j: a Task Memory Engine for LLM agents, backed by Neo4j."""

from tme_neo4j.config import Settings
from tme_neo4j.errors import (
    ConfigError,
    ConflictError,
    CycleError,
    InvalidInputError,
    LLMError,
    Neo4jUnavailableError,
    NotFoundError,
    TmeError,
)

__all__ = [
    "ConfigError",
    "ConflictError",
    "CycleError",
    "InvalidInputError",
    "LLMError",
    "Neo4jUnavailableError",
    "NotFoundError",
    "Settings",
    "TmeError",
]
