"""``kg add``: copy documents into the corpus folder (with manifest entries) and build the graph again."""

from __future__ import annotations

import shutil
from pathlib import Path

import click
import yaml

from graph.errors import AbortRun, UsageError
from kg.cliutil import jobs_option, progress_bar, workspace_option
from kg.commands.build import report
from kg.workspace import DEFAULT_CORPUS, Workspace
from loaders.pipeline import list_documents
from loaders.readers import parse_published
from loaders.text.manifest import MANIFEST, load_manifest


def _sources(paths: tuple[Path, ...]) -> list[tuple[Path, Path]]:
    """``(file, name inside the corpus)`` for every file given; a folder gives the files a build of it would
    read (``loaders.pipeline.list_documents``: no hidden files, no manifest, no links out of it)."""
    out = []
    for path in paths:
        if path.is_dir():
            files, refused = list_documents(path)
            for s in refused:
                click.echo(f"kg: warning: not added {path / s.file}: {s.reason}", err=True)
            out += [(f, f.relative_to(path)) for f in files]
        elif path.is_file():
            out.append((path, Path(path.name)))
        else:
            raise UsageError(f"{path}: no such file or folder")
    return out


def _manifest_entry(name: str, meta: dict[str, str | None]) -> str:
    item = {"file": name} | {k: v for k, v in meta.items() if v}
    return yaml.safe_dump([item], allow_unicode=True, sort_keys=False, width=100).replace("\n", "\n  ").rstrip() + "\n"


def add_to_manifest(corpus: Path, entries: list[str]) -> None:
    """Append entries to the manifest's ``documents`` list, keeping what a person wrote there."""
    path = corpus / MANIFEST
    text = path.read_text(encoding="utf-8") if path.is_file() else "documents:\n"
    if not text.endswith("\n"):
        text += "\n"
    if "documents:" not in text:
        raise AbortRun(f"{path} has no `documents:` list to add to")
    path.write_text(text + "".join("  " + e for e in entries), encoding="utf-8")


@click.command("add")
@click.argument("paths", nargs=-1, required=True, type=click.Path(path_type=Path))
@click.option("--corpus", type=click.Path(file_okay=False, path_type=Path), default=DEFAULT_CORPUS,
              show_default=True, help="Corpus folder to copy into.")
@click.option("--title", default=None, help="Manifest title (one file only).")
@click.option("--publisher", default=None, help="Manifest publisher.")
@click.option("--published", default=None, help="Publication date: YYYY, YYYY-MM or YYYY-MM-DD.")
@click.option("--kind", default=None, help="Document kind (report, statement, news...).")
@click.option("--language", default=None, help="Language code (en...).")
@click.option("--build/--no-build", default=True, show_default=True, help="Build the graph afterwards.")
@click.option("--progress/--no-progress", default=None, help="Progress bar (default: on a terminal).")
@jobs_option
@workspace_option
def command(paths: tuple[Path, ...], corpus: Path, title: str | None, publisher: str | None,
            published: str | None, kind: str | None, language: str | None, build: bool,
            progress: bool | None, jobs: int | None, workspace: Path | None) -> None:
    """Copy documents (files or folders) into the corpus folder, then build the graph."""
    files = _sources(paths)
    if not files:
        raise UsageError("nothing to add: the folders given hold no files")
    if title and len(files) > 1:
        raise UsageError("--title names one document: add one file at a time with a title")
    if published and parse_published(published) is None:
        raise UsageError(f"--published {published!r}: give YYYY, YYYY-MM or YYYY-MM-DD")
    if not corpus.is_dir():
        raise AbortRun(f"corpus folder not found: {corpus} (give it with --corpus)")
    listed = load_manifest(corpus)
    meta = {"title": title, "publisher": publisher, "published": published, "kind": kind, "language": language}
    copied, same, entries = [], [], []
    for src, name in files:
        dest = corpus / name
        if dest.exists():
            if dest.is_file() and dest.read_bytes() == src.read_bytes():
                same.append(name.as_posix())
                continue
            raise AbortRun(f"{dest} exists with other content: rename the file you add, or remove that one")
    for src, name in files:
        dest = corpus / name
        if name.as_posix() in same:
            continue
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(src, dest)
        copied.append(name.as_posix())
        if any(meta.values()) and name.as_posix() not in listed:
            entries.append(_manifest_entry(name.as_posix(), meta))
    if entries:
        add_to_manifest(corpus, entries)
    click.echo(f"added {len(copied)} document(s) to {corpus}" + (f" ({len(same)} already there)" if same else "")
               + (f", {len(entries)} manifest entr{'y' if len(entries) == 1 else 'ies'}" if entries else ""))
    if build:
        ws = Workspace(workspace)
        with progress_bar(progress) as bar:
            facts = ws.build(corpus, bar, jobs=jobs)
        report(ws, facts)
