"""``kg serve``: the SPARQL endpoint, tested over real HTTP against a running server."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor

import httpx
import pytest

from graph.exporters import render
from tests.conftest import ROOT
from tests.recording_server import SECRET, bypass_queries, recording_server

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: A cross product of four triple patterns, sorted: far longer than the 1.5 s limit on any graph here.
SLOW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"
#: Two patterns: a result far above the 20 kB limit.
LARGE = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f }"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="module")
def endpoint(built_workspace):
    port = _free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--workspace", str(built_workspace.path), "--port", str(port),
           "--workers", "3", "--timeout", "1.5", "--max-bytes", "20000"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ), stderr=subprocess.PIPE)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    while True:
        try:
            if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                break
        except httpx.TransportError:
            pass
        if proc.poll() is not None or time.monotonic() > deadline:
            proc.kill()
            pytest.fail(f"kg serve did not start: {proc.stderr.read().decode() if proc.stderr else ''}")
        time.sleep(0.2)
    yield url
    proc.terminate()
    proc.wait(10)


def _count(url: str) -> int:
    r = httpx.get(url, params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"})
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])


def test_count_equals_the_export(endpoint, corpus_facts):
    assert _count(endpoint) == len(render(corpus_facts, "ntriples").splitlines())


def test_get_and_post(endpoint):
    form = httpx.post(endpoint, data={"query": "ASK { ?s ?p ?o }"})
    direct = httpx.post(endpoint, content="ASK { ?s ?p ?o }", headers={"Content-Type": "application/sparql-query"})
    assert form.status_code == direct.status_code == 200
    assert form.json()["boolean"] is True and direct.json()["boolean"] is True


def test_updates_are_refused_and_change_nothing(endpoint):
    before = _count(endpoint)
    for r in (
        httpx.post(endpoint, data={"update": "DROP ALL"}),
        httpx.post(endpoint, content="DROP ALL", headers={"Content-Type": "application/sparql-update"}),
        httpx.get(endpoint, params={"update": "DROP ALL"}),
        httpx.get(endpoint, params={"query": "DROP ALL"}),
        httpx.post(endpoint, data={"query": "CLEAR DEFAULT"}),
    ):
        assert 400 <= r.status_code < 500, r.text
    assert _count(endpoint) == before > 0


def test_service_is_refused_and_nothing_reaches_out(endpoint):
    with recording_server() as rec:
        for q in bypass_queries(rec.url):
            for r in (httpx.get(endpoint, params={"query": q}),
                      httpx.post(endpoint, data={"query": q}),
                      httpx.post(endpoint, content=q, headers={"Content-Type": "application/sparql-query"})):
                assert r.status_code == 400, (q, r.text)
                assert SECRET not in r.text
        assert rec.hits == []


@pytest.mark.parametrize("query", [
    'ASK { FILTER("SERVICE" != "x") }',
    "SELECT ?service WHERE { ?service a ?t } LIMIT 1",
    "PREFIX sd: <http://www.w3.org/ns/sparql-service-description#>\nSELECT ?s WHERE { ?s a sd:Service }",
])
def test_ordinary_queries_naming_service_are_answered(endpoint, query):
    r = httpx.get(endpoint, params={"query": query})
    assert r.status_code == 200, r.text


@pytest.mark.parametrize("accept, media, marker", [
    ("application/sparql-results+json", "application/sparql-results+json", '"vars"'),
    ("application/sparql-results+xml", "application/sparql-results+xml", "<sparql"),
    ("text/csv", "text/csv", "s\r\n"),
    ("text/tab-separated-values", "text/tab-separated-values", "?s\n"),
    ("text/html;q=0.9, text/csv;q=0.5", "text/csv", "s\r\n"),
])
def test_select_formats(endpoint, accept, media, marker):
    r = httpx.get(endpoint, params={"query": "SELECT ?s WHERE { ?s a ?t } LIMIT 2"}, headers={"Accept": accept})
    assert r.status_code == 200
    assert r.headers["content-type"].startswith(media)
    assert marker in r.text


@pytest.mark.parametrize("media", ["text/turtle", "application/ld+json"])
def test_construct_formats(endpoint, media):
    r = httpx.get(endpoint, params={"query": "CONSTRUCT WHERE { ?s a ?t } LIMIT 3"}, headers={"Accept": media})
    assert r.status_code == 200 and r.headers["content-type"].startswith(media)
    from rdflib import Graph

    assert len(Graph().parse(data=r.text, format="turtle" if media == "text/turtle" else "json-ld")) == 3


def test_unacceptable_format(endpoint):
    r = httpx.get(endpoint, params={"query": "ASK {}"}, headers={"Accept": "image/png"})
    assert r.status_code == 406


def test_fifty_concurrent_clients(endpoint):
    expected = _count(endpoint)

    def client(i: int) -> int:
        with httpx.Client(timeout=60) as c:
            if i % 2:
                r = c.get(endpoint, params={"query": COUNT}, headers={"Accept": "text/csv"})
                return int(r.text.split()[1]) if r.status_code == 200 else -r.status_code
            r = c.post(endpoint, data={"query": COUNT})
            return int(r.json()["results"]["bindings"][0]["n"]["value"]) if r.status_code == 200 else -r.status_code

    with ThreadPoolExecutor(50) as pool:
        results = list(pool.map(client, range(50)))
    assert results == [expected] * 50


def test_slow_query_is_stopped_without_blocking_others(endpoint):
    with ThreadPoolExecutor(2) as pool:
        start = time.monotonic()
        slow = pool.submit(httpx.get, endpoint, params={"query": SLOW}, timeout=30)
        time.sleep(0.2)
        fast_start = time.monotonic()
        assert _count(endpoint) > 0
        fast_time = time.monotonic() - fast_start
        r = slow.result()
    assert r.status_code == 503 and "time limit" in r.text
    assert fast_time < 1.0
    assert time.monotonic() - start < 10
    assert _count(endpoint) > 0  # the replacement worker answers


def test_result_size_limit(endpoint):
    r = httpx.get(endpoint, params={"query": LARGE})
    assert r.status_code == 413 and "limit" in r.text
    assert httpx.get(endpoint, params={"query": LARGE + " LIMIT 5"}).status_code == 200

