"""The ``tme`` command line: through typer's runner and through the installed entry point."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import new_workspace_id
from typer.testing import CliRunner

from tme_neo4j.cli import app
from tme_neo4j.store import MemoryStore

PAPER = Path(__file__).parent / "scenarios" / "paper"
runner = CliRunner()


@pytest.fixture
def ws(store: MemoryStore) -> str:
    return store.workspace


def tme(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_task_commands_script_a_workspace(ws: str) -> None:
    assert tme("task", "add", "trip", "Plan a trip", "-w", ws)[0] == 0
    code, out, _ = tme("task", "add", "destination", "Destination", "-v", "Seattle",
                       "-p", "trip", "-w", ws, "--json")
    assert code == 0
    assert json.loads(out)["parents"] == ["trip"]
    assert tme("task", "add", "hotel", "Hotel", "-d", "destination", "-w", ws)[0] == 0
    assert tme("task", "revise", "destination", "Portland", "-w", ws)[0] == 0
    code, out, _ = tme("state", "-w", ws)
    assert code == 0
    assert "Destination: Portland" in out
    assert "stale" in out
    code, out, _ = tme("history", "destination", "-w", ws, "--json")
    assert [r["value"] for r in json.loads(out)] == ["Seattle", "Portland"]
    assert tme("task", "rollback", "destination", "-w", ws)[0] == 0
    assert tme("task", "cancel", "hotel", "-w", ws)[0] == 0
    assert "hotel" not in tme("state", "-w", ws)[1]
    assert tme("task", "restore", "hotel", "-w", ws)[0] == 0
    assert tme("task", "done", "hotel", "-w", ws)[0] == 0
    assert tme("task", "clear-stale", "hotel", "-w", ws)[0] == 0
    code, out, _ = tme("state", "-w", ws, "--json")
    tasks = {t["key"]: t for t in json.loads(out)["tasks"]}
    assert tasks["destination"]["value"] == "Seattle"
    assert tasks["hotel"]["status"] == "done"
    assert tasks["hotel"]["stale"] is False


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["task", "depend", "a", "b"], "cycle: a -> b -> a"),
        (["task", "revise", "nope", "x"], "no task 'nope'"),
        (["task", "add", "big", "Big", "-v", "x" * 5000], "at most 4000"),
        (["task", "add", "Bad Key", "Bad"], "task key"),
    ],
)
def test_bad_input_is_one_line_exit_2_and_changes_nothing(
    ws: str, store: MemoryStore, args: list[str], message: str
) -> None:
    store.add_task("a", "A")
    store.add_task("b", "B", depends_on=["a"])
    before = store.state(include_cancelled=True)
    code, out, err = tme(*args, "-w", ws)
    assert code == 2
    assert message in err
    assert len(err.strip().splitlines()) == 1
    assert "Traceback" not in err + out
    assert store.state(include_cancelled=True).tasks == before.tasks


def test_missing_workspace_is_a_clear_error() -> None:
    code, _, err = tme("state", "-w", new_workspace_id("missing"))
    assert code == 2
    assert "does not exist" in err
    assert "tme init" in err


def test_init_is_idempotent() -> None:
    ws = new_workspace_id()
    try:
        assert "Created" in tme("init", "-w", ws)[1]
        assert "already exists" in tme("init", "-w", ws)[1]
    finally:
        assert tme("task", "add", "x", "X", "-w", ws)[0] == 0
        with MemoryStore(workspace=ws) as store:
            store.delete_workspace()


def test_eval_scores_the_paper_cases_in_json() -> None:
    code, out, _ = tme("eval", *map(str, sorted(PAPER.glob("*.json"))), "--json", "--trim",
                       "rules")
    report = json.loads(out)
    assert code == 0
    assert report["passed"] == report["total"] > 40
    assert {s["name"] for s in report["scenarios"]} == {
        "cart_editing", "cooking", "meeting_scheduling", "trip_planning"}
    assert report["context_tokens"] < report["baseline_tokens"]
    first = report["scenarios"][0]["turns"][0]
    assert {"n", "user", "reply", "checks"} <= set(first)


def test_eval_exit_codes(tmp_path: Path) -> None:
    failing = tmp_path / "failing.json"
    failing.write_text(json.dumps({"name": "failing", "turns": [
        {"user": "Add a lamp to my cart.", "expect": {"state_has": ["sofa"]}}]}))
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(["Add a lamp to my cart.", "What's in my cart?"]))
    assert tme("eval", str(plain), "--trim", "rules")[0] == 0
    assert tme("eval", str(failing), "--trim", "rules")[0] == 1
    broken = tmp_path / "broken.json"
    broken.write_text('{"name": "x", "turns": [')
    code, _, err = tme("eval", str(plain), str(broken))
    assert code == 2
    assert "broken.json" in err
    assert "not valid JSON" in err
    wrong = tmp_path / "wrong.json"
    wrong.write_text(json.dumps({"name": "x", "turns": [{"usr": "typo"}]}))
    code, _, err = tme("eval", str(wrong))
    assert code == 2
    assert "wrong.json: turns.0.user" in err


def test_replay_plays_a_plain_list(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(["To make soup, wash and chop celery.",
                                 "Can you list all ingredients used in the soup?"]))
    code, out, _ = tme("replay", str(plain), "--trim", "rules")
    assert code == 0
    assert "celery" in out.lower()


def test_the_installed_entry_point(ws: str) -> None:
    tme_bin = Path(sys.executable).with_name("tme")
    done = subprocess.run([str(tme_bin), "task", "revise", "nope", "x", "-w", ws],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: no task 'nope' in workspace '{ws}'"
    help_text = subprocess.run([str(tme_bin)], capture_output=True, text=True, timeout=60,
                               check=False)
    assert "server" in help_text.stdout
    assert "eval" in help_text.stdout


def test_chat_shows_operations_and_answers_commands(ws: str) -> None:
    typed = "\n".join([
        "destination: Set the destination to Seattle.",
        "hotel: Find a hotel near downtown.",
        "destination: Actually, make that Portland.",
        ":state",
        ":history destination",
        ":undo",
        ":state",
        ":quit",
    ]) + "\n"
    result = runner.invoke(app, ["chat", "-w", ws, "--trim", "rules"], input=typed)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    assert "new: add destination" in out
    assert "update: revise destination" in out
    assert "Destination: Portland" in out
    assert "revise" in out  # the history listing
    assert "Undid turn 3." in out
    # After :undo the state shows the value from before the last turn again.
    assert out.rsplit("Undid turn 3.", 1)[1].count("Destination: Seattle") == 1
