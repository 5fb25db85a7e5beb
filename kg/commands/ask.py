"""``kg ask``: answer a named question of the catalogue (``queries/sparql/*.rq``) on the workspace."""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import click
from rich.console import Console

from graph.errors import UsageError
from kg.cliutil import built_workspace, err_console, open_output, workspace_option
from kg.neo4j_options import connection_options
from queries.backends import available
from queries.catalogue import Question, describe, get, public

#: Width of a table written where no terminal and no ``COLUMNS`` tells one (a file, a pipe).
PIPE_WIDTH = 120


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


def _listing(q: Question) -> dict[str, object]:
    return {"name": q.name, "title": q.title, "about": q.about,
            "params": [{"name": p.name, "type": p.type, "options": list(p.options), "optional": p.optional,
                        "default": p.default, "doc": p.doc} for p in q.params],
            "columns": list(q.columns)}


def _list(console: Console, fmt: str) -> None:
    if fmt == "json":
        sys.stdout.write(json.dumps([_listing(q) for q in public()], ensure_ascii=False, indent=1) + "\n")
        return
    if fmt == "csv":
        raise UsageError("--list prints a table or JSON (--format json)")
    for q in public():
        console.print(f"[bold]{q.name}[/bold]  {q.title}", highlight=False)
        if q.about:
            console.print(f"    {q.about}", highlight=False)
        for p in q.params:
            console.print(f"    --param {describe(p)}", highlight=False)


def table_width() -> int | None:
    """``COLUMNS`` when set, else the terminal's width (of stdout, or of stderr when stdout is piped),
    else ``PIPE_WIDTH``. ``None`` lets rich measure the terminal itself."""
    columns = os.environ.get("COLUMNS", "")
    if columns.isdigit() and int(columns) > 0:
        return int(columns)
    if sys.stdout.isatty():
        return None
    try:
        return os.get_terminal_size(sys.stderr.fileno()).columns
    except (OSError, ValueError):
        return PIPE_WIDTH


def _format(fmt: str | None, output: str) -> str:
    if fmt:
        return fmt
    suffix = Path(output).suffix.lower() if output != "-" else ""
    return {".json": "json", ".csv": "csv"}.get(suffix, "table")


@click.command("ask")
@click.argument("name", required=False)
@click.option("--param", "-p", "params", multiple=True, metavar="KEY=VALUE",
              help="A parameter of the question (repeatable).")
@click.option("--format", "fmt", type=click.Choice(["table", "json", "csv"]), default=None,
              help="table (default), json or csv; a .json or .csv --output picks its own.")
@click.option("--output", "-o", default="-", show_default=True, help="File to write, '-' for stdout.")
@click.option("--wide", is_flag=True, help="Table: every column, and the evidence quotes in full.")
@click.option("--excel/--no-excel", default=None,
              help="CSV: a byte-order mark and CRLF line ends, for spreadsheets "
                   "(default: on for a .csv --output file, off for stdout).")
@click.option("--backend", default="sparql", show_default=True,
              help=f"Where to ask: {', '.join(available())}.")
@click.option("--list", "list_", is_flag=True, help="List the questions and their parameters (--format json too).")
@click.option("--reviewed-only", is_flag=True,
              help="Only rows made of facts a reviewer accepted, corrected or added (see `kg review`).")
@connection_options
@workspace_option
def command(name: str | None, params: tuple[str, ...], fmt: str | None, output: str, wide: bool,
            excel: bool | None, backend: str, list_: bool, reviewed_only: bool, neo4j_options: dict[str, str],
            workspace: Path | None) -> None:
    """Answer the named question NAME (see --list), with the evidence of every fact."""
    fmt = _format(fmt, output)
    if list_:
        _list(Console(width=table_width()), fmt)
        return
    if not name:
        raise UsageError("name a question (see `kg ask --list`)")
    question = get(name)
    given = _params(params)
    question.parse_params(given)  # a bad parameter fails before any build
    if neo4j_options and backend != "neo4j":
        raise UsageError(f"only --backend neo4j takes --{', --'.join(neo4j_options)}")
    from queries import render
    from queries.answer import ask
    from queries.backends import open_backend

    ws = built_workspace(workspace)  # the store answers: facts.json is not read
    db = open_backend(backend, ws, options=neo4j_options)
    try:
        answer = ask(name, given, db, reviewed=reviewed_only)
    finally:
        db.close()
    if fmt == "csv":
        bom = excel if excel is not None else output != "-" and output.lower().endswith(".csv")
        text = render.to_csv(answer, question.columns, excel=bom)
    elif fmt == "json":
        text = render.to_json(answer)
    else:
        text = None
    with open_output(output) as fh:
        if text is not None:
            fh.write(text)
            return
        width = table_width() if output == "-" else PIPE_WIDTH
        console = Console(file=fh, width=width, force_terminal=None if output == "-" else False)
        render.print_table(answer, console, question.title, question.table, wide=wide, err=err_console)
