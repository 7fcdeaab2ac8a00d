"""The README, run as a newcomer runs it: every ```sh and ```python block, in order, as written.

The README's steps run on a machine of their own as far as a test can make one: a virtualenv
(so `pip install -e .` installs there, not into the environment running the tests), a fresh
``TME_HOME`` (so the first command starts, and on a fresh machine downloads, a Neo4j of its
own) on free ports, and no ``TME_*`` or ``OPENAI_*`` settings from outside. A block that cannot
run here says why in an HTML comment just before it::

    <!-- not run: the reason -->

The table of results is checked against the command the README says produced it.
"""

from __future__ import annotations

import os
import re
import subprocess
import venv
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import free_port

from tme_neo4j.config import Settings
from tme_neo4j.server import LocalServer

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
_BLOCK = re.compile(r"(?P<before>(?:<!--(?P<comment>.*?)-->\s*)?)```(?P<lang>[a-z]*)\n"
                    r"(?P<code>.*?)```", re.S)
_NOT_RUN = re.compile(r"\s*not run:\s*(?P<reason>\S.*?)\s*$", re.S)


@dataclass(frozen=True)
class Block:
    line: int
    lang: str
    code: str
    skip: str | None  # the reason given, for a block marked as not runnable


def readme_blocks(text: str) -> list[Block]:
    """Every sh and python block of ``text``, in order, with its not-run reason if marked."""
    found = []
    for m in _BLOCK.finditer(text):
        if m["lang"] not in ("sh", "python"):
            continue
        marked = _NOT_RUN.match(m["comment"] or "")
        if m["comment"] is not None and "not run" in m["comment"]:
            assert marked, f"README line {text.count(chr(10), 0, m.start()) + 1}: " \
                           "write <!-- not run: REASON -->"
        found.append(Block(line=text.count("\n", 0, m.start("code")) + 1, lang=m["lang"],
                           code=m["code"], skip=marked["reason"] if marked else None))
    return found


def test_blocks_are_found_and_skips_need_a_reason() -> None:
    sample = ("```sh\necho a\n```\n<!-- not run: needs Docker -->\n```sh\ndocker x\n```\n"
              "```json\n{}\n```\n```python\nprint(1)\n```\n")
    blocks = readme_blocks(sample)
    assert [(b.lang, b.skip) for b in blocks] == [("sh", None), ("sh", "needs Docker"),
                                                   ("python", None)]
    with pytest.raises(AssertionError, match="not run: REASON"):
        readme_blocks("<!-- not run: -->\n```sh\nx\n```\n")


@pytest.fixture(scope="module")
def newcomer(tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, str]]:
    """The environment of a person who has just cloned the repository."""
    place = tmp_path_factory.mktemp("newcomer")
    env_dir = place / "venv"
    # System site packages: the dependencies are those already installed for the suite, so
    # the block's `pip install -e .` needs no network; the project itself goes into the venv.
    venv.EnvBuilder(system_site_packages=True, with_pip=True).create(env_dir)
    env = {k: v for k, v in os.environ.items()
           if not k.startswith(("TME_", "OPENAI_", "VIRTUAL_ENV", "PYTHON"))}
    env |= {"PATH": f"{env_dir / 'bin'}{os.pathsep}{env['PATH']}",
            "VIRTUAL_ENV": str(env_dir), "HOME": os.environ.get("HOME", str(place)),
            "TME_HOME": str(place / "tme-home"), "TME_BOLT_PORT": str(free_port()),
            "TME_HTTP_PORT": str(free_port()), "COLUMNS": "100"}
    yield env
    LocalServer(Settings(home=Path(env["TME_HOME"]), neo4j_uri=None,
                         bolt_port=int(env["TME_BOLT_PORT"]),
                         http_port=int(env["TME_HTTP_PORT"]))).stop()


def _run(block: Block, env: dict[str, str]) -> subprocess.CompletedProcess[str]:
    argv = (["bash", "-euo", "pipefail", "-c", block.code] if block.lang == "sh"
            else [str(Path(env["VIRTUAL_ENV"]) / "bin" / "python"), "-c", block.code])
    return subprocess.run(argv, cwd=ROOT, env=env, stdin=subprocess.DEVNULL,
                          capture_output=True, text=True, timeout=900, check=False)


@pytest.mark.timeout(3600)
def test_every_readme_block_runs_as_written_in_order(newcomer: dict[str, str]) -> None:
    blocks = readme_blocks(README.read_text(encoding="utf-8"))
    assert len([b for b in blocks if b.skip is None]) >= 5
    outputs: dict[int, str] = {}
    for block in blocks:
        if block.skip is not None:
            continue
        done = _run(block, newcomer)
        assert done.returncode == 0, (
            f"README line {block.line} ({block.lang}) exited {done.returncode}:\n{block.code}\n"
            f"--- stdout\n{done.stdout[-3000:]}\n--- stderr\n{done.stderr[-3000:]}")
        assert "Traceback" not in done.stderr, (block.line, done.stderr[-3000:])
        outputs[block.line] = done.stdout + done.stderr
    everything = "\n".join(outputs.values())
    # The demo says where Browser is, on this machine's ports, not the default ones.
    assert f"http://127.0.0.1:{newcomer['TME_HTTP_PORT']}/browser/" in everything
    # What the Browser section tells a person to paste is one statement each.
    assert "MATCH (t:Task {ws: 'demo-trip-planning'})" in everything


def test_the_results_table_is_what_its_command_prints(newcomer: dict[str, str]) -> None:
    """The README's figures are what the command it names prints, line for line."""
    text = README.read_text(encoding="utf-8")
    command = "tme eval tests/scenarios/paper/*.json --trim rules --markdown"
    assert f"`{command}`" in " ".join(text.split())
    done = subprocess.run(["bash", "-euo", "pipefail", "-c", command], cwd=ROOT,
                          env=newcomer | {"PYTHONPATH": str(ROOT)}, capture_output=True,
                          text=True, timeout=900, check=False)
    assert done.returncode == 0, done.stderr
    table = done.stdout.strip().splitlines()
    assert len(table) == 7
    lines = [ln.strip() for ln in text.splitlines()]
    for row in table:
        assert row in lines, f"the README's table lacks, or has other figures than:\n{row}"


def test_the_readme_names_no_fixed_port_where_a_setting_decides() -> None:
    """Addresses in steps a person runs follow TME_BOLT_PORT / TME_HTTP_PORT."""
    for block in readme_blocks(README.read_text(encoding="utf-8")):
        assert ":7687" not in block.code.replace("${TME_BOLT_PORT:-7687}", ""), block.line
        assert ":7474" not in block.code.replace("${TME_HTTP_PORT:-7474}", ""), block.line
