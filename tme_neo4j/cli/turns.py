"""``tme chat | replay | eval | demo``: conversations through TRIM and the engine."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from tme_neo4j.config import Settings, TrimBackend
from tme_neo4j.engine import TaskMemoryEngine, TurnResult, make_interpreter
from tme_neo4j.errors import InvalidInputError, TmeError
from tme_neo4j.scenarios import Scenario, ScenarioReport, load_scenario, run_scenario
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.base import Interpreter

from ._common import AgentOpt, JsonOpt, WorkspaceOpt, open_store, tree_lines
from ._output import console, err_console, print_json

__all__ = ["register"]

TrimOpt = Annotated[
    TrimBackend | None, typer.Option("--trim", help="TRIM backend (default: TME_TRIM or auto).")
]
_PAPER_CASES = Path(__file__).resolve().parents[2] / "tests" / "scenarios" / "paper"


def register(app: typer.Typer) -> None:
    app.command("chat")(chat)
    app.command("replay")(replay)
    app.command("eval")(evaluate)
    app.command("demo")(demo)


def _interpreter(trim: TrimBackend | None) -> Interpreter:
    settings = Settings()
    if trim is not None:
        settings = settings.model_copy(update={"trim": trim})
    return make_interpreter(settings)


def _say(text: str, style: str = "") -> None:
    console.print(text, markup=False, highlight=False, style=style or None)


def _show_turn(n: int, result: TurnResult, *, verbose: bool = True) -> None:
    _say(f"[{n}] user: {result.text}", "bold")
    if verbose:
        for sub in result.subtasks:
            ops = ", ".join(f"{op.op} {op.key}" for op in sub.operations) or "no change"
            _say(f"     {sub.intent.value}: {ops}", "cyan")
        for key, reason in result.stale.items():
            _say(f"     stale: {key} ({reason})", "yellow")
    for line in result.reply.splitlines():
        _say(f"     tme: {line}")


def chat(workspace: WorkspaceOpt = None, agent: AgentOpt = None, trim: TrimOpt = None) -> None:
    """A conversation on one workspace. Commands: :state, :history KEY, :undo, :quit."""
    with open_store(workspace, agent) as store:
        store.create_workspace()
        engine = TaskMemoryEngine(store, _interpreter(trim))
        _say(f"Workspace {store.workspace}. Type :quit to leave, :state to see the tasks.")
        n = 0
        while True:
            try:
                text = input("you> ").strip()
            except (EOFError, KeyboardInterrupt):
                _say("")
                return
            if not text:
                continue
            try:
                if text in (":quit", ":q", ":exit"):
                    return
                if text == ":state":
                    for line in tree_lines(store.state()):
                        _say(line)
                elif text.startswith(":history"):
                    key = text.removeprefix(":history").strip()
                    for r in store.history(key):
                        _say(f"{r.n:>3} {r.op:<9} {r.title}: {r.value or '-'} (turn {r.turn})")
                elif text == ":undo":
                    undone = engine.undo()
                    _say(f"Undid turn {undone}." if undone else "Nothing to undo.")
                elif text.startswith(":"):
                    _say("Commands: :state, :history KEY, :undo, :quit")
                else:
                    n += 1
                    _show_turn(n, engine.process(text))
            except TmeError as e:
                err_console.print(f"error: {e}", markup=False)


def _load_all(files: list[Path]) -> list[Scenario]:
    # Every file is read and validated before anything plays.
    return [load_scenario(f) for f in files]


def replay(
    file: Annotated[Path, typer.Argument(help="Scenario file (JSON).")],
    workspace: WorkspaceOpt = None,
    trim: TrimOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Play a scenario file turn by turn into a workspace (default: a fresh one)."""
    scenario = _load_all([file])[0]
    with MemoryStore(Settings()) as store:
        results: list[TurnResult] = []
        report = run_scenario(scenario, store, _interpreter(trim), workspace=workspace,
                              on_turn=lambda n, r: results.append(r) if json_
                              else _show_turn(n, r))
    if json_:
        print_json([r.model_dump(mode="json") for r in results])
    else:
        _say(f"{report.name}: {len(report.turns)} turns played.")


