"""Deciding whether a SPARQL text may be evaluated, on its parsed algebra, never on its characters.

A query is evaluated only when rdflib's SPARQL parser reads it and its algebra holds no
``ServiceGraphPattern`` (``SERVICE <iri> {...}``, ``SERVICE ?var {...}``, ``SERVICE SILENT``, inside
``EXISTS``, subqueries or ``OPTIONAL``): federated queries would make this machine send requests to
any address a client names. Text the parser cannot read is refused too (fail closed), so escapes
such as ``ex:a\\#b`` cannot hide a ``SERVICE`` clause from the decision. Words that merely contain
"service" (``?service``, ``sd:Service``, a string) are ordinary terms of the algebra and pass.

Only rdflib's parser and algebra translation run here, never its evaluator (whose ``SERVICE``
support would send the request). The query workers of ``kg serve`` also cannot open internet
sockets at all (``graph.no_network``), so a parser disagreement could not make a request either.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from graph.errors import UsageError

SERVICE_REFUSED = "SERVICE (federated query) is refused: this endpoint makes no outbound requests"


class QueryRefused(UsageError):
    """A SPARQL text that will not be evaluated (unreadable, an update, or a federated query)."""


@dataclass(frozen=True)
class ReadQuery:
    """What the evaluation needs to know of a query that passed the check."""

    names_dataset: bool
    """The query has ``FROM``/``FROM NAMED`` (then its own dataset applies, not the union default graph)."""


def _nodes(root: Any) -> Iterator[Any]:
    """Every node of an rdflib algebra tree, depth first, without recursion (trees can be deep)."""
    stack, seen = [root], set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        yield node
        if isinstance(node, dict):
            stack.extend(node.values())
        elif isinstance(node, list | tuple | set | frozenset):
            stack.extend(node)


def algebra(query: str) -> Any:
    """rdflib's algebra of ``query``; :class:`QueryRefused` when the text is no readable query."""
    from pyparsing import ParseBaseException
    from rdflib.plugins.sparql.algebra import translateQuery
    from rdflib.plugins.sparql.parser import parseQuery

    try:
        return translateQuery(parseQuery(query)).algebra
    except RecursionError:
        raise QueryRefused("the query is nested too deeply to be read (too many nested { } or ( ))") from None
    except ParseBaseException as exc:
        raise QueryRefused(f"SPARQL syntax error (or not a query): {exc}") from None
    except Exception as exc:  # noqa: BLE001 - rdflib's translation raises plain exceptions on invalid queries
        raise QueryRefused(f"the query cannot be read: {exc.__class__.__name__}: {exc}") from None


def _read(query: str) -> ReadQuery:
    from rdflib.plugins.sparql.parserutils import CompValue

    tree = algebra(query)
    if any(isinstance(n, CompValue) and n.name == "ServiceGraphPattern" for n in _nodes(tree)):
        raise QueryRefused(SERVICE_REFUSED)
    return ReadQuery(names_dataset=bool(tree.get("datasetClause")))


def uses_service(query: str) -> bool:
    """True when the parsed query holds a ``SERVICE`` pattern anywhere."""
    try:
        _read(query)
    except QueryRefused as exc:
        if str(exc) == SERVICE_REFUSED:
            return True
        raise
    return False


def check_query(query: str) -> ReadQuery:
    """What the evaluation needs to know of ``query``; :class:`QueryRefused` unless it is a readable
    query without ``SERVICE``."""
    if len(query) <= _CACHED_LENGTH:
        return _check_short(query)
    return _read(query)


_CACHED_LENGTH = 20_000


@lru_cache(maxsize=128)
def _check_short(query: str) -> ReadQuery:
    """``check_query`` remembered for short texts (the catalogue's questions are asked again and again)."""
    return _read(query)
