"""The one fact model: documents, entities, events, memberships, evidence and dates with precision.

Loaders produce these objects; every adapter (facts JSON, RDF, Neo4j, networkx, the page) reads them.
Nothing here knows about a storage format. Objects are plain dataclasses so that they serialise
deterministically (see ``graph.facts_json``).
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass, field
from datetime import date
from typing import Any, Literal

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")

#: Entity types of the model (the gold's plus the finer ones loaders may use).
ENTITY_TYPES: tuple[str, ...] = (
    "Party",
    "Person",
    "Law",
    "LawArticle",
    "Institution",
    "MediaOutlet",
    "Organization",
    "ForeignActor",
)

#: Event types of the model.
EVENT_TYPES: tuple[str, ...] = (
    "Election",
    "LawEnactment",
    "Amendment",
    "Dissolution",
    "Disqualification",
    "CourtRuling",
    "MediaClosure",
    "ForeignStatement",
    "Statement",
    "Sanction",
    "Conviction",
    "Violence",
    "Appointment",
    "Resignation",
    "Investigation",
    "Lawsuit",
    "Arrest",
    "Registration",
    "Boycott",
    "Defection",
)

ROLES: tuple[str, ...] = ("agent", "target", "instrument", "location", "subject")

#: Review states of a fact: as the loaders found it, or after a person's decision (see ``review/``).
#: A rejected fact leaves the graph; it is kept apart (``FactSet.rejected``) so that it can be shown.
STATUSES: tuple[str, ...] = ("extracted", "accepted", "corrected", "added", "rejected")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to a precision: ``2017`` (year), ``2023-05`` (month) or ``2023-05-25`` (day).

    ``derivation`` says how it was obtained: ``absolute`` (stated in the text), ``relative`` (computed
    from ``anchor``, another event, e.g. "five months before the election"), ``document`` (the
    document's own date, for "this year", "tomorrow"), ``table`` or ``merged`` (the most precise date
    several reports allow). ``phrase`` keeps the words that gave it.
    """

    value: str
    precision: Precision
    derivation: str = "absolute"
    phrase: str | None = None
    anchor: str | None = None

    def __post_init__(self) -> None:
        expected = {"year": 4, "month": 7, "day": 10}[self.precision]
        if len(self.value) != expected:
            raise ValueError(f"date {self.value!r} does not match precision {self.precision}")

    @property
    def year(self) -> int:
        return int(self.value[:4])

    def interval(self) -> tuple[date, date]:
        """The first and last day this date may denote."""
        y = self.year
        if self.precision == "year":
            return date(y, 1, 1), date(y, 12, 31)
        m = int(self.value[5:7])
        if self.precision == "month":
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        d = date(y, m, int(self.value[8:10]))
        return d, d

    def contains(self, other: FuzzyDate) -> bool:
        """True when ``other`` lies inside this date's interval (it is at least as precise)."""
        a0, a1 = self.interval()
        b0, b1 = other.interval()
        return a0 <= b0 and b1 <= a1

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None, **kw: Any) -> FuzzyDate:
        if month is None:
            return cls(f"{year:04d}", "year", **kw)
        if day is None:
            return cls(f"{year:04d}-{month:02d}", "month", **kw)
        return cls(f"{year:04d}-{month:02d}-{day:02d}", "day", **kw)


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


@dataclass(frozen=True, order=True)
class Participant:
    role: str
    entity: str


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
