"""The RDF vocabulary: namespaces, project terms loaded from ``ontology.ttl``, instance IRIs.

``KG`` is a closed namespace holding exactly the ``kg:`` terms declared in ``ontology.ttl``:
``KG.Party`` is a ``URIRef``, ``KG.Partyy`` raises ``UndeclaredTerm``, so a misspelt term fails at
import time of the caller's first use, not in a partner's store. The standard vocabularies come from
rdflib's closed namespaces (``ORG``, ``PROV``, ``TIME``...); SEM and ELI, which rdflib lacks, are
closed over the few terms the ontology aligns with.

Instance IRIs live under one configurable base (``KG_BASE_IRI``, default
``https://w3id.org/cambodia-electoral-kg/``) and are built from the model's stable ids
(``graph.ids``), e.g. ``<base>id/party/candlelight-party``.
"""

from __future__ import annotations

import os
from functools import cache
from urllib.parse import quote

from rdflib import OWL, RDF, RDFS, Graph, Namespace, URIRef
from rdflib.namespace import DCAT, DCTERMS, FOAF, ORG, PROV, SKOS, TIME, VOID, XSD, ClosedNamespace

from graph import schema
from graph.ids import evidence_id
from graph.schema import KG_NS

DEFAULT_BASE = "https://w3id.org/cambodia-electoral-kg/"

SEM = ClosedNamespace(
    "http://semanticweb.cs.vu.nl/2009/11/sem/",
    ["Event", "Actor", "hasActor", "Role", "hasEarliestBeginTimeStamp", "hasLatestEndTimeStamp"],
)
ELI = ClosedNamespace(
    "http://data.europa.eu/eli/ontology#",
    ["LegalResource", "LegalResourceSubdivision", "amends", "is_part_of", "title"],
)
SCHEMA = Namespace("https://schema.org/")

#: Prefixes bound in every serialisation (and in ``graph/resources/context.jsonld``).
PREFIXES: dict[str, str] = {
    "kg": KG_NS,
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "dcterms": str(DCTERMS),
    "foaf": str(FOAF),
    "org": str(ORG),
    "eli": "http://data.europa.eu/eli/ontology#",
    "sem": "http://semanticweb.cs.vu.nl/2009/11/sem/",
    "time": str(TIME),
    "prov": str(PROV),
    "skos": str(SKOS),
    "schema": str(SCHEMA),
    "void": str(VOID),
    "dcat": str(DCAT),
}

_DECLARING_TYPES = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.AnnotationProperty,
                    OWL.NamedIndividual, RDF.Property, RDFS.Class)


class UndeclaredTerm(AttributeError, KeyError):
    """A ``kg:`` term that ``ontology.ttl`` does not declare."""


ontology = schema.ontology


def declared_terms(graph: Graph | None = None) -> frozenset[str]:
    """Local names of the ``kg:`` terms declared (typed as a class or property) in the ontology."""
    g = graph if graph is not None else ontology()
    names = set()
    for t in _DECLARING_TYPES:
        for s in g.subjects(RDF.type, t):
            if isinstance(s, URIRef) and str(s).startswith(KG_NS):
                names.add(str(s)[len(KG_NS):])
    return frozenset(names)


class _ProjectNamespace:
    """Attribute and item access to the declared ``kg:`` terms only."""

    def __init__(self, base: str, terms: frozenset[str]) -> None:
        self._base = base
        self._terms = terms

    def __getattr__(self, name: str) -> URIRef:
        if name.startswith("_"):
            raise AttributeError(name)
        return self[name]

    def __getitem__(self, name: str) -> URIRef:
        if name not in self._terms:
            raise UndeclaredTerm(f"kg:{name} is not declared in ontology.ttl")
        return URIRef(self._base + name)

    def __contains__(self, name: object) -> bool:
        return name in self._terms

    def __str__(self) -> str:
        return self._base


KG = _ProjectNamespace(KG_NS, declared_terms())


def is_subclass(cls: URIRef, of: URIRef) -> bool:
    """True when the ontology states ``cls rdfs:subClassOf* of``."""
    return of in ontology().transitive_objects(cls, RDFS.subClassOf)


def class_for(type_name: str, kind: URIRef) -> URIRef:
    """The ``kg:`` class of a model type (``Party``, ``Disqualification``); it must be declared as a
    subclass of ``kind`` (``KG.Entity`` or ``KG.Event``)."""
    cls = KG[type_name]
    if not is_subclass(cls, kind):
        raise UndeclaredTerm(f"kg:{type_name} is not declared as a subclass of {kind}")
    return cls


@cache
def standard_types(cls: URIRef) -> tuple[URIRef, ...]:
    """The direct super-classes of ``cls`` outside the project namespace, asserted on instances too
    so that consumers who know ORG, ELI, SEM or PROV but not ``kg:`` find them without reasoning."""
    out: set[URIRef] = set()
    for sup in ontology().transitive_objects(cls, RDFS.subClassOf):
        if isinstance(sup, URIRef) and not str(sup).startswith(KG_NS) and sup != cls:
            out.add(sup)
    return tuple(sorted(out))


def role_property(role: str) -> URIRef:
    """The direct property of an event role (``kg:agent``...); ``kg:participant`` when the ontology has
    no sub-property of ``kg:participant`` of that name."""
    if role in KG and (KG[role], RDFS.subPropertyOf, KG.participant) in ontology():
        return KG[role]
    return KG.participant


def base_iri() -> str:
    base = os.environ.get("KG_BASE_IRI") or DEFAULT_BASE
    return base if base.endswith(("/", "#")) else base + "/"


def iri(*parts: str | int) -> URIRef:
    """An instance IRI under the base: ``iri("id", "party/clp")`` -> ``<base>id/party/clp``."""
    return URIRef(base_iri() + "/".join(quote(str(p), safe="/-._~") for p in parts))


def entity_iri(model_id: str) -> URIRef:
    """IRI of an entity, event or membership from its model id (``party/...``, ``event/...``)."""
    return iri("id", model_id)


def document_iri(doc_id: str) -> URIRef:
    return iri("id", "document", doc_id)


def evidence_iri(doc_id: str, start: int, end: int) -> URIRef:
    return entity_iri(evidence_id(doc_id, start, end))


def date_iri(value: str) -> URIRef:
    return iri("id", "date", value)


def role_iri(role: str) -> URIRef:
    return iri("id", "role", role)


def document_graph_iri(doc_id: str) -> URIRef:
    """The named graph holding the evidence quoted from one document."""
    return iri("graph", "document", doc_id)


def act_iri(event_id: str) -> URIRef:
    """The legal act an Amendment event enacted, when the text names no amending law."""
    return iri("id", "act", event_id)


def dataset_iri() -> URIRef:
    return iri("dataset")
