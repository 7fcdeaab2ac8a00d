"""The paper's cases against a real OpenAI-compatible server (opt-in).

    TME_TEST_LLM_URL=http://127.0.0.1:PORT/v1 python -m pytest -m llm_live -s

``TME_TEST_LLM_TRIM`` picks the backend (``llm``, the default: every turn through the model;
``auto``: the offline reader first), ``TME_TEST_LLM_MODEL`` the model name sent,
``TME_TEST_LLM_CASES`` a comma-separated subset of the cases (file names without ``.json``),
and the usual ``TME_LLM_*`` settings apply. What is asserted is that every turn ends cleanly:
applied, or refused with a one-line message and nothing written, within the turn's deadline;
that the server failed no request (no HTTP 5xx, no dropped connection) and still answers at the
end. How well the model reads the turns is reported per case (turns applied and refused, checks
passed, seconds, LLM calls per turn), not asserted: that is the model's business.
"""

from __future__ import annotations

import json
import os
import urllib.parse
from pathlib import Path

import neo4j
import openai
import pytest

from tme_neo4j.config import Settings, TrimBackend
from tme_neo4j.engine import make_interpreter
from tme_neo4j.scenarios import ScenarioReport, load_scenario, run_scenario
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.hybrid import HybridInterpreter
from tme_neo4j.trim.llm import LLMInterpreter

pytestmark = [
    pytest.mark.llm_live,
    pytest.mark.skipif(not os.environ.get("TME_TEST_LLM_URL"),
                       reason="set TME_TEST_LLM_URL to an OpenAI-compatible /v1 URL"),
    pytest.mark.timeout(3600),
]

PAPER = Path(__file__).parent / "scenarios" / "paper"
#: Time a turn may take beyond its LLM deadline: reading and writing Neo4j.
_GRAPH_SLACK = 15.0


def test_every_turn_of_the_paper_cases_ends_cleanly(
    settings: Settings, driver: neo4j.Driver
) -> None:
    live = settings.model_copy(update={
        "openai_base_url": os.environ["TME_TEST_LLM_URL"],
        "llm_model": os.environ.get("TME_TEST_LLM_MODEL", settings.llm_model),
        "trim": TrimBackend(os.environ.get("TME_TEST_LLM_TRIM", "llm")),
    })
    store = MemoryStore(live, driver=driver)
    interpreter = make_interpreter(live)
    llm = interpreter.llm if isinstance(interpreter, HybridInterpreter) else interpreter
    assert isinstance(llm, LLMInterpreter)
    reports: list[ScenarioReport] = []
    cases = [c.strip() for c in os.environ.get("TME_TEST_LLM_CASES", "").split(",") if c.strip()]
    paths = [PAPER / f"{c}.json" for c in cases] or sorted(PAPER.glob("*.json"))
    for path in paths:
        reports.append(run_scenario(load_scenario(path), store, interpreter, keep=False,
                                    record_failures=True))

    problems: list[str] = []
    for report in reports:
        for turn in report.turns:
            where = f"{report.name} turn {turn.n}"
            if turn.error is not None:
                written = next(c for c in turn.checks if c.key == "nothing_written")
                if not written.ok:
                    problems.append(f"{where}: failed ({turn.error}) but {written.detail}")
                if "\n" in turn.error or "Traceback" in turn.error:
                    problems.append(f"{where}: the error is not one clear line: {turn.error!r}")
            if turn.seconds > live.llm_timeout + _GRAPH_SLACK:
                problems.append(f"{where}: took {turn.seconds:.0f} s, past the deadline of "
                                f"{live.llm_timeout:g} s")

    if llm.server_errors:
        problems.append(f"the server failed {llm.server_errors} request(s) (HTTP 5xx or no "
                        "answer); see the log above")
    # The server is still up: a crash shows here even when no turn was waiting on it. Any
    # HTTP answer will do; its model may still be busy with an answer a late turn left it.
    base = urllib.parse.urlsplit(live.openai_base_url or "")
    try:
        llm.client().get(urllib.parse.urlunsplit((base.scheme, base.netloc, "/", "", "")),
                         cast_to=str, options={"timeout": 30.0})
    except openai.APIStatusError:
        pass
    except openai.OpenAIError as e:
        problems.append(f"the server does not answer after the run: {e}")

    summary = _summary(live, reports, llm)
    print("\n" + summary)
    if out := os.environ.get("TME_TEST_LLM_REPORT"):
        Path(out).write_text(json.dumps({
            "summary": summary, "scenarios": [r.model_dump(mode="json") for r in reports],
        }, indent=2), encoding="utf-8")
    assert not problems, "\n".join(problems)


def _summary(live: Settings, reports: list[ScenarioReport], llm: LLMInterpreter) -> str:
    turns = [t for r in reports for t in r.turns]
    completed = [t for t in turns if t.error is None]
    passed, total = sum(r.passed for r in reports), sum(r.total for r in reports)
    calls = [t.llm_calls for t in turns]
    seconds = [t.seconds for t in turns]
    lines = [
        f"{live.openai_base_url} model {live.llm_model}, TRIM {live.trim.value}, format "
        f"{live.llm_format.value} (took {llm.shape.value if llm.shape else 'none yet'}), "
        f"max_tokens {live.llm_max_tokens}, deadline "
        f"{live.llm_timeout:g} s",
        f"applied {len(completed)}/{len(turns)} turns, refused {len(turns) - len(completed)}; "
        f"checks {passed}/{total}; "
        f"{sum(seconds):.0f} s in all, {max(seconds, default=0):.1f} s the longest turn; "
        f"LLM calls per turn {sum(calls) / max(len(turns), 1):.2f} (max {max(calls, default=0)})",
    ]
    for r in reports:
        applied = sum(t.error is None for t in r.turns)
        case_calls = [t.llm_calls for t in r.turns]
        lines.append(
            f"{r.name}: applied {applied}/{len(r.turns)}, refused {len(r.turns) - applied}; "
            f"checks {r.passed}/{r.total}; {sum(t.seconds for t in r.turns):.0f} s; "
            f"LLM calls per turn {sum(case_calls) / max(len(r.turns), 1):.2f} "
            f"(max {max(case_calls, default=0)})")
    for r in reports:
        for t in r.turns:
            outcome = "applied" if t.error is None else f"refused: {t.error[:150]}"
            ok = sum(c.ok for c in t.checks)
            lines.append(f"  {r.name} {t.n:>2}: {t.seconds:6.1f} s  {t.llm_calls} calls  "
                         f"checks {ok}/{len(t.checks)}  {outcome}")
    return "\n".join(lines)
