"""Is a passage about Cambodia? Decided per paragraph from the countries it names.

A paragraph naming Cambodia (its name, adjective, capital) is in scope. A paragraph naming another
country at least twice and Cambodia not at all is out of scope (a statement on Thailand's elections,
a letter's aside on Bangladesh). Other paragraphs inherit the decision of the paragraph before; the
first one takes the document's: in scope unless the document names another country more than
Cambodia. Country names are data (``data/lexicon/countries.yaml``), not code.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import cache

from graph.resources import read_lexicon
from loaders.text.alternation import words
from loaders.text.sentences import Paragraph


@cache
def _country_rx() -> tuple[str, re.Pattern[str], dict[str, str]]:
    data = read_lexicon("countries.yaml", {"home": str, "countries": dict})
    home = str(data["home"])
    owner: dict[str, str] = {}
    for country, names in data["countries"].items():
        for n in names:
            owner[str(n)] = str(country)
    rx = re.compile(r"(?<![\w$])" + words(owner, hyphen=r"\-") + r"(?![\w$])")
    return home, rx, owner


def home() -> str:
    """The country the graph is about (a key of ``countries``)."""
    return _country_rx()[0]


def country_counts(text: str, start: int = 0, end: int | None = None) -> Counter[str]:
    """How often each country is named in ``text[start:end]`` (case-sensitive names)."""
    _, rx, owner = _country_rx()
    end = len(text) if end is None else end
    return Counter(owner[" ".join(m.group(0).split())] for m in rx.finditer(text, start, end))


def _verdict(counts: Counter[str], home: str) -> bool | None:
    if counts[home] > 0:
        return True
    others = [n for c, n in counts.items() if c != home]
    if others and max(others) >= 2:
        return False
    return None


def document_in_scope(text: str) -> bool:
    home = _country_rx()[0]
    counts = country_counts(text)
    others = [n for c, n in counts.items() if c != home]
    return not others or max(others) < 2 or counts[home] >= max(others)


def paragraph_scope(text: str, paragraphs: list[Paragraph]) -> list[bool]:
    """For each paragraph: is it about the home country?"""
    home = _country_rx()[0]
    state = document_in_scope(text)
    out: list[bool] = []
    for p in paragraphs:
        v = _verdict(country_counts(text, p.start, p.end), home)
        if v is not None:
            state = v
        out.append(state)
    return out
