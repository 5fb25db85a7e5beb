"""Push the workspace graph to a Neo4j server, as a sync: what the facts no longer hold is removed.

``push(driver, facts)`` writes the rows of ``graph.neo4j_rows`` with batched ``UNWIND $rows`` statements
(``graph/cypher/*.cypher``), all inside ONE write transaction:

1. read what earlier pushes wrote (``push_read``: each node's element id, labels and ``kg_hash``, the
   hash of its row and of the relationships it starts);
2. delete the nodes the facts no longer hold (``push_delete``);
3. compare hashes: a node whose hash is unchanged is not sent at all; a changed node loses the
   relationships it starts (``push_unlink``), and every new or changed node is written with its
   outgoing relationships (``push_<kind>``: ``MERGE`` on the constrained ``id``, then ``SET``; the
   relationships are ``CREATE``d, since none of them exists any more);
4. record the push on the ``(:KgSync {id: 'last-push'})`` node; commit.

A failure anywhere (a bad batch, a lost connection) rolls the whole transaction back, so the server
keeps the previous graph intact. Pushing the same facts twice writes nothing the second time: the
counts and ``content_hash`` do not change. Every node and relationship a push writes carries ``build``
(the build id of that push). Uniqueness constraints on ``id`` (the only kind Community has) are created
beforehand (only those missing), in their own schema transactions. Nodes without ``build`` (added by hand)
are never deleted. Role relationships need one statement per target label (``role_statement``): a
``MATCH`` without the constrained label would scan.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import neo4j

from graph.factset import FactSet
from graph.neo4j_rows import GraphRows, to_rows

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
BATCH_SIZE = 5000

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` after each batch."""

#: The kinds of node rows and the label that has the ``id`` constraint, in push order.
NODE_KINDS = {"documents": "Document", "evidence": "Evidence", "entities": "Entity", "events": "Event",
              "memberships": "Membership"}
_TARGET_LABELS = ("Entity", "Event")


@cache
def statement(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher``."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    text = "\n".join(line for line in statement("schema").splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


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


_SCHEMA_NAME = re.compile(r"\b(?:CONSTRAINT|INDEX)\s+(\w+)\s+IF NOT EXISTS")


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the uniqueness constraints and indexes that are missing (one read when none is)."""
    # a uniqueness constraint is backed by an index of the same name
    present = {r["name"] for r in driver.execute_query("SHOW INDEXES YIELD name RETURN name",
                                                       database_=database).records}
    for text in schema_statements():
        name = _SCHEMA_NAME.search(text)
        if name is None or name.group(1) not in present:
            driver.execute_query(text, database_=database)


def role_statement(label: str) -> str:
    """``push_roles`` for one target label (a checked identifier: ``Entity`` or ``Event``)."""
    if label not in _TARGET_LABELS:
        raise ValueError(f"not a role target label: {label!r}")
    return statement("push_roles").replace("TARGET_LABEL", label)


@dataclass
class Plan:
    """What one push does, from the rows and what the server holds (``push_read``)."""

    delete: list[str]  # element ids of nodes the facts no longer hold
    unlink: list[dict[str, Any]]  # [{element, drop}] of nodes to rewrite
    write: dict[str, list[dict[str, Any]]]  # new or changed rows, by kind (roles and part_of included)
    unchanged: int
    relinked: int  # relationships the changed nodes start (deleted by unlink, created again)


def plan(rows: GraphRows, existing: list[list[Any]]) -> Plan:
    """Compare each node row's ``hash`` with the ``kg_hash`` of the node of the same id and label.

    ``existing``: ``[element id, id, labels, kg_hash]`` of every node earlier pushes wrote."""
    held: dict[tuple[str, str], tuple[str, list[str], str | None]] = {}
    orphans: list[str] = []
    kind_labels = set(NODE_KINDS.values())
    for element, node_id, labels, digest in existing:
        label = next((lb for lb in labels if lb in kind_labels), None)
        if label is None or node_id is None or (label, node_id) in held:
            orphans.append(element)
        else:
            held[(label, node_id)] = (element, labels, digest)
    starts = Counter([r["event"] for r in rows.roles] + [r["id"] for r in rows.part_of])
    write: dict[str, list[dict[str, Any]]] = {}
    unlink: list[dict[str, Any]] = []
    unchanged = relinked = 0
    for kind, label in NODE_KINDS.items():
        out = write.setdefault(kind, [])
        for row in getattr(rows, kind):
            old = held.pop((label, row["id"]), None)
            if old is not None and old[2] == row["hash"]:
                unchanged += 1
                continue
            out.append(row)
            if old is not None:
                keep = {label, *row.get("labels", ())}
                unlink.append({"element": old[0], "drop": sorted(set(old[1]) - keep)})
                relinked += _outgoing(kind, row, starts)
    events = {r["id"] for r in write["events"]}
    entities = {r["id"] for r in write["entities"]}
    write["roles"] = [r for r in rows.roles if r["event"] in events]
    write["part_of"] = [r for r in rows.part_of if r["id"] in entities]
    delete = orphans + [old[0] for old in held.values()]
    return Plan(delete, unlink, write, unchanged, relinked)


def _outgoing(kind: str, row: dict[str, Any], starts: Counter[str]) -> int:
    """How many relationships the node of ``row`` starts (its evidence links, roles, PART_OF, ...)."""
    if kind == "evidence":
        return int(row["document"] is not None)
    links = sum(row.get(k) is not None for k in ("person", "organization")) if kind == "memberships" else 0
    return len(row.get("evidence", ())) + links + starts[row["id"]]


def _statements(kind: str, items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The statement(s) of one kind of rows: roles need one per target label."""
    if kind != "roles":
        return [(statement(f"push_{kind}"), items)]
    return [(role_statement(label), [r for r in items if r["label"] == label]) for label in _TARGET_LABELS]


def _batches(rows: list[Any], size: int) -> list[list[Any]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


WRITE_ORDER = ("documents", "evidence", "entities", "part_of", "events", "roles", "memberships")


def push_rows(driver: neo4j.Driver, rows: GraphRows, *, database: str | None = None,
              batch_size: int = BATCH_SIZE, progress: ProgressFn | None = None) -> PushReport:
    """Write ``rows`` as the server's graph, in one transaction (see the module docstring)."""
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
        todo = plan(rows, tx.run(statement("push_read")).single(strict=True)["nodes"])
        work = len(todo.delete) + len(todo.unlink) + sum(len(v) for v in todo.write.values())
        for ids in _batches(todo.delete, batch_size):
            removed_rels += run(statement("push_delete"), len(ids), ids=ids).relationships_deleted
        for group in _batches(todo.unlink, batch_size):
            removed_rels += run(statement("push_unlink"), len(group), rows=group).relationships_deleted
        for kind in WRITE_ORDER:
            for text, group in _statements(kind, todo.write[kind]):
                for batch in _batches(group, batch_size):
                    run(text, len(batch), rows=batch)
        tx.run(statement("record_push"), build=build, rows=total,
               counts_json=json.dumps(counts, sort_keys=True)).consume()
        tx.commit()
    written = sum(len(todo.write[k]) for k in NODE_KINDS)
    return PushReport(build, total, batches, len(todo.delete), max(0, removed_rels - todo.relinked),
                      time.perf_counter() - t0, written, todo.unchanged)


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
