"""The embedded RDF store of the workspace: an on-disk Oxigraph store (pyoxigraph), no server.

``kg build`` writes it (``write_store``) from the same quads as the N-Quads export; readers open it
read-only (``open_store``) and ask SPARQL with values bound, never pasted (``query``/``select``).
Queries see the default graph as the union of all graphs (facts + per-document evidence graphs),
so a question never needs ``GRAPH`` unless it is about provenance graphs themselves.
"""

from __future__ import annotations

import hashlib
import shutil
from collections.abc import Iterable, Iterator, Mapping
from importlib.resources import files
from itertools import islice
from pathlib import Path
from typing import TYPE_CHECKING, Any

import pyoxigraph as ox
from rdflib import Graph

from graph.errors import AbortRun, UsageError
from graph.factset import FactSet
from graph.ox_terms import python_value, to_ox_quads
from graph.resources import resource
from graph.sparql_bind import bind
from graph.sparql_guard import check_query

if TYPE_CHECKING:
    from graph.void import FactCounts


#: Quads handed to the store at once: memory holds one chunk, not the graph.
CHUNK = 10_000


def chunked(items: Iterable[Any], size: int = CHUNK) -> Iterator[list[Any]]:
    """``items`` in lists of at most ``size``."""
    it = iter(items)
    while chunk := list(islice(it, size)):
        yield chunk


def fill_store(store: ox.Store, facts: FactSet) -> None:
    """Add the quads of ``facts`` and the VoID description to ``store``, streamed in chunks: the store
    removes duplicates and counts what the description counts, so nothing here holds every quad."""
    from graph.rdf import fact_quads
    from graph.void import void_quads

    for chunk in chunked(to_ox_quads(fact_quads(facts))):
        store.bulk_extend(chunk)
    store.bulk_extend(list(to_ox_quads(void_quads(facts, fact_counts(store)))))


def fact_counts(store: ox.Store) -> FactCounts:
    """What the VoID description counts (``graph.void.FactCounts``), asked of the store itself."""
    from rdflib import URIRef

    from graph.void import FactCounts

    def rows(sparql: str) -> list[Any]:
        return list(store.query(sparql))  # type: ignore[arg-type]

    every = "{ { ?s ?p ?o } UNION { GRAPH ?g { ?s ?p ?o } } }"
    entities = rows(f"SELECT (COUNT(DISTINCT ?s) AS ?n) WHERE {every}")[0]["n"]
    classes = rows("SELECT ?c (COUNT(*) AS ?n) WHERE { { ?s a ?c } UNION { GRAPH ?g { ?s a ?c } } } GROUP BY ?c")
    graphs = rows("SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return FactCounts(
        triples=len(store),
        entities=int(entities.value),
        classes={URIRef(r["c"].value): int(r["n"].value) for r in classes},
        per_graph={URIRef(r["g"].value): int(r["n"].value) for r in graphs},
    )


def store_key(facts_file: Path) -> str:
    """What a store written by ``write_store`` depends on: the facts (their kg-facts/1 file), the code of
    ``graph`` that turns them into quads, the ontology and pyoxigraph's version. Two builds with one key
    write the same store, so the second may copy the first's."""
    h = hashlib.sha256(f"pyoxigraph {ox.__version__}\0".encode())
    code = files("graph")
    for name in sorted(p.name for p in code.iterdir() if p.name.endswith(".py")):
        h.update(name.encode() + b"\0" + hashlib.sha256((code / name).read_bytes()).digest())
    h.update(hashlib.sha256(resource("ontology.ttl").read_bytes()).digest())
    with open(facts_file, "rb") as f:
        h.update(hashlib.file_digest(f, "sha256").digest())
    return h.hexdigest()


def write_store(facts: FactSet, path: Path) -> None:
    """Write ``facts`` (and the VoID description) into a new store at ``path``."""
    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    store = ox.Store(str(path))
    fill_store(store, facts)
    store.flush()
    store.optimize()
    del store


def memory_store(facts: FactSet) -> ox.Store:
    """``facts`` in an in-memory store (the exports of a fact set that is not in a workspace)."""
    store = ox.Store()
    fill_store(store, facts)
    return store


def open_store(path: Path) -> ox.Store:
    """The store at ``path``, read-only (several readers and processes may open it at once)."""
    if not Path(path).is_dir():
        raise AbortRun(f"no RDF store at {path}: run `kg build` first")
    try:
        return ox.Store.read_only(str(path))
    except (OSError, RuntimeError) as exc:  # RuntimeError: RocksDB found the files corrupt
        raise AbortRun(f"cannot open the RDF store at {path} ({exc}): run `kg build` again") from exc


def query(store: ox.Store, sparql: str, bindings: Mapping[str, Any] | None = None) -> Any:
    """Run ``sparql`` with ``bindings`` (variable name -> value). Returns pyoxigraph's result:
    solutions, a boolean or triples.

    Values are bound as RDF terms by ``graph.sparql_bind.bind`` (a VALUES block at the start of the
    WHERE group), never by pasting user text into the query. The query is parsed first and refused
    when it holds ``SERVICE`` (``graph.sparql_guard``): Oxigraph would send that request itself.
    """
    check_query(sparql)
    try:
        return store.query(bind(sparql, bindings), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UsageError(f"SPARQL syntax error: {exc}") from exc


def select(store: ox.Store, sparql: str, bindings: Mapping[str, Any] | None = None) -> list[dict[str, Any]]:
    """Rows of a SELECT query as dicts of plain values (unbound variables are ``None``)."""
    result = query(store, sparql, bindings)
    if not isinstance(result, ox.QuerySolutions):
        raise UsageError("select() needs a SELECT query")
    names = [v.value for v in result.variables]
    return [{n: python_value(row[n]) for n in names} for row in result]


def store_graph(store: ox.Store) -> Graph:
    """All triples of the store (every graph) as one rdflib ``Graph``, e.g. for SHACL validation."""
    data = ox.serialize((q.triple for q in store), format=ox.RdfFormat.N_TRIPLES)
    g = Graph()
    if data:
        g.parse(data=data, format="nt")
    return g


def triple_count(store: ox.Store) -> int:
    """Number of triples over all graphs (each triple of this project lives in exactly one graph)."""
    return len(store)
