"""``kg neo4j push`` and ``kg neo4j status``: sync the workspace graph to a Neo4j server, and look at it.

The connection comes from ``--uri --user --password --database`` or ``NEO4J_URI``, ``NEO4J_USER``,
``NEO4J_PASSWORD``, ``NEO4J_DATABASE`` (default ``bolt://localhost:7687``); see ``graph.neo4j_conn``.

A push is a sync: it removes what the workspace no longer holds. ``--dry-run`` says what it would
write and remove; a push that would remove more than ``--confirm-above`` percent of the pushed graph
(another workspace, a rebuild that lost most documents) asks first on a terminal and refuses
elsewhere, unless ``--yes``.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

import click

from graph import neo4j_sync
from graph.errors import AbortRun
from graph.neo4j_conn import Neo4jSettings, connect
from graph.neo4j_plan import Removal
from graph.neo4j_rows import to_rows
from kg.cliutil import load_or_build, progress_bar, workspace_option
from kg.neo4j_options import connection_options
from kg.workspace import Workspace

#: Percent of the pushed graph a push may remove without asking.
CONFIRM_ABOVE = 10.0
#: Removed nodes a dry run names (the summary counts them all).
LISTED = 100


class NeedsConfirmation(Exception):
    """The push would remove more than the threshold: ask (the push's transaction has rolled back)."""

    def __init__(self, removal: Removal) -> None:
        super().__init__(f"would remove {len(removal.nodes)} nodes")
        self.removal = removal


class RemovalGuard:
    """The ``approve`` of a push: lets a removal through when it is small, confirmed, or ``--yes``."""

    def __init__(self, share: float, yes: bool) -> None:
        self.share, self.yes = share, yes
        self.confirmed: set[tuple[str, str]] | None = None

    def __call__(self, removal: Removal) -> None:
        if self.yes or removal.share <= self.share:
            return
        if self.confirmed is None:
            raise NeedsConfirmation(removal)
        if not set(removal.nodes) <= self.confirmed:
            raise AbortRun("the graph in Neo4j changed while you were asked (another push?): nothing written; "
                           "run `kg neo4j push` again")


def describe(removal: Removal) -> str:
    labels = ", ".join(f"{label} {n}" for label, n in removal.by_label().items())
    return (f"{len(removal.nodes)} of the {removal.held} pushed nodes ({removal.share:.0%})"
            + (f": {labels}" if labels else ""))


@click.group("neo4j")
def command() -> None:
    """Push the graph to Neo4j and check what is there."""


@command.command("push")
@connection_options
@click.option("--batch-size", type=click.IntRange(min=1), default=neo4j_sync.BATCH_SIZE, show_default=True,
              help="Rows per UNWIND statement.")
@click.option("--dry-run", is_flag=True, help="Say what the push would write and remove; write nothing.")
@click.option("--yes", "-y", is_flag=True, help="Remove without asking, however much (for scripts).")
@click.option("--confirm-above", type=click.FloatRange(0, 100), default=CONFIRM_ABOVE, show_default=True,
              metavar="PERCENT", help="Ask before removing more than this percent of the pushed graph "
                                      "(without a terminal: refuse unless --yes).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@workspace_option
def push(neo4j_options: dict[str, Any], batch_size: int, dry_run: bool, yes: bool, confirm_above: float,
         progress: bool | None, workspace: Path | None) -> None:
    """Sync the workspace graph to Neo4j (one transaction; removes what the workspace no longer holds)."""
    settings = Neo4jSettings.resolve(**neo4j_options)
    _, facts = load_or_build(workspace)
    rows = to_rows(facts)
    with connect(settings) as driver:
        if dry_run:
            _dry_run(neo4j_sync.preview(driver, rows, settings.database), settings.uri)
            return
        guard = RemovalGuard(confirm_above / 100, yes)

        def waiting() -> None:
            click.echo(f"kg: another push to {settings.uri} is under way: waiting for it to finish", err=True)

        def attempt() -> neo4j_sync.PushReport:
            with progress_bar(progress) as bar:
                return neo4j_sync.push_rows(driver, rows, database=settings.database, batch_size=batch_size,
                                            progress=bar, approve=guard, waiting=waiting)

        try:
            report = attempt()
        except NeedsConfirmation as exc:
            _confirm(exc.removal, settings.uri, rows.build, confirm_above)
            guard.confirmed = set(exc.removal.nodes)
            report = attempt()
    click.echo(f"pushed build {report.build} to {settings.uri}: {report.rows} rows in {report.batches} "
               f"batches, {report.seconds:.2f} s; {report.written_nodes} nodes written, "
               f"{report.unchanged_nodes} unchanged, {report.removed_nodes} removed "
               f"({report.removed_relationships} relationships) as gone from the workspace")


def _confirm(removal: Removal, uri: str, build: str, percent: float) -> None:
    """Ask on a terminal; refuse (one line, nothing written) without one."""
    what = (f"pushing build {build} to {uri} removes {describe(removal)}, "
            f"pushed as build {removal.last_build}")
    if not (sys.stdin.isatty() and sys.stderr.isatty()):
        raise AbortRun(f"{what}: more than {percent:g}% of the graph, so nothing was written; see them with "
                       "--dry-run, push with --yes to remove them (or --workspace for the workspace you meant)")
    click.confirm(f"{what}. Remove them?", default=False, abort=True, err=True)


def _dry_run(p: neo4j_sync.Preview, uri: str) -> None:
    click.echo(f"dry run, nothing written: pushing build {p.build} to {uri} would write "
               f"{p.new_nodes + p.changed_nodes} nodes ({p.new_nodes} new, {p.changed_nodes} changed), leave "
               f"{p.unchanged_nodes} unchanged and remove {describe(p.removal)}")
    named = sorted((label, node_id) for label, node_id in p.removal.nodes if label != "Evidence")
    if named:
        click.echo(f"would remove (passages aside), pushed as build {p.removal.last_build}:")
        for label, node_id in named[:LISTED]:
            click.echo(f"  {label} {node_id}")
        if len(named) > LISTED:
            click.echo(f"  ... and {len(named) - LISTED} more")


@command.command("status")
@connection_options
@workspace_option
def status(neo4j_options: dict[str, Any], workspace: Path | None) -> None:
    """Say what the server holds: nodes by label, relationships by type, the last push.

    When the workspace exists, also whether the server holds its graph (checked on the content)."""
    settings = Neo4jSettings.resolve(**neo4j_options)
    ws = Workspace(workspace)
    with connect(settings) as driver:
        st = neo4j_sync.status(driver, settings.database)
        held = neo4j_sync.holding(driver, to_rows(ws.load()) if ws.exists() else None, settings.database)
    if st.last_build is None:
        click.echo(f"{settings.uri}: nothing pushed yet (run `kg neo4j push`)")
    else:
        sync = {"current": f" (same as the workspace {ws.path})",
                "other": f" (differs from the workspace {ws.path})" if ws.exists() else "",
                "inconsistent": " (but the graph is no longer what that push wrote: run `kg neo4j push`)",
                }.get(held.state, "")
        click.echo(f"{settings.uri}: last push {st.pushed_at}, build {st.last_build}{sync}")
    click.echo("nodes:         " + (", ".join(f"{k} {v}" for k, v in st.labels.items()) or "none"))
    click.echo("relationships: " + (", ".join(f"{k} {v}" for k, v in st.relationships.items()) or "none"))
