"""``kg neo4j push`` and ``kg neo4j status``: sync the workspace graph to a Neo4j server, and look at it.

The connection comes from ``--uri --user --password`` or ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD`` (default ``bolt://localhost:7687``); see ``graph.neo4j_conn``.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import click

from graph import neo4j_sync
from graph.neo4j_conn import Neo4jSettings, connect
from graph.neo4j_rows import to_rows
from kg.cliutil import load_or_build, progress_bar, workspace_option
from kg.workspace import Workspace


def connection_options(f: Callable[..., Any]) -> Callable[..., Any]:
    for opt in reversed([
        click.option("--uri", default=None, help="Bolt URI (default: $NEO4J_URI or bolt://localhost:7687)."),
        click.option("--user", default=None, help="User (default: $NEO4J_USER or neo4j)."),
        click.option("--password", default=None, help="Password (default: $NEO4J_PASSWORD; none: no auth)."),
        click.option("--database", default=None, help="Database (default: $NEO4J_DATABASE or the server's)."),
    ]):
        f = opt(f)
    return f


@click.group("neo4j")
def command() -> None:
    """Push the graph to Neo4j and check what is there."""


@command.command("push")
@connection_options
@click.option("--batch-size", type=click.IntRange(min=1), default=neo4j_sync.BATCH_SIZE, show_default=True,
              help="Rows per UNWIND statement.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@workspace_option
def push(uri: str | None, user: str | None, password: str | None, database: str | None, batch_size: int,
         progress: bool | None, workspace: Path | None) -> None:
    """Sync the workspace graph to Neo4j (one transaction; removes what a rebuild dropped)."""
    settings = Neo4jSettings.resolve(uri, user, password, database)
    _, facts = load_or_build(workspace)
    with connect(settings) as driver, progress_bar(progress) as bar:
        report = neo4j_sync.push(driver, facts, database=settings.database, batch_size=batch_size,
                                 progress=bar)
    click.echo(f"pushed build {report.build} to {settings.uri}: {report.rows} rows in {report.batches} "
               f"batches, {report.seconds:.2f} s; {report.written_nodes} nodes written, "
               f"{report.unchanged_nodes} unchanged, {report.removed_nodes} removed "
               f"({report.removed_relationships} relationships) as gone from the workspace")


@command.command("status")
@connection_options
@workspace_option
def status(uri: str | None, user: str | None, password: str | None, database: str | None,
           workspace: Path | None) -> None:
    """Say what the server holds: nodes by label, relationships by type, the last push.

    When the workspace exists, also whether the server holds its current build."""
    settings = Neo4jSettings.resolve(uri, user, password, database)
    with connect(settings) as driver:
        st = neo4j_sync.status(driver, settings.database)
    if st.last_build is None:
        click.echo(f"{settings.uri}: nothing pushed yet (run `kg neo4j push`)")
    else:
        ws = Workspace(workspace)
        sync = ""
        if ws.exists():
            current = to_rows(ws.load()).build == st.last_build
            sync = f" ({'same as' if current else 'differs from'} the workspace {ws.path})"
        click.echo(f"{settings.uri}: last push {st.pushed_at}, build {st.last_build}{sync}")
    click.echo("nodes:         " + (", ".join(f"{k} {v}" for k, v in st.labels.items()) or "none"))
    click.echo("relationships: " + (", ".join(f"{k} {v}" for k, v in st.relationships.items()) or "none"))
