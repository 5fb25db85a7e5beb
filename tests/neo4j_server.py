"""Pytest plugin: a real Neo4j 5.26 server for the ``neo4j`` tests, started once per session.

No Docker: ``tools/neo4j-launcher`` (a Maven project) runs the embedded Neo4j Community DBMS in a JVM
of its own, with Bolt on 127.0.0.1 and a free port and authentication on (user ``neo4j``, password
``NEO4J_TEST_PASSWORD``). The session fixture builds the launcher when its ``target/`` is missing,
starts the JVM, waits for the URI file it writes once Bolt listens, checks connectivity, yields the
URI and stops the JVM by its PID at the end.

Where Java or Maven is absent the Neo4j tests skip with a one-line reason, unless ``KG_REQUIRE_NEO4J=1``
(set by ``.ci/run``): then they fail, so CI never skips them silently.

Fixtures: ``neo4j_server`` (session, the URI), ``neo4j_driver`` (session) and ``neo4j_db`` (a clean
database for one test: no nodes, no constraints, no indexes; yields the driver).
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import neo4j
import pytest

ROOT = Path(__file__).resolve().parent.parent
LAUNCHER = ROOT / "tools" / "neo4j-launcher"
MAIN_CLASS = "org.cambodiakg.launcher.Launcher"
NEO4J_TEST_USER = "neo4j"
NEO4J_TEST_PASSWORD = "kg-test-password"
START_TIMEOUT = 180.0
JVM_FLAGS = [
    "-Xmx1g",
    "--add-opens=java.base/java.nio=ALL-UNNAMED",
    "--add-opens=java.base/java.io=ALL-UNNAMED",
    "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED",
]


def _unavailable(reason: str) -> None:
    """Skip, or fail when the environment demands a real server."""
    if os.environ.get("KG_REQUIRE_NEO4J") == "1":
        pytest.fail(f"KG_REQUIRE_NEO4J=1 but {reason}", pytrace=False)
    pytest.skip(reason)


def _build_launcher() -> None:
    if (LAUNCHER / "target" / "lib").is_dir() and (LAUNCHER / "target" / "classes").is_dir():
        return
    if shutil.which("mvn") is None:
        _unavailable("Neo4j tests need Maven (mvn) to build tools/neo4j-launcher")
    done = subprocess.run(["mvn", "-q", "-B", "package"], cwd=LAUNCHER, capture_output=True, text=True)
    if done.returncode != 0:
        tail = (done.stdout + done.stderr).strip().splitlines()[-5:]
        pytest.fail("building tools/neo4j-launcher failed: " + " | ".join(tail), pytrace=False)


def _wait_for_uri(proc: subprocess.Popen[bytes], uri_file: Path, log: Path) -> str:
    deadline = time.monotonic() + START_TIMEOUT
    while time.monotonic() < deadline:
        if uri_file.is_file():
            return uri_file.read_text(encoding="utf-8").strip()
        if proc.poll() is not None:
            tail = log.read_text(encoding="utf-8", errors="replace").strip().splitlines()[-5:]
            pytest.fail(f"Neo4j launcher exited with {proc.returncode}: " + " | ".join(tail), pytrace=False)
        time.sleep(0.1)
    pytest.fail(f"Neo4j launcher wrote no URI within {START_TIMEOUT:.0f} s (log: {log})", pytrace=False)
    raise AssertionError  # unreachable: pytest.fail raises


def _stop(proc: subprocess.Popen[bytes]) -> None:
    if proc.poll() is not None:
        return
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=30)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def neo4j_server() -> Iterator[str]:
    """The Bolt URI of a Neo4j 5.26 server running for this session."""
    java = shutil.which("java")
    if java is None:
        _unavailable("Neo4j tests need Java 17 (java) to run tools/neo4j-launcher")
    _build_launcher()
    work = Path(tempfile.mkdtemp(prefix="kg-neo4j-"))
    uri_file, log = work / "bolt-uri", work / "launcher.log"
    target = LAUNCHER / "target"
    classpath = os.pathsep.join([str(target / "classes"), str(target / "lib" / "*")])
    env = dict(os.environ, NEO4J_LAUNCHER_PASSWORD=NEO4J_TEST_PASSWORD)
    with open(log, "wb") as log_fh:
        proc = subprocess.Popen(
            [str(java), *JVM_FLAGS, "-cp", classpath, MAIN_CLASS, str(work / "home"), str(uri_file)],
            stdin=subprocess.PIPE, stdout=log_fh, stderr=subprocess.STDOUT, env=env,
        )
    try:
        uri = _wait_for_uri(proc, uri_file, log)
        with neo4j.GraphDatabase.driver(uri, auth=(NEO4J_TEST_USER, NEO4J_TEST_PASSWORD)) as driver:
            driver.verify_connectivity()
        yield uri
    finally:
        _stop(proc)
        shutil.rmtree(work, ignore_errors=True)


@pytest.fixture(scope="session")
def neo4j_driver(neo4j_server: str) -> Iterator[neo4j.Driver]:
    driver = neo4j.GraphDatabase.driver(neo4j_server, auth=(NEO4J_TEST_USER, NEO4J_TEST_PASSWORD))
    yield driver
    driver.close()


def wipe(driver: neo4j.Driver) -> None:
    """Remove every node, relationship, constraint and index (but the built-in lookup indexes)."""
    driver.execute_query("MATCH (n) DETACH DELETE n")
    names = driver.execute_query("SHOW CONSTRAINTS YIELD name RETURN name").records
    for rec in names:
        driver.execute_query(f"DROP CONSTRAINT `{rec['name'].replace('`', '``')}` IF EXISTS")
    names = driver.execute_query(
        "SHOW INDEXES YIELD name, type WHERE type <> 'LOOKUP' RETURN name"
    ).records
    for rec in names:
        driver.execute_query(f"DROP INDEX `{rec['name'].replace('`', '``')}` IF EXISTS")


@pytest.fixture
def neo4j_db(neo4j_driver: neo4j.Driver) -> Iterator[neo4j.Driver]:
    """A clean database for one test (wiped before it runs); yields the session's driver."""
    wipe(neo4j_driver)
    yield neo4j_driver
