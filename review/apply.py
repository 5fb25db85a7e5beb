"""Replay the decisions file on a freshly extracted ``FactSet``, every build, in file order.

A decision whose target is gone (the document changed, the rules no longer find the fact) is
*stale*: it is reported, left in the file, and changes nothing. Ids stay stable: a corrected or
renamed fact keeps its id, so later decisions and other people's links still find it; a merged
entity's id leads to the survivor for the decisions after the merge.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from typing import Any

from graph.factset import Fact, FactSet
from graph.ids import entity_id, event_id, membership_id
from graph.model import (
    ENTITY_TYPES,
    EVENT_TYPES,
    Document,
    Entity,
    Event,
    Evidence,
    FuzzyDate,
    Membership,
    Participant,
    Review,
)
from loaders.readers import parse_published
from review.decisions import Decision

RawText = Callable[[Document], str | None]
"""The text of a document's file as read (what offsets count in), or None when it cannot be read."""


class Stale(Exception):
    """A decision that cannot be applied to this graph; the message says why."""


@dataclass
class ReviewReport:
    applied: list[str] = field(default_factory=list)
    stale: list[tuple[Decision, str]] = field(default_factory=list)


def apply_decisions(facts: FactSet, decisions: list[Decision], raw_text: RawText) -> ReviewReport:
    """Apply ``decisions`` to ``facts`` in place; the report lists the applied and the stale ones."""
    replay = _Replay(facts, raw_text)
    report = ReviewReport()
    for d in decisions:
        try:
            target = getattr(replay, d.action)(d) or d.target
        except Stale as why:
            report.stale.append((d, str(why)))
            continue
        facts.reviews[d.id] = Review(d.id, d.action, target, d.by, d.at, d.reason)
        report.applied.append(d.id)
    return report


def _mark(fact: Fact, d: Decision, status: str | None) -> None:
    if d.id not in fact.reviews:
        fact.reviews.append(d.id)
    if status is not None:
        fact.status = status


def _date(value: Any, what: str) -> FuzzyDate | None:
    if value is None:
        return None
    text = value.get("value") if isinstance(value, dict) else value
    parsed = parse_published(text)
    if parsed is None:
        raise Stale(f"{what} {text!r} is not a date (YYYY, YYYY-MM or YYYY-MM-DD)")
    precision = value.get("precision") if isinstance(value, dict) else None
    if precision and precision != parsed.precision:
        raise Stale(f"{what} {text!r} does not have precision {precision!r}")
    return replace(parsed, derivation="review")


