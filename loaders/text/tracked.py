"""``Tracked``: a text whose every character remembers its offset in the file, and edits that keep it so.

Cleaning never re-serialises a document: each step builds a new ``Tracked`` from slices of the old one
(characters keep their offsets) and short literals (a space for a line wrap, ``"\\n\\n"`` for a paragraph
break, ``C`` for a Cyrillic ``С``), each literal pinned to the offset of a character it stands for.
``SourceText`` is built from the final text and offsets.
"""

from __future__ import annotations

import re
from array import array
from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class Lit:
    """A literal in a replacement, standing at ``pos`` (an index in the current text)."""

    text: str
    pos: int


Piece = tuple[int, int] | Lit
"""A slice ``(a, b)`` of the current text, or a literal."""


class Tracked:
    """``text`` with ``offsets``: ``offsets[i]`` is the file offset of ``text[i]``, plus one end entry."""

    __slots__ = ("text", "offsets")

    def __init__(self, text: str, offsets: array) -> None:
        if len(offsets) != len(text) + 1:
            raise ValueError("offsets must have one entry per character plus one")
        self.text = text
        self.offsets = offsets

    @classmethod
    def of(cls, raw: str, start: int = 0, end: int | None = None) -> Tracked:
        """``raw[start:end]`` with its own offsets."""
        end = len(raw) if end is None else end
        return cls(raw[start:end], array("q", range(start, end + 1)))

    def slice(self, a: int, b: int) -> Tracked:
        """``text[a:b]`` with its offsets."""
        return Tracked(self.text[a:b], self.offsets[a:b + 1])

    def __len__(self) -> int:
        return len(self.text)

    def rebuild(self, pieces: Iterable[Piece], end: int | None = None) -> Tracked:
        """A new text from slices ``(a, b)`` of this one and ``Lit`` literals, in order; its end entry
        is the offset at index ``end`` (default: the end of this text)."""
        parts: list[str] = []
        offs = array("q")
        for p in pieces:
            if isinstance(p, Lit):
                if p.text:
                    parts.append(p.text)
                    offs.extend([self.offsets[p.pos]] * len(p.text))
            else:
                a, b = p
                if b > a:
                    parts.append(self.text[a:b])
                    offs.extend(self.offsets[a:b])
        offs.append(self.offsets[len(self.text) if end is None else end])
        return Tracked("".join(parts), offs)

    def sub(self, pattern: re.Pattern[str], repl: Callable[[re.Match[str]], list[Piece]]) -> Tracked:
        """Like ``re.sub``: each match is replaced by the pieces ``repl(match)`` returns."""
        pieces: list[Piece] = []
        last = 0
        for m in pattern.finditer(self.text):
            pieces.append((last, m.start()))
            pieces.extend(repl(m))
            last = m.end()
        if not pieces:
            return self
        pieces.append((last, len(self.text)))
        return self.rebuild(pieces)

    def translate(self, table: dict[int, str]) -> Tracked:
        """Replace single characters one for one (offsets unchanged)."""
        return Tracked(self.text.translate(table), self.offsets)


# Helpers for ``Tracked.sub`` replacements.

def drop(_: re.Match[str]) -> list[Piece]:
    """Remove the whole match."""
    return []


def keep(*groups: int | str) -> Callable[[re.Match[str]], list[Piece]]:
    """Keep only the given groups of the match (with their offsets)."""
    def repl(m: re.Match[str]) -> list[Piece]:
        return [m.span(g) for g in groups if m.start(g) >= 0]
    return repl


def literal(text: str, group: int | str = 0) -> Callable[[re.Match[str]], list[Piece]]:
    """Replace the match by ``text``, pinned to the start of ``group``."""
    def repl(m: re.Match[str]) -> list[Piece]:
        return [Lit(text, m.start(group))]
    return repl
