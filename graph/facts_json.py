"""The ``kg-facts/1`` JSON format: the facts export and the workspace's canonical file.

Output is sorted and has no timestamps, so the same input gives byte-identical files. Fields beyond
those of ``kg-facts/1`` (document metadata, date derivation, flags) are additions the format allows;
``load`` reads them back so the model round-trips.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import asdict
from pathlib import Path
from typing import Any

from graph.dates import fields
from graph.factset import Fact, FactSet
from graph.model import (
    Document,
    Entity,
    Event,
    Evidence,
    FuzzyDate,
    Membership,
    Participant,
    Review,
    Skipped,
)

FORMAT = "kg-facts/1"


def date_to_json(d: FuzzyDate | None) -> dict[str, Any] | None:
    return None if d is None else dict(fields(d))


def date_from_json(d: dict[str, Any] | None) -> FuzzyDate | None:
    if not d or not d.get("value"):
        return None
    return FuzzyDate(d["value"], d["precision"], d.get("derivation", "absolute"), d.get("phrase"), d.get("anchor"))


def _evidence(items: list[Evidence]) -> list[dict[str, Any]]:
    return [{"document": e.document, "start": e.start, "end": e.end, "quote": e.quote} for e in sorted(items)]


def _evidence_from(items: list[dict[str, Any]]) -> list[Evidence]:
    return [Evidence(e["document"], int(e["start"]), int(e["end"]), e["quote"]) for e in items or []]


def _review_fields(fact: Entity | Event | Membership) -> dict[str, Any]:
    out: dict[str, Any] = {"status": fact.status}
    if fact.reviews:
        out["reviews"] = list(fact.reviews)
    return out


def entity_json(e: Entity) -> dict[str, Any]:
    return {
        "id": e.id,
        "type": e.type,
        "name": e.name,
        "aliases": sorted(e.aliases - {e.name}),
        "attributes": dict(sorted(e.attributes.items())),
        "evidence": _evidence(e.evidence),
    } | _review_fields(e)


def event_json(ev: Event) -> dict[str, Any]:
    return {
        "id": ev.id,
        "type": ev.type,
        "date": date_to_json(ev.date),
        "participants": [{"role": p.role, "entity": p.entity} for p in sorted(set(ev.participants))],
        "attributes": dict(sorted(ev.attributes.items())),
        "flags": sorted(ev.flags),
        "evidence": _evidence(ev.evidence),
    } | _review_fields(ev)


def membership_json(m: Membership) -> dict[str, Any]:
    return {
        "id": m.id,
        "person": m.person,
        "organization": m.organization,
        "role": m.role,
        "start": date_to_json(m.start),
        "end": date_to_json(m.end),
        "attributes": dict(sorted(m.attributes.items())),
        "evidence": _evidence(m.evidence),
    } | _review_fields(m)


#: Which list of the export a fact belongs to, and how it is written.
_KINDS: dict[type, tuple[str, Any]] = {Entity: ("entity", entity_json), Event: ("event", event_json),
                                        Membership: ("membership", membership_json)}


def _rejected_json(fact: Entity | Event | Membership) -> dict[str, Any]:
    kind, write = _KINDS[type(fact)]
    return {"kind": kind} | write(fact)


def to_json(facts: FactSet) -> dict[str, Any]:
    docs = []
    for d in sorted(facts.documents.values(), key=lambda d: d.id):
        item: dict[str, Any] = {"id": d.id, "file": d.file, "title": d.title, "sha256": d.sha256}
        for key in ("publisher", "kind", "language", "url"):
            if getattr(d, key):
                item[key] = getattr(d, key)
        item["published"] = date_to_json(d.published)
        item["encoding"] = d.encoding
        if d.span:
            item["span"] = list(d.span)
        if d.notes:
            item["notes"] = list(d.notes)
        docs.append(item)
    out = {
        "format": FORMAT,
        "documents": docs,
        "entities": [entity_json(e) for e in sorted(facts.entities.values(), key=lambda e: e.id)],
        "events": [event_json(ev) for ev in sorted(facts.events.values(), key=lambda e: e.id)],
        "memberships": [membership_json(m) for m in sorted(facts.memberships.values(), key=lambda m: m.id)],
        "skipped": [{"file": s.file, "reason": s.reason} for s in sorted(facts.skipped, key=lambda s: s.file)],
    }
    if facts.rejected:
        out["rejected"] = [_rejected_json(f) for _, f in sorted(facts.rejected.items())]
    if facts.reviews:
        out["reviews"] = [{k: v for k, v in asdict(r).items() if v is not None}
                          for _, r in sorted(facts.reviews.items())]
    return out


def dumps(facts: FactSet) -> str:
    return json.dumps(to_json(facts), ensure_ascii=False, indent=1, sort_keys=False) + "\n"


def entity_from(e: dict[str, Any]) -> Entity:
    return Entity(e["id"], e["type"], e["name"], set(e.get("aliases", [])), dict(e.get("attributes", {})),
                  _evidence_from(e.get("evidence", [])), e.get("status", "extracted"), list(e.get("reviews", [])))


def event_from(ev: dict[str, Any]) -> Event:
    return Event(
        ev["id"], ev["type"], date_from_json(ev.get("date")),
        [Participant(p["role"], p["entity"]) for p in ev.get("participants", [])],
        dict(ev.get("attributes", {})), _evidence_from(ev.get("evidence", [])), list(ev.get("flags", [])),
        ev.get("status", "extracted"), list(ev.get("reviews", [])),
    )


def membership_from(m: dict[str, Any]) -> Membership:
    return Membership(
        m["id"], m["person"], m["organization"], m["role"], date_from_json(m.get("start")),
        date_from_json(m.get("end")), dict(m.get("attributes", {})), _evidence_from(m.get("evidence", [])),
        m.get("status", "extracted"), list(m.get("reviews", [])),
    )


_READERS: dict[str, Callable[[dict[str, Any]], Fact]] = {
    "entity": entity_from, "event": event_from, "membership": membership_from,
}


def from_json(data: dict[str, Any]) -> FactSet:
    if data.get("format") != FORMAT:
        raise ValueError(f"expected format {FORMAT}, got {data.get('format')!r}")
    fs = FactSet()
    for d in data.get("documents", []):
        fs.add_document(
            Document(
                id=d["id"], file=d["file"], title=d.get("title", ""), sha256=d.get("sha256", ""),
                publisher=d.get("publisher"), published=date_from_json(d.get("published")),
                kind=d.get("kind"), language=d.get("language"), encoding=d.get("encoding", "utf-8"),
                span=tuple(d["span"]) if d.get("span") else None, notes=list(d.get("notes", [])),
                url=d.get("url"),
            )
        )
    for e in data.get("entities", []):
        fs.add_entity(entity_from(e))
    for ev in data.get("events", []):
        fs.add_event(event_from(ev))
    for m in data.get("memberships", []):
        fs.add_membership(membership_from(m))
    fs.skipped = [Skipped(s["file"], s["reason"]) for s in data.get("skipped", [])]
    for item in data.get("rejected", []):
        fact = _READERS[item["kind"]]({k: v for k, v in item.items() if k != "kind"})
        fs.rejected[fact.id] = fact
    for r in data.get("reviews", []):
        fs.reviews[r["id"]] = Review(r["id"], r["action"], r["target"], r["by"], r["at"], r.get("reason"))
    return fs


def load(path: Path) -> FactSet:
    return from_json(json.loads(Path(path).read_text(encoding="utf-8")))
