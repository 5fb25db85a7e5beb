"""``kg viz``: write the interactive graph page, one self-contained HTML file that works offline."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import click

from graph.dates import parse_date
from graph.errors import UsageError
from graph.model import ENTITY_TYPES, EVENT_TYPES
from graph.networkx_view import ego, filter_dates, filter_types, find_actor, to_networkx
from graph.viz import DEFAULT_TITLE, SIZE_BY, build_page
from kg.cliutil import load_or_build, open_output, workspace_option


def parse_bound(text: str | None, last: bool) -> date | None:
    """``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` as the first (or ``last``) day it may denote."""
    if not text:
        return None
    try:
        first, final = parse_date(text).interval()
    except ValueError as exc:
        raise UsageError(f"not a date: {text!r} (use YYYY, YYYY-MM or YYYY-MM-DD)") from exc
    return final if last else first


def split_types(values: tuple[str, ...]) -> list[str]:
    """``--types Party,Person --types Election`` -> the known type names, in their own spelling."""
    known = {t.casefold(): t for t in (*ENTITY_TYPES, *EVENT_TYPES)}
    out = []
    for value in values:
        for name in filter(None, (v.strip() for v in value.split(","))):
            if name.casefold() not in known:
                raise UsageError(f"unknown type {name!r}; types are {', '.join(sorted(known.values()))}")
            out.append(known[name.casefold()])
    return out


@click.command("viz")
@click.option("--output", "-o", default="graph.html", show_default=True,
              help="HTML file to write, '-' for stdout.")
@click.option("--focus", default=None, help="Only the neighbourhood of this actor (id, name or alias).")
@click.option("--depth", default=2, show_default=True, type=click.IntRange(0, 10),
              help="With --focus: how many edges away (actor -> event -> actor is 2).")
@click.option("--types", "types", multiple=True, help="Only these node types (comma-separated or repeated).")
@click.option("--from", "date_from", default=None, help="Only events from this date (YYYY[-MM[-DD]]).")
@click.option("--to", "date_to", default=None, help="Only events up to this date (YYYY[-MM[-DD]]).")
@click.option("--size-by", type=click.Choice(SIZE_BY), default="degree", show_default=True,
              help="Node size by number of edges or by number of source documents.")
@click.option("--title", default=None, help="Title of the page.")
@workspace_option
def command(output: str, focus: str | None, depth: int, types: tuple[str, ...], date_from: str | None,
            date_to: str | None, size_by: str, title: str | None, workspace: Path | None) -> None:
    """Write the graph as an interactive page (search, filters, focus, evidence panel)."""
    start, end = parse_bound(date_from, False), parse_bound(date_to, True)
    if start and end and start > end:
        raise UsageError("--from is after --to")
    wanted = split_types(types)
    _, facts = load_or_build(workspace)
    g = to_networkx(facts, with_rejected=True)
    if wanted:
        g = filter_types(g, wanted)
    g = filter_dates(g, start, end)
    actor = None
    if focus:
        actor = find_actor(g, focus)
        g = ego(g, actor, depth)
    html = build_page(g, focus=actor, depth=depth, size_by=size_by, title=title or DEFAULT_TITLE)
    with open_output(output) as fh:
        fh.write(html)
    if output != "-":
        click.echo(f"wrote {output}: {g.number_of_nodes()} nodes, {g.number_of_edges()} edges, "
                   f"{len(html.encode('utf-8')) // 1024} KiB", err=True)
