"""Backends that answer the named questions, registered by name, and the row contract they share.

A backend is anything with ``run(question, params) -> list[dict]`` and ``close()``. Each lives in a
module ``queries/<name>_backend.py`` that registers a factory in one line::

    register("neo4j", Neo4jBackend.for_source)   # (source, warn) -> Backend

``open_backend(name, source)`` imports ``queries.<name>_backend`` on first use, so nothing else
has to know a backend exists. The source is anything with the ``GraphSource`` shape (the CLI's
workspace is one); the questions never import the CLI.

Row contract (every backend returns the same rows for the same graph, so the same post-processing in
``queries.answer`` turns them into answers):

- The columns are the query's projected variables, by name: ``SELECT ?amendment ?law_name`` in the
  ``.rq`` file, ``RETURN a.id AS amendment, l.name AS law_name`` in its Cypher twin. Every row has
  every column; a missing value is ``None``.
- A fact (entity, event, membership, document) is its kg-facts/1 id string, e.g.
  ``event/amendment-1a2b3c4d`` or ``party/candlelight-party``; never an IRI or a node id.
- A date is two columns, ``<x>_date`` (``"2017-03"``, the kg-facts/1 value) and ``<x>_precision``
  (``"month"``); an unknown date has both ``None``.
- Texts are ``str``, offsets and counts ``int``.
- Row order means nothing (post-processing sorts); duplicate rows are allowed.

``params`` passed to ``run`` hold only values bound into the query, by parameter name: a fact or
entity id (``str``), a ``FuzzyDate``, an ``int`` or a ``str``. The backend binds them as query
parameters (SPARQL terms, Cypher ``$name``), never into the query text. A declared parameter absent
from ``params`` is unbound and matches anything (a Cypher twin receives it as ``null`` and tests
``$law IS NULL OR l.id = $law``); e.g. ``evidence`` without ``fact`` returns every passage, which
the post-processing uses to fetch the evidence of a large answer in one query.
"""

from __future__ import annotations

import importlib
import pkgutil
import sys
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

import queries
from graph.errors import UsageError
from queries.catalogue import Question

if TYPE_CHECKING:  # `kg ask --list` and `--help` list the backends without the fact model
    from graph.factset import FactSet

Row = dict[str, Any]


class Backend(Protocol):
    name: str

    def run(self, question: Question, params: Mapping[str, Any]) -> list[Row]:
        """The rows of ``question`` with ``params`` bound (see the row contract above)."""
        ...

    def close(self) -> None: ...


class GraphSource(Protocol):
    """Where a backend finds the graph: a built workspace (``kg.workspace.Workspace`` has this shape)."""

    @property
    def path(self) -> Path: ...

    @property
    def store_path(self) -> Path: ...

    def exists(self) -> bool: ...

    def load(self) -> FactSet: ...


Warn = Callable[[str], None]
"""Where a backend says what a user should know but that does not stop the answer."""


def warn_on_stderr(message: str) -> None:
    print(f"warning: {message}", file=sys.stderr)


BackendFactory = Callable[..., Backend]  # (source, warn, **options) -> Backend
_REGISTRY: dict[str, BackendFactory] = {}


def register(name: str, factory: BackendFactory) -> BackendFactory:
    """Make ``factory`` the backend called ``name`` (the one line a backend module needs)."""
    _REGISTRY[name] = factory
    return factory


def available() -> list[str]:
    """Names of the registered backends and of the ``queries/<name>_backend.py`` modules."""
    found = {m.name[: -len("_backend")] for m in pkgutil.iter_modules(queries.__path__)
             if m.name.endswith("_backend")}
    return sorted(found | set(_REGISTRY))


def open_backend(name: str, source: GraphSource, warn: Warn = warn_on_stderr,
                 options: Mapping[str, Any] | None = None) -> Backend:
    """An open backend called ``name`` on ``source`` (``UsageError`` when there is none); ``options``
    go to its factory as keyword arguments (e.g. the connection of ``neo4j``)."""
    if name not in _REGISTRY and name in available():
        importlib.import_module(f"queries.{name}_backend")
    if name not in _REGISTRY:
        raise UsageError(f"unknown backend {name!r} (known: {', '.join(available())})")
    return _REGISTRY[name](source, warn, **(options or {}))


def date_columns(row: Mapping[str, Any], prefix: str) -> tuple[str | None, str | None]:
    """``(value, precision)`` of the date in columns ``<prefix>_date`` and ``<prefix>_precision``."""
    return row.get(f"{prefix}_date"), row.get(f"{prefix}_precision")
