"""The schema of the fact model, read from ``ontology.ttl`` (the one source of terms).

What the model may hold is what the ontology declares; nothing here repeats a term:

- entity types: the ``kg:`` classes below ``kg:Entity`` that have no ``kg:`` subclass of their own
  (``kg:Actor`` only groups ``kg:Party``, ``kg:Person``, ...);
- event types: likewise, below ``kg:Event``;
- roles: ``kg:participant`` and its sub-properties (``agent``, ``target``, ...);
- own event attributes: the datatype properties whose domain is ``kg:Event`` (``stance``): an
  event attribute of that name has a property of its own in every adapter, the rest travel as the
  attributes JSON (``graph.model.attributes_json``).

The model's constructors call ``check`` and refuse a type or role the ontology does not declare.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from typing import Literal

import pyoxigraph as ox
from rdflib import OWL, RDF, RDFS, Graph, URIRef

from graph import resources
from graph.errors import AbortRun

ONTOLOGY_IRI = "https://w3id.org/cambodia-electoral-kg/ontology"
KG_NS = ONTOLOGY_IRI + "#"

Kind = Literal["entity type", "event type", "role"]


@cache
def _text() -> str:
    return resources.ontology().read_text(encoding="utf-8")


@cache
def ontology() -> Graph:
    """The ontology graph (parsed once)."""
    return Graph().parse(data=_text(), format="turtle")


@cache
def _declared_order() -> dict[str, int]:
    """Each ``kg:`` term's place in the file: types and roles keep the order their authors gave them."""
    order: dict[str, int] = {}
    for triple in ox.parse(_text(), format=ox.RdfFormat.TURTLE):
        if isinstance(triple.subject, ox.NamedNode) and (name := _local(URIRef(triple.subject.value))):
            order.setdefault(name, len(order))
    return order


def _in_order(names: set[str | None]) -> tuple[str, ...]:
    order = _declared_order()
    return tuple(sorted((n for n in names if n), key=lambda n: (order.get(n, len(order)), n)))


@dataclass(frozen=True)
class Schema:
    entity_types: tuple[str, ...]
    event_types: tuple[str, ...]
    roles: tuple[str, ...]
    own_event_attributes: tuple[str, ...]


def _local(term: object) -> str | None:
    return str(term)[len(KG_NS):] if isinstance(term, URIRef) and str(term).startswith(KG_NS) else None


def _leaf_classes(g: Graph, root: str) -> tuple[str, ...]:
    below = {s for s in g.transitive_subjects(RDFS.subClassOf, URIRef(KG_NS + root)) if _local(s)}
    below.discard(URIRef(KG_NS + root))
    parents = {o for s in below for o in g.objects(s, RDFS.subClassOf)}
    return _in_order({_local(s) for s in below - parents})


@cache
def schema() -> Schema:
    g = ontology()
    participant = URIRef(KG_NS + "participant")
    roles = {_local(s) for s in g.transitive_subjects(RDFS.subPropertyOf, participant)}
    own = {_local(p) for p in g.subjects(RDF.type, OWL.DatatypeProperty)
           if (p, RDFS.domain, URIRef(KG_NS + "Event")) in g}
    return Schema(
        entity_types=_leaf_classes(g, "Entity"),
        event_types=_leaf_classes(g, "Event"),
        roles=_in_order(roles),
        own_event_attributes=_in_order(own),
    )


def check(kind: Kind, name: str) -> None:
    """Refuse (``AbortRun``) an entity type, event type or role that ``ontology.ttl`` does not declare."""
    s = schema()
    known = {"entity type": s.entity_types, "event type": s.event_types, "role": s.roles}[kind]
    if name not in known:
        raise AbortRun(f"{kind} {name!r} is not declared in ontology.ttl (declared: {', '.join(known)})")

