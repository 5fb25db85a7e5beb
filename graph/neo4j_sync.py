"""Push the workspace graph to a Neo4j server, as a sync: what the facts no longer hold is removed.

``push(driver, facts)`` writes the rows of ``graph.neo4j_rows`` with batched ``UNWIND $rows`` statements
(``graph/cypher/*.cypher``), all inside ONE write transaction:

1. take the push lock (``push_lock``: a write on the ``(:KgSync {id: 'last-push'})`` node, held until the
   transaction ends), so two pushes to one database run one after the other, never interleaved;
2. read what earlier pushes wrote (``push_read``: each node's element id, labels and ``kg_hash``, the
   hash of its row and of the relationships it starts);
3. plan, and show the removal to ``approve`` (which may refuse it: the transaction rolls back, nothing
   is written); delete the nodes the facts no longer hold (``push_delete``);
4. compare hashes: a node whose hash is unchanged is not sent at all; a changed node loses the
   relationships it starts (``push_unlink``), and every new or changed node is written with its
   outgoing relationships (``push_<kind>``: ``MERGE`` on the constrained ``id``, then ``SET``; the
   relationships are ``CREATE``d, since none of them exists any more). When the database holds no node
   with a label of ours at all (``push_ours``, read after the lock: a first push), the nodes are
   ``CREATE``d instead of merged (``graph.neo4j_statements``);
5. record the push on the ``:KgSync`` node with the content ``fingerprint`` of the graph it leaves; commit.

A failure anywhere (a bad batch, a lost connection) rolls the whole transaction back, so the server
keeps the previous graph intact. Pushing the same facts twice writes nothing the second time: the
counts and ``content_hash`` do not change. Every node and relationship a push writes carries ``build``
(the build id of that push). Uniqueness constraints on ``id`` (the only kind Community has) are created
beforehand (only those missing), in their own schema transactions, and so are the property keys of
dates (``declare_property_keys``). Nodes without ``build`` (added by hand) are never deleted. The
statements and their substitutions (a role's target label, ``CREATE`` for a first push) are in
``graph.neo4j_statements``.

``preview`` plans without writing (``kg neo4j push --dry-run``); ``holding`` recomputes the fingerprint
of what the server holds and says whether it is the workspace's graph (``kg ask --backend neo4j``).
"""

from __future__ import annotations

import hashlib
import json
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.factset import FactSet
from graph.neo4j_plan import (
    NODE_KINDS,
    Removal,
    expected_fingerprint,
    held_fingerprint,
    intact,
    plan,
)
from graph.neo4j_rows import GraphRows, date_property_keys, to_rows
from graph.neo4j_statements import WRITE_ORDER, schema_statements, statement, write_statements

