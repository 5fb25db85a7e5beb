"""The fact model as RDF: one thin adapter from ``FactSet`` to quads, an rdflib ``Graph`` or ``Dataset``.

Prefixes: ``kg:`` = ``https://w3id.org/cambodia-electoral-kg/ontology#`` (declared in ontology.ttl),
``id:`` = ``<KG_BASE_IRI>id/`` (default base ``https://w3id.org/cambodia-electoral-kg/``). No blank
nodes: every node has a stable IRI made from the model's ids, so exports are byte-identical.

=====================  ===========================================================================
Model                  RDF
=====================  ===========================================================================
Entity                 ``id:<entity id>`` (e.g. ``id:party/candlelight-party``)
  .type                ``a kg:<Type>`` (kg:Party, kg:Person, kg:Law, kg:LawArticle, kg:Institution,
                       kg:MediaOutlet, kg:Organization, kg:ForeignActor; all ⊑ kg:Entity) plus the
                       standard super-classes (org:Organization, foaf:Person, eli:LegalResource...)
  .id                  ``dcterms:identifier "party/candlelight-party"`` (on every node with a model id)
  .name / .aliases     ``rdfs:label`` / ``skos:altLabel`` (one per alias)
  .attributes          ``kg:attributes "{...}"^^rdf:JSON`` (sorted JSON); ``part_of``/``law`` naming
                       an entity also give ``eli:is_part_of`` (article -> law)
Event                  ``id:event/<type>-<hash>``, ``a kg:Event, sem:Event, kg:<EventType>``
  .participants        one direct property per role: ``kg:agent``, ``kg:target``, ``kg:instrument``,
                       ``kg:location``, ``kg:subject``, ``kg:speaker`` (all ⊑ ``kg:participant`` ⊑ sem:hasActor);
                       other roles: ``kg:participant`` only; and ``sem:hasActor`` for every role
                       (materialised, so SEM users need no reasoner). An Amendment of a law or
                       article: ``kg:amendingAct`` -> the act, which ``eli:amends`` each amended law
                       or article; the act is the amending law when one is the instrument, else
                       ``id:act/<event id> a eli:LegalResource``.
  .date (known)        ``kg:date`` typed literal: ``"2017"^^xsd:gYear`` | ``"2023-05"^^xsd:gYearMonth``
                       | ``"2023-05-25"^^xsd:date``; ``kg:datePrecision "year"|"month"|"day"``;
                       ``kg:earliest`` / ``kg:latest`` (``xsd:date``, first/last day: compare these;
                       also as ``sem:hasEarliestBeginTimeStamp`` / ``sem:hasLatestEndTimeStamp``);
                       ``kg:dateDerivation``, ``kg:datePhrase`` (strings), ``kg:dateAnchor`` (event
                       IRI, relative dates); ``kg:when id:date/<value>`` (the shared FuzzyDate node)
  .date (None)         ``kg:dateUnknown true``
  .attributes          ``kg:stance "condemn"`` for ``stance``; the rest in ``kg:attributes`` (rdf:JSON)
  .flags               ``kg:flag "date-conflict"`` (one per flag)
FuzzyDate node         ``id:date/2023-05 a kg:FuzzyDate`` (⊑ time:DateTimeDescription): ``kg:date``,
                       ``kg:datePrecision``, ``kg:earliest``, ``kg:latest``, ``time:unitType
                       time:unitYear|unitMonth|unitDay``, ``time:year "2023"^^xsd:gYear``
Membership             ``id:membership/<hash> a kg:Membership, org:Membership``
  .person / .org       ``org:member id:person/..`` ; ``org:organization id:party/..``; shortcut edges
                       ``<person> org:memberOf <org>`` and ``<person> org:hasMembership <membership>``
  .role                ``org:role id:role/<role>`` (``a kg:Role, org:Role; rdfs:label``) and
                       ``kg:roleName "chair"``
  .start / .end        ``kg:start`` / ``kg:end`` -> FuzzyDate node (``?m kg:start/kg:earliest ?d``)
Evidence (any fact)    ``<fact> kg:evidence id:evidence/<doc>/<start>-<end>``;
                       the evidence node: ``a kg:Evidence, prov:Entity; prov:wasDerivedFrom
                       id:document/<doc>; kg:startOffset 12 ; kg:endOffset 80 ; kg:quote "..."``
Document               ``id:document/<doc> a kg:Document, foaf:Document, prov:Entity``; ``dcterms:title``,
                       ``dcterms:identifier``, ``kg:fileName``, ``kg:sha256``, ``dcterms:publisher``
                       (literal), ``kg:documentKind``, ``dcterms:language``, ``kg:encoding``,
                       ``kg:published`` -> FuzzyDate + ``dcterms:issued`` (typed literal),
                       ``kg:spanStart``/``kg:spanEnd``, ``kg:note``; ``dcterms:source <url>`` when the
                       manifest gives the document's address
=====================  ===========================================================================

Graphs (N-Quads, TriG, the store): the evidence nodes quoted from document D and the ``kg:evidence``
links to them are in the named graph ``<base>graph/document/D``; everything else (entities, events,
memberships, dates, documents, the VoID description) is in the default graph. Every triple is in
exactly one graph, so the union of the graphs is the Turtle export. Query the store with the default
graph as the union (``graph.rdf_store.query`` does).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, ORG, PROV, SKOS, TIME, XSD

from graph import vocab
from graph.errors import AbortRun
from graph.factset import FactSet
from graph.ids import slug
from graph.model import (
    OWN_EVENT_ATTRIBUTES,
    PART_OF_KEYS,
    Document,
    Entity,
    Event,
    Evidence,
    FuzzyDate,
    Membership,
    attributes_json,
)
from graph.vocab import ELI, KG, SEM

Quad = tuple[URIRef, URIRef, URIRef | Literal, URIRef | None]

_DATE_TYPES = {"year": XSD.gYear, "month": XSD.gYearMonth, "day": XSD.date}
_UNITS = {"year": TIME.unitYear, "month": TIME.unitMonth, "day": TIME.unitDay}
#: Event date bounds also stated with SEM's own properties.
_SEM_TIME = {KG.earliest: SEM.hasEarliestBeginTimeStamp, KG.latest: SEM.hasLatestEndTimeStamp}


def date_literal(d: FuzzyDate) -> Literal:
    return Literal(d.value, datatype=_DATE_TYPES[d.precision])


def _date_props(d: FuzzyDate) -> Iterator[tuple[URIRef, Literal]]:
    first, last = d.interval()
    yield KG.date, date_literal(d)
    yield KG.datePrecision, Literal(d.precision)
    yield KG.earliest, Literal(first.isoformat(), datatype=XSD.date)
    yield KG.latest, Literal(last.isoformat(), datatype=XSD.date)


def _date_node(d: FuzzyDate) -> Iterator[Quad]:
    node = vocab.date_iri(d.value)
    yield node, RDF.type, KG.FuzzyDate, None
    yield node, RDF.type, TIME.DateTimeDescription, None
    for p, o in _date_props(d):
        yield node, p, o, None
    yield node, TIME.unitType, _UNITS[d.precision], None
    yield node, TIME.year, Literal(d.value[:4], datatype=XSD.gYear), None


def _json_literal(data: dict[str, Any]) -> Literal:
    return Literal(attributes_json(data), datatype=RDF.JSON)


def _typed(node: URIRef, cls: URIRef) -> Iterator[Quad]:
    yield node, RDF.type, cls, None
    for sup in vocab.standard_types(cls):
        yield node, RDF.type, sup, None


def _class(type_name: str, kind: URIRef, what: str) -> URIRef:
    try:
        return vocab.class_for(type_name, kind)
    except vocab.UndeclaredTerm as exc:
        raise AbortRun(f"{what} type {type_name!r} is not declared in ontology.ttl ({exc})") from exc


def _evidence(fact: URIRef, items: list[Evidence]) -> Iterator[Quad]:
    for ev in sorted(set(items)):
        node = vocab.evidence_iri(ev.document, ev.start, ev.end)
        g = vocab.document_graph_iri(ev.document)
        yield fact, KG.evidence, node, g
        yield node, RDF.type, KG.Evidence, g
        yield node, RDF.type, PROV.Entity, g
        yield node, PROV.wasDerivedFrom, vocab.document_iri(ev.document), g
        yield node, KG.startOffset, Literal(ev.start), g
        yield node, KG.endOffset, Literal(ev.end), g
        yield node, KG.quote, Literal(ev.quote), g


def _document(d: Document) -> Iterator[Quad]:
    node = vocab.document_iri(d.id)
    yield from _typed(node, KG.Document)
    yield node, DCTERMS.identifier, Literal(d.id), None
    yield node, DCTERMS.title, Literal(d.title), None
    yield node, KG.fileName, Literal(d.file), None
    yield node, KG.sha256, Literal(d.sha256), None
    yield node, KG.encoding, Literal(d.encoding), None
    if d.publisher:
        yield node, DCTERMS.publisher, Literal(d.publisher), None
    if d.kind:
        yield node, KG.documentKind, Literal(d.kind), None
    if d.language:
        yield node, DCTERMS.language, Literal(d.language), None
    if d.published:
        yield node, KG.published, vocab.date_iri(d.published.value), None
        yield node, DCTERMS.issued, date_literal(d.published), None
    if d.span:
        yield node, KG.spanStart, Literal(d.span[0]), None
        yield node, KG.spanEnd, Literal(d.span[1]), None
    for note in d.notes:
        yield node, KG.note, Literal(note), None
    if d.url:
        yield node, DCTERMS.source, URIRef(d.url), None


def _review_state(node: URIRef, fact: Entity | Event | Membership) -> Iterator[Quad]:
    if fact.status != "extracted":
        yield node, KG.reviewStatus, Literal(fact.status), None
    for review in fact.reviews:
        yield node, PROV.wasInfluencedBy, vocab.entity_iri(review), None


def _reviews(facts: FactSet) -> Iterator[Quad]:
    """Each applied decision as a ``prov:Activity`` with its agent, time, reason and the fact it concerns."""
    for r in sorted(facts.reviews.values(), key=lambda r: r.id):
        node = vocab.entity_iri(r.id)
        agent = vocab.entity_iri(f"reviewer/{slug(r.by)}")
        yield from _typed(node, KG.ReviewDecision)
        yield node, KG.reviewAction, Literal(r.action), None
        yield node, PROV.wasAssociatedWith, agent, None
        yield agent, RDF.type, PROV.Agent, None
        yield agent, RDFS.label, Literal(r.by), None
        if r.at:
            yield node, PROV.endedAtTime, Literal(r.at, datatype=XSD.dateTime if "T" in r.at else XSD.date), None
        if r.reason:
            yield node, RDFS.comment, Literal(r.reason), None
        link = PROV.invalidated if r.target in facts.rejected and r.action == "reject" else PROV.used
        yield node, link, vocab.entity_iri(r.target), None


def _entity(e: Entity, facts: FactSet) -> Iterator[Quad]:
    node = vocab.entity_iri(e.id)
    yield from _typed(node, _class(e.type, KG.Entity, "entity"))
    yield node, DCTERMS.identifier, Literal(e.id), None
    yield node, RDFS.label, Literal(e.name), None
    for alias in sorted(e.aliases - {e.name}):
        yield node, SKOS.altLabel, Literal(alias), None
    for key in PART_OF_KEYS:
        value = e.attributes.get(key)
        if isinstance(value, str) and value in facts.entities:
            yield node, ELI.is_part_of, vocab.entity_iri(value), None
    if e.attributes:
        yield node, KG.attributes, _json_literal(e.attributes), None
    yield from _review_state(node, e)
    yield from _evidence(node, e.evidence)


def _event(ev: Event, facts: FactSet) -> Iterator[Quad]:
    node = vocab.entity_iri(ev.id)
    yield from _typed(node, KG.Event)
    yield node, RDF.type, _class(ev.type, KG.Event, "event"), None
    yield node, DCTERMS.identifier, Literal(ev.id), None
    for p in sorted(set(ev.participants)):
        yield node, vocab.role_property(p.role), vocab.entity_iri(p.entity), None
        yield node, SEM.hasActor, vocab.entity_iri(p.entity), None
    if ev.type == "Amendment":
        yield from _amending_act(node, ev, facts)
    if ev.date is None:
        yield node, KG.dateUnknown, Literal(True), None
    else:
        for prop, o in _date_props(ev.date):
            yield node, prop, o, None
            if prop in _SEM_TIME:
                yield node, _SEM_TIME[prop], o, None
        yield node, KG.when, vocab.date_iri(ev.date.value), None
        yield node, KG.dateDerivation, Literal(ev.date.derivation), None
        if ev.date.phrase:
            yield node, KG.datePhrase, Literal(ev.date.phrase), None
        if ev.date.anchor:
            yield node, KG.dateAnchor, vocab.entity_iri(ev.date.anchor), None
    rest = {}
    for key, value in sorted(ev.attributes.items()):
        if key in OWN_EVENT_ATTRIBUTES and isinstance(value, str):
            yield node, KG[key], Literal(value), None
        else:
            rest[key] = value
    if rest:
        yield node, KG.attributes, _json_literal(rest), None
    for flag in sorted(set(ev.flags)):
        yield node, KG.flag, Literal(flag), None
    yield from _review_state(node, ev)
    yield from _evidence(node, ev.evidence)


def _amending_act(node: URIRef, ev: Event, facts: FactSet) -> Iterator[Quad]:
    """ELI for an Amendment: the act it enacted ``eli:amends`` each amended law or article. The act is
    the amending law when the text names one as instrument, else a node of its own."""
    def typed(x: str, types: tuple[str, ...]) -> bool:
        return x in facts.entities and facts.entities[x].type in types

    targets = [t for t in ev.entities("target") if typed(t, ("Law", "LawArticle"))]
    if not targets:
        return
    acts = [vocab.entity_iri(x) for x in ev.entities("instrument") if typed(x, ("Law",))]
    if not acts:
        act = vocab.act_iri(ev.id)
        acts = [act]
        yield act, RDF.type, ELI.LegalResource, None
        names = " and ".join(facts.entities[t].name for t in targets)
        yield act, RDFS.label, Literal(f"act amending {names}"), None
    for act in acts:
        yield node, KG.amendingAct, act, None
        for target in targets:
            yield act, ELI.amends, vocab.entity_iri(target), None


def _membership(m: Membership) -> Iterator[Quad]:
    node = vocab.entity_iri(m.id)
    person, org = vocab.entity_iri(m.person), vocab.entity_iri(m.organization)
    yield from _typed(node, KG.Membership)
    yield node, DCTERMS.identifier, Literal(m.id), None
    yield node, ORG.member, person, None
    yield node, ORG.organization, org, None
    yield person, ORG.memberOf, org, None
    yield person, ORG.hasMembership, node, None
    role = vocab.role_iri(m.role)
    yield node, ORG.role, role, None
    yield from _typed(role, KG.Role)
    yield role, RDFS.label, Literal(m.role), None
    yield node, KG.roleName, Literal(m.role), None
    if m.start:
        yield node, KG.start, vocab.date_iri(m.start.value), None
    if m.end:
        yield node, KG.end, vocab.date_iri(m.end.value), None
    if m.attributes:
        yield node, KG.attributes, _json_literal(m.attributes), None
    yield from _review_state(node, m)
    yield from _evidence(node, m.evidence)


def _dates(facts: FactSet) -> Iterator[Quad]:
    dates = {d.value: d for d in _all_dates(facts)}
    for value in sorted(dates):
        yield from _date_node(dates[value])


def _all_dates(facts: FactSet) -> Iterator[FuzzyDate]:
    for d in facts.documents.values():
        if d.published:
            yield d.published
    for ev in facts.events.values():
        if ev.date:
            yield ev.date
    for m in facts.memberships.values():
        yield from (x for x in (m.start, m.end) if x)


def fact_quads(facts: FactSet) -> Iterator[Quad]:
    """The quads of ``facts`` (graph ``None`` = default graph), without the VoID description."""
    for d in sorted(facts.documents.values(), key=lambda x: x.id):
        yield from _document(d)
    for e in sorted(facts.entities.values(), key=lambda x: x.id):
        yield from _entity(e, facts)
    for ev in sorted(facts.events.values(), key=lambda x: x.id):
        yield from _event(ev, facts)
    for m in sorted(facts.memberships.values(), key=lambda x: x.id):
        yield from _membership(m)
    yield from _dates(facts)
    yield from _reviews(facts)


def quads(facts: FactSet) -> list[Quad]:
    """All quads: the facts and the VoID/DCAT description of the dataset, without duplicates."""
    from graph.void import counts_of, void_quads

    seen: set[Quad] = set()
    out: list[Quad] = []
    for q in fact_quads(facts):
        if q not in seen:
            seen.add(q)
            out.append(q)
    for q in list(void_quads(facts, counts_of(out))):
        if q not in seen:
            seen.add(q)
            out.append(q)
    return out


def bind_prefixes(g: Graph) -> None:
    for prefix, ns in vocab.PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
    g.bind("id", vocab.base_iri() + "id/", override=True, replace=True)


def to_graph(facts: FactSet) -> Graph:
    """The union of all graphs as one rdflib ``Graph`` (what Turtle, N-Triples and JSON-LD hold)."""
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in quads(facts):
        g.add((s, p, o))
    return g


def to_dataset(facts: FactSet) -> Dataset:
    """An rdflib ``Dataset``: default graph plus one named graph per source document with evidence."""
    ds = Dataset()
    bind_prefixes(ds)
    for s, p, o, g in quads(facts):
        ds.add((s, p, o, g if g is not None else ds.default_graph.identifier))  # type: ignore[arg-type]
    return ds
