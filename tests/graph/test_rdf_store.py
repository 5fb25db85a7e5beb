"""The embedded Oxigraph store: written by ``kg build``, opened read-only, queried with bound values."""

from __future__ import annotations

import pytest
from rdflib import URIRef

from graph.errors import AbortRun, UsageError
from graph.exporters import render
from graph.rdf_store import open_store, query, select, triple_count, write_store
from graph.sparql_bind import bind
from graph.vocab import KG
from tests.graph.rdf_samples import sample_facts

PREFIX = "PREFIX kg: <https://w3id.org/cambodia-electoral-kg/ontology#>\n"


@pytest.fixture(scope="module")
def sample_store(tmp_path_factory):
    path = tmp_path_factory.mktemp("store") / "store"
    write_store(sample_facts(), path)
    return open_store(path)


def test_build_writes_the_store(built_workspace, corpus_facts):
    store = open_store(built_workspace.store_path)
    lines = render(corpus_facts, "nquads").decode().splitlines()
    assert triple_count(store) == len(lines) > 0


def test_bound_values_reach_any_variable(sample_store):
    rows = select(sample_store, PREFIX + "SELECT ?e ?d WHERE { ?e a ?t ; kg:earliest ?d } ORDER BY ?d",
                  {"t": KG.Disqualification})
    assert rows == [{"e": "https://w3id.org/cambodia-electoral-kg/id/event/disqualification-0001",
                     "d": "2031-05-01"}]
    # a binding of a variable that is not projected is applied before aggregation
    assert select(sample_store, PREFIX + "SELECT (COUNT(*) AS ?n) WHERE { ?e a ?t }", {"t": KG.Event}) == [{"n": 3}]
    assert bool(query(sample_store, "ASK { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                      {"name": "Lantern Party"}))


def test_bound_values_cannot_change_the_query(sample_store):
    evil = 'x" } ?s ?p ?o { "'
    assert select(sample_store, "SELECT ?e WHERE { ?e <http://www.w3.org/2000/01/rdf-schema#label> ?name }",
                  {"name": evil}) == []
    with pytest.raises(UsageError):
        bind("SELECT * WHERE { ?s ?p ?o }", {"s": object()})
    with pytest.raises(ValueError):
        select(sample_store, "SELECT * WHERE { ?s ?p ?o }", {"s": URIRef("http://x/> } <y")})


def test_bind_finds_the_where_group_after_strings_and_templates():
    q = 'PREFIX p: <http://x/{}> # {comment\nCONSTRUCT { ?s p:q "{" } WHERE { ?s ?p ?o }'
    out = bind(q, {"o": "v"})
    assert " ".join(out.split()).endswith('WHERE { VALUES (?o) { ("v") } ?s ?p ?o }')


def test_open_store_refuses_a_missing_store(tmp_path):
    with pytest.raises(AbortRun):
        open_store(tmp_path / "nothing")


def test_store_is_read_only(sample_store):
    with pytest.raises((OSError, RuntimeError)):
        sample_store.update("DROP ALL")
