"""The Neo4j fixture skips where Java is missing, but never when ``KG_REQUIRE_NEO4J=1`` demands a server."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT

TARGET = "tests/graph/test_neo4j_sync.py::test_status_counts_by_label"


def _pytest_without_java(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    bare = {k: v for k, v in os.environ.items() if k not in ("KG_REQUIRE_NEO4J", "JAVA_HOME")}
    bare["PATH"] = str(tmp_path)  # no java, no mvn
    return subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rs", TARGET],
                          capture_output=True, text=True, cwd=ROOT, env=bare | env, timeout=300)


def test_without_java_the_neo4j_tests_skip_with_a_reason(tmp_path: Path) -> None:
    proc = _pytest_without_java(tmp_path)
    assert proc.returncode == 0, proc.stdout[-2000:]
    assert "1 skipped" in proc.stdout and "need Java 17" in proc.stdout


def test_without_java_the_neo4j_tests_fail_when_required(tmp_path: Path) -> None:
    proc = _pytest_without_java(tmp_path, KG_REQUIRE_NEO4J="1")
    assert proc.returncode != 0
    assert "KG_REQUIRE_NEO4J=1 but Neo4j tests need Java 17" in proc.stdout
