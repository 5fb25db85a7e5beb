"""Paragraphs, headings and sentences of a cleaned document text, as offsets into ``SourceText.clean``.

Event extraction works sentence by sentence and falls back on the paragraph, then on the section
heading, for context (a date, the antecedent of "the party"). Clean text separates paragraphs by blank
lines; a line on its own that is short and does not end a sentence is a heading. Everything after a
back-matter heading ("Bibliography", "References") is cut off: reference titles are not statements.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

_PARA = re.compile(r"\n[ \t]*\n\s*|\n(?=\s*(?:[-•*]|\d+\.)\s)")
_LINE = re.compile(r"\n")
# a sentence ends at . ! ? (and closing quotes/brackets) followed by space and a capital, digit or quote;
# or at a full stop carrying a footnote number ("to strike.7 Amnesty", "in July 2017.14 The")
_END = re.compile(r"(?<=[.!?])[\"'”’)\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])"
                  r"|(?:(?<=[a-z)][.]\d)|(?<=[a-z)][.]\d\d)|(?<=\d{4}[.]\d)|(?<=\d{4}[.]\d\d))\s+(?=[A-Z][a-z])")
_ABBREV = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|St|No|Nos|Art|Arts|Gen|Sen|Rep|Gov|Jr|Sr|vs|etc|al|cf|Jan|Feb|Mar|Apr|Jun|Jul|"
    r"Aug|Sep|Sept|Oct|Nov|Dec|e\.g|i\.e|U\.S|U\.N|U\.K)\.|\b[A-Z]\.)[\"'”’)\]]*$"
)
_TERMINAL = ".!?:;\"”’)"


@dataclass(frozen=True)
class Paragraph:
    start: int
    end: int
    heading: bool = False


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int
    paragraph: int  # index into the document's paragraphs


@dataclass
class Segmentation:
    """A document cut into paragraphs and sentences; ``section`` maps a paragraph to its heading."""

    paragraphs: list[Paragraph]
    sentences: list[Sentence]
    section: list[int | None]

    def sentences_of(self, paragraph: int) -> list[Sentence]:
        return [s for s in self.sentences if s.paragraph == paragraph]


def _is_heading(text: str) -> bool:
    s = text.strip()
    if not s or "\n" in s or len(s) > 90 or "\t" in s:
        return False
    if s[-1] in _TERMINAL and not s.endswith(")"):
        return False
    return s[0].isupper() or s[0].isdigit() or s[0] in "#*"


def split_paragraphs(text: str, start: int = 0, end: int | None = None) -> list[Paragraph]:
    """Non-empty paragraphs of ``text[start:end]``; each single line alone is checked for a heading."""
    end = len(text) if end is None else end
    out: list[Paragraph] = []
    pos = start
    for m in _PARA.finditer(text, start, end):
        _add_block(text, pos, m.start(), out)
        pos = m.end()
    _add_block(text, pos, end, out)
    return out


def _add_block(text: str, s: int, e: int, out: list[Paragraph]) -> None:
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    if e > s:
        out.append(Paragraph(s, e, _is_heading(text[s:e])))


def split_sentences(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Sentences of ``text[start:end]``; line breaks inside a paragraph also end a sentence."""
    out: list[tuple[int, int]] = []
    for line_s, line_e in _lines(text, start, end):
        s = line_s
        for m in _END.finditer(text, line_s, line_e):
            if _ABBREV.search(text, max(s, m.start() - 8), m.start()):
                continue
            out.append((s, m.start()))
            s = m.end()
        if s < line_e:
            out.append((s, line_e))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _lines(text: str, start: int, end: int) -> Iterable[tuple[int, int]]:
    pos = start
    for m in _LINE.finditer(text, start, end):
        yield pos, m.start()
        pos = m.end()
    yield pos, end


def _back_matter_start(text: str, paragraphs: list[Paragraph], words: Iterable[str]) -> int | None:
    keys = {w.lower() for w in words}
    for i, p in enumerate(paragraphs):
        title = re.sub(r"[^a-z ]", "", text[p.start:p.end].lower()).strip()
        if p.heading and title in keys and i > len(paragraphs) // 3:
            return i
    return None


def segment(text: str, back_matter: Iterable[str] = ()) -> Segmentation:
    """Paragraphs and sentences of a document, without its back matter."""
    paragraphs = split_paragraphs(text)
    cut = _back_matter_start(text, paragraphs, back_matter)
    if cut is not None:
        paragraphs = paragraphs[:cut]
    sentences: list[Sentence] = []
    section: list[int | None] = []
    current: int | None = None
    for i, p in enumerate(paragraphs):
        if p.heading:
            current = i
        section.append(current)
        for a, b in split_sentences(text, p.start, p.end):
            sentences.append(Sentence(a, b, i))
    return Segmentation(paragraphs, sentences, section)
