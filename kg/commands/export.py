"""``kg export``: write the graph as kg-facts/1 JSON or as RDF."""

from __future__ import annotations

from pathlib import Path

import click

from graph import facts_json
from graph.exporters import RDF_FORMATS, write_rdf
from kg.cliutil import load_or_build, open_output, workspace_option

FORMATS = ("facts-json", *RDF_FORMATS)


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="facts-json", show_default=True)
@click.option("--output", "-o", default="-", show_default=True, help="File to write, '-' for stdout.")
@workspace_option
def command(fmt: str, output: str, workspace: Path | None) -> None:
    """Export the workspace graph (built first when there is none)."""
    _, facts = load_or_build(workspace)
    if fmt == "facts-json":
        with open_output(output) as fh:
            fh.write(facts_json.dumps(facts))
        return
    with open_output(output, binary=True) as fh:
        write_rdf(facts, fmt, fh)
