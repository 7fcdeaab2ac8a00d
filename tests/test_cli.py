"""The ``tme`` command line: through typer's runner and through the installed entry point."""

from __future__ import annotations

import fcntl
import json
import os
import select
import struct
import subprocess
import sys
import termios
import time
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
    code, out, _ = tme("task", "revise", "destination", "Portland", "-w", ws)
    assert code == 0
    assert "now stale: hotel (destination changed from 'Seattle' to 'Portland')" in out
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


def test_an_unwritable_output_path_is_one_line(ws: str) -> None:
    code, _, err = tme("graph", "-w", ws, "-f", "dot", "-o", "/nonexistent/dir/g.dot")
    assert code == 2
    assert err.strip() == "error: /nonexistent/dir/g.dot: No such file or directory"


def test_missing_workspace_is_a_clear_error() -> None:
    code, _, err = tme("state", "-w", new_workspace_id("missing"))
    assert code == 2
    assert "does not exist" in err
    assert "tme init" in err


def test_a_workspace_is_listed_and_deleted_with_everything_in_it() -> None:
    ws = new_workspace_id()
    assert tme("init", "-w", ws)[0] == 0
    assert tme("task", "add", "x", "X", "-w", ws)[0] == 0
    code, out, _ = tme("workspace", "list", "--json")
    assert code == 0
    assert {"ws": ws, "tasks": 1} in [{"ws": w["ws"], "tasks": w["tasks"]} for w in json.loads(out)]
    result = runner.invoke(app, ["workspace", "delete", ws], input="n\n")
    assert result.exit_code == 1
    assert "Nothing deleted" in result.stderr
    assert ws in tme("workspace", "list")[1]
    code, out, _ = tme("workspace", "delete", ws, "--yes")
    assert code == 0
    assert f"Deleted {ws}" in out
    assert ws not in tme("workspace", "list")[1]
    code, _, err = tme("workspace", "delete", ws, "--yes")
    assert code == 2
    assert "does not exist" in err


def test_init_is_idempotent() -> None:
    ws = new_workspace_id()
    try:
        assert "Created" in tme("init", "-w", ws)[1]
        assert "already exists" in tme("init", "-w", ws)[1]
    finally:
        assert tme("task", "add", "x", "X", "-w", ws)[0] == 0
        with MemoryStore(workspace=ws) as store:
            store.delete_workspace()


def test_eval_scores_a_case_in_json() -> None:
    # One case here; every paper case is scored in test_engine, and the README's table of all
    # four is checked against `tme eval` in test_readme.
    code, out, _ = tme("eval", str(PAPER / "cart_editing.json"), "--json", "--trim", "rules")
    report = json.loads(out)
    assert code == 0
    assert report["passed"] == report["total"] > 10
    assert {s["name"] for s in report["scenarios"]} == {"cart_editing"}
    assert report["context_tokens"] < report["baseline_tokens"]
    first = report["scenarios"][0]["turns"][0]
    assert {"n", "user", "reply", "checks"} <= set(first)


def test_eval_intents_scores_the_paraphrase_sets() -> None:
    code, out, _ = tme("eval", "--intents", "--json", "--trim", "rules")
    report = json.loads(out)
    assert code == 0
    assert report["operations_right"] == report["intent_right"] == report["cases"] >= 300
    assert {"cancel", "replace", "new", "depend", "check", "unparsed"} <= set(report["intents"])
    assert all(s["cases"] >= 30 for s in report["intents"].values())
    code, _, err = tme("eval", "--intents", str(PAPER / "cart_editing.json"))
    assert code == 2
    assert "give no files" in err
    code, _, err = tme("eval")
    assert code == 2
    assert "no scenario files" in err


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


