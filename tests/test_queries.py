"""The Cypher registry: every file has its header, and an unknown name raises."""

from __future__ import annotations

import re

import pytest

from tme_neo4j import queries
from tme_neo4j.errors import NotFoundError


def test_every_query_has_a_header_and_one_statement() -> None:
    found = queries.all_queries()
    assert "add_task" in found
    assert "schema/task_key_unique" in found
    for q in found.values():
        assert q.purpose, q.name
        assert q.mode in ("read", "write", "schema", "part"), q.name
        body = "\n".join(ln for ln in q.text.splitlines() if not ln.startswith("//"))
        assert ";" not in body.replace("';'", ""), f"{q.name}: one statement a file"
        # Every $parameter the statement uses is documented in its header.
        for name in q.parameter_names:
            assert f"${name}" in q.parameters, f"{q.name}: ${name} missing from the header"


def test_names_are_verb_noun() -> None:
    for name in queries.all_queries():
        base = name.rsplit("/", 1)[-1]
        assert re.fullmatch(r"[a-z]+(_[a-z]+)+", base), name


def test_unknown_query_raises() -> None:
    with pytest.raises(NotFoundError, match="no named query 'drop_everything'"):
        queries.get("drop_everything")


def test_the_statement_sent_is_the_text_without_comments_or_indentation() -> None:
    for q in queries.all_queries().values():
        lines = q.statement.splitlines()
        assert lines, q.name
        assert not any(ln.startswith(("//", " ")) or not ln for ln in lines), q.name
        # Nothing but comments and whitespace goes: the words of the statement are all there.
        body = [ln for ln in q.text.splitlines() if not ln.lstrip().startswith("//")]
        assert q.statement.split() == " ".join(body).split(), q.name
