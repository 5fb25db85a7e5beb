"""The fact model as rows for Neo4j: plain dicts that ``graph.neo4j_sync`` binds to ``UNWIND $rows``.

The property graph this describes (documented in ``docs/neo4j.md``):

- ``(:Document)``, ``(:Entity:<Type>)``, ``(:Event:<Type>)``, ``(:Membership)``, ``(:Evidence)``;
  every node has a unique ``id`` (the model's stable id).
- Participants are relationships from the event, typed by role: ``(:Event)-[:AGENT|TARGET|...]->(:Entity)``
  (or ``->(:Event)`` when a participant is an event, e.g. the election a statement is about).
- A law article names its law in the attribute ``part_of`` or ``law``: ``(:LawArticle)-[:PART_OF]->(:Law)``.
- A membership is a node of its own, like an event: ``(:Membership)-[:MEMBER]->(person)`` and
  ``(:Membership)-[:ORGANIZATION]->(body)``, carrying ``role`` and its dates.
- Evidence is a node per passage, ``(fact)-[:SUPPORTED_BY]->(:Evidence)-[:IN]->(:Document)``; a
  relationship cannot point at a node, so fact relationships carry ``evidence``: the ids of the
  ``:Evidence`` nodes that state them.
- A fuzzy date ``d`` becomes ``d_from``/``d_to`` (Neo4j ``date`` values, first and last day of its
  interval), ``d_value`` (as written, ``2023-05``), ``d_precision``, ``d_derivation`` and, when known,
  ``d_phrase`` and ``d_anchor``.
- Every node has ``kg_hash``: a hash of its row and of the relationships it starts (its evidence
  links, roles, ``PART_OF``, ``MEMBER``/``ORGANIZATION``), so a push rewrites only the nodes whose hash
  changed. A relationship to a node the facts lack is left out (it could not be written anyway).
- Attributes: scalar values and lists of scalars are plain properties (``stance``) unless the name is
  taken by a property above; ``attributes_json`` holds the dict as compact sorted JSON (absent when
  empty; for events without ``stance``, which has a property of its own), the same text as the RDF
  ``kg:attributes`` literal, so both backends answer alike.

Nothing here talks to a server, so the rows are checked without one.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Any

from graph import ids
from graph.dates import fields
from graph.factset import FactSet
from graph.model import OWN_EVENT_ATTRIBUTES, PART_OF_KEYS, Evidence, FuzzyDate, attributes_json

Row = dict[str, Any]
#: The kinds of node rows and the label that has the ``id`` constraint, in push order (``part_of`` and
#: ``roles`` are relationships: each is in the ``kg_hash`` of the node that starts it).
NODE_KINDS = {"documents": "Document", "evidence": "Evidence", "entities": "Entity", "events": "Event",
              "memberships": "Membership"}
_SCALARS = (str, int, float, bool)


def evidence_id(ev: Evidence) -> str:
    """The id of an ``:Evidence`` node: one per passage (document and offsets)."""
    return ids.evidence_id(ev.document, ev.start, ev.end)


def rel_type(role: str) -> str:
    """The relationship type of a participant role: ``agent`` -> ``AGENT``, ``co-agent`` -> ``CO_AGENT``."""
    name = re.sub(r"[^A-Za-z0-9]+", "_", role).strip("_").upper()
    if not name or not name[0].isalpha():
        raise ValueError(f"role {role!r} gives no relationship type")
    return name


#: The fuzzy dates of the model by property prefix (documents, events, memberships), and what each is
#: written as: ``<prefix>_from``, ``<prefix>_to``, ... (see ``date_props``).
DATE_PREFIXES = ("published", "date", "start", "end")
DATE_SUFFIXES = ("from", "to", "value", "precision", "derivation", "phrase", "anchor")


def date_property_keys() -> list[str]:
    """Every property key a date may be written as, whether or not the graph has such a date: the push
    declares them, so a query naming one (no membership has an end yet) draws no "property does not
    exist" warning."""
    return [f"{prefix}_{suffix}" for prefix in DATE_PREFIXES for suffix in DATE_SUFFIXES]


def date_props(prefix: str, d: FuzzyDate | None) -> Row:
    """The properties of a fuzzy date under ``prefix`` (nothing when the date is unknown)."""
    if d is None:
        return {}
    first, last = d.interval()
    return {f"{prefix}_from": first, f"{prefix}_to": last} | {f"{prefix}_{k}": v for k, v in fields(d).items()}


def _storable(value: Any) -> bool:
    if isinstance(value, _SCALARS):
        return True
    if isinstance(value, (list, tuple)) and value:
        kinds = {type(v) for v in value}
        return len(kinds) == 1 and kinds.pop() in _SCALARS
    return False


def attribute_props(attributes: dict[str, Any], taken: Row, own: tuple[str, ...] = ()) -> Row:
    """Every storable attribute whose name is still free, and ``attributes_json`` (without ``own``)."""
    out: Row = {}
    rest = {k: v for k, v in attributes.items() if k not in own}
    if rest:
        out["attributes_json"] = attributes_json(rest)
    for key, value in sorted(attributes.items()):
        if key not in taken and key not in out and _storable(value):
            out[key] = list(value) if isinstance(value, tuple) else value
    return out


def _evidence_ids(items: Iterable[Evidence]) -> list[str]:
    return sorted({evidence_id(e) for e in items})


