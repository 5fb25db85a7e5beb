"""The ``neo4j`` backend: the Cypher twins ``queries/cypher/<name>.cypher`` on a Neo4j server.

The server is the one of ``kg neo4j push`` (``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``; see
``graph.neo4j_conn``); it answers about the graph last pushed there. When that is not the
workspace's current graph, a warning says so (``kg neo4j push`` brings it up to date).

Every parameter the question declares is bound as ``$<variable>`` (``None`` when not given, which
the twins read as "any"); a ``FuzzyDate`` is bound as its value (``"2023-05"``). Rows follow the
contract of ``queries.backends``: the twins return ids, names and date value/precision columns.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from pathlib import Path
from typing import Any

import neo4j

from graph.errors import AbortRun
from graph.model import FuzzyDate
from graph.neo4j_conn import Neo4jSettings, open_driver, translated
from graph.neo4j_rows import to_rows
from graph.neo4j_sync import status
from queries.backends import GraphSource, Row, Warn, register
from queries.catalogue import Question

CYPHER_DIR = Path(__file__).resolve().parent / "cypher"


@cache
def twin_text(name: str) -> str:
    """The Cypher twin of question ``name``."""
    path = CYPHER_DIR / f"{name}.cypher"
    if not path.is_file():
        raise AbortRun(f"question {name!r} has no Cypher twin ({path.name}) for the neo4j backend")
    return path.read_text(encoding="utf-8")


def _value(value: Any) -> Any:
    return value.value if isinstance(value, FuzzyDate) else value


def _plain(value: Any) -> Any:
    """Driver values as the row contract wants them (temporal values as ISO strings)."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if hasattr(value, "iso_format"):
        return value.iso_format()
    return value


class Neo4jBackend:
    name = "neo4j"

    def __init__(self, driver: neo4j.Driver, settings: Neo4jSettings) -> None:
        self.driver = driver
        self.settings = settings

    @classmethod
    def for_source(cls, source: GraphSource, warn: Warn) -> Neo4jBackend:
        settings = Neo4jSettings.resolve()
        backend = cls(open_driver(settings), settings)
        backend.warn_if_stale(source, warn)
        return backend

    def warn_if_stale(self, source: GraphSource, warn: Warn) -> None:
        with translated(self.settings):
            last = status(self.driver, self.settings.database).last_build
        if last is None:
            warn(f"nothing pushed to {self.settings.uri} yet: run `kg neo4j push`")
        elif source.exists() and to_rows(source.load()).build != last:
            warn(f"{self.settings.uri} holds another build than the workspace {source.path}: run `kg neo4j push`")

    def run(self, question: Question, params: Mapping[str, Any]) -> list[Row]:
        bound = {p.variable: None for p in question.params}
        bound |= {question.param(k).variable: _value(v) for k, v in params.items()}
        with translated(self.settings):
            records = self.driver.execute_query(
                twin_text(question.name), bound, database_=self.settings.database,
                routing_=neo4j.RoutingControl.READ,
            ).records
        return [{k: _plain(v) for k, v in rec.items()} for rec in records]

    def close(self) -> None:
        self.driver.close()


register("neo4j", Neo4jBackend.for_source)
