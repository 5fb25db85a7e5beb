"""Term conversions around pyoxigraph: rdflib terms and plain values in (the store, bound query values),
solution terms out as plain values (query rows)."""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal
from typing import Any

import pyoxigraph as ox
from rdflib import Literal, URIRef

from graph.errors import UsageError

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
        # subject, predicate and graph are IRIs or blank nodes by construction
        yield ox.Quad(to_ox(s), to_ox(p), to_ox(o), to_ox(g) if g is not None else default)  # type: ignore[arg-type]


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
