"""The wheel carries every Cypher file, and the installed package loads them from itself."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


@pytest.mark.slow
def test_wheel_ships_the_cypher_files(tmp_path: Path) -> None:
    subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                    str(tmp_path), str(ROOT)], check=True, timeout=600)
    wheel = next(tmp_path.glob("tme_neo4j-*.whl"))
    names = set(zipfile.ZipFile(wheel).namelist())
    cypher = ROOT / "cypher"
    sources = {p.relative_to(cypher).as_posix() for p in cypher.rglob("*.cypher")}
    assert sources
    assert {f"tme_neo4j/cypher/{s}" for s in sources} <= names
    assert "tme_neo4j/py.typed" in names
    assert "tme_neo4j/server/pom.xml" in names
    # `tme bench` runs the workloads of benchmarks/turns, with their own statements.
    bench = ROOT / "benchmarks" / "turns"
    bench_sources = {p.relative_to(ROOT).as_posix() for p in bench.rglob("*.cypher")}
    assert bench_sources
    assert bench_sources | {"benchmarks/turns/run.py"} <= names

    target = tmp_path / "site"
    subprocess.run([sys.executable, "-m", "pip", "install", "--no-deps", "-q", "--target",
                    str(target), str(wheel)], check=True, timeout=600)
    probe = ("import json; from tme_neo4j import queries; "
             "from benchmarks.turns import bench_queries; "
             "print(json.dumps([str(queries.cypher_root()), len(queries.all_queries()), "
             "len(bench_queries())]))")
    out = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True,
                         check=True, timeout=120, cwd=tmp_path,
                         env={**os.environ, "PYTHONPATH": str(target)})
    root, count, bench_count = json.loads(out.stdout)
    assert root.startswith(str(target))
    assert count == len(sources)
    assert bench_count == len(bench_sources)
