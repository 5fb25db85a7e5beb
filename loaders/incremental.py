"""A build that reuses what the previous one extracted: only new or changed files are read and extracted.

``build_corpus`` lists the corpus, and for each file (in the corpus's order) takes its extracts from the
cache (``loaders.extract_cache``, keyed by the file, its manifest entry and the extractor version) or
reads and extracts it (``loaders.parallel``, on several cores for a large build); then the step across
documents (``loaders.extraction.combine``) runs on all of them. Every extract, cached or new, is replayed
from its stored form, so an incremental build gives the same facts as a cold one, byte for byte.

A cached extract is used only when its documents get the ids they had (ids are made unique across the
corpus in its order, ``loaders.pipeline.unique_id``: a new file can take an id a later file had).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from graph.errors import SkipItem
from graph.factset import FactSet
from loaders.extract_cache import Counts, ExtractCache, file_digest
from loaders.extract_codec import DocumentExtract, decode
from loaders.extraction import combine
from loaders.parallel import FileWork, available_cores, extract_files
from loaders.parse.cache import ParseCache
from loaders.pipeline import ProgressFn, read_file, skipped_files, unique_id
from loaders.text.decoding import read_bytes

#: Bytes of files to extract from which a build uses a pool of processes (with 2 files or more). Starting
#: 2 spawned workers, each importing spaCy and loading the model, costs about 1.5 s of wall time and 2-4 s
#: of CPU; a file costs about 1 s of one core per 27 kB here. On the bundled corpus (5 files, 215 kB) the
#: pool took 12.3-14.1 s of CPU against 9.7-10.0 s serially: below this size the cores save little, and
#: on a busy machine nothing (benchmarks/bench_incremental.py; README, Speed).
POOL_FROM = 256_000


def _reusable(cached: list[DocumentExtract], rel: str, facts: FactSet) -> bool:
    """Add the cached documents when each gets the id it had (else add none: the file is read again)."""
    added: list[str] = []
    for ex in cached:
        doc = dataclasses.replace(ex.document, id=ex.read_id)
        unique_id(doc, rel, facts)
        if doc.id != ex.document.id:
            for doc_id in added:
                del facts.documents[doc_id]
            return False
        facts.add_document(ex.document)
        added.append(doc.id)
    return True


def _plan(files: list[tuple[Path, str, str]], manifest: dict[str, dict[str, Any]], facts: FactSet,
          extracts: ExtractCache | None) -> Iterator[FileWork]:
    """Each file in order: its cached extracts when they can be reused, else its documents read."""
    for path, rel, digest in files:
        key = extracts.key(digest) if extracts else digest
        cached = extracts.get(key) if extracts else None
        if cached is not None and _reusable(cached, rel, facts):
            yield FileWork(rel, digest, key, cached=cached)
            continue
        entry = manifest.get(rel) or manifest.get(path.name)
        read = read_file(path, rel, entry, facts)
        if read:
            yield FileWork(rel, digest, key, sources=[src for _, src in read], read_ids=[i for i, _ in read])


def build_corpus(corpus: Path, progress: ProgressFn | None = None, parses: ParseCache | None = None,
                 extracts: ExtractCache | None = None, jobs: int | None = None) -> tuple[FactSet, Counts]:
    """Read and extract a corpus folder (files in ``extracts`` reused), then resolve across documents.
    ``jobs``: processes to extract with (default: the cores available, for a build large enough)."""
    facts = FactSet()
    parses = parses or ParseCache(None)
    paths, manifest = skipped_files(corpus, facts)
    files = []
    todo: list[int] = []  # the sizes of the files to extract
    for path in paths:
        rel = path.relative_to(corpus).as_posix()
        try:
            data = read_bytes(path)
        except SkipItem:  # the reader says why, when it reads the file below
            data = b""
        digest = file_digest(rel, data, manifest.get(rel) or manifest.get(path.name))
        files.append((path, rel, digest))
        if extracts is None or not extracts.has(extracts.key(digest)):
            todo.append(len(data))
    parallel_parse = jobs is None  # ``--jobs 1``: one process, even for a batch spaCy would spread
    jobs = available_cores() if jobs is None else jobs
    jobs = jobs if len(todo) >= 2 and sum(todo) >= POOL_FROM else 1
    before = extracts.previous_index() if extracts else {}
    counts = Counts()
    state = {"done": 0, "known": 0, "files": 0}

    def stored(works: Iterator[FileWork]) -> Iterator[DocumentExtract]:
        for w in works:
            state["files"] += 1
            state["known"] += w.documents
            if w.cached is not None:
                counts.reused += w.documents
                out = w.cached
                for ex in out:
                    parses.keep(ex.parse_key)
            else:
                old = before.get(w.rel)
                if old is None:
                    counts.new += w.documents
                elif old.get("file") == w.digest:
                    counts.reextracted += w.documents
                else:
                    counts.changed += w.documents
                if extracts:
                    extracts.put(w.key, w.lines)
                out = [decode(line) for line in w.lines]
            if extracts:
                extracts.note(w.rel, w.digest, w.documents)
            for ex in out:
                yield ex
                state["done"] += 1
                if progress:
                    progress("documents", state["done"], state["known"] + len(files) - state["files"])

    if progress:  # the clock starts now, with the first file (a file holds one document or more)
        progress("documents", 0, len(files))
    works = extract_files(_plan(files, manifest, facts, extracts), parses, jobs, parallel_parse)
    combine(stored(works), facts)
    if progress:
        progress("documents", state["done"], state["done"])
    if extracts:
        now = set(extracts.index)
        counts.removed = sum(int(v.get("documents", 0)) for rel, v in before.items() if rel not in now)
        extracts.write_index()
    return facts.settle(), counts
