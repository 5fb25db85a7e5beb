"""``kg review``: record decisions about the graph (accept, reject, a review sheet) and see their state.

Decisions go to the decisions file (default ``decisions.yaml`` in the corpus folder the workspace was
built from); ``kg build`` applies them. See ``review/`` and the README's "Review the graph".
"""

from __future__ import annotations

import getpass
import os
from collections import Counter
from pathlib import Path
from typing import Any

import click

from graph.errors import UsageError
from kg.cliutil import load_or_build, open_output, workspace_option
from kg.workspace import DEFAULT_CORPUS, Workspace
from review import decisions as decisions_file
from review.sheet import all_facts, decisions_from_sheet, write_sheet


def _reviewer(by: str | None) -> str:
    if by:
        return by
    try:
        return os.environ.get("KG_REVIEWER") or getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _decisions_path(decisions: Path | None, workspace: Path | None) -> Path:
    """``--decisions``, else ``decisions.yaml`` of the corpus the workspace was built from."""
    if decisions:
        return decisions
    summary = Workspace(workspace).summary()
    review = summary.get("review") or {}
    if isinstance(review, dict) and review.get("decisions"):
        return Path(str(review["decisions"]))
    corpus = summary.get("corpus") or DEFAULT_CORPUS
    return Path(str(corpus)) / decisions_file.FILE_NAME


def _record(items: list[dict[str, Any]], path: Path) -> None:
    written = decisions_file.append(path, items)
    click.echo(f"recorded {len(written)} decision(s) in {path}"
               + (f" ({len(items) - len(written)} already there)" if len(written) < len(items) else "")
               + ("; run `kg build` to apply" if written else ""))


decisions_option = click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
                                help="Decisions file (default: decisions.yaml of the corpus the workspace "
                                     "was built from).")
by_option = click.option("--by", default=None, help="Who decides (default: $KG_REVIEWER or the user name).")


@click.group("review")
def command() -> None:
    """Review the graph: accept or reject facts, export and import a review sheet."""


def _verdict(action: str) -> click.Command:
    @click.command(action, help=f"{action.capitalize()} facts by id (recorded; applied by `kg build`).")
    @click.argument("ids", nargs=-1, required=True)
    @click.option("--reason", default=None, help="Why (kept with the decision).")
    @by_option
    @decisions_option
    @workspace_option
    def run(ids: tuple[str, ...], reason: str | None, by: str | None, decisions: Path | None,
            workspace: Path | None) -> None:
        _, facts = load_or_build(workspace)
        unknown = [i for i in ids if facts.fact(i) is None and i not in facts.rejected]
        if unknown:
            raise UsageError(f"no fact with id {', '.join(unknown)} in the graph (`kg review export` lists them)")
        at, who = decisions_file.now(), _reviewer(by)
        items = [{"action": action, "target": i, "by": who, "at": at} | ({"reason": reason} if reason else {})
                 for i in ids]
        _record(items, _decisions_path(decisions, workspace))

    return run


command.add_command(_verdict("accept"))
command.add_command(_verdict("reject"))


@command.command("export")
@click.option("--output", "-o", required=True, help="CSV file to write ('-' for stdout).")
@workspace_option
def export(output: str, workspace: Path | None) -> None:
    """Write the review sheet: one row per fact with its status, for a spreadsheet."""
    _, facts = load_or_build(workspace)
    with open_output(output) as fh:
        if output != "-":
            fh.write("\ufeff")  # a byte-order mark: spreadsheet programs then read the file as UTF-8
        n = write_sheet(facts, fh)
    if output != "-":
        click.echo(f"wrote {n} facts to {output}", err=True)


@command.command("import")
@click.argument("sheet", type=click.Path(exists=True, dir_okay=False, path_type=Path))
@by_option
@decisions_option
@workspace_option
def import_(sheet: Path, by: str | None, decisions: Path | None, workspace: Path | None) -> None:
    """Turn the status column of a filled-in review sheet into decisions."""
    _, facts = load_or_build(workspace)
    items, unchanged = decisions_from_sheet(sheet, facts, _reviewer(by), decisions_file.now())
    click.echo(f"{len(items)} row(s) changed, {unchanged} left as they were")
    if items:
        _record(items, _decisions_path(decisions, workspace))


@command.command("status")
@decisions_option
@workspace_option
def status(decisions: Path | None, workspace: Path | None) -> None:
    """Facts by review status, and the decisions that no longer apply (stale)."""
    ws, facts = load_or_build(workspace)
    counts = Counter(f.status for f in all_facts(facts))
    click.echo("facts: " + ", ".join(f"{k} {counts[k]}" for k in sorted(counts)))
    path = _decisions_path(decisions, workspace)
    pending = len(decisions_file.load(path)) - len(facts.reviews)
    review = ws.summary().get("review") or {}
    stale = review.get("stale", []) if isinstance(review, dict) else []
    click.echo(f"decisions: {len(facts.reviews)} applied, {len(stale)} stale, in {path}")
    if pending > len(stale):
        click.echo(f"  {pending - len(stale)} decision(s) recorded since the last build: run `kg build`")
    for item in stale:
        click.echo(f"  stale {item['id']}: {item['action']} {item['target']}: {item['why']}")
