"""Faults, for real: the Neo4j process is killed with SIGKILL in the middle of a stream of turns
written by another process, then restarted. Runs on a server of its own (temporary TME_HOME,
its own ports), so the rest of the suite is untouched."""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import textwrap
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import free_port, graph_snapshot

from tme_neo4j.config import Settings
from tme_neo4j.engine import TaskMemoryEngine
from tme_neo4j.errors import Neo4jUnavailableError
from tme_neo4j.server import LocalServer
from tme_neo4j.store import MemoryStore
from tme_neo4j.trim.rules import RuleInterpreter

pytestmark = pytest.mark.slow

WRITER = textwrap.dedent("""
    import sys
    from tme_neo4j import queries
from tme_neo4j.config import Settings
    from tme_neo4j.engine import TaskMemoryEngine
    from tme_neo4j.store import MemoryStore
    from tme_neo4j.trim.rules import RuleInterpreter

    store = MemoryStore(Settings(), workspace="faults").connect(start_server=False)
    engine = TaskMemoryEngine(store, RuleInterpreter())
    for i in range(1, 10_000):
        engine.process(f"item{i % 7}: set item{i % 7} to value {i}")
        print(i, flush=True)
""")


@pytest.fixture(scope="module")
def fault_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(home=tmp_path_factory.mktemp("tme-faults"), neo4j_uri=None,
                    bolt_port=free_port(), http_port=free_port())


@pytest.fixture(scope="module")
def server(fault_settings: Settings) -> Iterator[LocalServer]:
    local = LocalServer(fault_settings)
    local.start()
    yield local
    local.stop()


def _kill(server: LocalServer) -> None:
    pid = server.status().pid
    assert pid is not None
    exited = os.pidfd_open(pid)  # readable once the process has exited
    try:
        os.kill(pid, signal.SIGKILL)
        ready, _, _ = select.select([exited], [], [], 60)
        assert ready, f"Neo4j (pid {pid}) survived SIGKILL"
    finally:
        os.close(exited)


def _env(settings: Settings) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TME_")}
    return env | {"TME_HOME": str(settings.home), "TME_BOLT_PORT": str(settings.bolt_port),
                  "TME_HTTP_PORT": str(settings.http_port)}


def test_a_killed_server_leaves_every_turn_whole_or_absent(
    fault_settings: Settings, server: LocalServer
) -> None:
    with MemoryStore(fault_settings, workspace="faults") as store:
        store.create_workspace()
    writer = subprocess.Popen([sys.executable, "-c", WRITER], env=_env(fault_settings),
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    confirmed: list[int] = []
    try:
        assert writer.stdout is not None
        for line in writer.stdout:
            confirmed.append(int(line))
            if len(confirmed) == 25:
                _kill(server)
                break
        writer.wait(timeout=120)
    finally:
        writer.kill()
        writer.communicate(timeout=30)
    assert writer.returncode != 0  # it saw the server die
    server.start()
    with MemoryStore(fault_settings, workspace="faults") as store:
        turns = store.turns(limit=100_000)
        numbers = [t.n for t in turns]
        assert numbers == list(range(1, len(numbers) + 1))
        # Every turn the writer saw committed is there (durability)...
        assert len(numbers) >= len(confirmed)
        revisions_by_turn: dict[int, set[str]] = {}
        for task in store.state(include_cancelled=True).tasks:
            for rev in store.history(task.key):
                assert rev.turn is not None
                revisions_by_turn.setdefault(rev.turn, set()).add(task.key)
        # ...and each is whole: its record, its revisions and its TOUCHED edges, or nothing.
        assert set(revisions_by_turn) <= set(numbers)
        for t in turns:
            touched = {entry.key for entry in t.touched}
            assert touched == revisions_by_turn.get(t.n, set()), t.n
            assert t.reply, t.n


def test_calls_fail_fast_while_down_and_the_same_engine_recovers(
    fault_settings: Settings, server: LocalServer
) -> None:
    store = MemoryStore(fault_settings, workspace="recover").connect(start_server=False)
    try:
        store.create_workspace()
        engine = TaskMemoryEngine(store, RuleInterpreter())
        engine.process("venue: set the venue to Hall A")
        _kill(server)
        started = time.monotonic()
        with pytest.raises(Neo4jUnavailableError):
            engine.process("venue: make that Hall B")
        assert time.monotonic() - started < 40
        server.start()
        engine.process("venue: make that Hall C")
        assert store.get_task("venue").value == "Hall C"
        assert [r.value for r in store.history("venue")] == ["Hall A", "Hall C"]
    finally:
        store.close()


def test_a_server_killed_during_an_import_leaves_the_target_as_it_was(
    fault_settings: Settings, server: LocalServer, tmp_path: Path
) -> None:
    from tme_neo4j.portable import export_workspace, import_workspace

    with MemoryStore(fault_settings, workspace="big") as big:
        big.create_workspace()
        big.apply([{"op": "add", "key": "root", "title": "Root"}])
        for start in range(0, 3000, 500):
            big.apply([{"op": "add", "key": f"t{i}", "title": f"Task {i}", "value": f"v{i}",
                        "parents": ["root"]} for i in range(start, start + 500)])
        document = tmp_path / "big.json"
        with document.open("w", encoding="utf-8") as out:
            export_workspace(big, out)
        target = big.for_workspace("target")
        target.create_workspace()
        target.add_task("keep", "Keep me", "as I am")
        before = graph_snapshot(target)
    # Small batches, so that the server dies between two of them.
    importer = subprocess.Popen(
        [sys.executable, "-c", IMPORTER, str(document)], env=_env(fault_settings),
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        with MemoryStore(fault_settings, workspace="target") as watcher:
            # The event: staged batches are in the graph. Polled, not guessed with a sleep.
            while _staged_nodes(watcher) < 200:
                assert importer.poll() is None, importer.communicate()
        _kill(server)
        importer.wait(timeout=120)
    finally:
        importer.kill()
        importer.communicate(timeout=30)
    assert importer.returncode != 0
    server.start()
    with MemoryStore(fault_settings, workspace="target") as target:
        assert graph_snapshot(target) == before
        assert _staged_nodes(target) > 0  # left behind, invisible
        # The next import cleans up after the dead one, and the same import now succeeds.
        import_workspace(target, document, workspace="target", replace=True)
        assert _staged_nodes(target) == 0
        assert len(target.state().tasks) == 3001


IMPORTER = textwrap.dedent("""
    import sys
    from tme_neo4j.config import Settings
    from tme_neo4j.portable import import_workspace
    from tme_neo4j.store import MemoryStore

    with MemoryStore(Settings(), workspace="target").connect(start_server=False) as store:
        import_workspace(store, sys.argv[1], workspace="target", replace=True, batch_size=50)
""")


def _staged_nodes(store: MemoryStore) -> int:
    records, _, _ = store.driver.execute_query(
        "MATCH (n) WHERE n.ws STARTS WITH '~import-' RETURN count(n) AS n")
    return int(records[0]["n"])
