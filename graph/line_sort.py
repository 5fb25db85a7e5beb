"""Sorting more lines than fit in memory: sorted runs spilled to temporary files, merged lazily.

The line-based RDF exports (N-Triples, N-Quads) are the store's lines sorted and without duplicates,
so that they are byte-identical from one build to the next; Turtle and TriG are written from the same
sorted stream. A build of 10,000 documents has tens of millions of lines: they are sorted in runs of
``run_size`` lines and merged with ``heapq.merge``, so memory is bounded by one run, not the export.
Lines compare as Python strings (code points), which is also the byte order of their UTF-8.
"""

from __future__ import annotations

import heapq
import tempfile
from collections.abc import Iterable, Iterator
from typing import IO

RUN_SIZE = 200_000


def _spill(run: list[str]) -> IO[str]:
    fh = tempfile.TemporaryFile("w+", encoding="utf-8", newline="\n")
    fh.writelines(line + "\n" for line in run)
    fh.seek(0)
    return fh


def _read(fh: IO[str]) -> Iterator[str]:
    for line in fh:
        yield line[:-1]


def sorted_unique(lines: Iterable[str], run_size: int = RUN_SIZE) -> Iterator[str]:
    """``lines`` (without line ends; none may contain one) in sorted order, each once."""
    runs: list[IO[str]] = []
    run: set[str] = set()
    try:
        for line in lines:
            run.add(line)
            if len(run) >= run_size:
                runs.append(_spill(sorted(run)))
                run = set()
        last = sorted(run)
        run = set()
        merged: Iterable[str] = heapq.merge(*(_read(fh) for fh in runs), last) if runs else last
        previous = None
        for line in merged:
            if line != previous:
                yield line
                previous = line
    finally:
        for fh in runs:
            fh.close()
