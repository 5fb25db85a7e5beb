"""Two pushes at once, against a real Neo4j 5.26: they run one after the other (the push lock), and a
reader checks the graph's content, not only its push record, before it answers from it."""

from __future__ import annotations

import copy
import os
import subprocess
import sys
import threading
import time
from typing import Any

import neo4j
import pytest

from graph.factset import FactSet
from graph.neo4j_rows import GraphRows, to_rows
from graph.neo4j_statements import statement
from graph.neo4j_sync import holding, push_rows, status
from kg.workspace import Workspace
from tests.conftest import ROOT
from tests.graph.test_neo4j_cli import _env, _kg

pytestmark = pytest.mark.neo4j

WAIT = 120.0  # seconds: generous bounds on a loaded machine; the test never waits for them to pass


def _blocked_transactions(driver: neo4j.Driver) -> int:
    records = driver.execute_query("SHOW TRANSACTIONS YIELD status WHERE status STARTS WITH 'Blocked' "
                                   "RETURN count(*) AS n").records
    return int(records[0]["n"])


def _half(facts: FactSet) -> FactSet:
    """The same documents with every other event and membership dropped: another workspace's graph
    that shares most of its nodes with the first."""
    smaller = copy.deepcopy(facts)
    for name in ("events", "memberships"):
        items: dict[str, Any] = getattr(smaller, name)
        for key in sorted(items)[::2]:
            del items[key]
    return smaller


def test_two_pushes_at_once_leave_the_graph_of_the_last_one(neo4j_db: neo4j.Driver,
                                                            corpus_facts: FactSet) -> None:
    first, second = to_rows(corpus_facts), to_rows(_half(corpus_facts))
    paused, resume = threading.Event(), threading.Event()
    errors: list[BaseException] = []

    def pause_after_first_batch(stage: str, done: int, total: int) -> None:
        if not paused.is_set():
            paused.set()  # the first push holds its transaction open, half written
            resume.wait(WAIT)

    def run(rows: GraphRows, progress: Any = None) -> None:
        try:
            push_rows(neo4j_db, rows, batch_size=50, progress=progress)
        except BaseException as exc:  # noqa: BLE001 - reported by the test below
            errors.append(exc)

    a = threading.Thread(target=run, args=(first, pause_after_first_batch))
    a.start()
    assert paused.wait(WAIT), "the first push never wrote its first batch"
    b = threading.Thread(target=run, args=(second,))
    b.start()
    deadline = time.monotonic() + WAIT
    while _blocked_transactions(neo4j_db) == 0 and time.monotonic() < deadline:
        time.sleep(0.05)  # until the second push waits on the first
    blocked = _blocked_transactions(neo4j_db)
    resume.set()
    a.join(WAIT)
    b.join(WAIT)
    assert blocked, "the second push never waited for the first"
    assert not errors, errors
    # the second push ran after the first committed, so it synced over the first's graph
    assert status(neo4j_db).last_build == second.build
    held = holding(neo4j_db, second)
    assert held.state == "current", held
    assert holding(neo4j_db, first).state == "other"


def test_a_graph_changed_after_its_push_is_not_taken_for_it(neo4j_db: neo4j.Driver,
                                                           corpus_facts: FactSet) -> None:
    rows = to_rows(corpus_facts)
    assert holding(neo4j_db, rows).state == "empty"
    push_rows(neo4j_db, rows)
    assert holding(neo4j_db, rows).state == "current"
    assert holding(neo4j_db, None).state == "other"  # without a workspace: what the record says
    neo4j_db.execute_query("MATCH (e:Event) WITH e LIMIT 1 DETACH DELETE e")
    assert holding(neo4j_db, rows).state == "inconsistent"
    push_rows(neo4j_db, rows)  # a push repairs it
    assert holding(neo4j_db, rows).state == "current"
    neo4j_db.execute_query("MATCH (:Event)-[r:SUPPORTED_BY]->() WITH r LIMIT 1 DELETE r")
    assert holding(neo4j_db, rows).state == "inconsistent"
    report = push_rows(neo4j_db, rows)  # every hash is as pushed, yet a link is gone: all is rewritten
    assert report.unchanged_nodes == 0
    assert holding(neo4j_db, rows).state == "current"


def test_a_push_waiting_for_another_says_so(neo4j_db: neo4j.Driver, neo4j_server: str,
                                            built_workspace: Workspace) -> None:
    ws = str(built_workspace.path)
    assert _kg("neo4j", "push", "--workspace", ws, env=_env(neo4j_server)).returncode == 0
    full = {k: v for k, v in os.environ.items() if not k.startswith("NEO4J_")} | _env(neo4j_server)
    with neo4j_db.session() as session, session.begin_transaction() as tx:
        tx.run(statement("push_lock")).consume()  # another push under way, holding the lock
        proc = subprocess.Popen([sys.executable, "-m", "kg.cli", "neo4j", "push", "--workspace", ws],
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=full)
        release = threading.Timer(WAIT, tx.rollback)  # never hang the suite if the notice does not come
        release.start()
        line = proc.stderr.readline() if proc.stderr else ""
        release.cancel()
    out, err = proc.communicate(timeout=300)
    assert "another push to" in line and "waiting for it to finish" in line
    assert proc.returncode == 0, err
    assert "pushed build" in out
