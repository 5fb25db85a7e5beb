"""The ``sparql`` backend: the catalogue's ``.rq`` files over the workspace's embedded Oxigraph store.

Values are bound by ``graph.rdf_store.select`` (as RDF terms, never pasted into the text); ids are
bound as plain literals, matched against ``dcterms:identifier``, so the same values serve the Cypher
twins (``$law`` against ``n.id``).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import pyoxigraph as ox

from graph.model import FuzzyDate
from graph.rdf import date_literal
from graph.rdf_store import open_store, select
from queries.backends import GraphSource, Row, Warn, register
from queries.catalogue import Question


def _term(value: Any) -> Any:
    if isinstance(value, FuzzyDate):
        return date_literal(value)
    return value


class SparqlBackend:
    name = "sparql"

    def __init__(self, store: ox.Store) -> None:
        self.store = store

    @classmethod
    def for_source(cls, source: GraphSource, warn: Warn) -> SparqlBackend:
        return cls(open_store(source.store_path))

    def run(self, question: Question, params: Mapping[str, Any]) -> list[Row]:
        bindings = {question.param(k).variable: _term(v) for k, v in params.items() if v is not None}
        return select(self.store, question.text, bindings)

    def close(self) -> None:
        self.store = None  # type: ignore[assignment]


register("sparql", SparqlBackend.for_source)
