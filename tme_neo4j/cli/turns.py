"""``tme chat | replay | eval | demo``: conversations through TRIM and the engine."""

from __future__ import annotations

import sys
import textwrap
from pathlib import Path
from typing import Annotated

import typer

from tme_neo4j.config import Settings, TrimBackend
from tme_neo4j.engine import TaskMemoryEngine, TurnResult, make_interpreter
from tme_neo4j.errors import InvalidInputError, NotFoundError, TmeError
from tme_neo4j.models import title_and_value
from tme_neo4j.scenarios import Scenario, ScenarioReport, load_scenario, run_scenario
from tme_neo4j.server import LocalServer
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim import paraphrases
from tme_neo4j.trim.base import Interpreter

from ._common import (
    AgentOpt,
    JsonOpt,
    WorkspaceOpt,
    open_store,
    start_local_server,
    tree_lines,
)
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


_CHAT_COMMANDS = "Commands: :state, :history KEY, :undo, :quit."
_DONE = {"add": "added", "revise": "revised", "rollback": "rolled back", "cancel": "cancelled",
         "restore": "restored", "done": "done", "link": "linked", "unlink": "unlinked",
         "depend": "linked", "undepend": "unlinked", "clear_stale": "reviewed"}


def _backend(interpreter: Interpreter) -> str:
    """Which TRIM reads the turns, and how to choose the other."""
    from tme_neo4j.trim.rules import RuleInterpreter

    if not isinstance(interpreter, RuleInterpreter):
        settings = Settings()
        where = settings.openai_base_url or "api.openai.com"
        return (f"TRIM: LLM ({settings.llm_model} at {where}); --trim rules or TME_TRIM=rules "
                "reads offline instead.")
    return ("TRIM: rules (offline). For an LLM, set OPENAI_API_KEY (and OPENAI_BASE_URL for "
            "another endpoint), or pass --trim llm.")


class _ChatScreen:
    """What ``tme chat`` prints: the turn's number (the store's), what it did with task titles,
    the reply, wrapped at word boundaries with a hanging indent."""

    def __init__(self) -> None:
        self.width = max(40, console.width)

    def say(self, text: str, style: str = "", indent: str = "") -> None:
        """Print ``text`` after ``indent``; its further lines and paragraphs hang below."""
        hang = " " * len(indent)
        for i, paragraph in enumerate(text.splitlines() or [""]):
            wrapped = textwrap.fill(paragraph, width=self.width - 1,
                                    initial_indent=indent if i == 0 else hang,
                                    subsequent_indent=hang + "  ", break_long_words=False,
                                    break_on_hyphens=False)
            console.print(wrapped, markup=False, highlight=False, style=style or None,
                          soft_wrap=True)

    def turn(self, result: TurnResult, store: MemoryStore) -> None:
        keys = list(dict.fromkeys(op.key for op in result.operations))
        titles = {t.key: title_and_value(t.title, t.value) for t in store.get_tasks(keys)}
        for sub in result.subtasks:
            done = "; ".join(f"{_DONE.get(op.op, op.op)} {titles.get(op.key, op.key)}"
                             for op in sub.operations) or "no change"
            self.say(f"{sub.intent.value}: {done}", "cyan", f"[turn {result.turn}] ")
        # The offline reply names what became stale itself; say it here only when it does not.
        if result.stale and "stale" not in result.reply.lower():
            for key, reason in result.stale.items():
                self.say(f"now stale: {key} ({reason})", "yellow", "  ")
        self.say(result.reply, indent="tme: ")


