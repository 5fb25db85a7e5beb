"""Cleaning a document's text for extraction while every character keeps its offset in the file.

``clean(tracked)`` runs, in order: odd characters (BOM, soft hyphens, odd spaces, ligatures), leftover
markup (HTML-like inline tags such as ``<u>``/``<i>``, LaTeX fragments such as ``$\\underline{..}$``,
``\\textbf{..}``, ``\\$``, Markdown emphasis and heading marks), line structure (``loaders.text.reflow``:
line wraps, hyphenation, footnote blocks, paragraphs, tables), footnote numbers glued to words
(``Reforms1,`` -> ``Reforms,``), and look-alike letters (a Cyrillic ``СРР`` -> ``CPP``).
Typos are left alone. The character tables are in ``data/lexicon/cleaning.yaml``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import cache
from typing import Any

from graph.ids import lookalikes
from graph.resources import read_lexicon
from loaders.text.reflow import footnote_numbers, reflow
from loaders.text.tracked import Lit, Piece, Tracked, drop, keep, literal

#: The tables of ``cleaning.yaml`` this module reads, and their kinds.
TABLES = {"homoglyphs": dict, "spaces": list, "invisible": list, "ligatures": dict, "latex_symbols": dict}


def tables() -> dict[str, Any]:
    return read_lexicon("cleaning.yaml", TABLES)


# --- characters -------------------------------------------------------------------------------------

def normalize_characters(t: Tracked) -> Tracked:
    tab = tables()
    t = t.translate({ord(c): " " for c in tab["spaces"]})
    t = t.sub(re.compile("[" + "".join(tab["invisible"]) + "]"), drop)
    ligatures = tab["ligatures"]
    return t.sub(re.compile("[" + "".join(ligatures) + "]"), lambda m: [Lit(ligatures[m.group()], m.start())])


# --- markup -----------------------------------------------------------------------------------------

_SUP_NOTE = re.compile(r"<sup>\s*\d{1,3}\s*</sup>", re.I)
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9]*(?:\s[^<>\n]*)?/?>")
_MATH = re.compile(r"(?<![\\\w])\$(?=[^\s\d$])([^$\n]*?\\[A-Za-z][^$\n]*?)(?<!\\)\$")
_LATEX_ARG = re.compile(r"\\[A-Za-z]+\*?\{([^{}\n]*)\}")
_LATEX_OPEN = re.compile(r"\\[A-Za-z]+\*?\{")  # an argument never closed (broken source)
_LATEX_ESCAPE = re.compile(r"\\([$%&#_{}])")
_LATEX_BREAK = re.compile(r"\\\\")
_LATEX_WORD = re.compile(r"\\([A-Za-z]+)\b ?")
_MD_STRONG = re.compile(r"(\*\*|__)(?=\S)(.+?)(?<=\S)\1")
_MD_HEADING = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
_MD_LINK = re.compile(r"\[([^\]\n]+)\]\((?:https?://|www\.)[^)\s]*\)")


def strip_markup(t: Tracked) -> Tracked:
    """Remove leftover HTML-like tags, LaTeX and Markdown marks, keeping the words they wrap."""
    t = t.sub(_SUP_NOTE, drop)
    t = t.sub(_TAG, drop)
    t = t.sub(_MATH, keep(1))
    for _ in range(4):  # nested \cmd{\cmd{..}}
        before = len(t)
        t = t.sub(_LATEX_ARG, keep(1))
        if len(t) == before:
            break
    t = t.sub(_LATEX_OPEN, drop)
    t = t.sub(_LATEX_ESCAPE, keep(1))
    t = t.sub(_LATEX_BREAK, literal(" "))
    symbols = tables()["latex_symbols"]
    t = t.sub(_LATEX_WORD, lambda m: [Lit(symbols[m.group(1)], m.start())] if m.group(1) in symbols else [])
    t = t.sub(_MD_STRONG, keep(2))
    t = t.sub(_MD_HEADING, drop)
    return t.sub(_MD_LINK, keep(1))


# --- footnote numbers -------------------------------------------------------------------------------

#: A footnote number glued to the end of a lower-case word, before punctuation, a quote or a space:
#: ``Reforms1,`` ``state5”.`` -- not ``COVID-19``, ``KII4``, ``Article 98``, ``2023``, ``120 seats``.
_NOTE_REF = re.compile(r"(?<=[a-z][a-z][a-z])\d{1,3}(?=[\s\"'”’.,;:)\]]|$)")
#: A footnote number glued to a year after a month: ``March 201917`` -> ``March 2019``.
_MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December"
_NOTE_AFTER_YEAR = re.compile(rf"\b(?:{_MONTHS})\s+(?:\d{{1,2}},?\s+)?(?:19|20)\d\d(\d{{1,3}})(?![\d\w])")
#: A number glued to an upper-case word (``NEC58``) or after a closing quote or bracket (``“die”46``,
#: ``(GDP)40``): a footnote only when the document has a footnote of that number.
_NOTE_AFTER_CAPS = re.compile(r"(?:(?<=[A-Z][A-Z])|(?<=[”’\")\]]))(\d{1,3})(?=[\s\"'”’.,;:)\]]|$)")


def drop_note_numbers(t: Tracked, notes: set[int] | frozenset[int] = frozenset()) -> Tracked:
    """Drop footnote numbers glued to words; ``notes`` are the numbers of the document's footnotes."""
    t = t.sub(_NOTE_REF, drop)
    t = t.sub(_NOTE_AFTER_YEAR, keep_outside(1))
    if notes:
        t = t.sub(_NOTE_AFTER_CAPS, lambda m: [] if int(m.group(1)) in notes else [m.span()])
    return t


