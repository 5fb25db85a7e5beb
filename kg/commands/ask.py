"""``kg ask``: answer a named question of the catalogue (``queries/sparql/*.rq``) on the workspace."""

from __future__ import annotations

import sys
from pathlib import Path

import click
from rich.console import Console

from kg.cliutil import load_or_build, workspace_option
from kg.errors import UsageError
from queries import render
from queries.answer import ask, describe
from queries.backends import available, open_backend
from queries.catalogue import get, public


def _params(pairs: tuple[str, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise UsageError(f"--param expects key=value, got {pair!r}")
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:  # bytes the terminal could not decode reach us as lone surrogates
            raise UsageError(f"--param {key.strip()}: the value is not valid UTF-8 text") from None
        out[key.strip()] = value
    return out


def _list(console: Console) -> None:
    for q in public():
        console.print(f"[bold]{q.name}[/bold]  {q.title}", highlight=False)
        if q.about:
            console.print(f"    {q.about}", highlight=False)
        for p in q.params:
            console.print(f"    --param {describe(p)}", highlight=False)


@click.command("ask")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the question (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default="table",
              show_default=True)
@click.option("--backend", default="sparql", show_default=True,
              help=f"Where to ask: {', '.join(available())}.")
@click.option("--list", "list_", is_flag=True, help="List the questions and their parameters.")
@click.option("--reviewed-only", is_flag=True,
              help="Only rows made of facts a reviewer accepted, corrected or added (see `kg review`).")
@workspace_option
def command(name: str | None, params: tuple[str, ...], fmt: str, backend: str, list_: bool,
            reviewed_only: bool, workspace: Path | None) -> None:
    """Answer the named question NAME (see --list), with the evidence of every fact."""
    # off a terminal (a pipe, a file) rich would wrap at 80 columns: give the table room instead
    console = Console() if sys.stdout.isatty() else Console(width=200)
    if list_:
        _list(console)
        return
    if not name:
        raise UsageError("name a question (see `kg ask --list`)")
    question = get(name)
    given = _params(params)
    question.parse_params(given)  # a bad parameter fails before any build
    ws, _ = load_or_build(workspace)
    db = open_backend(backend, ws)
    try:
        answer = ask(name, given, db, reviewed=reviewed_only)
    finally:
        db.close()
    if fmt == "json":
        sys.stdout.write(render.to_json(answer))
    elif fmt == "csv":
        sys.stdout.write(render.to_csv(answer))
    else:
        render.print_table(answer, console, question.title)
