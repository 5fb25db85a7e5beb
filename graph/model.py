"""The one fact model: documents, entities, events, memberships, evidence and dates with precision.

Loaders produce these objects; every adapter (facts JSON, RDF, Neo4j, networkx, the page) reads them.
Nothing here knows about a storage format. Objects are plain dataclasses so that they serialise
deterministically (see ``graph.facts_json``).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from graph.dates import FuzzyDate  # the model's dates and their rules live in graph.dates
from graph.schema import check, schema

_SCHEMA = schema()
#: Entity types, event types and roles of the model: those ``ontology.ttl`` declares (``graph.schema``).
ENTITY_TYPES: tuple[str, ...] = _SCHEMA.entity_types
EVENT_TYPES: tuple[str, ...] = _SCHEMA.event_types
ROLES: tuple[str, ...] = _SCHEMA.roles
#: Event attributes with a property of their own in every adapter (left out of ``attributes_json``).
OWN_EVENT_ATTRIBUTES: tuple[str, ...] = _SCHEMA.own_event_attributes
#: Entity attributes naming the entity this one is part of (a law article's law).
PART_OF_KEYS: tuple[str, ...] = ("part_of", "law")

#: Review states of a fact: as the loaders found it, or after a person's decision (see ``review/``).
#: A rejected fact leaves the graph; it is kept apart (``FactSet.rejected``) so that it can be shown.
STATUSES: tuple[str, ...] = ("extracted", "accepted", "corrected", "added", "rejected")


def attributes_json(attributes: dict[str, Any]) -> str:
    """A fact's attributes as one compact, sorted JSON text: the same text in RDF (``kg:attributes``)
    and in Neo4j (``attributes_json``), so both backends answer alike."""
    return json.dumps(attributes, ensure_ascii=False, sort_keys=True, separators=(",", ":"), default=str)


@dataclass(frozen=True, order=True)
class Evidence:
    """A verbatim passage of a document: ``quote == file_text[start:end]`` (whitespace folded)."""

    document: str
    start: int
    end: int
    quote: str


@dataclass
class Document:
    """A source document. ``span`` is its part of ``file`` when one file holds several documents."""

    id: str
    file: str
    title: str
    sha256: str
    publisher: str | None = None
    published: FuzzyDate | None = None
    kind: str | None = None
    language: str | None = None
    encoding: str = "utf-8"
    span: tuple[int, int] | None = None
    notes: list[str] = field(default_factory=list)
    url: str | None = None
    """Where the document is published (the manifest's ``url``), when known."""


@dataclass
class Entity:
    """An actor or thing: a party, person, law, institution, outlet, organisation or foreign actor."""

    id: str
    type: str
    name: str
    aliases: set[str] = field(default_factory=set)
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    status: str = "extracted"
    reviews: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        check("entity type", self.type)


@dataclass(frozen=True, order=True)
class Participant:
    role: str
    entity: str

    def __post_init__(self) -> None:
        check("role", self.role)


@dataclass
class Event:
    """Something that happened, with its participants in roles, its date and the passages stating it.

    ``flags`` marks what a reader must know, e.g. ``date-conflict`` when reports disagree; the
    conflicting dates are kept in ``attributes['date_claims']``.
    """

    id: str
    type: str
    date: FuzzyDate | None
    participants: list[Participant] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    flags: list[str] = field(default_factory=list)
    status: str = "extracted"
    reviews: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        check("event type", self.type)

    def entities(self, role: str | None = None) -> list[str]:
        return [p.entity for p in self.participants if role is None or p.role == role]


@dataclass
class Membership:
    """A person's tie to a body (the NEC, a party, an office) with a role and dates.

    ``role`` is e.g. ``chair``, ``member``, ``spokesperson``, ``leader``, ``affiliated``.
    """

    id: str
    person: str
    organization: str
    role: str
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None
    attributes: dict[str, Any] = field(default_factory=dict)
    evidence: list[Evidence] = field(default_factory=list)
    status: str = "extracted"
    reviews: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class Review:
    """A person's decision about the graph, as applied to it (``reviews`` of a fact name these ids)."""

    id: str
    action: str
    target: str
    by: str
    at: str
    reason: str | None = None


@dataclass(frozen=True)
class Skipped:
    """A document the build could not use, and why."""

    file: str
    reason: str