def keep_outside(group: int) -> Callable[[re.Match[str]], list[Piece]]:
    """Keep the match but for ``group``."""
    def repl(m: re.Match[str]) -> list[Piece]:
        return [(m.start(), m.start(group)), (m.end(group), m.end())]
    return repl


# --- look-alike letters -----------------------------------------------------------------------------

_WORD = re.compile(r"[^\W\d_]+")
_LATIN = re.compile(r"[A-Za-z\u00c0-\u024f]")


@cache
def _lookalike_class() -> re.Pattern[str]:
    return re.compile("[" + "".join(re.escape(chr(c)) for c in sorted(lookalikes())) + "]")


def fold_homoglyphs(t: Tracked) -> Tracked:
    """Fold Cyrillic/Greek look-alikes to Latin in words written in Latin letters, and in words made
    only of look-alikes when the text is mostly Latin script (``СРР`` in an English report)."""
    table = lookalikes()
    text = t.text
    lookalike = _lookalike_class()
    if not table or not lookalike.search(text):
        return t  # no look-alike letter at all: nothing to fold
    letters = sum(map(str.isalpha, text)) or 1
    mostly_latin = len(_LATIN.findall(text)) / letters > 0.8
    chars = list(text)
    changed = False
    for m in _WORD.finditer(text):
        word = m.group()
        if not lookalike.search(word):
            continue
        has_latin = bool(_LATIN.search(word))
        only_lookalikes = all(ord(c) in table or _LATIN.match(c) for c in word)
        if only_lookalikes and (has_latin or mostly_latin):
            for i in range(m.start(), m.end()):
                chars[i] = chars[i].translate(table)
            changed = True
    return Tracked("".join(chars), t.offsets) if changed else t


# --- spaces -----------------------------------------------------------------------------------------

_SPACES = re.compile(r"(?<=[^\s]) {2,}(?=[^\s])")


_ALIGNED_ROW = re.compile(r"[^\n]*\S {2,}\S[^\n]*\S {2,}\S[^\n]*")


def aligned_tables(text: str) -> list[tuple[int, int]]:
    """The spans of runs of two or more consecutive lines that are rows of a space-aligned table (two
    or more gaps of several spaces). A line is tested with the row pattern only when it has two gaps
    of two spaces (the pattern backtracks over every line otherwise)."""
    out: list[tuple[int, int]] = []
    run: list[tuple[int, int]] = []
    pos = 0
    for line in [*text.split("\n"), None]:
        if line is not None and line.count("  ") >= 2 and _ALIGNED_ROW.fullmatch(line):
            run.append((pos, pos + len(line)))
        else:
            if len(run) >= 2:
                out.append((run[0][0], run[-1][1]))
            run = []
        pos += len(line or "") + 1
    return out


def collapse_spaces(t: Tracked) -> Tracked:
    """Runs of spaces become one, except in a space-aligned table: two or more consecutive lines with
    two or more gaps of several spaces each (the gaps split the cells)."""
    rows = aligned_tables(t.text)

    def repl(m: re.Match[str]) -> list[Piece]:
        if any(a <= m.start() < b for a, b in rows):
            return [m.span()]
        return [(m.start(), m.start() + 1)]

    return t.sub(_SPACES, repl)


def clean(t: Tracked, hard_breaks: bool = False) -> Tracked:
    """The whole cleaning: see the module docstring. ``hard_breaks``: keep every line break (HTML)."""
    t = normalize_characters(t)
    t = strip_markup(t)
    notes = footnote_numbers(t.text)
    t = reflow(t, hard_breaks)
    t = drop_note_numbers(t, notes)
    t = fold_homoglyphs(t)
    return collapse_spaces(t)
