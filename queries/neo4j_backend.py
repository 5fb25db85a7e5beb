"""The ``neo4j`` backend: the Cypher twins ``queries/cypher/<name>.cypher`` on a Neo4j server.

The server is the one of ``kg neo4j push`` (``--uri --user --password --database`` of ``kg ask``, or
``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``, ``NEO4J_DATABASE``; see ``graph.neo4j_conn``); it
answers about the graph last pushed there. Before answering, the backend recomputes the fingerprint of
that graph (``graph.neo4j_sync.holding``): when it is another build than the workspace's, a warning
says so (``kg neo4j push`` brings it up to date); when it is not even the graph its last push
recorded (changed by hand since, or written by interleaved pushes of an older version), it refuses.

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
from graph.neo4j_sync import holding
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
    def for_source(cls, source: GraphSource, warn: Warn, **options: Any) -> Neo4jBackend:
        """``options``: ``uri``, ``user``, ``password``, ``database`` (over the environment)."""
        settings = Neo4jSettings.resolve(**options)
        backend = cls(open_driver(settings), settings)
        try:
            backend.check_graph(source, warn)
        except BaseException:
            backend.close()
            raise
        return backend

    def check_graph(self, source: GraphSource, warn: Warn) -> None:
        """Warn when the server holds another graph than the workspace's; refuse a graph that is not
        what its last push wrote."""
        rows = to_rows(source.load()) if source.exists() else None
        with translated(self.settings):
            held = holding(self.driver, rows, self.settings.database)
        where = self.settings.uri + (f" (database {self.settings.database})" if self.settings.database else "")
        if held.state == "inconsistent":
            raise AbortRun(f"Neo4j at {where} does not hold the graph its last push (build {held.last_build}) "
                           "wrote: it changed since; run `kg neo4j push` to rewrite it")
        if held.state == "empty":
            warn(f"nothing pushed to {where} yet: run `kg neo4j push`")
        elif held.state == "other" and rows is not None:
            warn(f"{where} holds build {held.last_build}, not the workspace's {rows.build} ({source.path}): "
                 "the answer is about that graph; run `kg neo4j push` to answer from the workspace's")

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
