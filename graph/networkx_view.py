"""The fact model as a networkx ``MultiDiGraph``, and the views the graph page is drawn from.

A thin adapter on ``graph.model``: every entity and every event is a node (``kind`` ``entity`` or
``event``, with ``type``, ``label``, dates and evidence); an event points at each participant by an edge
keyed and labelled by the role; a membership is an edge person -> organisation keyed by its id, with
role, dates and evidence. Helpers cut the graph down: ego subgraph around an actor, types, a date
range. (Its layout for the page is in ``graph.viz_layout``.)
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date
from typing import Any

import networkx as nx

from graph.dates import fields, spans_meet
from graph.errors import UsageError
from graph.factset import FactSet
from graph.model import Entity, Event, Evidence, FuzzyDate, Membership

UNKNOWN_TYPE = "Unknown"
"""Type of a node an event or membership names but the FactSet does not hold."""


def _evidence(items: Iterable[Evidence]) -> list[dict[str, Any]]:
    return [{"document": e.document, "start": e.start, "end": e.end, "quote": e.quote} for e in sorted(items)]


def _date(d: FuzzyDate | None) -> dict[str, Any] | None:
    if d is None:
        return None
    first, last = d.interval()
    return {**fields(d), "start": first.isoformat(), "end": last.isoformat()}


def _sources(evidence: list[dict[str, Any]]) -> list[str]:
    return sorted({e["document"] for e in evidence})


def _ensure_node(g: nx.MultiDiGraph, node_id: str) -> None:
    if node_id not in g:
        g.add_node(node_id, kind="entity", type=UNKNOWN_TYPE, label=node_id, aliases=[], attributes={},
                   evidence=[], sources=[], date=None, missing=True)


def event_label(event_type: str, when: FuzzyDate | None, attributes: dict[str, Any]) -> str:
    """What an event node shows: its own label or title when a loader gave one, else type and date."""
    for key in ("label", "title", "name"):
        if isinstance(attributes.get(key), str) and attributes[key]:
            return attributes[key]
    return f"{event_type} {when.value}" if when else event_type


def to_networkx(facts: FactSet, with_rejected: bool = False) -> nx.MultiDiGraph:
    """The whole FactSet as a graph; ``graph['documents']`` maps document ids to their metadata.

    Every node and membership edge carries its review ``status``; ``with_rejected`` adds the facts a
    reviewer rejected (status ``rejected``), for a page that can show them on demand."""
    g = nx.MultiDiGraph()
    g.graph["documents"] = {
        d.id: {"title": d.title or d.id, "publisher": d.publisher, "file": d.file,
               "published": d.published.value if d.published else None}
        for d in sorted(facts.documents.values(), key=lambda d: d.id)
    }
    rejected = list(facts.rejected.values()) if with_rejected else []
    entities = [*facts.entities.values(), *(f for f in rejected if isinstance(f, Entity))]
    events = [*facts.events.values(), *(f for f in rejected if isinstance(f, Event))]
    memberships = [*facts.memberships.values(), *(f for f in rejected if isinstance(f, Membership))]
    for e in sorted(entities, key=lambda e: e.id):
        ev = _evidence(e.evidence)
        g.add_node(e.id, kind="entity", type=e.type, label=e.name, aliases=sorted(e.aliases - {e.name}),
                   attributes=dict(sorted(e.attributes.items())), evidence=ev, sources=_sources(ev),
                   date=None, status=e.status)
    for event in sorted(events, key=lambda e: e.id):
        ev = _evidence(event.evidence)
        g.add_node(event.id, kind="event", type=event.type,
                   label=event_label(event.type, event.date, event.attributes),
                   attributes=dict(sorted(event.attributes.items())), evidence=ev, sources=_sources(ev),
                   date=_date(event.date), flags=sorted(event.flags), aliases=[], status=event.status)
        for p in sorted(set(event.participants)):
            _ensure_node(g, p.entity)
            g.add_edge(event.id, p.entity, key=p.role, kind="role", role=p.role, label=p.role)
    for m in sorted(memberships, key=lambda m: m.id):
        _ensure_node(g, m.person)
        _ensure_node(g, m.organization)
        g.add_edge(m.person, m.organization, key=m.id, kind="membership", role=m.role, label=m.role, id=m.id,
                   start=_date(m.start), end=_date(m.end), attributes=dict(sorted(m.attributes.items())),
                   evidence=_evidence(m.evidence), status=m.status)
    return g


def find_actor(g: nx.MultiDiGraph, text: str) -> str:
    """The node ``text`` names: its id, else its name or an alias, else the one label containing it."""
    if text in g:
        return text
    wanted = text.casefold().strip()
    exact = sorted(n for n, a in g.nodes(data=True)
                   if wanted in {a["label"].casefold(), *(x.casefold() for x in a.get("aliases", []))})
    if len(exact) == 1:
        return exact[0]
    partial = exact or sorted(n for n, a in g.nodes(data=True)
                              if a["kind"] == "entity" and wanted in a["label"].casefold())
    if len(partial) == 1:
        return partial[0]
    if not partial:
        raise UsageError(f"no actor named {text!r} in the graph")
    shown = ", ".join(partial[:5]) + (", ..." if len(partial) > 5 else "")
    raise UsageError(f"{text!r} names {len(partial)} nodes ({shown}): give an id")


def ego(g: nx.MultiDiGraph, node: str, depth: int = 2) -> nx.MultiDiGraph:
    """The nodes within ``depth`` edges of ``node`` in either direction (actor -> event -> actor is 2)."""
    if depth < 0:
        raise UsageError("--depth must be 0 or more")
    return nx.ego_graph(g, node, radius=depth, undirected=True).copy()


def filter_types(g: nx.MultiDiGraph, types: Iterable[str]) -> nx.MultiDiGraph:
    """Only the nodes of the given entity or event types (case does not matter)."""
    wanted = {t.casefold() for t in types}
    return g.subgraph([n for n, a in g.nodes(data=True) if a["type"].casefold() in wanted]).copy()


def _overlaps(first: str | None, last: str | None, lo: date | None, hi: date | None) -> bool:
    day = date.fromisoformat
    return spans_meet(day(first) if first else None, day(last) if last else None, lo, hi)


def filter_dates(g: nx.MultiDiGraph, start: date | None, end: date | None) -> nx.MultiDiGraph:
    """What happened in ``[start, end]``: events whose dates overlap it (undated events go), memberships
    with a date whose interval (open at an unknown end) overlaps it, and the entities tied to one of
    those; actors in nothing that happened then go, lone ones too."""
    if start is None and end is None:
        return g.copy()
    keep_events = {n for n, a in g.nodes(data=True) if a["kind"] == "event" and a["date"]
                   and _overlaps(a["date"]["start"], a["date"]["end"], start, end)}
    out = nx.MultiDiGraph()
    out.graph.update(g.graph)
    out.add_nodes_from((n, a) for n, a in g.nodes(data=True) if a["kind"] != "event" or n in keep_events)
    for u, v, k, a in g.edges(keys=True, data=True):
        if u not in out or v not in out:
            continue
        if a["kind"] == "membership":
            first = a["start"]["start"] if a.get("start") else None
            last = a["end"]["end"] if a.get("end") else None
            if (first is None and last is None) or not _overlaps(first, last, start, end):
                continue
        out.add_edge(u, v, key=k, **a)
    stranded = [n for n in out if out.nodes[n]["kind"] == "entity" and out.degree(n) == 0]
    out.remove_nodes_from(stranded)
    return out