def chat(workspace: WorkspaceOpt = None, agent: AgentOpt = None, trim: TrimOpt = None) -> None:
    """A conversation on one workspace. Commands: :state, :history KEY, :undo, :quit."""
    with open_store(workspace, agent) as store:
        store.create_workspace()
        interpreter = _interpreter(trim)
        engine = TaskMemoryEngine(store, interpreter)
        screen = _ChatScreen()
        turns = store.workspace_info()["turns"] or 0
        so_far = f", {turns} turn{'s' if turns != 1 else ''} so far" if turns else ""
        screen.say(f"Workspace {store.workspace}{so_far}. {_backend(interpreter)}")
        screen.say(_CHAT_COMMANDS)
        typed = sys.stdin.isatty()
        while True:
            try:
                text = input("you> ").strip()
            except (EOFError, KeyboardInterrupt):
                screen.say("")
                return
            if not typed:  # piped input is not echoed by a terminal: show it once, here
                screen.say(text)
            if not text:
                continue
            try:
                if text in (":quit", ":q", ":exit"):
                    return
                if text == ":state":
                    for line in tree_lines(store.state()):
                        screen.say(line)
                elif text.startswith(":history"):
                    key = text.removeprefix(":history").strip()
                    if not key:
                        screen.say("Usage: :history KEY, e.g. :history destination (the keys "
                                   "are in brackets in :state).")
                        continue
                    for r in store.history(key):
                        turn = f" (turn {r.turn})" if r.turn else ""
                        screen.say(f"{r.n:>3} {r.op:<9} {r.title}: {r.value or '-'}{turn}")
                elif text == ":undo":
                    undone = engine.undo()
                    if undone is None:
                        screen.say("Nothing to undo.")
                    else:
                        now = store.workspace_info()["turns"]
                        screen.say(f"Undid turn {undone} (recorded as turn {now}).")
                elif text.startswith(":"):
                    screen.say(_CHAT_COMMANDS)
                else:
                    screen.turn(engine.process(text), store)
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
    replace: Annotated[
        bool, typer.Option("--replace", help="Delete an existing workspace of that id first.")
    ] = False,
) -> None:
    """Play a scenario file turn by turn into a workspace (default: a fresh one)."""
    scenario = _load_all([file])[0]
    with MemoryStore(Settings()) as store:
        if workspace is not None and not replace and _exists(store, workspace):
            raise InvalidInputError(f"workspace {workspace!r} already exists; replay with "
                                    "--replace to delete it first, or into another workspace")
        results: list[TurnResult] = []
        total = len(scenario.turns)
        # Where the turns are not shown as they play (JSON, or output to a file or pipe), a
        # long replay would look stuck: stderr counts the turns.
        counting = json_ or not sys.stdout.isatty()

        def played(n: int, result: TurnResult) -> None:
            if json_:
                results.append(result)
            else:
                _show_turn(n, result)
            if counting:
                err_console.print(f"turn {n} of {total}", markup=False, highlight=False)

        report = run_scenario(scenario, store, _interpreter(trim), workspace=workspace,
                              on_turn=played)
    if json_:
        print_json([r.model_dump(mode="json") for r in results])
    else:
        _say(f"{report.name}: {len(report.turns)} turns played.")


def _exists(store: MemoryStore, workspace: str) -> bool:
    try:
        store.for_workspace(workspace).workspace_info()
    except NotFoundError:
        return False
    return True


def evaluate(
    files: Annotated[list[Path] | None, typer.Argument(help="Scenario files (JSON).")] = None,
    trim: TrimOpt = None,
    json_: JsonOpt = False,
    markdown: Annotated[bool, typer.Option(
        "--markdown", help="Print the results as the README's table (checks and tokens).")]
    = False,
    keep: Annotated[bool, typer.Option("--keep", help="Keep the eval-* workspaces.")] = False,
    intents: Annotated[bool, typer.Option(
        "--intents", help="Score the paraphrase sets instead: intent accuracy per intent "
        "(no database).")] = False,
) -> None:
    """Play scenario files, each in a fresh workspace, and score their expectations. A turn
    that fails is a failed check and the run goes on. With --intents, read the paraphrase
    sets instead and print how many phrasings of each intent were read right.

    Next to the checks passed it counts wrong writes, per scenario and in total: a wrong write
    is a turn that changed the task graph while a check on it failed: it was expected to change
    nothing (kind check), or one of its checks on state (state_has, state_lacks, under,
    stale_has) failed."""
    if intents:
        if files:
            raise InvalidInputError("--intents reads the paraphrase sets; give no files with it")
        _evaluate_intents(_interpreter(trim), json_=json_)
        return
    if not files:
        raise InvalidInputError("no scenario files given: tme eval FILE... (or tme eval "
                                "--intents)")
    scenarios = _load_all(files)
    reports: list[ScenarioReport] = []
    fatal: TmeError | None = None
    settings = Settings()
    start_local_server(settings)
    with MemoryStore(settings) as store:
        interpreter = _interpreter(trim)
        try:
            for scenario in scenarios:
                report = run_scenario(scenario, store, interpreter, keep=keep,
                                      record_failures=True)
                reports.append(report)
                if not (json_ or markdown):
                    _print_report(report)
                    if keep:
                        _say(f"  kept in workspace {report.workspace}")
        except TmeError as e:  # configuration or connection: every later turn would fail too
            fatal = e
    passed, total = sum(r.passed for r in reports), sum(r.total for r in reports)
    unparsed = sum(r.unparsed for r in reports)
    wrong = sum(r.wrong_writes for r in reports)
    context = sum(r.context_tokens for r in reports)
    baseline = sum(r.baseline_tokens for r in reports)
    turns = [t for r in reports for t in r.turns]
    calls = sum(t.llm_calls for t in turns)
    if markdown:
        print(_markdown_table(reports))
    elif json_:
        print_json({"passed": passed, "total": total, "wrong_writes": wrong,
                    "unparsed": unparsed,
                    "context_tokens": context,
                    "baseline_tokens": baseline, "turns": len(turns),
                    "failed_turns": sum(t.error is not None for t in turns),
                    "llm_calls": calls, "error": str(fatal) if fatal else None,
                    "scenarios": [r.model_dump(mode="json") for r in reports]})
    else:
        failed = sum(t.error is not None for t in turns)
        _say(f"total: {passed}/{total} checks passed; {wrong} wrong writes; "
             f"{len(turns) - failed}/{len(turns)} turns "
             f"completed; {calls} LLM calls; {unparsed} clauses not understood; "
             f"context {context} tokens against "
             f"{baseline} for the flat transcript ({_saving(context, baseline)})", "bold")
    if fatal is not None:
        raise fatal
    if passed != total:
        raise typer.Exit(1)


