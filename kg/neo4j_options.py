"""The Neo4j connection options, the same for ``kg neo4j push|status`` and ``kg ask --backend neo4j``.

``--uri --user --password --database`` win over ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD``,
``NEO4J_DATABASE`` (resolved by ``graph.neo4j_conn.Neo4jSettings.resolve``). The decorated command
receives them as one argument, ``neo4j_options``: a dict of the flags given, ready for
``Neo4jSettings.resolve(**neo4j_options)``. This module imports no driver, so ``kg ask`` on the
default backend does not pay for it.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import Any

import click

NAMES = ("uri", "user", "password", "database")


def connection_options(f: Callable[..., Any]) -> Callable[..., Any]:
    """Add the four options to a click command; it gets ``neo4j_options`` (the flags given) instead."""

    @functools.wraps(f)
    def command(*args: Any, **kwargs: Any) -> Any:
        given = {name: kwargs.pop(name) for name in NAMES}
        return f(*args, neo4j_options={k: v for k, v in given.items() if v is not None}, **kwargs)

    for opt in reversed([
        click.option("--uri", default=None, help="Neo4j Bolt URI (default: $NEO4J_URI or bolt://localhost:7687)."),
        click.option("--user", default=None, help="Neo4j user (default: $NEO4J_USER or neo4j)."),
        click.option("--password", default=None, help="Neo4j password (default: $NEO4J_PASSWORD; none: no auth)."),
        click.option("--database", default=None, help="Neo4j database (default: $NEO4J_DATABASE or the server's)."),
    ]):
        command = opt(command)
    return command