def evaluate(
    files: Annotated[list[Path], typer.Argument(help="Scenario files (JSON).")],
    trim: TrimOpt = None,
    json_: JsonOpt = False,
) -> None:
    """Play scenario files, each in a fresh workspace, and score their expectations."""
    scenarios = _load_all(files)
    reports: list[ScenarioReport] = []
    with MemoryStore(Settings()) as store:
        interpreter = _interpreter(trim)
        for scenario in scenarios:
            report = run_scenario(scenario, store, interpreter)
            reports.append(report)
            if not json_:
                _print_report(report)
    passed, total = sum(r.passed for r in reports), sum(r.total for r in reports)
    unparsed = sum(r.unparsed for r in reports)
    context = sum(r.context_tokens for r in reports)
    baseline = sum(r.baseline_tokens for r in reports)
    if json_:
        print_json({"passed": passed, "total": total, "unparsed": unparsed,
                    "context_tokens": context,
                    "baseline_tokens": baseline,
                    "scenarios": [r.model_dump(mode="json") for r in reports]})
    else:
        _say(f"total: {passed}/{total} checks passed; {unparsed} clauses not understood; "
             f"context {context} tokens against "
             f"{baseline} for the flat transcript ({_saving(context, baseline)})", "bold")
    if passed != total:
        raise typer.Exit(1)


def _saving(context: int, baseline: int) -> str:
    if baseline == 0:
        return "no transcript"
    return f"{100 * (1 - context / baseline):.0f}% fewer"


def _print_report(report: ScenarioReport) -> None:
    _say(f"{report.name}: {report.passed}/{report.total} checks passed; {report.unparsed} "
         "clauses not understood")
    for turn in report.turns:
        status = "ok " if all(c.ok for c in turn.checks) else "FAIL"
        _say(f"  {status} turn {turn.n:>2}  context {turn.context_tokens:>4} / transcript "
             f"{turn.baseline_tokens:>5} tokens  {turn.user[:60]}")
        for check in turn.checks:
            if not check.ok:
                _say(f"         {check.key}: {check.detail}", "red")
                _say(f"         reply: {turn.reply[:200]}", "red")


def demo(
    files: Annotated[list[Path] | None, typer.Argument(help="Scenario files to play "
                                                       "(default: the paper's four cases).")]
    = None,
    trim: TrimOpt = None,
) -> None:
    """Start (or find) Neo4j, play the TME paper's cases into demo-* workspaces, show the
    resulting graphs, the token comparison and where to look in Neo4j Browser."""
    if not files:
        files = sorted(_PAPER_CASES.glob("*.json"))
        if not files:
            raise InvalidInputError(
                f"no scenario files given and none found in {_PAPER_CASES}; "
                "pass scenario files: tme demo FILE...")
    scenarios = _load_all(files)
    with MemoryStore(Settings()) as store:
        interpreter = _interpreter(trim)
        totals = [0, 0, 0, 0]
        for scenario in scenarios:
            workspace = f"demo-{scenario.name}".replace("_", "-")
            _say(f"\n== {scenario.name}  (workspace {workspace})", "bold")
            report = run_scenario(scenario, store, interpreter, workspace=workspace,
                                  on_turn=lambda n, r: _show_turn(n, r, verbose=False))
            _say("Final task graph:", "bold")
            for line in tree_lines(store.for_workspace(workspace).state()):
                _say("  " + line)
            _say(f"checks {report.passed}/{report.total}; context {report.context_tokens} "
                 f"tokens vs flat transcript {report.baseline_tokens} "
                 f"({_saving(report.context_tokens, report.baseline_tokens)})")
            for i, v in enumerate((report.passed, report.total, report.context_tokens,
                                   report.baseline_tokens)):
                totals[i] += v
    _say(f"\nAll cases: {totals[0]}/{totals[1]} checks passed; context {totals[2]} tokens vs "
         f"{totals[3]} for the flat transcript ({_saving(totals[2], totals[3])}).", "bold")
    from tme_neo4j.server import LocalServer

    settings = Settings()
    browser = ("your Neo4j Browser" if settings.neo4j_uri
               else LocalServer(settings).status().browser_url)
    _say(f"Look at the graphs in {browser} (user neo4j, password in "
         f"{settings.home / 'password'}), with:")
    _say("  MATCH (t:Task {ws: 'demo-cooking'})-[r:SUBTASK_OF|DEPENDS_ON]->(p) RETURN t, r, p")
