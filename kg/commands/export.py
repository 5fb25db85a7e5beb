"""``kg export``: write the graph as kg-facts/1 JSON or as RDF."""

from __future__ import annotations

from pathlib import Path

import click

from graph import facts_json
from graph.errors import AbortRun, UsageError
from graph.exporters import RDF_FORMATS, Extras, write_rdf
from kg.cliutil import load_or_build, open_output, workspace_option

FORMATS = ("facts-json", *RDF_FORMATS, "csv-tables", "graphml")


@click.command("export")
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="facts-json", show_default=True)
@click.option("--output", "-o", default="-", show_default=True, help="File to write, '-' for stdout.")
@click.option("--with-ontology", is_flag=True,
              help="RDF: include ontology.ttl (labels and comments of every term; in N-Quads/TriG as its own "
                   "named graph <https://w3id.org/cambodia-electoral-kg/ontology>).")
@click.option("--dump-url", "dump_urls", multiple=True, metavar="URL",
              help="RDF: where this export will be published (void:dataDump in the VoID description; repeatable).")
@click.option("--endpoint-url", metavar="URL",
              help="RDF: the public address of the SPARQL endpoint (void:sparqlEndpoint).")
@workspace_option
def command(fmt: str, output: str, with_ontology: bool, dump_urls: tuple[str, ...], endpoint_url: str | None,
            workspace: Path | None) -> None:
    """Export the workspace graph (built first when there is none).

    csv-tables writes six CSV tables into the folder --output (or a zip when it ends in .zip);
    graphml is for Gephi and yEd."""
    extras = Extras(with_ontology=with_ontology, dump_urls=dump_urls, endpoint_url=endpoint_url)
    if fmt not in RDF_FORMATS and extras != Extras():
        raise UsageError(f"--with-ontology, --dump-url and --endpoint-url apply to RDF formats, not {fmt}")
    if fmt == "csv-tables" and output == "-":
        raise UsageError("--format csv-tables writes several files: give --output FOLDER or --output FILE.zip")
    _, facts = load_or_build(workspace)
    if fmt == "csv-tables":
        from graph.tables_export import write_tables

        target = Path(output)
        if target.exists() and not target.is_dir() and target.suffix.lower() != ".zip":
            raise UsageError(f"--output {output} is a file: give a folder, or a name ending in .zip")
        try:
            written = write_tables(facts, target)
        except OSError as exc:
            raise AbortRun(f"cannot write --output {output}: {exc.strerror or exc}") from exc
        click.echo(f"wrote {len(written)} file(s) to {output}", err=True)
        return
    if fmt == "graphml":
        from graph.tables_export import write_graphml

        with open_output(output, binary=True) as fh:
            write_graphml(facts, fh)
        return
    if fmt == "facts-json":
        with open_output(output) as fh:
            fh.write(facts_json.dumps(facts))
        return
    with open_output(output, binary=True) as fh:
        write_rdf(facts, fmt, fh, extras)
