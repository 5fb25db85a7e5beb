"""Helpers shared by the CLI commands: the ``--workspace`` option, progress bars, output files."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any

import click
from rich.console import Console

from graph.errors import AbortRun
from kg.workspace import DEFAULT_CORPUS, Workspace

if TYPE_CHECKING:  # the fact model is imported by the commands that read facts, when they run
    from graph.factset import FactSet

err_console = Console(stderr=True)


def workspace_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--workspace", "workspace", type=click.Path(file_okay=False, path_type=Path), default=None,
        help="Workspace folder (default: $KG_WORKSPACE or .kg/ in the current folder).",
    )(f)


def jobs_option(f: Callable[..., Any]) -> Callable[..., Any]:
    return click.option(
        "--jobs", "-j", type=click.IntRange(min=1), default=None,
        help="Processes extracting documents (default: the cores available, when there is enough to extract).",
    )(f)


@contextmanager
def progress_bar(enabled: bool | None = None) -> Iterator[Callable[[str, int, int], None]]:
    """A ``progress(stage, done, total)`` callback drawing a bar on a terminal (done of total, rate per
    second and time left), silent otherwise."""
    if enabled is None:
        enabled = sys.stderr.isatty()
    if not enabled:
        yield lambda stage, done, total: None
        return
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn("{task.description:>9}"), BarColumn(), MofNCompleteColumn(),
               TextColumn("{task.fields[rate]}"), TimeElapsedColumn(), TextColumn("{task.fields[left]}"))
    with Progress(*columns, console=err_console, transient=False) as bar:
        tasks: dict[str, Any] = {}

        def update(stage: str, done: int, total: int) -> None:
            if stage not in tasks:
                tasks[stage] = bar.add_task(stage, total=total, rate="", left="")
            task = tasks[stage]
            elapsed = next(t.elapsed for t in bar.tasks if t.id == task) or 0.0
            rate = done / elapsed if done and elapsed > 0 else 0.0
            left = f"{(total - done) / rate:,.0f} s left" if rate and done < total else ""
            bar.update(task, completed=done, total=total, rate=f"{rate:,.1f}/s" if rate else "", left=left)

        yield update


def check_corpus(corpus: Path, ws: Workspace, building: bool) -> None:
    """A clear error, naming the options, when the corpus folder is not there (e.g. ``kg`` run outside
    the project folder, where the default ``data/corpus`` is)."""
    if Path(corpus).is_dir():
        return
    where = f"{corpus}" + (f" (from {Path.cwd()})" if not Path(corpus).is_absolute() else "")
    if building:
        raise AbortRun(f"corpus folder not found: {where}: give the folder of documents with --corpus DIR; "
                       f"the workspace is written to --workspace DIR or $KG_WORKSPACE (now {ws.path})")
    raise AbortRun(f"no workspace at {ws.path} and no corpus folder at {where}: point --workspace DIR or "
                   "$KG_WORKSPACE at a built workspace, or build one with `kg build --corpus DIR`")


def load_or_build(workspace: Path | None, corpus: Path = DEFAULT_CORPUS) -> tuple[Workspace, FactSet]:
    """The workspace's facts; builds it first (with a progress bar) when there is none."""
    ws = Workspace(workspace)
    if not ws.exists():
        return ws, _build(ws, corpus)
    return ws, ws.load()


def built_workspace(workspace: Path | None, corpus: Path = DEFAULT_CORPUS) -> Workspace:
    """The workspace, built first when there is none; its facts are not read (for the commands that
    read only the RDF store: ``kg ask``, ``kg validate``, the RDF exports)."""
    ws = Workspace(workspace)
    if not ws.exists():
        _build(ws, corpus)
    return ws


def _build(ws: Workspace, corpus: Path) -> FactSet:
    check_corpus(corpus, ws, building=False)
    err_console.print(f"[dim]no workspace at {ws.path}: building it from {corpus}[/dim]")
    with progress_bar() as progress:
        return ws.build(corpus, progress)


@contextmanager
def open_output(path: str, binary: bool = False) -> Iterator[IO[Any]]:
    """Open ``path`` for writing; ``-`` is stdout. A file is written aside and renamed into place."""
    if path == "-":
        yield sys.stdout.buffer if binary else sys.stdout
        return
    target = Path(path)
    if target.is_dir():
        raise AbortRun(f"--output {path} is a folder: give a file name")
    tmp = target.with_name(f".{target.name}.part")
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fh = open(tmp, "wb") if binary else open(tmp, "w", encoding="utf-8", newline="\n")
    except OSError as exc:
        raise AbortRun(f"cannot write --output {path}: {exc.strerror or exc}") from exc
    try:
        with fh:
            yield fh
        tmp.replace(target)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
