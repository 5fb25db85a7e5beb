"""Regex alternations of many lexicon words that the regex engine can reject at a glance.

Python's ``re`` tries every alternative of ``a|b|c|...`` at every position it scans; under
``IGNORECASE`` it cannot even skip an alternative by its first letter. Rules that put a list of 50-100
role words, titles or person nouns in one pattern spent most of their time there. ``alternation``
writes the same alternation so that a position is rejected by one character-class test (a lookahead
of every possible first character), and a position that passes enters only the alternatives that
start with that letter, still in their given order.

The rewrite is exact: a match of the alternation starts with the first character of one of its
alternatives, and alternatives starting with different letters never match at the same place, so the
engine meets the alternatives that can match in the same order as before and finds the same matches
(leftmost, then first alternative, with the same backtracking).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

Alternative = tuple[str, str]
"""``(first, regex)``: the characters the alternative's regex can start with (case variants of one
letter or digit) and the regex itself, whose first element matches one of them."""


def literal(regex: str) -> Alternative:
    """An alternative whose regex starts with a plain letter or digit (``re.escape`` of a word)."""
    return (regex[:1], regex)


def either_case(word_regex: str) -> Alternative:
    """An alternative written ``[Ww]ord``: it starts with either case of its first letter."""
    c = word_regex[:1]
    return (c.lower() + c.upper(), f"[{c.upper()}{c.lower()}]{word_regex[1:]}")


def _groupable(first: str) -> bool:
    return bool(first) and all(c.isascii() and c.isalnum() for c in first) and len({c.lower() for c in first}) == 1


def alternation(alternatives: Iterable[Alternative]) -> str:
    """The regex of the alternatives in order, as a group (``(?:...)``) that matches exactly what
    ``(?:a|b|...)`` matches. Falls back to the plain alternation when an alternative does not start
    with a letter or digit."""
    alts = list(alternatives)
    if not alts:
        return "(?!)"
    if not all(_groupable(first) for first, _ in alts):
        return "(?:" + "|".join(regex for _, regex in alts) + ")"
    groups: dict[str, list[str]] = {}
    firsts: set[str] = set()
    for first, regex in alts:
        groups.setdefault(first[0].lower(), []).append(regex)
        firsts.update(first)
    body = "|".join(group[0] if len(group) == 1 else "(?:" + "|".join(group) + ")" for group in groups.values())
    return f"(?=[{''.join(sorted(firsts))}])(?:{body})"


def words(items: Iterable[str], escape: str = r"\s+", hyphen: str = r"[-\s]") -> str:
    """The alternation of lexicon words, longest first (so "vice chair" wins over "chair"): spaces
    match any whitespace (``escape``), hyphens a hyphen or a space (``hyphen``)."""
    ordered = sorted(items, key=len, reverse=True)
    return alternation(literal(re.escape(w).replace(r"\ ", escape).replace(r"\-", hyphen)) for w in ordered)
