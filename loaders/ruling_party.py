"""Which party "the ruling party" is in a given year, from ``data/lexicon/ruling_party.yaml``.

A time-bounded fact kept as reviewed data: the phrase names whichever party ruled at the time the
passage is about, so it resolves only with a year (and not where the data says no one party ruled).
"""

from __future__ import annotations

from bisect import bisect_right
from functools import cache

from graph.errors import AbortRun
from graph.resources import read_lexicon
from loaders.lexicon import Actor, actor_by_name


@cache
def _periods() -> tuple[tuple[int, Actor | None], ...]:
    data = read_lexicon("ruling_party.yaml", {"periods": list})
    out: list[tuple[int, Actor | None]] = []
    for p in data["periods"]:
        if not isinstance(p, dict) or not isinstance(p.get("since"), int):
            raise AbortRun(f"lexicon ruling_party.yaml: a period needs a year 'since': {p!r}")
        name = p.get("party")
        actor = actor_by_name("Party", str(name)) if name else None
        if name and actor is None:
            raise AbortRun(f"lexicon ruling_party.yaml: {name!r} is no party in actors.yaml")
        out.append((int(p["since"]), actor))
    if [y for y, _ in out] != sorted(y for y, _ in out):
        raise AbortRun("lexicon ruling_party.yaml: periods must be in order of 'since'")
    return tuple(out)


@cache
def ruling_words() -> frozenset[str]:
    """Words that, before "party", name the party in power."""
    words = read_lexicon("ruling_party.yaml", {"words": list})["words"]
    return frozenset(str(w).lower() for w in words)


def ruling_party(year: int | None) -> Actor | None:
    """The party that ruled in ``year`` (None without a year, before the first period, or in a period
    the data gives no one party)."""
    if year is None:
        return None
    periods = _periods()
    i = bisect_right([y for y, _ in periods], year) - 1
    return periods[i][1] if i >= 0 else None
