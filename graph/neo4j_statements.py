"""The Cypher statements of a push, read from ``graph/cypher/*.cypher``, with their two checked substitutions.

Each statement is a file; values are always parameters (``$rows``, ``$build``). Two things cannot be
parameters, and are substituted here, from a closed set:

- the target label of a role (``role_statement``): a ``MATCH`` without the label that has the ``id``
  constraint would scan, and a role may point at an entity or at an event;
- ``CREATE`` for ``MERGE`` in the one node clause of a ``push_<kind>`` statement (``write_statements``
  with ``create=True``), for a push into a database that holds no node with a label of ours (checked
  inside the push transaction, after the push lock: ``push_ours``). Creating a node saves the
  ``MERGE``'s look-up of its id and its lock; the uniqueness constraints still hold (a duplicate id
  fails the push, which rolls back).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"

#: The kinds of rows in the order a push writes them: what a row refers to is written before it.
WRITE_ORDER = ("documents", "evidence", "entities", "part_of", "events", "roles", "memberships")
#: The kinds whose statement writes nodes (one ``MERGE`` clause on the constrained ``id``).
_NODE_STATEMENTS = frozenset({"documents", "evidence", "entities", "events", "memberships"})
_TARGET_LABELS = ("Entity", "Event")


@cache
def statement(name: str) -> str:
    """The text of ``graph/cypher/<name>.cypher``."""
    return (CYPHER_DIR / f"{name}.cypher").read_text(encoding="utf-8")


def schema_statements() -> list[str]:
    """The statements of ``schema.cypher`` (constraints and indexes), one each."""
    text = "\n".join(line for line in statement("schema").splitlines() if not line.lstrip().startswith("//"))
    return [s.strip() for s in text.split(";") if s.strip()]


def role_statement(label: str) -> str:
    """``push_roles`` for one target label (a checked identifier: ``Entity`` or ``Event``)."""
    if label not in _TARGET_LABELS:
        raise ValueError(f"not a role target label: {label!r}")
    return statement("push_roles").replace("TARGET_LABEL", label)


@cache
def node_statement(kind: str, create: bool = False) -> str:
    """``push_<kind>`` for a kind of node rows; with ``create``, its node is created, not merged."""
    if kind not in _NODE_STATEMENTS:
        raise ValueError(f"not a kind of node rows: {kind!r}")
    text = statement(f"push_{kind}")
    if not create:
        return text
    clauses = [line for line in text.splitlines() if line.startswith("MERGE (")]
    if len(clauses) != 1:
        raise ValueError(f"push_{kind}.cypher needs exactly one line starting with 'MERGE (', has {len(clauses)}")
    return text.replace(clauses[0], "CREATE (" + clauses[0].removeprefix("MERGE ("), 1)


def write_statements(kind: str, items: list[dict[str, Any]],
                     create: bool = False) -> list[tuple[str, list[dict[str, Any]]]]:
    """The statement(s) writing the rows of one kind, each with its rows: roles need one statement per
    target label; node rows are created rather than merged with ``create``."""
    if kind == "roles":
        return [(role_statement(label), [r for r in items if r["label"] == label]) for label in _TARGET_LABELS]
    if kind in _NODE_STATEMENTS:
        return [(node_statement(kind, create), items)]
    return [(statement(f"push_{kind}"), items)]
