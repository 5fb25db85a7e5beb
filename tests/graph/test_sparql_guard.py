"""The SERVICE refusal, decided on rdflib's parsed algebra (``graph.sparql_guard``), and the kg ask path."""

from __future__ import annotations

import pytest

from graph.rdf_store import open_store, select
from graph.sparql_guard import QueryRefused, check_query, uses_service
from queries.catalogue import SPARQL_DIR
from tests.recording_server import SECRET, bypass_queries, recording_server

URL = "http://127.0.0.1:9/sparql"


@pytest.mark.parametrize("query", bypass_queries(URL))
def test_every_spelling_of_service_is_refused(query):
    with pytest.raises(QueryRefused):
        check_query(query)


@pytest.mark.parametrize("query", [
    "SELECT ?service WHERE { ?service a ?t }",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\n"
    "SELECT ?s WHERE { ?s a sd:Service ; sd:endpoint ?e }",
    'ASK { FILTER("SERVICE <http://x/> { }" != "x") }',
    "SELECT ?s WHERE { ?s ?p ?o } # SERVICE <http://x/> { ?a ?b ?c }",
    "PREFIX service: <http://example.org/service/>\nSELECT ?s WHERE { ?s service:of ?o }",
])
def test_ordinary_queries_with_the_word_service_pass(query):
    check_query(query)
    assert not uses_service(query)


def test_unreadable_and_deeply_nested_text_is_refused():
    with pytest.raises(QueryRefused, match="syntax"):
        check_query("DROP ALL")
    with pytest.raises(QueryRefused, match="nested too deeply"):
        check_query("SELECT * WHERE " + "{" * 5000 + " ?s ?p ?o " + "}" * 5000)


def test_every_catalogue_question_is_read():
    for path in sorted(SPARQL_DIR.glob("*.rq")):
        check_query(path.read_text(encoding="utf-8"))


def test_the_ask_path_never_reaches_out(built_workspace):
    store = open_store(built_workspace.store_path)
    with recording_server() as rec:
        for query in bypass_queries(rec.url):
            with pytest.raises(QueryRefused) as refused:
                select(store, query)
            assert SECRET not in str(refused.value)
        assert rec.hits == []
