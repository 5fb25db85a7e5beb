"""Planning a push, without a server: what to delete, rewrite and leave, and the graph's fingerprint.

``plan(rows, existing)`` compares the rows of ``graph.neo4j_rows`` with what earlier pushes wrote (the
``push_read`` list: element id, id, labels and ``kg_hash`` of each pushed node): a node whose hash is
unchanged is left alone, a changed one rewritten, one the rows lack removed (``Removal`` says which,
for ``kg neo4j push --dry-run`` and its confirmation).

``fingerprint``: a hash of the pushed nodes (label, id, ``kg_hash``) and of the number of pushed
relationships. A push records the fingerprint of the rows it wrote (``expected_fingerprint``); a reader
recomputes it from the server (``held_fingerprint``) to tell whether the server holds a workspace's
graph, or at least what its last push wrote (``intact``), without trusting the push record alone.
"""

from __future__ import annotations

import hashlib
from collections import Counter
from dataclasses import dataclass
from typing import Any

from graph.neo4j_rows import NODE_KINDS, GraphRows


@dataclass(frozen=True)
class Removal:
    """What a push removes: the pushed nodes the facts no longer hold, out of all pushed nodes."""

    nodes: list[tuple[str, str]]  # (label, id) of each node removed ("?" for a node without either)
    held: int  # nodes earlier pushes wrote, before this push
    last_build: str | None  # the build the server held

    @property
    def share(self) -> float:
        """The part of the pushed graph removed (0 when nothing was pushed)."""
        return len(self.nodes) / self.held if self.held else 0.0

    def by_label(self) -> dict[str, int]:
        return dict(sorted(Counter(label for label, _ in self.nodes).items()))


@dataclass
class Plan:
    """What one push does, from the rows and what the server holds (``push_read``)."""

    delete: list[str]  # element ids of nodes the facts no longer hold
    removal: Removal  # the same nodes, by label and id
    unlink: list[dict[str, Any]]  # [{element, drop}] of nodes to rewrite
    write: dict[str, list[dict[str, Any]]]  # new or changed rows, by kind (roles and part_of included)
    unchanged: int
    relinked: int  # relationships the changed nodes start (deleted by unlink, created again)


def plan(rows: GraphRows, existing: list[list[Any]], last_build: str | None = None,
         trust_hashes: bool = True) -> Plan:
    """Compare each node row's ``hash`` with the ``kg_hash`` of the node of the same id and label.

    ``existing``: ``[element id, id, labels, kg_hash]`` of every node earlier pushes wrote;
    ``last_build``: the build the last push recorded. Without ``trust_hashes`` (the graph is not what
    its last push wrote) every node is rewritten."""
    held: dict[tuple[str, str], tuple[str, list[str], str | None]] = {}
    orphans: list[tuple[str, tuple[str, str]]] = []
    for element, node_id, labels, digest in existing:
        label = _kind_label(labels)
        if label is None or node_id is None or (label, node_id) in held:
            orphans.append((element, (label or "?", str(node_id) if node_id is not None else "?")))
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
            if old is not None and trust_hashes and old[2] == row["hash"]:
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
    gone = orphans + [(old[0], key) for key, old in held.items()]
    removal = Removal([key for _, key in gone], len(existing), last_build)
    return Plan([element for element, _ in gone], removal, unlink, write, unchanged, relinked)


_KIND_LABELS = frozenset(NODE_KINDS.values())


def _kind_label(labels: list[str]) -> str | None:
    return next((lb for lb in labels if lb in _KIND_LABELS), None)


def fingerprint(nodes: list[tuple[str, str, str | None]], relationships: int) -> str:
    """A hash of the pushed graph's nodes (label, id, ``kg_hash``) and of its number of relationships:
    the same for the rows of a workspace (``expected_fingerprint``) and for a server holding exactly
    what they describe (``held_fingerprint``)."""
    lines = sorted("\t".join(str(part) for part in node) for node in nodes)
    blob = "\n".join([*lines, f"relationships {relationships}"])
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:32]


def expected_fingerprint(rows: GraphRows) -> str:
    """The fingerprint of the graph a push of ``rows`` leaves on the server."""
    starts = Counter([r["event"] for r in rows.roles] + [r["id"] for r in rows.part_of])
    nodes = [(label, row["id"], row["hash"]) for kind, label in NODE_KINDS.items() for row in getattr(rows, kind)]
    rels = sum(_outgoing(kind, row, starts) for kind in NODE_KINDS for row in getattr(rows, kind))
    return fingerprint(nodes, rels)


def held_fingerprint(existing: list[list[Any]], relationships: int) -> str:
    """The fingerprint of what the server holds (``existing``: the ``push_read`` list)."""
    return fingerprint([(_kind_label(labels) or "?", node_id, digest) for _, node_id, labels, digest in existing],
                       relationships)


def _outgoing(kind: str, row: dict[str, Any], starts: Counter[str]) -> int:
    """How many relationships the node of ``row`` starts (its evidence links, roles, PART_OF, ...)."""
    if kind == "evidence":
        return int(row["document"] is not None)
    links = sum(row.get(k) is not None for k in ("person", "organization")) if kind == "memberships" else 0
    return len(row.get("evidence", ())) + links + starts[row["id"]]


def intact(existing: list[list[Any]], relationships: int, recorded: str | None) -> bool:
    """Whether the graph is what its last push recorded; if not (changed by hand), its hashes no longer
    say what is there and a push rewrites every node."""
    return recorded is None or held_fingerprint(existing, relationships) == recorded
