"""``kg validate``: check the workspace's RDF store against the SHACL shapes (``shapes.ttl``)."""

from __future__ import annotations

from pathlib import Path

import click

from graph.errors import KGError
from graph.rdf_store import open_store, store_graph
from graph.shacl import validate
from kg.cliutil import load_or_build, workspace_option


class NotConforming(KGError):
    exit_code = 5


@click.command("validate")
@click.option("--limit", type=int, default=50, show_default=True, help="Show at most this many violations.")
@workspace_option
def command(limit: int, workspace: Path | None) -> None:
    """Validate the workspace graph with pySHACL (ontology.ttl as ontology graph).

    Prints one line per violation (severity: focus node | path | message) and exits 5 when the graph
    does not conform.
    """
    ws, _ = load_or_build(workspace)
    graph = store_graph(open_store(ws.store_path))
    conforms, violations = validate(graph)
    if conforms:
        click.echo(f"conforms: {len(graph)} triples checked against shapes.ttl")
        return
    for v in violations[:limit]:
        click.echo(v.line())
    if len(violations) > limit:
        click.echo(f"... and {len(violations) - limit} more (--limit)")
    raise NotConforming(f"{len(violations)} SHACL violation(s) in {len(graph)} triples")
