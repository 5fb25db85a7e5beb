"""The fact model -> RDF mapping, and the ontology that declares its terms."""

from __future__ import annotations

import pytest
from rdflib import RDF, RDFS, BNode, Graph, Literal, URIRef
from rdflib.namespace import ORG, PROV

from graph import vocab
from graph.model import ENTITY_TYPES, EVENT_TYPES, ROLES, FuzzyDate
from graph.rdf import date_literal, to_graph
from graph.vocab import KG, KG_NS, UndeclaredTerm
from tests.graph.rdf_samples import DOC, sample_facts


def _kg_terms(g: Graph) -> set[str]:
    used = set()
    for triple in g:
        for term in triple:
            if isinstance(term, URIRef) and str(term).startswith(KG_NS) and str(term) != KG_NS:
                used.add(str(term)[len(KG_NS):])
    return used


def _day(text: str) -> Literal:
    return date_literal(FuzzyDate(text, "day"))


@pytest.fixture(scope="module")
def sample_graph() -> Graph:
    return to_graph(sample_facts())


def test_every_kg_term_used_is_declared(sample_graph, corpus_facts):
    declared = vocab.declared_terms()
    for g in (sample_graph, to_graph(corpus_facts)):
        assert _kg_terms(g) - declared == set()


def test_vocab_refuses_undeclared_terms():
    assert KG.Party == URIRef(KG_NS + "Party")
    with pytest.raises(UndeclaredTerm):
        _ = KG.Partyy
    with pytest.raises(UndeclaredTerm):
        _ = KG["agnet"]
    with pytest.raises(UndeclaredTerm):
        vocab.class_for("Disqualification", KG.Entity)  # an event type, not an entity type


def test_model_types_and_roles_are_declared():
    for t in ENTITY_TYPES:
        assert vocab.is_subclass(vocab.class_for(t, KG.Entity), KG.Entity)
    for t in EVENT_TYPES:
        assert vocab.is_subclass(vocab.class_for(t, KG.Event), KG.Event)
    for role in ROLES:
        assert vocab.role_property(role) == KG[role]
    assert vocab.role_property("witness") == KG.participant


def test_every_ontology_term_has_label_comment_and_is_aligned():
    onto = vocab.ontology()
    for name in vocab.declared_terms():
        term = KG[name]
        assert onto.value(term, RDFS.label), name
        assert onto.value(term, RDFS.comment), name
    # classes reach a standard vocabulary through rdfs:subClassOf
    for cls in ("Party", "Person", "Law", "Membership", "Evidence", "Event", "Election", "FuzzyDate"):
        assert vocab.standard_types(KG[cls]), cls


def test_no_blank_nodes(sample_graph):
    assert not any(isinstance(t, BNode) for triple in sample_graph for t in triple)


def test_event_mapping(sample_graph):
    g = sample_graph
    ev = vocab.entity_iri("event/disqualification-0001")
    assert (ev, RDF.type, KG.Disqualification) in g and (ev, RDF.type, KG.Event) in g
    assert (ev, KG.agent, vocab.entity_iri("institution/election-board")) in g
    assert (ev, KG.target, vocab.entity_iri("party/lantern-party")) in g
    assert g.value(ev, KG.date) == date_literal(FuzzyDate.of(2031, 5))
    assert g.value(ev, KG.datePrecision) == Literal("month")
    assert g.value(ev, KG.earliest) == _day("2031-05-01")
    assert g.value(ev, KG.latest) == _day("2031-05-31")
    assert (ev, KG.when, vocab.date_iri("2031-05")) in g
    amend = vocab.entity_iri("event/amendment-0001")
    assert g.value(amend, KG.date) == date_literal(FuzzyDate.of(2030))
    assert (vocab.entity_iri("law/amending-law"), vocab.ELI.amends, vocab.entity_iri("law/law-on-parties")) in g
    stmt = vocab.entity_iri("event/foreignstatement-0001")
    assert g.value(stmt, KG.dateUnknown) == Literal(True)
    assert g.value(stmt, KG.stance) == Literal("condemn")
    assert g.value(stmt, KG.date) is None


def test_evidence_and_membership_mapping(sample_graph):
    g = sample_graph
    m = vocab.entity_iri("membership/0001")
    person, body = vocab.entity_iri("person/vorn-dara"), vocab.entity_iri("institution/election-board")
    assert (m, RDF.type, ORG.Membership) in g
    assert (m, ORG.member, person) in g and (m, ORG.organization, body) in g
    assert (person, ORG.memberOf, body) in g
    assert g.value(m, KG.roleName) == Literal("chair")
    assert g.value(g.value(m, KG.start), KG.earliest) == _day("2029-01-01")
    passage = g.value(m, KG.evidence)
    assert (passage, PROV.wasDerivedFrom, vocab.document_iri(DOC)) in g
    start, end = g.value(passage, KG.startOffset).toPython(), g.value(passage, KG.endOffset).toPython()
    quote = str(g.value(passage, KG.quote))
    from tests.graph.rdf_samples import TEXT
    assert TEXT[start:end] == quote


def test_base_iri_is_configurable(monkeypatch):
    monkeypatch.setenv("KG_BASE_IRI", "http://example.org/kg")
    g = to_graph(sample_facts())
    assert (URIRef("http://example.org/kg/id/party/lantern-party"), RDF.type, KG.Party) in g


def test_undeclared_model_type_aborts():
    from graph.errors import AbortRun
    from graph.model import Entity

    with pytest.raises(AbortRun, match="Spaceship"):  # the model refuses it before any export
        Entity("spaceship/x", "Spaceship", "X")
