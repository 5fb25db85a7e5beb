"""Files that hold several documents: a compilation whose every piece opens with its title written twice.

Rule: a short, title-like line whose next non-blank line is the same line opens a new document. A file
needs at least two such openings to be split; otherwise it is one document. Text before the first
opening (a preamble) is a part of its own when it is not blank. Parts keep their offsets in the file.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text.tracked import Tracked

#: A title has between MIN_WORDS and MAX_WORDS words and at most MAX_CHARS characters.
MIN_WORDS, MAX_WORDS, MAX_CHARS = 3, 30, 200
_NOT_TITLE = re.compile(r"^\s*(?:[-•*]|\d{1,3}[.)])\s|\t|\|")


@dataclass(frozen=True)
class Part:
    """``text[start:end]`` of the tracked text is one document; ``title`` is None for a preamble.
    ``repeat`` is the span of the title's second copy (left out of the clean text)."""

    title: str | None
    start: int
    end: int
    repeat: tuple[int, int] | None = None


def _lines(text: str) -> list[tuple[int, int, str]]:
    """Non-blank lines as (start, end, stripped text), positions in ``text``."""
    out = []
    pos = 0
    for raw in text.split("\n"):
        if raw.strip():
            out.append((pos, pos + len(raw), raw.strip()))
        pos += len(raw) + 1
    return out


def is_title_like(line: str) -> bool:
    words = line.split()
    return MIN_WORDS <= len(words) <= MAX_WORDS and len(line) <= MAX_CHARS and not _NOT_TITLE.match(line)


def find_parts(text: str) -> list[Part]:
    """The documents of ``text``: one part (the whole text, no title) unless there are repeated titles."""
    lines = _lines(text)
    openings: list[tuple[int, int, str, tuple[int, int]]] = []
    for n in range(len(lines) - 1):
        (s1, _, t1), (s2, e2, t2) = lines[n], lines[n + 1]
        if t1 == t2 and is_title_like(t1) and (not openings or openings[-1][0] != n - 1):
            openings.append((n, s1, t1, (s2, e2)))
    if len(openings) < 2:
        return [Part(None, 0, len(text))]
    parts = []
    first = openings[0][1]
    if text[:first].strip():
        parts.append(Part(None, 0, first))
    for k, (_, start, title, repeat) in enumerate(openings):
        end = openings[k + 1][1] if k + 1 < len(openings) else len(text)
        parts.append(Part(title, start, end, repeat))
    return parts


def part_text(base: Tracked, part: Part) -> Tracked:
    """The part's tracked text, without the second copy of its title."""
    if part.repeat is None:
        return base.slice(part.start, part.end)
    a, b = part.repeat
    return base.rebuild([(part.start, a), (b, part.end)], end=part.end)
