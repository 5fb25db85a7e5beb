"""``FactLog``: what one document's extraction adds to the facts, as operations in their order.

The per-document stages (actor entities, memberships, results tables) write into a ``FactLog``, never
into the build's ``FactSet``: they cannot read what other documents added, so a document's log depends
on that document alone and can be cached (``loaders.extract_cache``) or computed in another process.
The build replays the logs into one ``FactSet`` in document order; replaying is the very merge the
stages used to do in place (``FactSet.add_*``, and the party rows of a results table merged by party,
the first document's row for a party winning), so a build from cached logs equals a cold build.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.factset import FactSet
from graph.model import Entity, Event, Evidence, Membership

#: ``(kind, arguments)``: ``entity``/``event``/``membership`` (the fact), ``alias`` (entity id, alias),
#: ``rows`` (an Election event, an attribute name, rows with a ``party`` key), ``known`` (a known actor's
#: id and evidence: its entity added unless there is one).
Op = tuple[str, tuple[Any, ...]]


@dataclass
class FactLog:
    """The operations one document's extraction performs on the facts (see the module's docstring)."""

    ops: list[Op] = field(default_factory=list)

    def record(self, kind: str, args: tuple[Any, ...]) -> None:
        self.ops.append((kind, args))

    def has_entity(self, entity_id: str) -> bool:
        """Whether this document added the entity (what other documents added is not known here)."""
        return any(kind in ("entity", "known") and (args[0] if kind == "known" else args[0].id) == entity_id
                   for kind, args in self.ops)

    def add_known(self, actor_id: str, evidence: list[Evidence]) -> None:
        """Make the known actor ``actor_id`` an entity, with ``evidence``, unless the facts have it
        already (``loaders.lexicon.add_known_entity``, applied on replay)."""
        self.record("known", (actor_id, evidence))

    def add_entity(self, entity: Entity) -> None:
        self.record("entity", (entity,))

    def add_event(self, event: Event) -> None:
        self.record("event", (event,))

    def add_membership(self, membership: Membership) -> None:
        self.record("membership", (membership,))

    def add_alias(self, entity_id: str, alias: str) -> None:
        """Another name the document uses for an entity it added before (an acronym, a surname)."""
        self.record("alias", (entity_id, alias))

    def add_rows(self, event: Event, key: str, rows: list[dict[str, Any]]) -> None:
        """Add ``event``, and ``rows`` (one per party) to its list attribute ``key``: a party already
        listed keeps the row it has; the list is sorted by party."""
        self.record("rows", (event, key, rows))

    def replay(self, facts: FactSet) -> FactSet:
        """Apply the operations to ``facts`` in order (each fact object is added once: replay a log once)."""
        for kind, args in self.ops:
            apply(facts, kind, args)
        return facts


def apply(facts: FactSet, kind: str, args: tuple[Any, ...]) -> None:
    """Apply one operation of a log to ``facts``."""
    _APPLY[kind](facts, *args)


def _known(facts: FactSet, actor_id: str, evidence: list[Evidence]) -> None:
    from loaders.lexicon import add_known_entity

    add_known_entity(facts, actor_id, evidence)


def _alias(facts: FactSet, entity_id: str, alias: str) -> None:
    facts.entities[entity_id].aliases.add(alias)


def _rows(facts: FactSet, event: Event, key: str, rows: list[dict[str, Any]]) -> None:
    have = facts.add_event(event)
    merged = {r["party"]: r for r in have.attributes.get(key, [])}
    for r in rows:
        merged.setdefault(r["party"], r)
    have.attributes[key] = [merged[p] for p in sorted(merged)]


_APPLY: dict[str, Any] = {
    "entity": FactSet.add_entity, "event": FactSet.add_event, "membership": FactSet.add_membership,
    "alias": _alias, "rows": _rows, "known": _known,
}
