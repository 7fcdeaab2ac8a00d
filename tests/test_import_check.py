"""The batch check of an import vouches only for records their model accepts.

An import checks a batch of records field by field at once and asks the record's model (which
names each problem) only when that check is not sure; these tests hold it to never letting
through a record the model refuses, and to letting the usual records through.
"""

from __future__ import annotations

import copy
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from pydantic import ValidationError

from tme_neo4j.models import MAX_TITLE, MAX_VALUE
from tme_neo4j.portable import _SECTIONS, _batch_is_valid

AT = "2026-01-01T10:00:00.123456Z"
GOOD: dict[str, dict[str, Any]] = {
    "tasks": {"id": "t-1", "key": "trip.hotel", "title": "Hotel", "value": "Lisbon",
              "status": "active", "stale": True, "stale_reason": "flight changed",
              "version": 2, "created_at": AT, "updated_at": "2026-01-02T10:00:00+02:00",
              "created_by": "agent a", "updated_by": "b@c", "stale_on": ["trip.flight"],
              "stale_basis": ["TP123"]},
    "edges": {"type": "DEPENDS_ON", "from": "trip.hotel", "to": "trip.flight"},
    "revisions": {"task": "trip.hotel", "n": 2, "value": "Lisbon", "title": "Hotel",
                  "status": "active", "op": "revise", "at": AT, "by": "agent a", "turn": 3,
                  "seq": 7, "reason": "moved"},
    "turns": {"n": 3, "text": "move the hotel\x07", "intent": "revise", "reply": "Done.",
              "at": AT, "agent": "agent a", "seq": 7, "request": "r-1", "undoes": 2,
              "touched": [{"task": "trip.hotel", "op": "revise"}]},
    "changes": {"seq": 7, "key": "trip.hotel", "op": "revise", "agent": "agent a", "turn": 3,
                "at": AT},
}

# Values a field may be given, most of them wrong for most fields.
ODD_VALUES = [None, "", " ", "a\nb", "x\x00", "\ud800", "Not A Key", "a" * (MAX_TITLE + 1),
              "a" * (MAX_VALUE + 1), "2024-02-30T10:00:00Z", "2024-03-01T10:00:00",
              "2024-03-01T10:00:00+01:00[Europe/Lisbon]", "2024-03-01T10:00:00+01:00[Mars/X]",
              "2026-01-01T10:00:00Z\n", 0, 1, -1, 2**63, 2**63 - 1, 1.0, True, False, [], [""],
              ["a\nb"], [None], {}, [{"task": "a", "op": "b"}], [{"task": "a"}],
              [{"task": "a", "op": "b", "x": 1}], "active", "done", "SUBTASK_OF", "OWNS"]


def _model_accepts(section: str, item: Any) -> bool:
    try:
        _SECTIONS[section].model_validate(item)
    except ValidationError:
        return False
    return True


@pytest.mark.parametrize("section", sorted(GOOD))
def test_the_usual_records_pass_the_batch_check(section: str) -> None:
    good = GOOD[section]
    assert _model_accepts(section, good)
    assert _batch_is_valid(section, [good, good])
    bare = {k: v for k, v in good.items()
            if _SECTIONS[section].model_fields[{"from": "from_"}.get(k, k)].is_required()}
    assert _batch_is_valid(section, [bare, good])


@settings(max_examples=400, deadline=None)
@given(section=st.sampled_from(sorted(GOOD)), data=st.data())
def test_the_batch_check_never_vouches_for_a_record_its_model_refuses(
    section: str, data: st.DataObject
) -> None:
    item = copy.deepcopy(GOOD[section])
    fields = [*sorted(item), "unknown"]
    for name in data.draw(st.lists(st.sampled_from(fields), min_size=1, max_size=3)):
        if data.draw(st.booleans()) and name in item:
            del item[name]
        else:
            item[name] = data.draw(st.sampled_from(ODD_VALUES))
    if _batch_is_valid(section, [GOOD[section], item]):
        assert _model_accepts(section, item), item


@pytest.mark.parametrize(("section", "name", "value"), [
    ("tasks", "key", "a\nb"),  # two keys when split at the line break
    ("revisions", "at", AT + "\n" + AT),
    ("revisions", "by", "a\nb"),
    ("turns", "touched", None),
    ("tasks", "version", True),
    ("tasks", "stale_basis", [None]),
    ("edges", "from_", "trip"),
])
def test_records_the_batch_check_leaves_to_the_model(section: str, name: str,
                                                      value: Any) -> None:
    item = {**GOOD[section], name: value}
    assert not _batch_is_valid(section, [GOOD[section], item])


@pytest.mark.parametrize(("section", "field"), [("turns", "reply"), ("turns", "text"),
                                                ("tasks", "value"), ("revisions", "reason")])
def test_a_lone_surrogate_is_never_vouched_for(section: str, field: str) -> None:
    item = {**GOOD[section], field: "a\ud800b"}
    assert not _model_accepts(section, item)
    assert not _batch_is_valid(section, [GOOD[section], item])
