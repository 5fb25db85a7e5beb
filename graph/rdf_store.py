"""The embedded RDF store of the workspace: an on-disk Oxigraph store (pyoxigraph), no server.

``kg build`` writes it (``write_store``) from the same quads as the N-Quads export; readers open it
read-only (``open_store``) and ask SPARQL with values bound, never pasted (``query``/``select``).
Queries see the default graph as the union of all graphs (facts + per-document evidence graphs),
so a question never needs ``GRAPH`` unless it is about provenance graphs themselves.
"""

from __future__ import annotations

import shutil
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph

from graph.errors import AbortRun, UsageError
from graph.factset import FactSet
from graph.ox_terms import python_value, to_ox_quads
from graph.sparql_bind import bind
from graph.sparql_guard import check_query


def write_store(facts: FactSet, path: Path) -> None:
    """Write ``facts`` (and the VoID description) into a new store at ``path``."""
    from graph.rdf import quads

    if path.exists():
        shutil.rmtree(path)
    path.mkdir(parents=True)
    store = ox.Store(str(path))
    store.bulk_extend(to_ox_quads(quads(facts)))
    store.flush()
    store.optimize()
    del store


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
