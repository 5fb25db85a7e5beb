"""Extracting the files of a build, in order, on one core or on a pool of processes.

A build hands ``extract_files`` its corpus files one at a time (``FileWork``: a file's cached extracts,
or its sources to extract). Files stream through in chunks: serially, a chunk is parsed in one
``nlp.pipe`` and extracted; with ``jobs > 1`` each chunk is extracted in a worker process (each loads
the model once), at most ``2 * jobs`` chunks in flight, and the results come back in the corpus's
order. Memory stays bounded: the main process holds the chunks in flight, never the whole corpus.
Each worker returns the extracts in their stored form (``loaders.extract_codec``), which is also what
the serial path produces, so both give the same bytes.
"""

from __future__ import annotations

import multiprocessing
import os
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass, field
from itertools import chain

from graph.errors import AbortRun
from loaders.extract_codec import DocumentExtract, encode
from loaders.extraction import BATCH_DOCUMENTS, extract_sources
from loaders.parse.cache import ParseCache
from loaders.text.source import SourceText

#: Documents a worker extracts per task: small enough to balance the workers and bound memory.
TASK_DOCUMENTS = 2
#: A chunk of files also ends after this many files (cached files between files to extract).
CHUNK_FILES = 256


@dataclass
class FileWork:
    """One corpus file in a build: its cached extracts, or its sources (and their ids as read) to extract."""

    rel: str
    digest: str
    key: str
    cached: list[DocumentExtract] | None = None
    sources: list[SourceText] = field(default_factory=list)
    read_ids: list[str] = field(default_factory=list)
    lines: list[bytes] = field(default_factory=list)
    """The extracts made of ``sources``, stored form (filled by ``extract_files``)."""

    @property
    def documents(self) -> int:
        return len(self.cached) if self.cached is not None else len(self.read_ids)


def available_cores() -> int:
    """The cores this process may run on (its CPU affinity), at least 1."""
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return os.cpu_count() or 1


def extract_encoded(sources: list[SourceText], read_ids: list[str], parses: ParseCache,
                    parallel_parse: bool = True) -> list[bytes]:
    """The stored extracts of ``sources`` (``read_ids``: their ids as the reader gave them)."""
    out = []
    for ex, read_id in zip(extract_sources(sources, parses, parallel_parse), read_ids, strict=True):
        ex.read_id = read_id
        out.append(encode(ex))
    return out


def _warm() -> None:
    """A worker's start: load the model and the lexicon once."""
    from loaders.events.lexicon import lexicon
    from loaders.parse.model import nlp

    nlp()
    lexicon()


def _task(sources: list[SourceText], read_ids: list[str], parses: ParseCache) -> tuple[list[bytes], int, int]:
    lines = extract_encoded(sources, read_ids, parses, parallel_parse=False)
    return lines, parses.hits, parses.misses


def _chunks(works: Iterable[FileWork], documents: int) -> Iterator[list[FileWork]]:
    chunk: list[FileWork] = []
    todo = 0
    for w in works:
        chunk.append(w)
        todo += len(w.sources)
        if todo >= documents or len(chunk) >= CHUNK_FILES:
            yield chunk
            chunk, todo = [], 0
    if chunk:
        yield chunk


def _fill(chunk: list[FileWork], lines: list[bytes]) -> list[FileWork]:
    pos = 0
    for w in chunk:
        if w.cached is None:
            w.lines, pos = lines[pos:pos + len(w.read_ids)], pos + len(w.read_ids)
            w.sources = []  # the texts are no longer needed
    return chunk


def extract_files(works: Iterable[FileWork], parses: ParseCache, jobs: int = 1,
                  parallel_parse: bool = True) -> Iterator[FileWork]:
    """The works in order, each file to extract with its ``lines`` filled (``jobs`` worker processes;
    with one, ``parallel_parse`` lets spaCy spread a large batch over processes of its own)."""
    if jobs <= 1:
        for chunk in _chunks(works, BATCH_DOCUMENTS):
            srcs = list(chain.from_iterable(w.sources for w in chunk))
            ids = list(chain.from_iterable(w.read_ids for w in chunk if w.cached is None))
            yield from _fill(chunk, extract_encoded(srcs, ids, parses, parallel_parse) if srcs else [])
        return
    # spawned workers: no copy of the main process's threads (the progress bar's) or state; they are its
    # own children, so the system counts their CPU time and memory with the build's
    method = "spawn"
    window: deque[tuple[list[FileWork], Future[tuple[list[bytes], int, int]] | None]] = deque()
    with ProcessPoolExecutor(jobs, multiprocessing.get_context(method), initializer=_warm) as pool:
        worker_parses = ParseCache(parses.folder, parses.previous)
        pending: Iterable[list[FileWork] | None] = chain(_chunks(works, TASK_DOCUMENTS), [None])
        for item in pending:  # None: the end, every chunk left in the window is waited for
            if item is not None:
                srcs = list(chain.from_iterable(w.sources for w in item))
                ids = list(chain.from_iterable(w.read_ids for w in item if w.cached is None))
                window.append((item, pool.submit(_task, srcs, ids, worker_parses) if srcs else None))
                for w in item:
                    w.sources = []
            while window and (item is None or len(window) > 2 * jobs or window[0][1] is None):
                done, future = window.popleft()
                lines: list[bytes] = []
                if future is not None:
                    try:
                        lines, hits, misses = future.result()
                    except BrokenProcessPool as exc:
                        raise AbortRun("a worker process extracting documents died (out of memory?): "
                                       "the workspace was left as it was; build again, or with --jobs 1") from exc
                    parses.hits += hits
                    parses.misses += misses
                yield from _fill(done, lines)
