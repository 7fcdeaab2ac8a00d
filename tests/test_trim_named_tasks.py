"""A task named by its key or by the title of a part of a plan: the reader finds that task, and
never makes a second one of the same name, nor reads a point inside a word as a sentence end."""

from __future__ import annotations

import pytest
from test_trim_rules import interpret, task

from tme_neo4j.models import AddTask, ReviseTask
from tme_neo4j.trim.language import sentences


def festival() -> list:
    return [
        task("fest", "Run the street festival"),
        task("food", "Food stalls", parents=("fest",)),
        task("stage-b", "Stage B", parents=("fest",)),
        task("fest.sound", "Sound check", "2pm", parents=("fest",)),
        task("fest.sound.mics", "Rent microphones", "four", parents=("fest.sound",),
             depends_on=("fest.sound",)),
    ]


def operations(text: str) -> list:
    return [op for s in interpret(text, *festival()).subtasks for op in s.operations]


@pytest.mark.parametrize(("text", "expected"), [
    ("Upload notes.txt to the drive. Then email Sam.", ["Upload notes.txt to the drive.",
                                                        "Then email Sam."]),
    ("Bump it to v2.1. Done!", ["Bump it to v2.1.", "Done!"]),
    ("Check www.example.org first. After that, the forms.",
     ["Check www.example.org first.", "After that, the forms."]),
    ("Set fest.sound to 3pm. Also call the band.", ["Set fest.sound to 3pm.",
                                                    "Also call the band."]),
])
def test_a_point_inside_a_word_ends_no_sentence(text: str, expected: list[str]) -> None:
    assert sentences(text) == expected


@pytest.mark.parametrize("text", [
    "Add a gazebo to the food stalls.",
    "add a gazebo to food stalls",
    "Put a gazebo on the food stalls.",
])
def test_an_item_added_to_a_part_of_a_plan_goes_under_that_part(text: str) -> None:
    ops = operations(text)
    assert ops == [AddTask(key="gazebo", title="gazebo", parents=["food"])], ops


@pytest.mark.parametrize("text", [
    "Add a spare cable to fest.sound.",
    "add spare cable to fest.sound",
])
def test_an_item_added_to_a_task_named_by_its_key_goes_under_that_task(text: str) -> None:
    ops = operations(text)
    assert [(op.key, op.parents) for op in ops] == [("spare-cable", ["fest.sound"])], ops


@pytest.mark.parametrize(("text", "key", "value"), [
    ("fest.sound.mics: six.", "fest.sound.mics", "six"),
    ("fest.sound: 4pm", "fest.sound", "4pm"),
    ("fest.sound: set fest.sound to 5pm.", "fest.sound", "5pm"),
])
def test_a_dotted_key_before_a_colon_names_that_task(text: str, key: str, value: str) -> None:
    ops = operations(text)
    assert ops == [ReviseTask(key=key, value=value)], ops


def test_a_second_sentence_after_a_dotted_key_is_read_on_its_own() -> None:
    ops = operations("fest.sound: 4pm. Also add a spare cable to fest.sound.mics.")
    assert [type(op).__name__ for op in ops] == ["ReviseTask", "AddTask"], ops
    assert ops[0] == ReviseTask(key="fest.sound", value="4pm")
    assert (ops[1].key, ops[1].parents) == ("spare-cable", ["fest.sound.mics"])
