"""The term of a tie, stated right after it: "since 2021" (a start), "from 1993 to 1998" or "between
1993 and 1998" or "1993-1998" (a start and an end), "until 2017" (an end). Only within
``WINDOW`` characters after where the tie is stated, in its sentence: a date further on is about
something else."""

from __future__ import annotations

import re
from dataclasses import dataclass

from graph.model import FuzzyDate
from loaders.text.textspans import first_date

WINDOW = 100
_DATE = r"(?:(?:\d{1,2}\s+)?[A-Z][a-z]+\.?\s+)?(?:19|20)\d\d"
_SINCE = re.compile(rf"\bsince\s+(?P<a>{_DATE})\b")
_SPAN = re.compile(rf"\b(?:from|between)\s+(?P<a>{_DATE})\s+(?:to|and|until|till|through)\s+(?P<b>{_DATE})\b"
                   rf"|\b(?P<a2>(?:19|20)\d\d)\s*[-–]\s*(?P<b2>(?:19|20)\d\d)\b")
_UNTIL = re.compile(rf"\b(?:until|till)\s+(?P<b>{_DATE})\b")


@dataclass(frozen=True)
class Term:
    start: FuzzyDate | None = None
    end: FuzzyDate | None = None


def term_after(text: str, at: int, sentence_end: int) -> Term | None:
    """The term stated within ``WINDOW`` characters after ``at`` (and before ``sentence_end``), if any."""
    stop = min(sentence_end, at + WINDOW)
    found: list[tuple[int, Term]] = []
    m = _SPAN.search(text, at, stop)
    if m:
        a, b = ("a", "b") if m.group("a") else ("a2", "b2")
        found.append((m.start(), Term(first_date(text, m.start(a), m.end(a)), first_date(text, m.start(b), m.end(b)))))
    m = _SINCE.search(text, at, stop)
    if m:
        found.append((m.start(), Term(start=first_date(text, m.start("a"), m.end("a")))))
    m = _UNTIL.search(text, at, stop)
    if m:
        found.append((m.start(), Term(end=first_date(text, m.start("b"), m.end("b")))))
    return min(found, key=lambda p: p[0])[1] if found else None