def row_hash(*parts: Any) -> str:
    """``kg_hash``: a hash of a node's row and of the rows of the relationships it starts."""
    blob = json.dumps(parts, sort_keys=True, default=str, separators=(",", ":"))
    return hashlib.sha256(blob.encode("utf-8")).hexdigest()[:24]


def _stamp(node: Row, *relationships: list[Row]) -> Row:
    """``node`` with ``kg_hash`` in its row and its properties."""
    node["hash"] = node["props"]["kg_hash"] = row_hash(node, *relationships)
    return node


@dataclass
class GraphRows:
    """Every row of one push, by kind, and the build id (a hash of the rows)."""

    documents: list[Row] = field(default_factory=list)
    evidence: list[Row] = field(default_factory=list)
    entities: list[Row] = field(default_factory=list)
    part_of: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    roles: list[Row] = field(default_factory=list)
    memberships: list[Row] = field(default_factory=list)

    def kinds(self) -> list[tuple[str, list[Row]]]:
        """In push order: what a row refers to is written before it."""
        return [("documents", self.documents), ("evidence", self.evidence), ("entities", self.entities),
                ("part_of", self.part_of), ("events", self.events), ("roles", self.roles),
                ("memberships", self.memberships)]

    @property
    def build(self) -> str:
        """Same facts, same build id: pushing twice writes identical values. A hash of every node row's
        kind, id and ``kg_hash``, which covers the row and the relationships the node starts (so every
        row of every kind), without serialising the rows a second time."""
        lines = sorted(f"{kind}\t{row['id']}\t{row['hash']}" for kind, rows in self.kinds() if kind in NODE_KINDS
                       for row in rows)
        return hashlib.sha256("\n".join(lines).encode("utf-8")).hexdigest()[:16]

    def total(self) -> int:
        return sum(len(rows) for _, rows in self.kinds())


def _labels(type_name: str, status: str) -> list[str]:
    """The type label, and for a reviewed fact its review state (``:Accepted``, ``:Corrected``, ``:Added``)."""
    return [type_name] if status == "extracted" else [type_name, status.capitalize()]


def to_rows(facts: FactSet) -> GraphRows:
    """The rows of a fact set, sorted by id so the build id is deterministic."""
    rows = GraphRows()
    passages: dict[str, Evidence] = {}
    for doc in sorted(facts.documents.values(), key=lambda d: d.id):
        props: Row = {"id": doc.id, "file": doc.file, "title": doc.title, "sha256": doc.sha256,
                      "encoding": doc.encoding, "notes": list(doc.notes)}
        props |= {k: getattr(doc, k) for k in ("publisher", "kind", "language") if getattr(doc, k)}
        props |= date_props("published", doc.published)
        if doc.span:
            props["span"] = list(doc.span)
        rows.documents.append(_stamp({"id": doc.id, "props": props}))
    for ent in sorted(facts.entities.values(), key=lambda e: e.id):
        props = {"id": ent.id, "type": ent.type, "name": ent.name,
                 "aliases": sorted(ent.aliases - {ent.name}), "status": ent.status}
        props |= attribute_props(ent.attributes, props)
        passages |= {evidence_id(e): e for e in ent.evidence}
        ev_ids = _evidence_ids(ent.evidence)
        named = {ent.attributes.get(k) for k in PART_OF_KEYS}
        wholes = {v for v in named if isinstance(v, str) and v in facts.entities}
        part_of = [{"id": ent.id, "whole": w, "evidence": ev_ids} for w in sorted(wholes)]
        rows.entities.append(_stamp({"id": ent.id, "labels": _labels(ent.type, ent.status), "props": props,
                                     "evidence": ev_ids},
                                    part_of))
        rows.part_of += part_of
    for event in sorted(facts.events.values(), key=lambda e: e.id):
        props = {"id": event.id, "type": event.type, "flags": sorted(event.flags), "status": event.status}
        props |= date_props("date", event.date)
        props |= attribute_props(event.attributes, props, OWN_EVENT_ATTRIBUTES)
        ev_ids = _evidence_ids(event.evidence)
        passages |= {evidence_id(e): e for e in event.evidence}
        roles = []
        for rtype, entity in sorted({(rel_type(p.role), p.entity) for p in event.participants}):
            if entity in facts.events or entity in facts.entities:
                label = "Event" if entity in facts.events else "Entity"
                roles.append({"event": event.id, "type": rtype, "entity": entity, "label": label,
                              "evidence": ev_ids})
        rows.events.append(_stamp({"id": event.id, "labels": _labels(event.type, event.status), "props": props,
                                   "evidence": ev_ids},
                                  roles))
        rows.roles += roles
    for m in sorted(facts.memberships.values(), key=lambda m: m.id):
        props = {"id": m.id, "role": m.role, "person": m.person, "organization": m.organization,
                 "status": m.status}
        props |= date_props("start", m.start) | date_props("end", m.end)
        props |= attribute_props(m.attributes, props)
        passages |= {evidence_id(e): e for e in m.evidence}
        known = {m.person, m.organization} & facts.entities.keys()
        rows.memberships.append(_stamp({
            "id": m.id, "props": props, "person": m.person if m.person in known else None,
            "organization": m.organization if m.organization in known else None,
            "evidence": _evidence_ids(m.evidence)}))
    for ev_id, ev in sorted(passages.items()):
        document = ev.document if ev.document in facts.documents else None
        rows.evidence.append(_stamp({"id": ev_id, "document": document,
                                     "props": {"id": ev_id, "document": ev.document, "start": ev.start,
                                               "end": ev.end, "quote": ev.quote}}))
    return rows
