"""The main text of an HTML page as a ``Tracked`` text whose offsets point into the HTML file's text.

Tags are not re-serialised: text between tags is kept as slices of the file, block elements become
paragraph breaks (``"\\n\\n"``), ``<br>``/``<li>``/``<tr>`` line breaks and table cells tabs, each
pinned to its tag's position. ``script``, ``style``, ``nav``, ``header``, ``footer`` (and ``head``,
``noscript``, ``template``, ``svg``, ``aside``) are dropped. When the page has a ``<main>`` or
``<article>``, only its text is kept. Entities (``&amp;``) become their character, pinned to the ``&``.
"""

from __future__ import annotations

import html
import re
from html.parser import HTMLParser

from loaders.text.tracked import Lit, Piece, Tracked

SKIP = frozenset({
    "script", "style", "nav", "header", "footer", "head", "title", "noscript", "template", "svg", "aside",
})
MAIN = frozenset({"main", "article"})
BLOCK = frozenset({
    "p", "div", "section", "h1", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "table", "blockquote", "pre",
    "figure", "figcaption", "hr", "address", "dl", "dd", "dt", "main", "article", "body", "form", "caption",
})
LINE = frozenset({"br", "li", "tr"})
CELL = frozenset({"td", "th"})
VOID = frozenset({"br", "hr", "img", "meta", "link", "input", "wbr", "area", "base", "col", "source"})
_SPACE_RUN = re.compile(r"\s+")


class _Collector(HTMLParser):
    def __init__(self, raw: str) -> None:
        super().__init__(convert_charrefs=False)
        self.raw = raw
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", raw)]
        self.skip_depth = 0
        self.main_depth = 0
        self.pre_depth = 0
        self.in_title = False
        self.title: list[str] = []
        self.pieces: list[tuple[bool, Piece]] = []  # (inside main/article, piece)

    def pos(self) -> int:
        line, col = self.getpos()
        return self.line_starts[line - 1] + col

    def _emit(self, piece: Piece) -> None:
        if self.skip_depth == 0:
            self.pieces.append((self.main_depth > 0, piece))

    def _structure(self, tag: str) -> None:
        if tag in BLOCK:
            self._emit(Lit("\n\n", self.pos()))
        elif tag in LINE:
            self._emit(Lit("\n", self.pos()))
        elif tag in CELL:
            self._emit(Lit("\t", self.pos()))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "title":
            self.in_title = True
        if tag in SKIP and tag not in VOID:
            self.skip_depth += 1
            return
        self._structure(tag)
        if tag in MAIN:
            self.main_depth += 1
        if tag == "pre":
            self.pre_depth += 1

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in SKIP:
            self._structure(tag)

    def handle_endtag(self, tag: str) -> None:
        if tag == "title":
            self.in_title = False
        if tag in SKIP:
            self.skip_depth = max(0, self.skip_depth - 1)
            return
        if tag in MAIN:
            self.main_depth = max(0, self.main_depth - 1)
        if tag == "pre":
            self.pre_depth = max(0, self.pre_depth - 1)
        if tag in BLOCK:
            self._emit(Lit("\n\n", self.pos()))

    def handle_data(self, data: str) -> None:
        if self.in_title:
            self.title.append(data)
        start = self.pos()
        if self.pre_depth:
            self._emit((start, start + len(data)))
            return
        last = 0
        for m in _SPACE_RUN.finditer(data):
            self._emit((start + last, start + m.start()))
            self._emit(Lit(" ", start + m.start()))
            last = m.end()
        self._emit((start + last, start + len(data)))

    def _ref(self, text: str) -> None:
        char = html.unescape(text)
        if self.in_title:
            self.title.append(char)
        self._emit(Lit(char, self.pos()))

    def handle_entityref(self, name: str) -> None:
        self._ref(f"&{name};")

    def handle_charref(self, name: str) -> None:
        self._ref(f"&#{name};")


def html_text(raw: str) -> tuple[Tracked, str | None]:
    """The page's main text (offsets into ``raw``) and its ``<title>``."""
    parser = _Collector(raw)
    parser.feed(raw)
    parser.close()
    main_only = any(inside for inside, _ in parser.pieces)
    pieces = [p for inside, p in parser.pieces if inside or not main_only]
    title = _SPACE_RUN.sub(" ", "".join(parser.title)).strip() or None
    return Tracked.of(raw).rebuild(pieces), title