class _Replay:
    """One method per action; each raises ``Stale`` before changing anything it cannot finish."""

    def __init__(self, facts: FactSet, raw_text: RawText) -> None:
        self.facts = facts
        self.raw_text = raw_text
        self.moved: dict[str, str] = {}  # merged entity id -> survivor id

    # -- lookups ---------------------------------------------------------------------------------
    def _id(self, fact_id: str) -> str:
        while fact_id in self.moved:
            fact_id = self.moved[fact_id]
        return fact_id

    def _fact(self, fact_id: str) -> Fact:
        found = self.facts.fact(self._id(fact_id))
        if found is None:
            raise Stale(f"{fact_id} is not in the graph")
        return found

    def _entity(self, entity: str) -> Entity:
        found = self.facts.entities.get(self._id(entity))
        if found is None:
            raise Stale(f"entity {entity} is not in the graph")
        return found

    def _participants(self, items: Any) -> list[Participant]:
        if not isinstance(items, list):
            raise Stale("participants must be a list of {role, entity}")
        return sorted({Participant(str(p["role"]), self._entity(str(p["entity"])).id) for p in items})

    # -- actions ---------------------------------------------------------------------------------
    def accept(self, d: Decision) -> None:
        fact = self.facts.rejected.pop(d.target, None)
        if fact is not None:
            self._restore(fact)
        fact = self._fact(d.target)
        _mark(fact, d, "accepted" if fact.status in ("extracted", "rejected") else None)

    def reject(self, d: Decision) -> None:
        fact = self._fact(d.target)
        self._drop(fact, d)
        if isinstance(fact, Entity):
            for ev in self.facts.events.values():
                if fact.id in ev.entities():
                    ev.participants = [p for p in ev.participants if p.entity != fact.id]
                    _mark(ev, d, None)
            for m in [m for m in self.facts.memberships.values() if fact.id in (m.person, m.organization)]:
                self._drop(m, d)

    def merge(self, d: Decision) -> None:
        gone, keep = self._entity(d.target), self._entity(str(d.get("into")))
        if gone.id == keep.id:
            raise Stale(f"{d.target} and {d.get('into')} are already one entity")
        keep.aliases |= {gone.name} | gone.aliases
        keep.aliases.discard(keep.name)
        keep.evidence = sorted(set(keep.evidence) | set(gone.evidence))
        for k, v in gone.attributes.items():
            keep.attributes.setdefault(k, v)
        for ev in self.facts.events.values():
            if gone.id in ev.entities():
                ev.participants = sorted({replace(p, entity=keep.id) if p.entity == gone.id else p
                                          for p in ev.participants})
        for m in self.facts.memberships.values():
            m.person = keep.id if m.person == gone.id else m.person
            m.organization = keep.id if m.organization == gone.id else m.organization
        del self.facts.entities[gone.id]
        self.moved[gone.id] = keep.id
        _mark(keep, d, "corrected")

    def split(self, d: Decision) -> None:
        owner = self._entity(d.target)
        alias = str(d.get("alias"))
        found = next((a for a in owner.aliases if a.casefold() == alias.casefold()), None)
        if found is None:
            raise Stale(f"{alias!r} is not an alias of {owner.id}")
        kind = str(d.get("type") or owner.type)
        if kind not in ENTITY_TYPES:
            raise Stale(f"unknown entity type {kind!r}")
        owner.aliases.discard(found)
        word = re.compile(rf"(?<!\w){re.escape(found)}(?!\w)")
        quotes = [ev for ev in owner.evidence if word.search(ev.quote)]
        new = self.facts.add_entity(Entity(entity_id(kind, found), kind, found, evidence=quotes, status="added"))
        _mark(owner, d, "corrected")
        _mark(new, d, None)

    def correct(self, d: Decision) -> None:
        fact = self._fact(d.target)
        changes = d.get("set")
        if not isinstance(changes, dict) or not changes:
            raise Stale("`set` must map fields to new values")
        updates: dict[str, Any] = {}
        for key, value in changes.items():
            updates[key] = self._corrected_value(fact, key, value)
        for key, value in updates.items():
            setattr(fact, key, value)
        _mark(fact, d, "corrected" if fact.status != "added" else None)

    def _corrected_value(self, fact: Fact, key: str, value: Any) -> Any:
        if key == "type":
            allowed = EVENT_TYPES if isinstance(fact, Event) else ENTITY_TYPES if isinstance(fact, Entity) else ()
            if value not in allowed:
                raise Stale(f"type {value!r} is not a type of {fact.id}")
            return value
        if key in ("date", "start", "end") and hasattr(fact, key):
            return _date(value, key)
        if key == "participants" and isinstance(fact, Event):
            return self._participants(value)
        if key == "role" and isinstance(fact, Membership):
            return str(value)
        if key in ("person", "organization") and isinstance(fact, Membership):
            return self._entity(str(value)).id
        raise Stale(f"{fact.id} has no field {key!r} a decision can set")

    def add(self, d: Decision) -> str:
        """Returns the id of the added (or confirmed) fact."""
        spec = d.get("fact")
        if not isinstance(spec, dict):
            raise Stale("`fact` must describe the fact to add")
        evidence = self._evidence(d.get("evidence"))
        fact = self._new_fact(spec, evidence)
        have = self.facts.fact(fact.id)
        if have is not None:  # the loaders found it too: the decision confirms it
            have.evidence = sorted(set(have.evidence) | {evidence})
            _mark(have, d, "accepted" if have.status == "extracted" else None)
        else:
            fact.status = "added"
            _mark(fact, d, None)
            self._table(fact)[fact.id] = fact
        return fact.id

    def _new_fact(self, spec: dict[str, Any], evidence: Evidence) -> Fact:
        kind = spec.get("kind", "event")
        if kind == "event":
            if spec.get("type") not in EVENT_TYPES:
                raise Stale(f"unknown event type {spec.get('type')!r}")
            parts = self._participants(spec.get("participants", []))
            when = _date(spec.get("date"), "date")
            key = [p.entity for p in parts]
            eid = event_id(spec["type"], *key, when.value if when else "", spec.get("stance", ""))
            attrs = {"stance": spec["stance"]} if spec.get("stance") else {}
            return Event(eid, spec["type"], when, parts, attrs, [evidence])
        if kind == "membership":
            person = self._entity(str(spec.get("person"))).id
            org = self._entity(str(spec.get("organization"))).id
            role = str(spec.get("role") or "member")
            return Membership(membership_id(person, org, role), person, org, role, _date(spec.get("start"), "start"),
                              _date(spec.get("end"), "end"), {}, [evidence])
        if kind == "entity":
            if spec.get("type") not in ENTITY_TYPES or not spec.get("name"):
                raise Stale("an entity needs a known type and a name")
            return Entity(entity_id(spec["type"], spec["name"]), spec["type"], str(spec["name"]),
                          set(spec.get("aliases") or []), {}, [evidence])
        raise Stale(f"unknown kind of fact {kind!r} (event, membership or entity)")

    def _evidence(self, spec: Any) -> Evidence:
        if not isinstance(spec, dict) or not spec.get("document") or not spec.get("quote"):
            raise Stale("evidence needs a document id and a quote")
        doc = self.facts.documents.get(str(spec["document"]))
        if doc is None:
            raise Stale(f"document {spec['document']} is not in the corpus")
        text = self.raw_text(doc)
        if text is None:
            raise Stale(f"the file of document {doc.id} cannot be read")
        lo, hi = doc.span or (0, len(text))
        words = str(spec["quote"]).split()
        found = re.compile(r"\s+".join(map(re.escape, words))).search(text, lo, hi) if words else None
        if found is None:
            raise Stale(f"the quote is not in document {doc.id}")
        return Evidence(doc.id, found.start(), found.end(), found.group(0))

    def rename(self, d: Decision) -> None:
        entity = self._entity(d.target)
        name, kind = d.get("name"), d.get("type")
        if not name and not kind:
            raise Stale("a rename needs a name or a type")
        if kind and kind not in ENTITY_TYPES:
            raise Stale(f"unknown entity type {kind!r}")
        if name and name != entity.name:
            entity.aliases.add(entity.name)
            entity.name = str(name)
            entity.aliases.discard(entity.name)
        entity.type = str(kind or entity.type)
        _mark(entity, d, "corrected" if entity.status != "added" else None)

    # -- moving facts in and out of the graph --------------------------------------------------------
    def _table(self, fact: Fact) -> dict[str, Any]:
        """The fact set's table of facts of this kind."""
        if isinstance(fact, Entity):
            return self.facts.entities
        return self.facts.events if isinstance(fact, Event) else self.facts.memberships

    def _drop(self, fact: Fact, d: Decision) -> None:
        self._table(fact).pop(fact.id, None)
        _mark(fact, d, "rejected")
        self.facts.rejected[fact.id] = fact

    def _restore(self, fact: Fact) -> None:
        self._table(fact)[fact.id] = fact
