"""Push the workspace graph to a Neo4j server, as a sync: what the facts no longer hold is removed.

``push(driver, facts)`` writes the rows of ``graph.neo4j_rows`` with batched ``UNWIND $rows`` statements
(``graph/cypher/*.cypher``), all inside ONE write transaction:

1. upsert every node and relationship, tagging each with ``build`` (a hash of the rows);
2. delete the relationships and nodes that carry an older ``build`` (they are gone from the facts);
3. record the push on the ``(:KgSync {id: 'last-push'})`` node; commit.

A failure anywhere (a bad batch, a lost connection) rolls the whole transaction back, so the server
keeps the previous graph intact. Pushing the same facts twice writes the same values: the counts and
``content_hash`` do not change. Uniqueness constraints on ``id`` (the only kind Community has) are
created beforehand, in their own schema transactions. Nodes without ``build`` (added by hand) are
never touched. Role relationships need one statement per relationship type (``role_statement``):
Neo4j 5.26 plans a ``MERGE`` with a dynamic type as a scan of all relationships.
"""

from __future__ import annotations

import hashlib
import json
import re
import time
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import neo4j

from graph.factset import FactSet
from graph.neo4j_rows import GraphRows, to_rows

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"
BATCH_SIZE = 1000

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)`` after each batch."""


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


def ensure_schema(driver: neo4j.Driver, database: str | None = None) -> None:
    """Create the uniqueness constraints and indexes (idempotent)."""
    for text in schema_statements():
        driver.execute_query(text, database_=database)


_IDENTIFIER = re.compile(r"[A-Z][A-Z0-9_]*")
_ROLE_LABELS = ("Entity", "Event")


def role_statement(rel_type: str, label: str) -> str:
    """``push_roles`` for one relationship type and target label (both checked identifiers)."""
    if not _IDENTIFIER.fullmatch(rel_type) or label not in _ROLE_LABELS:
        raise ValueError(f"not a relationship type / target label: {rel_type!r}, {label!r}")
    return statement("push_roles").replace("ROLE_TYPE", rel_type).replace("TARGET_LABEL", label)


def _statements(kind: str, items: list[dict[str, Any]]) -> list[tuple[str, list[dict[str, Any]]]]:
    """The statement(s) of one kind of rows: roles need one per relationship type and target label."""
    if kind != "roles":
        return [(statement(f"push_{kind}"), items)]
    groups: dict[tuple[str, str], list[dict[str, Any]]] = {}
    for row in items:
        groups.setdefault((row["type"], row["label"]), []).append(row)
    return [(role_statement(t, label), group) for (t, label), group in sorted(groups.items())]


def _batches(rows: list[dict[str, Any]], size: int) -> list[list[dict[str, Any]]]:
    return [rows[i:i + size] for i in range(0, len(rows), size)]


def push_rows(driver: neo4j.Driver, rows: GraphRows, *, database: str | None = None,
              batch_size: int = BATCH_SIZE, progress: ProgressFn | None = None) -> PushReport:
    """Write ``rows`` as the server's graph, in one transaction (see the module docstring)."""
    t0 = time.perf_counter()
    ensure_schema(driver, database)
    build, total = rows.build, rows.total()
    done = batches = 0
    counts = {kind: len(items) for kind, items in rows.kinds()}
    with driver.session(database=database) as session, session.begin_transaction() as tx:
        for kind, items in rows.kinds():
            for text, group in _statements(kind, items):
                for batch in _batches(group, batch_size):
                    tx.run(text, rows=batch, build=build).consume()
                    done, batches = done + len(batch), batches + 1
                    if progress:
                        progress("push", done, total)
        removed_rels = tx.run(statement("prune_relationships"), build=build).single(strict=True)["removed"]
        removed_nodes = tx.run(statement("prune_nodes"), build=build).single(strict=True)["removed"]
        tx.run(statement("record_push"), build=build, rows=total,
               counts_json=json.dumps(counts, sort_keys=True)).consume()
        tx.commit()
    return PushReport(build, total, batches, removed_nodes, removed_rels, time.perf_counter() - t0)


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
