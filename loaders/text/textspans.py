"""Offset helpers over ``sentences`` and ``dates`` for actor, membership and table extraction.

The project has one sentence splitter (``loaders.text.sentences``) and one date finder
(``loaders.dates.expressions``); this module only answers "which sentence / paragraph holds this offset"
(cutting long sentences to an evidence passage) and "which dates does this span state" (absolute dates,
reference years such as "(Smith, 2021b)" left out). Results are cached per text.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import lru_cache

from graph.model import FuzzyDate
from loaders.dates.expressions import DateExpr, find_dates
from loaders.text.sentences import split_paragraphs, split_sentences

MAX_PASSAGE = 400


@lru_cache(maxsize=16)
def _paragraphs_cached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple((p.start, p.end) for p in split_paragraphs(text))


def paragraphs(text: str) -> tuple[tuple[int, int], ...]:
    """The paragraphs of ``text`` as ``(start, end)`` offsets (``sentences.split_paragraphs``)."""
    return _paragraphs_cached(text)


@lru_cache(maxsize=16)
def _sentences_cached(text: str) -> tuple[tuple[int, int], ...]:
    return tuple(s for ps, pe in paragraphs(text) for s in split_sentences(text, ps, pe))


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    """The sentences of ``text`` as ``(start, end)`` offsets (``sentences.split_sentences``)."""
    return _sentences_cached(text)


@lru_cache(maxsize=16)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in sentences(text))


@lru_cache(maxsize=16)
def _paragraph_starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in paragraphs(text))


def sentence_at(text: str, pos: int) -> tuple[int, int]:
    """The sentence holding offset ``pos`` (cut to ``MAX_PASSAGE`` characters around it)."""
    spans = sentences(text)
    i = bisect.bisect_right(_starts(text), pos) - 1
    if i < 0:
        return (0, min(len(text), MAX_PASSAGE))
    s, e = spans[i]
    if e - s > MAX_PASSAGE:
        s0, e0 = s, e
        s = max(s, pos - MAX_PASSAGE // 2)
        e = min(e, s + MAX_PASSAGE)
        # cut between words
        while s > s0 and not text[s - 1].isspace():
            s -= 1
        while e < e0 and not text[e].isspace():
            e += 1
    return s, e


def paragraph_at(text: str, pos: int) -> tuple[int, int]:
    """The paragraph holding offset ``pos``, or ``(pos, pos)`` between paragraphs."""
    spans = paragraphs(text)
    i = bisect.bisect_right(_paragraph_starts(text), pos) - 1
    if i >= 0 and pos < spans[i][1]:
        return spans[i]
    return pos, pos


def _fuzzy(e: DateExpr) -> FuzzyDate | None:
    d = e.absolute()
    if d is None and e.kind == "absolute" and e.year is not None and e.month is not None:
        d = FuzzyDate.of(e.year, e.month, phrase=e.phrase)  # "31 June 2023": keep the month
    return d


def iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, FuzzyDate]]:
    """Every date stated in ``text[start:end]`` (not reference years), as ``(offset, FuzzyDate)``; also
    the date named in the anchor of a relative date ("2018" in "after the 2018 general elections")."""
    for e in find_dates(text, start, end):
        if e.anchor_start is not None and e.anchor_start < e.end:
            yield from iter_dates(text, e.anchor_start, e.end)
        elif e.role != "citation":
            d = _fuzzy(e)
            if d is not None:
                yield e.start, d


def first_date(text: str, start: int = 0, end: int | None = None) -> FuzzyDate | None:
    """The first year, month or day stated in ``text[start:end]`` ("May 2023", "25 May 2023", "2021")."""
    return next((d for _, d in iter_dates(text, start, end)), None)
