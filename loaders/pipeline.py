"""The build pipeline: list a corpus folder, read each document, extract facts into one ``FactSet``.

A document that cannot be read is recorded in ``FactSet.skipped`` and the others are built.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

from graph.errors import AbortRun, SkipItem
from graph.factset import FactSet
from graph.ids import short_hash, slug
from graph.model import Document, Skipped
from loaders.parse.cache import ParseCache
from loaders.readers import read_source
from loaders.text.manifest import NOT_DOCUMENTS, load_manifest
from loaders.text.source import SourceText

ProgressFn = Callable[[str, int, int], None]
"""Called as ``progress(stage, done, total)``."""


def list_documents(corpus: Path) -> tuple[list[Path], list[Skipped]]:
    """Every file of the folder (recursively) but the manifest and hidden files, in a stable order,
    and the links that are not followed: dangling ones, and links to anything outside the folder."""
    if not corpus.is_dir():
        raise AbortRun(f"corpus folder not found: {corpus} (give the folder of documents with --corpus)")
    root = corpus.resolve()
    files: list[Path] = []
    refused: list[Skipped] = []
    for folder, dirs, names in os.walk(corpus):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(names) + [d for d in dirs if (Path(folder) / d).is_symlink()]:
            path = Path(folder) / name
            if name.startswith(".") or (name in NOT_DOCUMENTS and Path(folder) == corpus):
                continue
            reason = _link_problem(path, root)
            if reason:
                refused.append(Skipped(path.relative_to(corpus).as_posix(), reason))
            elif path.is_file():
                files.append(path)
    return sorted(files), sorted(refused, key=lambda s: s.file)


def _link_problem(path: Path, root: Path) -> str | None:
    """Why a symbolic link is not read (None for a plain file or a link to a file inside the corpus)."""
    if not path.is_symlink():
        return None
    target = path.resolve()
    if not target.exists():
        return "dangling symbolic link (its target does not exist)"
    if root not in target.parents:
        return "symbolic link to a file outside the corpus folder (not followed)"
    if target.is_dir():
        return "symbolic link to a folder (not followed)"
    return None


def unique_id(doc: Document, rel: str, facts: FactSet) -> None:
    """Two files must not share a document id: a file whose id is taken gets the slug of its path
    (``a.html``, ``a.pdf``), and a short hash of the path when that is taken too."""
    base, sep, part = doc.id.partition("--")
    for candidate in (base, slug(rel), f"{slug(rel)}-{short_hash(rel)}"):
        full = candidate + sep + part
        if full not in facts.documents:
            doc.id = full
            return


def skipped_files(corpus: Path, facts: FactSet) -> tuple[list[Path], dict[str, dict[str, Any]]]:
    """The files of a corpus folder to read and its manifest; the links not followed and the manifest's
    entries without a file go to ``facts.skipped``."""
    manifest = load_manifest(corpus)
    files, refused = list_documents(corpus)
    facts.skipped.extend(refused)
    listed = {path.relative_to(corpus).as_posix() for path in files} | {path.name for path in files}
    facts.skipped.extend(Skipped(name, "listed in manifest.yaml but not found in the corpus folder")
                         for name in sorted(manifest) if name not in listed)
    return files, manifest


def read_file(path: Path, rel: str, entry: dict[str, Any] | None, facts: FactSet) -> list[tuple[str, SourceText]]:
    """The documents of one file, each with an id no other document of ``facts`` has, added to
    ``facts.documents``, and the id the reader gave it; a file that cannot be used goes to
    ``facts.skipped`` (and gives none)."""
    try:
        read = read_source(path, entry, rel)
    except SkipItem as exc:
        reason = str(exc)
        for prefix in (f"{rel}: ", f"{path.name}: "):
            reason = reason.removeprefix(prefix)
        facts.skipped.append(Skipped(rel, reason))
        return []
    out = []
    for src in read:
        out.append((src.document.id, src))
        unique_id(src.document, rel, facts)
        facts.add_document(src.document)
    return out


def iter_corpus(corpus: Path, facts: FactSet, progress: ProgressFn | None = None) -> Iterator[SourceText]:
    """The documents of a folder, read one file at a time (so a build holds one file's text at once).

    Each document is added to ``facts.documents`` as it is read; a file that cannot be used goes to
    ``facts.skipped`` with its reason. ``progress("files", done, total)`` follows the files."""
    files, manifest = skipped_files(corpus, facts)
    for i, path in enumerate(files):
        rel = path.relative_to(corpus).as_posix()
        yield from (src for _, src in read_file(path, rel, manifest.get(rel) or manifest.get(path.name), facts))
        if progress:
            progress("files", i + 1, len(files))


def read_corpus(corpus: Path, facts: FactSet, progress: ProgressFn | None = None) -> list[SourceText]:
    """Every document of a folder, read (not extracted)."""
    return list(iter_corpus(corpus, facts, progress))


def build_facts(corpus: Path, progress: ProgressFn | None = None, parses: ParseCache | None = None) -> FactSet:
    """Read and extract a whole corpus folder, then resolve across documents (no extracts kept; see
    ``loaders.incremental.build_corpus``). ``parses``: the cached parses (read and added to)."""
    from loaders.incremental import build_corpus

    return build_corpus(corpus, progress, parses)[0]
