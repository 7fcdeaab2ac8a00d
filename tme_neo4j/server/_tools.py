"""Finding the programs the local server needs: a Java runtime Neo4j supports, and Maven."""

from __future__ import annotations

import glob
import logging
import os
import re
import shutil
import subprocess
from collections.abc import Iterator
from pathlib import Path

from pydantic import BaseModel

from tme_neo4j.errors import ConfigError

__all__ = ["SUPPORTED_JAVA", "JavaRuntime", "find_java", "find_maven", "no_local_server_hint"]

logger = logging.getLogger(__name__)

#: Java feature releases Neo4j 5.26 runs on; newer ones are refused by the server.
SUPPORTED_JAVA = (17, 21)

# Where package managers and installers put JDKs when nothing is on PATH or in JAVA_HOME.
_JVM_GLOBS = (
    "/usr/lib/jvm/*/bin/java",
    "/usr/java/*/bin/java",
    "/opt/java/*/bin/java",
    "/opt/jdk*/bin/java",
    "/Library/Java/JavaVirtualMachines/*/Contents/Home/bin/java",
    "~/.sdkman/candidates/java/*/bin/java",
)

_VERSION = re.compile(r'version "(\d+)(?:\.(\d+))?')


class JavaRuntime(BaseModel):
    """A ``java`` executable and its feature release (17, 21...)."""

    java: Path
    major: int

    @property
    def home(self) -> Path:
        """The JDK or JRE folder, what ``JAVA_HOME`` should point at."""
        return self.java.parent.parent


def no_local_server_hint() -> str:
    """The ways around a machine that cannot run the local server, for error messages."""
    return (
        "Alternatively point tme at an existing Neo4j 5 server with TME_NEO4J_URI "
        "(and TME_NEO4J_USER / TME_NEO4J_PASSWORD), or run one with Docker: "
        "`TME_NEO4J_PASSWORD=... docker compose -f docker/compose.yml up -d`."
    )


def _candidates() -> Iterator[Path]:
    java_home = os.environ.get("JAVA_HOME")
    if java_home:
        yield Path(java_home) / "bin" / "java"
    on_path = shutil.which("java")
    if on_path:
        yield Path(on_path)
    for pattern in _JVM_GLOBS:
        yield from (Path(p) for p in sorted(glob.glob(os.path.expanduser(pattern))))


def java_major_version(java: Path) -> int | None:
    """The feature release of ``java`` (``8`` for 1.8), or None if it does not run."""
    try:
        result = subprocess.run(
            [str(java), "-version"], capture_output=True, text=True, timeout=30, check=False
        )
    except (OSError, subprocess.SubprocessError):
        return None
    match = _VERSION.search(result.stderr + result.stdout)
    if result.returncode != 0 or match is None:
        return None
    first = int(match.group(1))
    # Java 8 and older call themselves 1.x.
    return int(match.group(2) or 0) if first == 1 else first


def find_java() -> JavaRuntime:
    """The first Java 17 or 21 in JAVA_HOME, on PATH or in the usual JVM folders.

    Raises:
        ConfigError: no supported Java was found; the message lists what was found instead.
    """
    seen: set[Path] = set()
    unsupported: list[str] = []
    for candidate in _candidates():
        try:
            resolved = candidate.resolve(strict=True)
        except OSError:
            continue
        if resolved in seen or not os.access(resolved, os.X_OK):
            continue
        seen.add(resolved)
        major = java_major_version(resolved)
        if major in SUPPORTED_JAVA:
            logger.debug("using Java %s at %s", major, resolved)
            return JavaRuntime(java=resolved, major=major)
        if major is not None:
            unsupported.append(f"Java {major} at {resolved.parent.parent}")
    found = f" Found only: {', '.join(unsupported)}." if unsupported else ""
    raise ConfigError(
        "the local Neo4j server needs Java 17 or 21 and none was found."
        f"{found} Install one (e.g. `apt-get install openjdk-17-jre-headless`, "
        "`brew install openjdk@21`) or set JAVA_HOME to it. " + no_local_server_hint()
    )


def find_maven() -> Path:
    """The ``mvn`` executable, from PATH, MAVEN_HOME or M2_HOME.

    Raises:
        ConfigError: Maven is not installed.
    """
    on_path = shutil.which("mvn")
    if on_path:
        return Path(on_path)
    for variable in ("MAVEN_HOME", "M2_HOME"):
        home = os.environ.get(variable)
        if home and (Path(home) / "bin" / "mvn").is_file():
            return Path(home) / "bin" / "mvn"
    raise ConfigError(
        "the local Neo4j server is assembled from Maven Central with Maven (`mvn`), which was "
        "not found. Install it (e.g. `apt-get install maven`, `brew install maven`) or put it on "
        "PATH. " + no_local_server_hint()
    )
