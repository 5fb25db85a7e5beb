"""``kg serve`` and the SPARQL 1.1 Protocol: the request's dataset, the service description, the query
page, CORS; against a real server over loopback (the page in a real headless Chromium)."""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import urlencode

import httpx
import pytest
from rdflib import Graph, Namespace, URIRef

from graph import vocab
from tests.kg.serve_helpers import count, running_server

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
PARTNER = "https://partner.example"
GRAPHS = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY DESC(?n)"
COUNT_IN = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"


@pytest.fixture(scope="module")
def server(built_workspace, tmp_path_factory):
    log = tmp_path_factory.mktemp("serve") / "serve.log"
    with running_server(built_workspace.path, log, "--workers", "2", "--cors-origin", PARTNER) as srv:
        yield srv


def _n(r: httpx.Response) -> int:
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


@pytest.fixture(scope="module")
def graphs(server) -> list[tuple[str, int]]:
    r = httpx.get(server.url, params={"query": GRAPHS})
    rows = r.json()["results"]["bindings"]
    return [(row["g"]["value"], int(row["n"]["value"])) for row in rows]


def test_default_graph_uri_scopes_the_query_in_every_form(server, graphs):
    (g1, n1), (g2, n2) = graphs[:2]
    total = count(server.url)
    assert n1 < total
    ask = {"Accept": "application/sparql-results+json"}
    form = httpx.post(server.url, data={"query": COUNT_IN, "default-graph-uri": g1}, headers=ask)
    url = httpx.get(server.url, params={"query": COUNT_IN, "default-graph-uri": g1}, headers=ask)
    direct = httpx.post(server.url, params={"default-graph-uri": g1}, content=COUNT_IN,
                        headers=ask | {"Content-Type": "application/sparql-query"})
    assert _n(form) == _n(url) == _n(direct) == n1
    body = urlencode([("query", COUNT_IN), ("default-graph-uri", g1), ("default-graph-uri", g2)])
    both = httpx.post(server.url, content=body, headers=ask | {"Content-Type": "application/x-www-form-urlencoded"})
    assert _n(both) == n1 + n2


def test_named_graph_uri_gives_the_named_graphs_and_an_empty_default(server, graphs):
    (g1, n1), (g2, _) = graphs[:2]
    q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }"
    r = httpx.post(server.url, data={"query": q, "named-graph-uri": g1})
    assert _n(r) == n1
    r = httpx.post(server.url, data={"query": COUNT_IN, "named-graph-uri": g1})
    assert _n(r) == 0
    # the protocol's dataset overrides the query's FROM
    r = httpx.post(server.url, data={"query": f"SELECT (COUNT(*) AS ?n) FROM <{g2}> WHERE {{ ?s ?p ?o }}",
                                     "default-graph-uri": g1})
    assert _n(r) == n1


def test_the_querys_own_from_is_honoured(server, graphs):
    g1, n1 = graphs[0]
    r = httpx.get(server.url, params={"query": f"SELECT (COUNT(*) AS ?n) FROM <{g1}> WHERE {{ ?s ?p ?o }}"})
    assert _n(r) == n1


def test_a_bad_graph_iri_is_a_400(server):
    r = httpx.post(server.url, data={"query": COUNT_IN, "default-graph-uri": "not an iri"})
    assert r.status_code == 400 and "default-graph-uri" in r.text


@pytest.mark.parametrize("accept, fmt", [("", "turtle"), ("text/turtle", "turtle"),
                                         ("application/ld+json", "json-ld"), ("application/rdf+xml", "xml")])
def test_get_without_a_query_is_the_service_description(server, graphs, accept, fmt):
    r = httpx.get(server.url, headers={"Accept": accept} if accept else {})
    assert r.status_code == 200, r.text
    g = Graph().parse(data=r.text, format=fmt)
    service = URIRef(server.url)
    assert (service, SD.endpoint, service) in g
    assert (service, SD.supportedLanguage, SD.SPARQL11Query) in g
    assert (service, SD.feature, SD.UnionDefaultGraph) in g
    names = set(g.objects(None, SD.name))
    assert {URIRef(name) for name, _ in graphs} == names
    assert (vocab.dataset_iri(), URIRef("http://rdfs.org/ns/void#sparqlEndpoint"), service) in g
    assert httpx.get(server.url, params={"query": ""}).status_code == 400  # an empty query is no description


def test_cors_for_the_configured_origin_only(server, tmp_path, built_workspace):
    pre = httpx.options(server.url, headers={"Origin": PARTNER, "Access-Control-Request-Method": "POST",
                                             "Access-Control-Request-Headers": "content-type"})
    assert pre.status_code == 200 and pre.headers["access-control-allow-origin"] == PARTNER
    assert "POST" in pre.headers["access-control-allow-methods"]
    r = httpx.get(server.url, params={"query": "ASK {}"}, headers={"Origin": PARTNER})
    assert r.headers["access-control-allow-origin"] == PARTNER
    other = httpx.get(server.url, params={"query": "ASK {}"}, headers={"Origin": "https://elsewhere.example"})
    assert "access-control-allow-origin" not in other.headers


def test_cors_is_off_by_default(built_workspace, tmp_path):
    with running_server(built_workspace.path, tmp_path / "serve.log", "--workers", "1") as srv:
        r = httpx.get(srv.url, params={"query": "ASK {}"}, headers={"Origin": PARTNER})
        assert r.status_code == 200 and "access-control-allow-origin" not in r.headers
        pre = httpx.options(srv.url, headers={"Origin": PARTNER, "Access-Control-Request-Method": "POST"})
        assert "access-control-allow-origin" not in pre.headers


def test_the_query_page_is_self_contained(server):
    r = httpx.get(server.url.removesuffix("sparql"))
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/html")
    assert "<textarea" in r.text and "Evidence of a fact" in r.text
    assert not re.search(r"""(src|href)\s*=|@import|url\(""", r.text)  # nothing loaded from anywhere


CHROMIUM = Path("/usr/bin/chromium")


@pytest.mark.browser
def test_the_query_page_runs_a_catalogue_question_offline(server):
    if not CHROMIUM.exists():
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail("KG_REQUIRE_BROWSER=1 but /usr/bin/chromium is absent")
        pytest.skip("no /usr/bin/chromium")
    from playwright.sync_api import sync_playwright

    from tests.graph.test_viz_browser import ARGS

    home = server.url.removesuffix("sparql")
    outside: list[str] = []
    errors: list[str] = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        tab = browser.new_page()
        tab.route("**/*", lambda route: route.continue_() if route.request.url.startswith(home)
                  else (outside.append(route.request.url), route.abort()))
        tab.on("pageerror", lambda e: errors.append(str(e)))
        tab.goto(home)
        tab.select_option("#examples", label="Media closures")
        assert "SELECT" in tab.input_value("#query")
        tab.click("#run")
        tab.wait_for_function("document.querySelectorAll('#results tbody tr').length > 0", timeout=20000)
        headers = tab.eval_on_selector_all("#results th", "els => els.map(e => e.textContent)")
        status = tab.text_content("#status")
        tab.fill("#query", "SELECT * WHERE { SERVICE <http://127.0.0.1:9/> { ?s ?p ?o } }")
        tab.click("#run")
        tab.wait_for_function("document.querySelector('#status').className === 'error'", timeout=20000)
        refused = tab.text_content("#status")
        browser.close()
    assert headers and "rows" in status
    assert "400" in refused and "SERVICE" in refused
    assert outside == [] and errors == []
