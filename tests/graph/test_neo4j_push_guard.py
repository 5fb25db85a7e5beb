"""``kg neo4j push`` says what a sync removes before removing it: ``--dry-run``, and a confirmation
(refused without a terminal unless ``--yes``) when it removes more than ``--confirm-above`` percent of
the pushed graph. Against a real Neo4j 5.26."""

from __future__ import annotations

import os
import pty
import select
import subprocess
import sys
import time

import neo4j
import pytest

from graph.neo4j_rows import to_rows
from graph.neo4j_sync import content_hash, holding
from kg.workspace import Workspace
from tests.conftest import ROOT
from tests.graph.test_neo4j_cli import _env, _kg

pytestmark = pytest.mark.neo4j


def _nodes(driver: neo4j.Driver) -> int:
    return int(driver.execute_query("MATCH (n) RETURN count(n) AS n").records[0]["n"])


def test_pushing_another_workspace_is_refused_without_a_terminal(
        neo4j_db: neo4j.Driver, neo4j_server: str, built_workspace: Workspace, other_workspace: Workspace) -> None:
    env = _env(neo4j_server)
    assert _kg("neo4j", "push", "--workspace", str(built_workspace.path), env=env).returncode == 0
    before = content_hash(neo4j_db)
    proc = _kg("neo4j", "push", "--workspace", str(other_workspace.path), env=env)
    assert proc.returncode == 2 and not proc.stdout
    line = proc.stderr.strip()
    assert len(line.splitlines()) == 1 and "Traceback" not in line
    assert "removes " in line and "pushed nodes" in line and "Document " in line
    assert "--yes" in line and "--dry-run" in line and "nothing was written" in line
    assert content_hash(neo4j_db) == before
    # --yes for scripts; a higher threshold lets it through as well
    proc = _kg("neo4j", "push", "--workspace", str(other_workspace.path), "--yes", env=env)
    assert proc.returncode == 0, proc.stderr
    assert holding(neo4j_db, to_rows(other_workspace.load())).state == "current"
    proc = _kg("neo4j", "push", "--workspace", str(built_workspace.path), "--confirm-above", "100", env=env)
    assert proc.returncode == 0, proc.stderr


def test_a_dry_run_names_what_would_go_and_writes_nothing(
        neo4j_db: neo4j.Driver, neo4j_server: str, built_workspace: Workspace, other_workspace: Workspace) -> None:
    env = _env(neo4j_server)
    proc = _kg("neo4j", "push", "--workspace", str(built_workspace.path), "--dry-run", env=env)
    assert proc.returncode == 0, proc.stderr
    facts = built_workspace.load()
    assert "dry run, nothing written" in proc.stdout
    assert "new, 0 changed), leave 0 unchanged and remove 0 of the 0 pushed nodes" in proc.stdout
    assert _nodes(neo4j_db) == 0  # not even the schema
    assert not neo4j_db.execute_query("SHOW CONSTRAINTS").records
    assert _kg("neo4j", "push", "--workspace", str(built_workspace.path), env=env).returncode == 0
    before = content_hash(neo4j_db)
    proc = _kg("neo4j", "push", "--workspace", str(other_workspace.path), "--dry-run", env=env)
    assert proc.returncode == 0, proc.stderr
    gone = sorted(set(facts.documents) - set(other_workspace.load().documents))
    assert gone and all(f"  Document {doc}" in proc.stdout for doc in gone)
    assert "remove " in proc.stdout and "pushed nodes" in proc.stdout
    assert content_hash(neo4j_db) == before


def _on_a_terminal(args: list[str], env: dict[str, str], answer: str) -> tuple[int, str]:
    """Run ``kg`` with stdin and stderr on a pseudo-terminal; answer its question with ``answer``."""
    master, slave = pty.openpty()
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | env
    proc = subprocess.Popen([sys.executable, "-m", "kg.cli", *args], stdin=slave, stderr=slave,
                            stdout=subprocess.PIPE, cwd=ROOT, env=full)
    os.close(slave)
    seen = b""
    deadline = time.monotonic() + 300
    try:
        while b"Remove them?" not in seen and time.monotonic() < deadline and proc.poll() is None:
            if select.select([master], [], [], 0.5)[0]:
                seen += os.read(master, 4096)
        os.write(master, answer.encode() + b"\n")
        proc.wait(300)
        while select.select([master], [], [], 0.2)[0]:
            try:
                seen += os.read(master, 4096)
            except OSError:
                break
    finally:
        os.close(master)
        if proc.poll() is None:
            proc.kill()
    return proc.returncode, seen.decode("utf-8", "replace")


def test_on_a_terminal_the_push_asks_first(
        neo4j_db: neo4j.Driver, neo4j_server: str, built_workspace: Workspace, other_workspace: Workspace) -> None:
    env = _env(neo4j_server)
    assert _kg("neo4j", "push", "--workspace", str(built_workspace.path), env=env).returncode == 0
    before = content_hash(neo4j_db)
    args = ["neo4j", "push", "--workspace", str(other_workspace.path), "--no-progress"]
    code, shown = _on_a_terminal(args, env, "n")
    assert "Remove them?" in shown and code != 0
    assert content_hash(neo4j_db) == before
    code, shown = _on_a_terminal(args, env, "y")
    assert code == 0, shown
    assert holding(neo4j_db, to_rows(other_workspace.load())).state == "current"
