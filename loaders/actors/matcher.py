"""Finding the names of the actors file in a text, token by token, tolerant of spelling noise.

A lexicon name matches a run of text tokens when the folded tokens are equal (case, apostrophes,
possessives, look-alike letters ignored) or, in names of 8 letters or more, when one token is one
edit away (``Farmers Democratc Party``, ``Farmers Democratic Partys``). Names written in capitals
(``CPP``, ``US``) must appear in capitals: ``us`` is a pronoun. A name must start with a capital in
the text, and its tokens may be separated only by spaces, line breaks, hyphens or commas, never by a
sentence or paragraph end.
"""

from __future__ import annotations

import re
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from loaders.actors.names import Token, deletions, name_key, near, tokenize
from loaders.lexicon import Actor, actors

_GAP = re.compile(r"[ \t\r\n,\-\u2010\u2011\u2013/&]*")
_MIN_FUZZY_TOKEN = 5
_MIN_FUZZY_NAME = 8


@dataclass(frozen=True)
class Pattern:
    key: tuple[str, ...]
    actor: Actor
    strict: str | None  # the shape a capitals-only alias must have in the text


@dataclass(frozen=True)
class Match:
    start: int  # token indexes [start, end)
    end: int
    actor: Actor
    fuzzy: bool


def _strict_shape(name: str) -> str | None:
    toks = tokenize(name)
    if len(toks) == 1 and (toks[0].upper or "." in toks[0].text):
        return toks[0].shape
    return None


class Matcher:
    def __init__(self, known: tuple[Actor, ...]) -> None:
        self.by_first: dict[str, list[Pattern]] = defaultdict(list)
        vocab: set[str] = set()
        for actor in known:
            for name in actor.names:
                key = name_key(name)
                if not key:
                    continue
                pat = Pattern(key, actor, _strict_shape(name))
                self.by_first[key[0]].append(pat)
                if pat.strict is None or len(key[0]) >= 7:
                    vocab.update(k for k in key if len(k) >= _MIN_FUZZY_TOKEN)
        for pats in self.by_first.values():
            pats.sort(key=lambda p: -len(p.key))
        self.vocab = vocab
        self.all_tokens = {k for pats in self.by_first.values() for p in pats for k in p.key}
        self.fuzzy: dict[str, set[str]] = defaultdict(set)
        for word in vocab:
            for d in deletions(word):
                self.fuzzy[d].add(word)
        self._fix_cache: dict[str, frozenset[str]] = {}

    def corrections(self, tok: Token) -> frozenset[str]:
        """The lexicon words a capitalised, unknown, long token may be a one-edit misspelling of."""
        w = tok.folded
        if len(w) < _MIN_FUZZY_TOKEN or not tok.capitalised or w in self.all_tokens:
            return frozenset()
        if w not in self._fix_cache:
            self._fix_cache[w] = frozenset(c for d in deletions(w) for c in self.fuzzy.get(d, ()) if near(w, c))
        return self._fix_cache[w]

    def _token_ok(self, tok: Token, want: str, pat: Pattern, first: bool) -> int:
        """0: no; 1: exact; 2: one edit away."""
        if pat.strict is not None:
            if tok.shape == pat.strict:
                return 1
            if len(pat.strict) >= 5 and tok.capitalised and tok.folded == want:
                return 1
            if len(pat.strict) >= 7 and tok.shape.isupper() and want in self.corrections(tok):
                return 2
            return 0
        if first and not (tok.capitalised or tok.shape[:1].isdigit()):
            return 0
        if tok.folded == want:
            return 1
        if tok.folded == want + "s" and len(want) >= _MIN_FUZZY_TOKEN - 1:
            return 2  # a possessive without its apostrophe: "Peoples Party", "Partys agents"
        return 2 if want in self.corrections(tok) else 0

    def match_at(self, text: str, toks: list[Token], i: int) -> Match | None:
        first = toks[i]
        cands = self.by_first.get(first.folded, [])
        fixes = self.corrections(first)
        if fixes:  # the names of the corrected words too, longest first (stable: as listed)
            cands = sorted([*cands, *(p for fix in fixes for p in self.by_first.get(fix, ()))],
                           key=lambda p: -len(p.key))
        for pat in cands:
            n = len(pat.key)
            if i + n > len(toks):
                continue
            edits = 0
            for j, want in enumerate(pat.key):
                tok = toks[i + j]
                if j and not _gap_ok(text, toks[i + j - 1], tok):
                    edits = 9
                    break
                ok = self._token_ok(tok, want, pat, j == 0)
                if not ok:
                    edits = 9
                    break
                edits += ok - 1
            if edits == 0 or (edits == 1 and sum(map(len, pat.key)) >= _MIN_FUZZY_NAME):
                return Match(i, i + n, pat.actor, edits > 0)
        return None

    def find(self, text: str, toks: list[Token]) -> list[Match]:
        out, i = [], 0
        while i < len(toks):
            m = self.match_at(text, toks, i)
            if m:
                out.append(m)
                i = m.end
            else:
                i += 1
        return out


def _gap_ok(text: str, a: Token, b: Token) -> bool:
    gap = text[a.start + len(a.text):b.start]
    return _GAP.fullmatch(gap) is not None and gap.count("\n") <= 1 and gap.count(",") <= 1


@cache
def lexicon_matcher() -> Matcher:
    return Matcher(actors())
