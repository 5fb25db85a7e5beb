"""The embedded RDF store of the workspace: an on-disk Oxigraph store (pyoxigraph), no server.

``kg build`` writes it (``write_store``) from the same quads as the N-Quads export; readers open it
read-only (``open_store``) and ask SPARQL with values bound, never pasted (``query``/``select``).
Queries see the default graph as the union of all graphs (facts + per-document evidence graphs),
so a question never needs ``GRAPH`` unless it is about provenance graphs themselves.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Mapping
from decimal import Decimal
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from rdflib import Graph, Literal, URIRef

from graph.factset import FactSet
from graph.sparql_bind import bind
from kg.errors import AbortRun, UsageError

Term = ox.NamedNode | ox.Literal | ox.BlankNode
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_FLOATS = {f"{_XSD}{t}" for t in ("double", "float")}


def to_ox(term: Any) -> Term:
    """An rdflib term (or a plain Python value) as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, Literal):
        if term.language:
            return ox.Literal(str(term), language=term.language)
        if term.datatype:
            return ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype)))
        return ox.Literal(str(term))
    if isinstance(term, ox.NamedNode | ox.Literal | ox.BlankNode):
        return term
    if isinstance(term, bool | int | float | Decimal | str):
        return to_ox(Literal(term))
    raise UsageError(f"cannot bind a value of type {type(term).__name__} in a query")


def to_ox_quads(quads: Iterable[tuple]) -> Iterable[ox.Quad]:
    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g) if g is not None else default)


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
    WHERE group), never by pasting user text into the query.
    """
    try:
        return store.query(bind(sparql, bindings), use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise UsageError(f"SPARQL syntax error: {exc}") from exc


def python_value(term: Term | None) -> Any:
    """A solution term as a plain value: IRI -> str, numbers -> int/float, booleans -> bool."""
    if term is None:
        return None
    if isinstance(term, ox.Literal):
        dt = term.datatype.value
        if dt in _INTS:
            return int(term.value)
        if dt in _FLOATS or dt == f"{_XSD}decimal":
            return float(term.value)
        if dt == f"{_XSD}boolean":
            return term.value in ("true", "1")
        return term.value
    return term.value


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
