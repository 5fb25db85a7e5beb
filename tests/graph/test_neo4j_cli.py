"""``kg neo4j push|status`` and ``kg ask --backend neo4j`` on the corpus, against a real Neo4j 5.26."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import neo4j
import pytest

from graph.neo4j_conn import DEFAULT_CONNECT_TIMEOUT, Neo4jSettings
from graph.neo4j_plan import expected_fingerprint
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


def _silent_port() -> socket.socket:
    """A TCP port that accepts connections (the kernel completes them) and never says a word."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    return listener


def test_a_port_that_is_not_bolt_is_given_up_after_the_connect_timeout() -> None:
    with _silent_port() as listener:
        port = listener.getsockname()[1]
        proc = _kg("neo4j", "status", "--uri", f"bolt://127.0.0.1:{port}", "--password", "x",
                   env={"NEO4J_CONNECT_TIMEOUT": "2"})
    assert proc.returncode == 3 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
    assert "did not answer as a Neo4j Bolt server within 2 s" in proc.stderr


def test_the_connect_timeout_is_bounded_by_default_and_checked(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NEO4J_CONNECT_TIMEOUT", raising=False)
    assert Neo4jSettings.resolve().connect_timeout == DEFAULT_CONNECT_TIMEOUT <= 30
    proc = _kg("neo4j", "status", env={"NEO4J_CONNECT_TIMEOUT": "soon"})
    assert proc.returncode == 2 and len(proc.stderr.strip().splitlines()) == 1
    assert "NEO4J_CONNECT_TIMEOUT" in proc.stderr


@pytest.mark.neo4j
def test_an_unknown_database_is_one_line_and_exit_2(neo4j_db: neo4j.Driver, neo4j_server: str,
                                                   built_workspace: Workspace) -> None:
    ws = str(built_workspace.path)
    for args in (("neo4j", "status", "--database", "nope"),
                 ("neo4j", "push", "--workspace", ws, "--database", "nope"),
                 ("ask", "party-fates", "--backend", "neo4j", "--workspace", ws, "--database", "nope")):
        proc = _kg(*args, env=_env(neo4j_server))
        assert proc.returncode == 2 and "Traceback" not in proc.stderr, (args, proc.stderr)
        assert len(proc.stderr.strip().splitlines()) == 1 and "no database 'nope'" in proc.stderr, args
    proc = _kg("neo4j", "status", env=_env(neo4j_server) | {"NEO4J_DATABASE": "nope"})
    assert proc.returncode == 2 and "no database 'nope'" in proc.stderr


@pytest.mark.neo4j
def test_ask_takes_the_connection_options_of_kg_neo4j(neo4j_db: neo4j.Driver, neo4j_server: str,
                                                      built_workspace: Workspace) -> None:
    ws = str(built_workspace.path)
    assert _kg("neo4j", "push", "--workspace", ws, env=_env(neo4j_server)).returncode == 0
    flags = ("--uri", neo4j_server, "--user", NEO4J_TEST_USER, "--password", NEO4J_TEST_PASSWORD,
             "--database", "neo4j")
    want = _kg("ask", "party-fates", "--format", "json", "--workspace", ws)
    got = _kg("ask", "party-fates", "--format", "json", "--backend", "neo4j", "--workspace", ws, *flags)
    assert got.returncode == 0, got.stderr
    assert got.stdout == want.stdout and "warning" not in got.stderr
    # the flags win over the environment
    wrong = _kg("ask", "party-fates", "--backend", "neo4j", "--workspace", ws, "--password", "wrong",
                env=_env(neo4j_server))
    assert wrong.returncode == 3 and "refused user 'neo4j'" in wrong.stderr
    proc = _kg("ask", "party-fates", "--workspace", ws, "--uri", neo4j_server)
    assert proc.returncode == 2 and "only --backend neo4j takes --uri" in proc.stderr


@pytest.mark.neo4j
def test_a_push_record_that_lies_about_the_graph_is_caught(neo4j_db: neo4j.Driver, neo4j_server: str,
                                                          built_workspace: Workspace,
                                                          other_workspace: Workspace) -> None:
    """What two interleaved pushes used to leave: the record names one workspace's graph, the
    database holds the other's. Status must not call it "same", ask must not answer from it."""
    ws, other = str(built_workspace.path), str(other_workspace.path)
    assert _kg("neo4j", "push", "--workspace", other, env=_env(neo4j_server)).returncode == 0
    rows = to_rows(built_workspace.load())
    neo4j_db.execute_query("MATCH (s:KgSync) SET s.last_build = $build, s.content = $content",
                           build=rows.build, content=expected_fingerprint(rows))
    proc = _kg("neo4j", "status", "--workspace", ws, env=_env(neo4j_server))
    assert proc.returncode == 0, proc.stderr
    assert "same as the workspace" not in proc.stdout and "no longer what that push wrote" in proc.stdout
    proc = _kg("ask", "party-fates", "--backend", "neo4j", "--workspace", ws, env=_env(neo4j_server))
    assert proc.returncode == 2 and not proc.stdout
    assert len(proc.stderr.strip().splitlines()) == 1 and "does not hold the graph its last push" in proc.stderr
    # a push of another build (consistent with its record): answered, with a warning naming both builds
    assert _kg("neo4j", "push", "--workspace", other, env=_env(neo4j_server)).returncode == 0
    proc = _kg("ask", "party-fates", "--backend", "neo4j", "--workspace", ws, env=_env(neo4j_server))
    assert proc.returncode == 0
    assert f"not the workspace's {rows.build}" in proc.stderr
