"""``kg neo4j push|status`` and ``kg ask --backend neo4j`` on the corpus, against a real Neo4j 5.26."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import neo4j
import pytest

from graph.neo4j_rows import to_rows
from graph.neo4j_sync import content_hash
from kg.workspace import Workspace
from tests.conftest import ROOT
from tests.neo4j_server import NEO4J_TEST_PASSWORD, NEO4J_TEST_USER


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | (env or {})
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True,
                          cwd=ROOT, env=full, timeout=300)


def _env(uri: str, password: str = NEO4J_TEST_PASSWORD) -> dict[str, str]:
    return {"NEO4J_URI": uri, "NEO4J_USER": NEO4J_TEST_USER, "NEO4J_PASSWORD": password}


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def test_unreachable_server_is_one_line_and_exit_3() -> None:
    proc = _kg("neo4j", "status", "--uri", f"bolt://127.0.0.1:{_free_port()}", "--password", "x")
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "unreachable" in proc.stderr


def test_bad_uri_is_one_line() -> None:
    proc = _kg("neo4j", "status", "--uri", "http://localhost:7474")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "bad URI" in proc.stderr


@pytest.mark.neo4j
def test_status_of_an_empty_server_says_so(neo4j_db: neo4j.Driver, neo4j_server: str) -> None:
    proc = _kg("neo4j", "status", env=_env(neo4j_server))
    assert proc.returncode == 0, proc.stderr
    assert "nothing pushed yet" in proc.stdout and "nodes:         none" in proc.stdout


@pytest.mark.neo4j
def test_push_then_status_on_the_corpus(neo4j_db: neo4j.Driver, neo4j_server: str,
                                        built_workspace: Workspace) -> None:
    ws = str(built_workspace.path)
    proc = _kg("neo4j", "push", "--workspace", ws, "--no-progress", env=_env(neo4j_server))
    assert proc.returncode == 0, proc.stderr
    build = to_rows(built_workspace.load()).build
    assert f"pushed build {build}" in proc.stdout
    digest = content_hash(neo4j_db)
    # the same through flags instead of the environment: nothing changes
    proc = _kg("neo4j", "push", "--workspace", ws, "--no-progress", "--uri", neo4j_server,
               "--user", NEO4J_TEST_USER, "--password", NEO4J_TEST_PASSWORD)
    assert proc.returncode == 0, proc.stderr
    assert content_hash(neo4j_db) == digest
    proc = _kg("neo4j", "status", "--workspace", ws, env=_env(neo4j_server))
    assert proc.returncode == 0, proc.stderr
    facts = built_workspace.load()
    assert f"build {build} (same as the workspace" in proc.stdout
    assert f"Document {len(facts.documents)}" in proc.stdout


@pytest.mark.neo4j
def test_wrong_password_is_one_line_and_exit_3(neo4j_db: neo4j.Driver, neo4j_server: str,
                                               built_workspace: Workspace) -> None:
    proc = _kg("neo4j", "push", "--workspace", str(built_workspace.path), env=_env(neo4j_server, "wrong"))
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1 and "refused user 'neo4j'" in proc.stderr
    assert neo4j_db.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"] == 0


@pytest.mark.neo4j
def test_ask_with_the_neo4j_backend_answers_as_sparql(neo4j_db: neo4j.Driver, neo4j_server: str,
                                                      built_workspace: Workspace) -> None:
    ws = str(built_workspace.path)
    assert _kg("neo4j", "push", "--workspace", ws, env=_env(neo4j_server)).returncode == 0
    for name in ("party-fates", "laws-used-against"):
        want = _kg("ask", name, "--format", "json", "--workspace", ws)
        got = _kg("ask", name, "--format", "json", "--backend", "neo4j", "--workspace", ws,
                  env=_env(neo4j_server))
        assert want.returncode == 0 and got.returncode == 0, got.stderr
        assert got.stdout == want.stdout
        assert "warning" not in got.stderr
