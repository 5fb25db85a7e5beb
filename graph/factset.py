"""``FactSet``: the container every loader fills and every adapter reads.

Adding an item whose id is already there merges it (aliases and evidence are united), so one actor
is one entity and one event reported twice is one event with two evidence entries.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import TypedDict

from graph.model import Document, Entity, Event, Evidence, Membership, Review, Skipped

Fact = Entity | Event | Membership


def _merge_evidence(into: list[Evidence], more: list[Evidence]) -> None:
    seen = set(into)
    for ev in more:
        if ev not in seen:
            into.append(ev)
            seen.add(ev)
    into.sort()


class Summary(TypedDict):
    """Counts for the end-of-build report (``build.json``)."""

    documents: int
    entities: dict[str, int]
    events: dict[str, int]
    memberships: int
    skipped: list[dict[str, str]]


@dataclass
class FactSet:
    documents: dict[str, Document] = field(default_factory=dict)
    entities: dict[str, Entity] = field(default_factory=dict)
    events: dict[str, Event] = field(default_factory=dict)
    memberships: dict[str, Membership] = field(default_factory=dict)
    skipped: list[Skipped] = field(default_factory=list)
    #: Facts a reviewer rejected, by id: out of the graph, kept to be shown (facts JSON, the page).
    rejected: dict[str, Fact] = field(default_factory=dict)
    #: The review decisions applied to this fact set, by id.
    reviews: dict[str, Review] = field(default_factory=dict)

    def add_document(self, doc: Document) -> Document:
        self.documents[doc.id] = doc
        return doc

    def add_entity(self, entity: Entity) -> Entity:
        have = self.entities.get(entity.id)
        if have is None:
            self.entities[entity.id] = entity
            return entity
        have.aliases |= entity.aliases
        have.aliases.discard(have.name)
        for k, v in entity.attributes.items():
            have.attributes.setdefault(k, v)
        _merge_evidence(have.evidence, entity.evidence)
        return have

    def add_event(self, event: Event) -> Event:
        have = self.events.get(event.id)
        if have is None:
            self.events[event.id] = event
            return event
        for p in event.participants:
            if p not in have.participants:
                have.participants.append(p)
        for k, v in event.attributes.items():
            have.attributes.setdefault(k, v)
        for f in event.flags:
            if f not in have.flags:
                have.flags.append(f)
        _merge_evidence(have.evidence, event.evidence)
        return have

    def add_membership(self, membership: Membership) -> Membership:
        have = self.memberships.get(membership.id)
        if have is None:
            self.memberships[membership.id] = membership
            return membership
        have.start = have.start or membership.start
        have.end = have.end or membership.end
        for k, v in membership.attributes.items():
            have.attributes.setdefault(k, v)
        _merge_evidence(have.evidence, membership.evidence)
        return have

    def fact(self, fact_id: str) -> Fact | None:
        """The entity, event or membership with this id (None when the graph has none)."""
        return self.entities.get(fact_id) or self.events.get(fact_id) or self.memberships.get(fact_id)

    def entity_name(self, entity_id: str) -> str:
        e = self.entities.get(entity_id)
        return e.name if e else entity_id

    def summary(self) -> Summary:
        """Counts for the end-of-build report."""
        return {
            "documents": len(self.documents),
            "entities": dict(sorted(Counter(e.type for e in self.entities.values()).items())),
            "events": dict(sorted(Counter(e.type for e in self.events.values()).items())),
            "memberships": len(self.memberships),
            "skipped": [{"file": s.file, "reason": s.reason} for s in self.skipped],
        }
