"""Line structure of text converted from PDF or the web: which line breaks are wraps, which are
paragraph breaks, which lines are footnotes, tables or list items.

The clean text keeps a paragraph break as ``"\\n\\n"``, a deliberate line break (a heading, a list
item, a table row, a short line) as ``"\\n"``, and joins a wrapped line to the next with a space
(``elec-`` + ``tion`` -> ``election`` when the document does not write ``elec-tion`` elsewhere).

Rules, all read from the document itself:

- *Footnote blocks*: a separator line (long blank or ``_____``) followed by a line opening with a
  footnote number; the block runs on over numbered lines, URL lines and one-word lines (a URL cut
  in two). A numbered URL line (``1 http://...``) anywhere is a footnote too. Both are dropped.
- *Double-spaced layout*: when most lines are followed by exactly one empty line, mostly end
  mid-sentence and often go on in lower case (a PDF export with a blank line after every line), one
  empty line is a wrap, and a paragraph break is a line holding only spaces or three or more blank
  lines.
- *Page breaks*: a break between a line that does not end a sentence and one opening in lower case
  is a wrap, even across blank lines or a footnote block.
- *Tables*: lines with a tab, two ``|`` or space-aligned cells with a number keep their line breaks;
  list items (``-``, ``•``, and
  ``1.``/``a)`` unless the line before is a full-width line going on mid-sentence) start a new line.
- *Short lines*: a single line break after a line much shorter than the document's usual line
  width is kept (abbreviation lists, headings); after a full-width line it is a wrap.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from loaders.text.tracked import Lit, Piece, Tracked

_FOOTNOTE_START = re.compile(r"^\s*\d{1,3}\s+\S")
_NUMBERED_URL = re.compile(r"^\s*\d{1,3}\s+(?:https?://|www\.)\S*")
_URLISH = re.compile(r"https?://|www\.")
_URL_PIECE = re.compile(r"^\S*[/%_=&.\-]\S*$")
_RULE = re.compile(r"^\s*[_\-—=]{5,}\s*$")
_BULLET = re.compile(r"^\s*[-•*▪●◦–]\s")
_NUMBERED = re.compile(r"^\s*(?:\(?\d{1,2}[.)]|\(?[a-z][.)])\s")
_TERMINAL = ".!?:;"
#: A line shorter than this share of the usual width ended on purpose.
SHORT_LINE = 0.6


@dataclass
class Line:
    start: int  # first non-blank character (index in the tracked text)
    end: int  # after the last non-blank character
    text: str  # stripped
    raw: str  # as in the text, without the newline

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(text: str) -> list[Line]:
    lines: list[Line] = []
    pos = 0
    for raw in text.split("\n"):
        stripped = raw.strip()
        lead = len(raw) - len(raw.lstrip())
        lines.append(Line(pos + lead, pos + lead + len(stripped), stripped, raw))
        pos += len(raw) + 1
    return lines


_ALIGNED_GAP = re.compile(r"\S {2,}(?=\S)")


def is_table(line: Line) -> bool:
    """A table row: cells split by a tab, by ``|``, or aligned by runs of spaces with a number among them."""
    text = line.text.strip()
    if "\t" in text or text.count("|") >= 2:
        return True
    return len(_ALIGNED_GAP.findall(text)) >= 2 and any(ch.isdigit() for ch in text)


def is_separator(line: Line) -> bool:
    return (line.blank and len(line.raw) >= 10) or bool(_RULE.match(line.raw))


def _in_block(line: Line, after_separator: bool) -> bool:
    """Whether a line continues a footnote block: a numbered line (after a separator), a URL line or
    a one-word line with URL punctuation (the rest of a URL)."""
    if line.blank:
        return False
    if _FOOTNOTE_START.match(line.raw):
        return after_separator or bool(_NUMBERED_URL.match(line.raw))
    return bool(_URLISH.search(line.text)) or bool(_URL_PIECE.match(line.text))


def footnote_lines(lines: list[Line]) -> set[int]:
    """Indexes of lines that belong to footnotes (separators included)."""
    dropped: set[int] = set()
    i = 0
    while i < len(lines):
        line = lines[i]
        nxt = lines[i + 1].raw if i + 1 < len(lines) else ""
        after_separator = is_separator(line) and bool(_FOOTNOTE_START.match(nxt))
        if after_separator or _NUMBERED_URL.match(line.raw):
            j = i + 1
            while j < len(lines) and _in_block(lines[j], after_separator):
                j += 1
            dropped.update(range(i, j))
            i = j
            continue
        i += 1
    return dropped


def footnote_numbers(text: str) -> set[int]:
    """The numbers of the footnotes of ``text`` (the footnote lines ``reflow`` drops)."""
    lines = split_lines(text.replace("\f", " "))
    out = set()
    for i in footnote_lines(lines):
        m = re.match(r"\s*(\d{1,3})\s", lines[i].raw)
        if m:
            out.add(int(m.group(1)))
    return out


def ends_sentence(text: str) -> bool:
    t = text.rstrip("\"'”’)]*")
    return bool(t) and t[-1] in _TERMINAL


def _percentile(values: list[int], q: float) -> int:
    if not values:
        return 0
    values = sorted(values)
    return values[min(len(values) - 1, int(q * len(values)))]


def _gaps(content: list[int], lines: list[Line], dropped: set[int]) -> list[list[Line]]:
    """For each pair of consecutive content lines, the blank lines between them (dropped ones left out)."""
    pairs = zip(content, content[1:], strict=False)
    return [[lines[k] for k in range(a + 1, b) if k not in dropped] for a, b in pairs]


def double_spaced(content: list[int], lines: list[Line], gaps: list[list[Line]]) -> bool:
    one_empty = [i for i, g in enumerate(gaps) if len(g) == 1 and g[0].raw == ""]
    if len(one_empty) < 6 or len(one_empty) < 0.5 * len(gaps):
        return False
    mid = sum(1 for i in one_empty if not ends_sentence(lines[content[i]].text))
    lower = sum(1 for i in one_empty if lines[content[i + 1]].text[0].islower())
    return mid >= 0.5 * len(one_empty) and lower >= 0.3 * len(one_empty)


def _hyphen_join(a: Line, b: Line, text_lower: str) -> list[Piece]:
    """Pieces joining ``a`` (ending in a hyphen) to ``b``: drop the hyphen unless the document writes
    the hyphenated word elsewhere and never the joined one."""
    w1 = re.search(r"[^\W\d_]+-$", a.text)
    w2 = re.match(r"[^\W\d_]+", b.text)
    keep_hyphen = "://" in a.text.rsplit(" ", 1)[-1]
    if w1 and w2:
        hyphenated = (w1.group() + w2.group()).lower()
        joined = hyphenated.replace("-", "")
        keep_hyphen = keep_hyphen or (text_lower.count(hyphenated) > 0 and text_lower.count(joined) == 0)
    return [(a.start, a.end if keep_hyphen else a.end - 1), (b.start, b.end)]


def reflow(t: Tracked, hard_breaks: bool = False) -> Tracked:
    """Join wrapped lines, drop footnotes, keep paragraphs as ``\\n\\n`` (see the module docstring).
    With ``hard_breaks`` (text made from HTML, whose line breaks all come from tags) no line is joined."""
    lines = split_lines(t.text.replace("\f", " "))
    dropped = footnote_lines(lines)
    content = [i for i, line in enumerate(lines) if not line.blank and i not in dropped]
    if not content:
        return t.rebuild([])
    gaps = _gaps(content, lines, dropped)
    double = not hard_breaks and double_spaced(content, lines, gaps)
    width = _percentile([len(lines[i].text) for i in content if not is_table(lines[i])], 0.8)
    lower = t.text.lower()
    pieces: list[Piece] = []
    pending_start = lines[content[0]].start
    for n, gap in enumerate(gaps):
        a, b = lines[content[n]], lines[content[n + 1]]
        if double:
            para = any(g.raw != "" for g in gap) or len(gap) >= 3
        else:
            para = len(gap) >= 1
        sep: str | None
        long_a = len(a.text) >= SHORT_LINE * width
        # "1." / "a)" opens an item unless it just goes on a wrapped sentence ("(Article" + "31) and")
        numbered = _NUMBERED.match(b.raw) and (para or ends_sentence(a.text) or not long_a)
        if is_table(a) or is_table(b) or _BULLET.match(b.raw) or numbered:
            sep = "\n\n" if para else "\n"
        elif hard_breaks:
            sep = "\n\n" if para else "\n"
        elif b.text[0].islower() and not ends_sentence(a.text) and not is_table(a):
            sep = "" if a.text.endswith("-") else " "
        elif para:
            sep = "\n\n"
        elif long_a:
            sep = "" if a.text.endswith("-") else " "
        else:
            sep = "\n"
        if sep == "" and b.text[0].islower():
            join = _hyphen_join(Line(pending_start, a.end, a.text, a.raw), b, lower)
            pieces.append(join[0])
            pending_start = b.start
            continue
        pieces.append((pending_start, a.end))
        pieces.append(Lit(sep, a.end))
        pending_start = b.start
    pieces.append((pending_start, lines[content[-1]].end))
    return t.rebuild(pieces)
