"""Name folding and tokenising: how a written name is compared with the names of the actors file.

Two spellings are the same name when their folded tokens are equal: case, curly or straight
apostrophes, a possessive ``'s`` (``People's`` = ``People``), dots of ``U.S.`` and look-alike
Cyrillic/Greek letters do not count. ``shape`` keeps the case (acronyms such as ``US`` must not
match the word ``us``). ``near`` tells whether two tokens differ by one edit (small typos).
"""

from __future__ import annotations

import re
import unicodedata
from functools import cache, lru_cache
from typing import NamedTuple

from graph.ids import lookalikes, unlook

#: a word: letters/digits joined by inner apostrophes, or a dotted acronym such as ``U.S.``
TOKEN_RE = re.compile(r"(?:[A-Za-z]\.){2,}|[^\W_]+(?:['\u2019\u2018][^\W_]+)*")
_POSSESSIVE = re.compile(r"['\u2019\u2018]s$", re.I)
_APOSTROPHES = re.compile(r"['\u2019\u2018.]")


@cache
def _ascii_lookalikes() -> bool:
    return any(c < 128 for c in lookalikes())


def shape(token: str) -> str:
    """A token with look-alike letters folded, apostrophes, dots and a possessive removed; case kept."""
    if token.isascii() and token.isalnum() and not _ascii_lookalikes():
        return token  # nothing to fold or remove (most words)
    s = unlook(unicodedata.normalize("NFKC", token))
    s = _POSSESSIVE.sub("", s)
    return _APOSTROPHES.sub("", s)


def fold_token(token: str) -> str:
    return shape(token).casefold()


class Token(NamedTuple):
    """A word of a text (a tuple: millions are made per build)."""

    start: int
    end: int  # a trailing possessive 's is left out of [start, end)
    text: str
    folded: str
    shape: str
    capitalised: bool  # the shape starts with a capital

    @property
    def upper(self) -> bool:
        """An acronym-like token: two or more capitals (``CPP``, ``CamboJA``, ``MoI`` is not)."""
        return sum(c.isupper() for c in self.shape) >= 2


@lru_cache(maxsize=1 << 16)
def _word(t: str) -> tuple[int, str, str, bool] | None:
    """What a written word tokenises to: characters cut at its end (a possessive), folded, shape,
    capitalised (``None``: no word)."""
    sh = shape(t)
    if not sh:
        return None
    return (2 if len(t) > 2 and _POSSESSIVE.search(t) else 0), sh.casefold(), sh, sh[:1].isupper()


def tokenize(text: str, start: int = 0, end: int | None = None) -> list[Token]:
    out = []
    for m in TOKEN_RE.finditer(text, start, len(text) if end is None else end):
        t = m.group()
        w = _word(t)
        if w is not None:
            out.append(Token(m.start(), m.end() - w[0], t, w[1], w[2], w[3]))
    return out


def fold(name: str) -> str:
    """A name folded to tokens: ``The Cambodian People’s Party`` -> ``the cambodian people party``."""
    return " ".join(t.folded for t in tokenize(name))


def name_key(name: str) -> tuple[str, ...]:
    return tuple(t.folded for t in tokenize(name))


def deletions(word: str) -> set[str]:
    """The word and every string obtained by deleting one character (for one-edit look-ups)."""
    return {word} | {word[:i] + word[i + 1:] for i in range(len(word))}


def near(a: str, b: str) -> bool:
    """True when ``a`` and ``b`` differ by at most one insertion, deletion, substitution or swap."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        i, j = diff[0], diff[-1]
        return len(diff) == 2 and j == i + 1 and a[i] == b[j] and a[j] == b[i]
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    return any(long_[:i] + long_[i + 1:] == short for i in range(len(long_)))
