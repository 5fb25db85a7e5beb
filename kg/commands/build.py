"""``kg build``: read the corpus, extract facts and write the workspace."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

import click

from graph.errors import KGError
from graph.factset import FactSet
from kg.cliutil import check_corpus, jobs_option, progress_bar, workspace_option
from kg.workspace import DEFAULT_CORPUS, Workspace


class StrictFailure(KGError):
    exit_code = 4


@click.command("build")
@click.option("--corpus", type=click.Path(path_type=Path), default=DEFAULT_CORPUS, show_default=True,
              help="Folder of documents (with an optional manifest.yaml).")
@click.option("--strict", is_flag=True, help="Exit non-zero when any document is skipped.")
@click.option("--decisions", type=click.Path(dir_okay=False, path_type=Path), default=None,
              help="Review decisions to apply (default: decisions.yaml in the corpus folder).")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@jobs_option
@workspace_option
def command(corpus: Path, strict: bool, decisions: Path | None, progress: bool | None, jobs: int | None,
            workspace: Path | None) -> None:
    """Build the graph from a corpus folder into the workspace (only new or changed files are read again)."""
    ws = Workspace(workspace)
    check_corpus(corpus, ws, building=True)
    with progress_bar(progress) as bar:
        facts = ws.build(corpus, bar, decisions, jobs)
    report(ws, facts)
    if strict and facts.skipped:
        raise StrictFailure(f"--strict: {len(facts.skipped)} document(s) skipped")


def report(ws: Workspace, facts: FactSet) -> None:
    """The end-of-build lines: skipped files and stale decisions as warnings, then the counts."""
    for s in facts.skipped:
        click.echo(f"kg: warning: skipped {s.file}: {s.reason}", err=True)
    review = cast(dict[str, Any], ws.summary().get("review") or {})
    stale = review.get("stale") or []
    if stale:
        click.echo(f"kg: warning: {len(stale)} review decision(s) no longer apply and were kept in "
                   f"{review['decisions']}: `kg review status` lists them", err=True)
    summary = facts.summary()
    ents = ", ".join(f"{k} {v}" for k, v in summary["entities"].items()) or "none"
    evs = ", ".join(f"{k} {v}" for k, v in summary["events"].items()) or "none"
    # the progress bar counts files; one file may hold several documents (a compilation of statements)
    files = len({d.file for d in facts.documents.values()}) + len(facts.skipped)
    click.echo(f"built {ws.path}: {summary['documents']} documents from {files} file(s), "
               f"{len(facts.entities)} entities, "
               f"{len(facts.events)} events, {summary['memberships']} memberships, "
               f"{len(facts.skipped)} skipped")
    click.echo(f"  entities: {ents}")
    click.echo(f"  events:   {evs}")
    if facts.reviews:
        click.echo(f"  review:   {len(facts.reviews)} decision(s) applied, {len(facts.rejected)} fact(s) rejected")
    built = cast(dict[str, int], ws.summary().get("documents_built") or {})
    if built:
        again = built.get("reextracted") and f" ({built['reextracted']} unchanged, extracted again: new extractor)"
        click.echo(f"  documents: {built.get('new', 0)} new, {built.get('changed', 0)} changed, "
                   f"{built.get('removed', 0)} removed, {built.get('reused', 0)} reused{again or ''}")