def test_eval_counts_wrong_writes(tmp_path: Path) -> None:
    # A turn that writes while its checks on state fail, or while it should change nothing, is
    # a wrong write; a turn that writes nothing is never one, whatever its checks say.
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"name": "case", "turns": [
        {"user": "Add a lamp to my cart.", "expect": {"state_has": ["lamp"]}},
        {"user": "Add a rug to my cart.", "expect": {"kind": "check"}},
        {"user": "Add a vase to my cart.", "expect": {"state_has": ["sofa"]}},
        {"user": "thanks", "expect": {"state_has": ["sofa"]}}]}))
    code, out, _ = tme("eval", str(case), "--json", "--trim", "rules")
    report = json.loads(out)
    assert code == 1
    assert report["wrong_writes"] == report["scenarios"][0]["wrong_writes"] == 2
    turns = report["scenarios"][0]["turns"]
    assert [t["wrong_write"] for t in turns] == [False, True, True, False]
    assert [t["wrote"] for t in turns] == [True, True, True, False]


def test_eval_says_which_missing_answers_memory_held(tmp_path: Path) -> None:
    # A reply that leaves out what memory holds is the reply's fault, not memory's.
    case = tmp_path / "case.json"
    case.write_text(json.dumps({"name": "case", "turns": [
        {"user": "Add a lamp to my cart."},
        {"user": "What's in my cart?", "expect": {"answer_has": ["lamp", "sofa"]}}]}))
    code, out, _ = tme("eval", str(case), "--json", "--trim", "rules")
    assert code == 1
    check = json.loads(out)["scenarios"][0]["turns"][1]["checks"][0]
    assert check["detail"] == "not in reply: ['sofa']"
    case.write_text(json.dumps({"name": "case", "turns": [
        {"user": "Add a lamp to my cart."},
        {"user": "Add a sofa to my cart.", "expect": {"answer_has": ["lamp", "sofa"]}}]}))
    check = json.loads(tme("eval", str(case), "--json", "--trim", "rules")[1])[
        "scenarios"][0]["turns"][1]["checks"][0]
    assert not check["ok"]
    assert check["detail"] == "not in reply: ['lamp'] (in memory: ['lamp'])"


def test_replay_plays_a_plain_list(tmp_path: Path) -> None:
    plain = tmp_path / "plain.json"
    plain.write_text(json.dumps(["To make soup, wash and chop celery.",
                                 "Can you list all ingredients used in the soup?"]))
    code, out, err = tme("replay", str(plain), "--trim", "rules")
    assert code == 0
    assert "celery" in out.lower()
    # Not on a terminal, the turns are counted on stderr as they play; stdout stays JSON.
    assert err.splitlines() == ["turn 1 of 2", "turn 2 of 2"]
    code, out, err = tme("replay", str(plain), "--trim", "rules", "--json")
    assert code == 0
    assert [t["turn"] for t in json.loads(out)] == [1, 2]
    assert err.splitlines() == ["turn 1 of 2", "turn 2 of 2"]