BATCH_SIZE = 5000
#: Seconds a push waits for the push lock before ``waiting()`` says another push is under way.
LOCK_NOTICE = 2.0

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` after each batch."""


ApproveFn = Callable[[Removal], None]
"""Called inside the push transaction before anything is written; raises to refuse the removal."""


@dataclass(frozen=True)
class PushReport:
    build: str
    rows: int
    batches: int
    removed_nodes: int
    removed_relationships: int
    seconds: float
    written_nodes: int = 0
    unchanged_nodes: int = 0
    created: bool = False  # the database held no node with a label of ours: nodes created, not merged
    commit_seconds: float = 0.0  # of ``seconds``, the server's commit of the transaction


_SCHEMA_NAME = re.compile(r"\b(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS")
#: What a schema statement raises when a concurrent push created the same rule first.
_ALREADY_THERE = ("Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists",
                  "Neo.ClientError.Schema.ConstraintAlreadyExists", "Neo.ClientError.Schema.IndexAlreadyExists")


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the uniqueness constraints and indexes that are missing (one read when none is), and
    declare the date property keys."""
    # a uniqueness constraint is backed by an index of the same name
    present = {r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name RETURN name",
                                                       database_=database).records}
    for text in schema_statements():
        name = _SCHEMA_NAME.search(text)
        if name is None or name.group(1) not in present:
            try:
                driver.execute_query(text, database_=database)
            except neo4j_errors.ClientError as exc:  # another push got there first: fine
                if exc.code not in _ALREADY_THERE:
                    raise
    declare_property_keys(driver, database)


def declare_property_keys(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the property keys of dates the server does not know yet (``db.createProperty``), so a
    query naming ``end_value`` on a graph where no membership has ended draws no warning."""
    known = {r["propertyKey"] for r in driver.execute_query("CALL db.propertyKeys() YIELD propertyKey",
                                                           database_=database).records}
    missing = [k for k in date_property_keys() if k not in known]
    if missing:
        driver.execute_query("UNWIND $keys AS key CALL db.createProperty(key)", keys=missing, database_=database)


def _batches(rows: list[Any], size: int) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def push_rows(driver: neo4j.Driver, rows: GraphRows, *, database: str | None = None,
              batch_size: int = BATCH_SIZE, progress: ProgressFn | None = None,
              approve: ApproveFn | None = None, waiting: Callable[[], None] | None = None) -> PushReport:
    """Write ``rows`` as the server's graph, in one transaction (see the module docstring).

    ``approve(removal)`` sees what the push removes before anything is written; when it raises, the
    transaction rolls back and the error propagates. ``waiting()`` is called (from another thread)
    when the push lock is not granted within ``LOCK_NOTICE`` seconds: another push is under way."""
    t0 = time.perf_counter()
    ensure_schema(driver, database)
    build, total = rows.build, rows.total()
    done = batches = removed_rels = 0
    counts = {kind: len(items) for kind, items in rows.kinds()}

    def run(text: str, n: int, **params: Any) -> neo4j.SummaryCounters:
        nonlocal done, batches
        counters = tx.run(text, build=build, **params).consume().counters
        done, batches = done + n, batches + 1
        if progress:
            progress("push", done, work)
        return counters

    with driver.session(database=database) as session, session.begin_transaction() as tx:
        notice = threading.Timer(LOCK_NOTICE, waiting) if waiting else None
        if notice:
            notice.daemon = True
            notice.start()
        try:
            last = tx.run(statement("push_lock")).single(strict=True)  # waits for a push under way
        finally:
            if notice:
                notice.cancel()
        existing = tx.run(statement("push_read")).single(strict=True)["nodes"]
        relationships = sum(r["n"] for r in tx.run(statement("status_relationships")))
        create = not existing and tx.run(statement("push_ours")).single(strict=True)["nodes"] == 0
        todo = plan(rows, existing, last["build"], trust_hashes=intact(existing, relationships, last["content"]))
        if approve is not None:
            approve(todo.removal)
        work = len(todo.delete) + len(todo.unlink) + sum(len(v) for v in todo.write.values())
        for ids in _batches(todo.delete, batch_size):
            removed_rels += run(statement("push_delete"), len(ids), ids=ids).relationships_deleted
        for group in _batches(todo.unlink, batch_size):
            removed_rels += run(statement("push_unlink"), len(group), rows=group).relationships_deleted
        for kind in WRITE_ORDER:
            for text, group in write_statements(kind, todo.write[kind], create):
                for batch in _batches(group, batch_size):
                    run(text, len(batch), rows=batch)
        tx.run(statement("record_push"), build=build, rows=total, content=expected_fingerprint(rows),
               counts_json=json.dumps(counts, sort_keys=True)).consume()
        committing = time.perf_counter()
        tx.commit()
    done_at = time.perf_counter()
    written = sum(len(todo.write[k]) for k in NODE_KINDS)
    return PushReport(build, total, batches, len(todo.delete), max(0, removed_rels - todo.relinked),
                      done_at - t0, written, todo.unchanged, create, done_at - committing)


@dataclass(frozen=True)
class Preview:
    """What a push of the rows would do, read without writing (``kg neo4j push --dry-run``)."""

    build: str
    new_nodes: int
    changed_nodes: int
    unchanged_nodes: int
    removal: Removal


def preview(driver: neo4j.Driver, rows: GraphRows, database: str | None = None) -> Preview:
    """Plan a push of ``rows`` against what the server holds now, and write nothing."""
    existing = _read(driver, "push_read", database)[0]["nodes"]
    relationships = sum(r["n"] for r in _read(driver, "status_relationships", database))
    last = _read(driver, "status_last_push", database)[0]
    todo = plan(rows, existing, last["build"], trust_hashes=intact(existing, relationships, last["content"]))
    written = sum(len(todo.write[k]) for k in NODE_KINDS)
    return Preview(rows.build, written - len(todo.unlink), len(todo.unlink), todo.unchanged, todo.removal)


def _read(driver: neo4j.Driver, name: str, database: str | None) -> list[neo4j.Record]:
    return driver.execute_query(statement(name), database_=database, routing_=neo4j.RoutingControl.READ).records


@dataclass(frozen=True)
class Holding:
    """Whether the server holds the graph of some rows, checked on its content, not on its push record.

    ``state``: ``empty`` (nothing pushed), ``current`` (exactly the rows' graph), ``other`` (the graph
    its last push recorded, another build), ``inconsistent`` (not what its last push recorded: nodes or
    relationships of pushed graphs added, removed or changed since, e.g. by hand, or by two pushes of
    a version without the push lock interleaving)."""

    state: str
    last_build: str | None
    pushed_at: str | None


def holding(driver: neo4j.Driver, rows: GraphRows | None, database: str | None = None) -> Holding:
    """Recompute the fingerprint of the pushed graph and compare it with ``rows`` and the push record
    (without ``rows``: ``other`` means "what its last push recorded")."""
    existing = _read(driver, "push_read", database)[0]["nodes"]
    relationships = sum(r["n"] for r in _read(driver, "status_relationships", database))
    last = _read(driver, "status_last_push", database)[0]
    held = held_fingerprint(existing, relationships)
    if not existing and last["build"] is None:
        state = "empty"
    elif rows is not None and held == expected_fingerprint(rows):
        state = "current"
    elif last["content"] is None or held == last["content"]:  # a push of before the record had `content`
        state = "other"
    else:
        state = "inconsistent"
    return Holding(state, last["build"], last["at"])


def push(driver: neo4j.Driver, facts: FactSet, **kw: Any) -> PushReport:
    """Sync the server's graph with ``facts``."""
    return push_rows(driver, to_rows(facts), **kw)


@dataclass(frozen=True)
class Status:
    labels: dict[str, int]
    relationships: dict[str, int]
    last_build: str | None
    pushed_at: str | None


def status(driver: neo4j.Driver, database: str | None = None) -> Status:
    """What the pushed graph holds: nodes by label, relationships by type, and the last push."""
    def run(name: str) -> list[neo4j.Record]:
        return driver.execute_query(statement(name), database_=database).records

    labels = {r["label"]: r["n"] for r in run("status")}
    rels = {r["type"]: r["n"] for r in run("status_relationships")}
    last = run("status_last_push")[0]
    return Status(labels, rels, last["build"], last["at"])


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _plain(v) for k, v in sorted(value.items())}
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return str(value)  # neo4j.time.Date and friends


def content_hash(driver: neo4j.Driver, database: str | None = None) -> str:
    """A hash of every pushed node and relationship with its labels and properties (``build`` aside)."""
    items = []
    for r in driver.execute_query(statement("content"), database_=database).records:
        props = {k: v for k, v in r["props"].items() if k != "build"}
        items.append([r["kind"], r["id"], sorted(r["labels"]), _plain(props), r["end"]])
    items.sort(key=lambda i: json.dumps(i, sort_keys=True))
    return hashlib.sha256(json.dumps(items, sort_keys=True).encode("utf-8")).hexdigest()