def _evaluate_intents(interpreter: Interpreter, *, json_: bool) -> None:
    """Intent accuracy on the paraphrase sets; exit 1 when any phrasing is read wrong."""
    scores = paraphrases.score(interpreter)
    cases = sum(s.cases for s in scores.values())
    intent_right = sum(s.intent_right for s in scores.values())
    operations_right = sum(s.operations_right for s in scores.values())
    if json_:
        print_json({"cases": cases, "intent_right": intent_right,
                    "operations_right": operations_right,
                    "intents": {i.value: vars(s) for i, s in scores.items()}})
    else:
        _say(f"{'intent':<10} {'phrasings':>9} {'intent right':>14} {'operations right':>18}",
             "bold")
        for intent, s in scores.items():
            _say(f"{intent.value:<10} {s.cases:>9} {_share(s.intent_right, s.cases):>14} "
                 f"{_share(s.operations_right, s.cases):>18}")
        _say(f"{'total':<10} {cases:>9} {_share(intent_right, cases):>14} "
             f"{_share(operations_right, cases):>18}", "bold")
    if operations_right != cases:
        raise typer.Exit(1)


def _share(part: int, whole: int) -> str:
    return f"{part}/{whole} {100 * part / whole:.1f}%" if whole else "0/0"


def _markdown_table(reports: list[ScenarioReport]) -> str:
    lines = ["| case | checks | context tokens, last turn | flat transcript, last turn "
             "| context, all turns | transcript, all turns |",
             "|---|---|---|---|---|---|"]
    for r in reports:
        last = r.turns[-1] if r.turns else None
        lines.append(f"| {r.name} | {r.passed}/{r.total} "
                     f"| {last.context_tokens if last else 0:,} "
                     f"| {last.baseline_tokens if last else 0:,} "
                     f"| {r.context_tokens:,} | {r.baseline_tokens:,} |")
    passed, total = sum(r.passed for r in reports), sum(r.total for r in reports)
    context = sum(r.context_tokens for r in reports)
    baseline = sum(r.baseline_tokens for r in reports)
    lines.append(f"| **total** | **{passed}/{total}** | | | **{context:,}** "
                 f"| **{baseline:,}** ({_saving(context, baseline)}) |")
    return "\n".join(lines)


def _saving(context: int, baseline: int) -> str:
    if baseline == 0:
        return "no transcript"
    return f"{100 * (1 - context / baseline):.0f}% fewer"


def _print_report(report: ScenarioReport) -> None:
    _say(f"{report.name}: {report.passed}/{report.total} checks passed; "
         f"{report.wrong_writes} wrong writes; {report.unparsed} clauses not understood")
    for turn in report.turns:
        status = "ok " if all(c.ok for c in turn.checks) else "FAIL"
        status = "WRONG" if turn.wrong_write else status
        calls = f"  {turn.llm_calls} LLM calls" if turn.llm_calls else ""
        _say(f"  {status} turn {turn.n:>2}  context {turn.context_tokens:>4} / transcript "
             f"{turn.baseline_tokens:>5} tokens{calls}  {turn.user[:60]}")
        for check in turn.checks:
            if not check.ok:
                _say(f"         {check.key}: {check.detail}", "red")
                if turn.error is None:
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
    settings = Settings()
    start_local_server(settings)
    with MemoryStore(settings) as store:
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
    if settings.neo4j_uri:
        where = ("your server's Neo4j Browser (user and password as in TME_NEO4J_USER and "
                 "TME_NEO4J_PASSWORD)")
    else:
        server = LocalServer(settings)
        where = (f"Neo4j Browser at {server.status().browser_url} (user neo4j, password in "
                 f"{server.password_file})")
    _say(f"Look at the graphs in {where}. Print a statement to paste there with:")
    _say("  tme query draw_task_graph -w demo-cooking --browser")
