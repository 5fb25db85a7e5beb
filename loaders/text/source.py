"""``SourceText``: a document's cleaned text with a map back to character offsets in the file.

Extraction works on ``clean`` (markup removed, line wraps joined, look-alike letters folded); every
evidence is cut from ``raw``, the file's text as read, through ``offsets``, so a quote is always
verbatim at its offsets whatever the cleaning did.
"""

from __future__ import annotations

from array import array
from collections.abc import Sequence
from dataclasses import dataclass

from graph.model import Document, Evidence


@dataclass
class SourceText:
    """``offsets[i]`` is the index in ``raw`` of ``clean[i]``; ``offsets[len(clean)]`` ends the text."""

    document: Document
    raw: str
    clean: str
    offsets: Sequence[int]

    def __post_init__(self) -> None:
        if not isinstance(self.offsets, array):
            # a compact int array: a Python list costs ~36 bytes per character of text
            self.offsets = array("q", self.offsets)
        if len(self.offsets) != len(self.clean) + 1:
            raise ValueError("offsets must have one entry per clean character plus one")

    def raw_span(self, start: int, end: int) -> tuple[int, int]:
        """The file span behind ``clean[start:end]``."""
        start = max(0, min(start, len(self.clean)))
        end = max(start, min(end, len(self.clean)))
        if end == start:
            return self.offsets[start], self.offsets[start]
        return self.offsets[start], self.offsets[end - 1] + 1

    def evidence(self, start: int, end: int) -> Evidence:
        """Evidence for ``clean[start:end]``: file offsets and the file's own text between them."""
        start = max(0, min(start, len(self.clean)))
        end = max(start, min(end, len(self.clean)))
        while start < end and self.clean[start].isspace():
            start += 1
        while end > start and self.clean[end - 1].isspace():
            end -= 1
        rs, re_ = self.raw_span(start, end)
        return Evidence(self.document.id, rs, re_, self.raw[rs:re_])

    @classmethod
    def identity(cls, document: Document, raw: str, start: int = 0, end: int | None = None) -> SourceText:
        """A source whose clean text is ``raw[start:end]`` unchanged."""
        end = len(raw) if end is None else end
        return cls(document, raw, raw[start:end], array("q", range(start, end + 1)))
