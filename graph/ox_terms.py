"""Term conversions around pyoxigraph: rdflib terms and plain values in (the store, bound query values),
solution terms out as plain values (query rows)."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from decimal import Decimal
from functools import lru_cache
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from graph.errors import UsageError

Term = ox.NamedNode | ox.Literal | ox.BlankNode
_XSD = "http://www.w3.org/2001/XMLSchema#"
_INTS = {f"{_XSD}{t}" for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger")}
_FLOATS = {f"{_XSD}{t}" for t in ("double", "float")}


@lru_cache(maxsize=1 << 16)
def _named(iri: str) -> ox.NamedNode:
    """IRIs recur (classes, properties, the nodes of busy actors): each is converted once."""
    return ox.NamedNode(iri)


def to_ox(term: Any) -> Term:
    """An rdflib term (or a plain Python value) as a pyoxigraph term."""
    if isinstance(term, URIRef):
        return _named(str(term))
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


def to_ox_quads(quads: Iterable[tuple]) -> Iterator[ox.Quad]:
    """``graph.rdf`` quads (rdflib terms, graph ``None`` for the default graph) as pyoxigraph quads."""
    default = ox.DefaultGraph()
    for s, p, o, g in quads:
        # subject, predicate and graph are IRIs (rdflib URIRefs) by construction: the fast path
        yield ox.Quad(_named(str(s)) if type(s) is URIRef else to_ox(s),  # type: ignore[arg-type]
                      _named(str(p)), _named(str(o)) if type(o) is URIRef else to_ox(o),
                      default if g is None else _named(str(g)))


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