def test_the_installed_entry_point(ws: str) -> None:
    tme_bin = Path(sys.executable).with_name("tme")
    done = subprocess.run([str(tme_bin), "task", "revise", "nope", "x", "-w", ws],
                          capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 2
    assert done.stderr.strip() == f"error: no task 'nope' in workspace '{ws}'"
    help_text = subprocess.run([str(tme_bin)], capture_output=True, text=True, timeout=60,
                               check=False)
    # `tme` alone prints its help (click sends it to stderr, with exit code 2).
    shown = help_text.stdout + help_text.stderr
    assert "server" in shown
    assert "eval" in shown
    assert "<bool>" not in shown


class Terminal:
    """A program on a pseudo-terminal of 80 columns: what a person at a terminal sees."""

    def __init__(self, argv: list[str], columns: int = 80) -> None:
        self.master, slave = os.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 40, columns, 0, 0))
        env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "LINES")}
        self.process = subprocess.Popen(argv, stdin=slave, stdout=slave, stderr=slave,
                                        env=env | {"TERM": "dumb", "NO_COLOR": "1"},
                                        close_fds=True)
        os.close(slave)
        self.screen = ""

    def wait_for(self, text: str, after: int = 0, timeout: float = 120) -> None:
        """Read until ``text`` shows after position ``after`` of the screen."""
        deadline = time.monotonic() + timeout
        while text not in self.screen[after:]:
            left = deadline - time.monotonic()
            ready, _, _ = select.select([self.master], [], [], max(left, 0))
            if not ready:
                raise AssertionError(f"{text!r} never showed; the screen:\n{self.screen}")
            try:
                chunk = os.read(self.master, 65536)
            except OSError:  # the program ended
                chunk = b""
            if not chunk:
                raise AssertionError(f"ended before {text!r} showed:\n{self.screen}")
            self.screen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")

    def type(self, line: str) -> None:
        """Type a line at the prompt and wait for the next prompt."""
        mark = len(self.screen)
        os.write(self.master, line.encode() + b"\n")
        self.wait_for("you> ", after=mark)

    def finish(self, timeout: float = 60) -> int:
        """Read what is left until the program exits; its exit code."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            ready, _, _ = select.select([self.master], [], [], deadline - time.monotonic())
            try:
                chunk = os.read(self.master, 65536) if ready else b""
            except OSError:
                chunk = b""
            if not chunk:
                break
            self.screen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        return self.process.wait(timeout=30)

    def kill(self) -> None:
        if self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=30)
        os.close(self.master)


@pytest.mark.slow  # a chat session of the installed program on a pseudo-terminal
def test_chat_on_a_terminal_shows_each_line_once_with_the_stores_turn_numbers(
    store: MemoryStore,
) -> None:
    from tme_neo4j.engine import TaskMemoryEngine
    from tme_neo4j.trim.rules import RuleInterpreter

    store.add_task("destination", "Destination", "Seattle")
    store.add_task("hotel", "Hotel", "near downtown", depends_on=["destination"])
    TaskMemoryEngine(store, RuleInterpreter()).process("budget: Set the budget to 900 euros.")
    tme_bin = str(Path(sys.executable).with_name("tme"))
    term = Terminal([tme_bin, "chat", "-w", store.workspace, "--trim", "rules"])
    try:
        term.wait_for("you> ")
        typed = ["destination: Actually, make that Portland.",
                 "note: Remember that the conference venue is next to the old market hall, "
                 "and the waterfront is a short walk from there.",
                 ":history", ":undo", ":history destination", ":quit"]
        for line in typed[:-1]:
            term.type(line)
        os.write(term.master, b":quit\n")
        assert term.finish() == 0
    finally:
        term.kill()
    screen = term.screen
    flat = " ".join(screen.split())  # the text as read, across the lines it wrapped onto
    assert "Traceback" not in screen
    assert "error:" not in screen
    # Which TRIM reads the turns, and how to switch.
    assert "TRIM: rules (offline)" in screen
    assert "--trim llm" in flat
    # Each typed line shows once: the terminal's echo, never a reprint.
    for line in typed[:2]:
        assert screen.count(line[:40]) == 1, line
    # One numbering: the workspace already had turn 1, so the chat's turns are 2 and 3.
    assert "1 turn so far" in screen
    assert "[turn 2] update: revised Destination: Portland" in screen
    assert "[turn 3]" in screen
    assert [t.n for t in store.turns()][:3] == [1, 2, 3]
    assert "Undid turn 3 (recorded as turn 4)." in screen
    # The stale notice, once; titles, not internal keys, in the operations line.
    assert flat.count("Hotel (destination changed from 'Seattle' to 'Portland')") == 1
    assert "add note" not in screen
    # :history without a key says how to use it; with one, turns match the store's.
    assert "Usage: :history KEY" in screen
    assert "Destination: Portland (turn 2)" in screen
    # Nothing the program prints is wider than the terminal (so nothing wraps mid-word).
    echoed = {line[:40] for line in typed}
    printed = [ln for ln in screen.splitlines() if not any(e in ln for e in echoed)]
    assert max(len(ln) for ln in printed) <= 80, printed
