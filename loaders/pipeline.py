"""The build pipeline: list a corpus folder, read each document, extract facts into one ``FactSet``.

A document that cannot be read is recorded in ``FactSet.skipped`` and the others are built.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

from graph.factset import FactSet
from graph.ids import slug
from graph.model import Document, Skipped
from kg.errors import AbortRun, SkipItem
from loaders.extract import extract_all
from loaders.manifest import MANIFEST, load_manifest
from loaders.parse.cache import ParseCache
from loaders.readers import read_source
from loaders.source import SourceText

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``."""


def list_documents(corpus: Path) -> list[Path]:
    """Every file of the folder (recursively) but the manifest and hidden files, in a stable order."""
    if not corpus.is_dir():
        raise AbortRun(f"corpus folder not found: {corpus}")
    def visible(p: Path) -> bool:
        return not any(part.startswith(".") for part in p.relative_to(corpus).parts)

    return sorted(p for p in corpus.rglob("*") if p.is_file() and p.name != MANIFEST and visible(p))


def _unique_id(doc: Document, rel: str, facts: FactSet) -> None:
    """Two files with one stem (``a.html``, ``a.pdf``) must not share a document id."""
    other = facts.documents.get(doc.id)
    if other is not None and other.file != doc.file:
        doc.id = slug(rel) if doc.span is None else f"{slug(rel)}--{doc.id.split('--', 1)[-1]}"


def iter_corpus(corpus: Path, facts: FactSet, progress: ProgressFn | None = None) -> Iterator[SourceText]:
    """The documents of a folder, read one file at a time (so a build holds one file's text at once).

    Each document is added to ``facts.documents`` as it is read; a file that cannot be used goes to
    ``facts.skipped`` with its reason. ``progress("files", done, total)`` follows the files."""
    manifest = load_manifest(corpus)
    files = list_documents(corpus)
    for i, path in enumerate(files):
        rel = path.relative_to(corpus).as_posix()
        try:
            read = read_source(path, manifest.get(rel) or manifest.get(path.name))
        except SkipItem as exc:
            reason = str(exc)
            for prefix in (f"{rel}: ", f"{path.name}: "):
                reason = reason.removeprefix(prefix)
            facts.skipped.append(Skipped(rel, reason))
            read = []
        for src in read:
            _unique_id(src.document, rel, facts)
            facts.add_document(src.document)
            yield src
        if progress:
            progress("files", i + 1, len(files))


def read_corpus(corpus: Path, facts: FactSet, progress: ProgressFn | None = None) -> list[SourceText]:
    """Every document of a folder, read (not extracted)."""
    return list(iter_corpus(corpus, facts, progress))


def build_facts(corpus: Path, progress: ProgressFn | None = None, parses: Path | None = None) -> FactSet:
    """Read and extract a whole corpus folder, a batch of files at a time, then resolve across documents.
    ``parses``: the folder of cached parses (read and added to; none kept without it)."""
    facts = FactSet()
    extract_all(iter_corpus(corpus, facts, progress), facts, cache=ParseCache(parses))
    return facts
