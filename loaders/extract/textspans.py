"""Sentences, paragraphs and stated years in a clean text, as ``(start, end)`` offsets.

Used by actor, membership and table extraction to cut evidence passages and to bound the rules that
look at "the same sentence". Deliberately simple: a sentence ends at ``.``, ``!`` or ``?`` followed by
space and a capital (not after ``Mr.``, ``U.S.``-style initials), or at a blank line.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator
from functools import lru_cache

from graph.model import FuzzyDate

_PARA = re.compile(r"\n[ \t]*\n\s*")
_END = re.compile(r"(?<=[.!?])[\"'\u201d\u2019)\]]*\s+(?=[\"'\u201c\u2018(\[]?[A-Z0-9])")
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|No|Art|Vol|vs|etc|al|Jr|Sr|Gen|Lt|Col|Prof|e\.g|i\.e)"
                     r"|\b[A-Z])\.$")
MAX_PASSAGE = 400

MONTHS = {m: i + 1 for i, m in enumerate(
    ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
     "november", "december"])}
_MONTH_RE = "|".join(MONTHS)
_DATE = re.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})\s+(?P<m1>{_MONTH_RE})|(?P<m2>{_MONTH_RE})(?:\s+(?P<d2>\d{{1,2}}),?)?)\s+"
    rf"(?P<y1>(?:19|20)\d\d)\b|\b(?P<y2>(?:19|20)\d\d)\b(?!\s*[-\u2013]\s*\d)",
    re.I,
)


def paragraphs(text: str) -> list[tuple[int, int]]:
    out, pos = [], 0
    for m in _PARA.finditer(text):
        if m.start() > pos:
            out.append((pos, m.start()))
        pos = m.end()
    if pos < len(text):
        out.append((pos, len(text)))
    return out


@lru_cache(maxsize=16)
def _sentences_cached(text: str) -> tuple[tuple[int, int], ...]:
    out: list[tuple[int, int]] = []
    for ps, pe in paragraphs(text):
        start = ps
        for m in _END.finditer(text, ps, pe):
            if _ABBREV.search(text, max(start, m.start() - 6), m.start()):
                continue
            out.append((start, m.start()))
            start = m.end()
        if start < pe:
            out.append((start, pe))
    return tuple(out)


def sentences(text: str) -> tuple[tuple[int, int], ...]:
    return _sentences_cached(text)


@lru_cache(maxsize=16)
def _starts(text: str) -> tuple[int, ...]:
    return tuple(s for s, _ in sentences(text))


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
    for s, e in paragraphs(text):
        if s <= pos < e:
            return s, e
    return pos, pos


def _citation(text: str, m: re.Match[str]) -> bool:
    """A year of a reference such as "(OHCHR, 2018c)" or "(Kelliher, 2023; NEC, 2023)"."""
    return bool(m.group("y2")) and bool(re.match(r"[a-z]?\s*[);]", text[m.end():m.end() + 3])) and \
        text[max(0, m.start() - 2):m.start()].endswith((", ", ","))


def _date(m: re.Match[str]) -> FuzzyDate:
    if m.group("y2"):
        return FuzzyDate.of(int(m.group("y2")), phrase=m.group())
    month = MONTHS[(m.group("m1") or m.group("m2")).lower()]
    day = m.group("d1") or m.group("d2")
    try:
        return FuzzyDate.of(int(m.group("y1")), month, int(day) if day else None, phrase=m.group())
    except ValueError:
        return FuzzyDate.of(int(m.group("y1")), month, phrase=m.group())


def iter_dates(text: str, start: int = 0, end: int | None = None) -> Iterator[tuple[int, FuzzyDate]]:
    """Every date stated in ``text[start:end]`` (not reference years), as ``(offset, FuzzyDate)``."""
    for m in _DATE.finditer(text, start, len(text) if end is None else end):
        if not _citation(text, m):
            yield m.start(), _date(m)


def first_date(text: str, start: int = 0, end: int | None = None) -> FuzzyDate | None:
    """The first year, month or day stated in ``text[start:end]`` ("May 2023", "25 May 2023", "2021")."""
    return next((d for _, d in iter_dates(text, start, end)), None)
