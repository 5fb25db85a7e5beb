"""Dating claims: date arithmetic with precision, merging the dates several reports give, and
resolving partial, relative and document-relative expressions against the graph's elections and the
document's own date."""

from __future__ import annotations

import calendar
from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from graph.dates import PRECISIONS, WIDTHS
from graph.model import Document, FuzzyDate
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.events.lexicon import lexicon

_LEVEL = PRECISIONS
PREF = {"absolute": 0, "table": 1, "merged": 1, "document": 2, "relative": 3}


@dataclass
class DocContext:
    """What dating a document's claims needs: its date and the years it states, by position."""

    document: Document
    years: list[tuple[int, int]] = field(default_factory=list)

    def year_before(self, pos: int) -> int | None:
        best = None
        for p, y in self.years:
            if p > pos:
                break
            best = y
        return best


# ---------------------------------------------------------------- date arithmetic and merging


def _week(pub: FuzzyDate, e: DateExpr) -> FuzzyDate | None:
    """"last week" in a text of a known day: the month (or year) that whole week falls in; never a day."""
    if pub.precision != "day":
        return None
    day = date.fromisoformat(pub.value) + timedelta(days=7 * e.offset)
    lo, hi = day - timedelta(days=day.weekday()), day + timedelta(days=6 - day.weekday())
    if e.offset == 0:
        hi = date.fromisoformat(pub.value)
    if (lo.year, lo.month) == (hi.year, hi.month):
        return FuzzyDate(f"{lo.year:04d}-{lo.month:02d}", "month", "document", e.phrase)
    if lo.year == hi.year:
        return FuzzyDate(f"{lo.year:04d}", "year", "document", e.phrase)
    return None

def shift(d: FuzzyDate, n: int, unit: str, phrase: str, anchor: str | None, derivation: str) -> FuzzyDate | None:
    """``d`` moved by ``n`` units, at the precision the unit and ``d`` allow."""
    rank = {"year": 0, "month": 1, "week": 2, "day": 2}
    prec = PRECISIONS[min(rank[unit], PRECISIONS.index(d.precision))]
    if rank[unit] > PRECISIONS.index(d.precision):
        return None  # "five months before" an election known only by its year
    y = d.year
    m = int(d.value[5:7]) if d.precision != "year" else 1
    day = int(d.value[8:10]) if d.precision == "day" else 1
    if unit == "year":
        y += n
    elif unit == "month":
        total = y * 12 + (m - 1) + n
        y, m = divmod(total, 12)
        m += 1
        day = min(day, calendar.monthrange(y, m)[1])
    else:
        nd = date(y, m, day) + timedelta(days=n * (7 if unit == "week" else 1))
        y, m, day = nd.year, nd.month, nd.day
    kw: dict[str, Any] = {"derivation": derivation, "phrase": phrase, "anchor": anchor}
    if prec == "year":
        return FuzzyDate.of(y, **kw)
    if prec == "month":
        return FuzzyDate.of(y, m, **kw)
    return FuzzyDate.of(y, m, day, **kw)


def compatible(a: FuzzyDate, b: FuzzyDate) -> bool:
    return a.contains(b) or b.contains(a)


def merge_dates(dates: list[FuzzyDate]) -> tuple[FuzzyDate | None, bool]:
    """The most precise date all claims allow, or (the preferred claim, True) when they contradict."""
    if not dates:
        return None, False
    if all(compatible(a, b) for i, a in enumerate(dates) for b in dates[i + 1:]):
        best = min(dates, key=lambda d: (-PRECISIONS.index(d.precision), PREF.get(d.derivation, 4)))
        if len({d.value for d in dates}) > 1:
            best = FuzzyDate(best.value, best.precision, "merged", best.phrase, best.anchor)
        return best, False
    return _majority(dates), True


def _majority(dates: list[FuzzyDate]) -> FuzzyDate:
    """Contradicting claims: level by level (year, month, day), the value most claims support
    (ties: the better derivation, then the earlier value); the deepest level reached is the date."""
    cut = WIDTHS
    chosen: FuzzyDate | None = None
    pool = list(dates)
    for level in PRECISIONS:
        fine = [d for d in pool if PRECISIONS.index(d.precision) >= PRECISIONS.index(level)]
        if not fine:
            break
        groups: dict[str, list[FuzzyDate]] = defaultdict(list)
        for d in fine:
            groups[d.value[:cut[level]]].append(d)
        value, members = min(groups.items(), key=lambda kv: (-len(kv[1]), min(PREF.get(d.derivation, 4)
                                                                                 for d in kv[1]), kv[0]))
        best = min(members, key=lambda d: PREF.get(d.derivation, 4))
        chosen = FuzzyDate(value, level, best.derivation, best.phrase, best.anchor)
        pool = [d for d in pool if d.value.startswith(value) or len(d.value) < cut[level]]
    assert chosen is not None
    return chosen


# ---------------------------------------------------------------- resolving one claim's dates

class Dater:
    def __init__(self, contexts: dict[str, DocContext], elections: dict[str, FuzzyDate],
                 kinds: dict[str, str]) -> None:
        self.contexts = contexts
        self.elections = elections  # election event id -> its best date
        self.kinds = kinds  # election event id -> kind

    def anchor(self, kind: str | None, ctx: DocContext, pos: int) -> tuple[str, FuzzyDate] | None:
        """The election a passage counts from: of its kind, nearest the year the passage is about."""
        default = lexicon().default_kind
        # "the vote" names no kind: any kind, the default kind on a tie ("three weeks before the vote" in
        # a text about the 2022 commune elections counts from them, not from the 2023 general election)
        cands = [(eid, d) for eid, d in self.elections.items() if self.kinds.get(eid) == (kind or default)
                 or kind is None]
        if not cands:
            return None
        year = ctx.year_before(pos)
        if year is None and ctx.document.published is not None:
            year = ctx.document.published.year
        if year is None:
            return None
        return min(cands, key=lambda c: (abs(c[1].year - year), self.kinds.get(c[0]) != default, -c[1].year))

    def resolve(self, e: DateExpr, ctx: DocContext, pos: int) -> FuzzyDate | None:
        if e.kind == "absolute":
            return e.absolute()
        if e.kind == "partial":
            return self._partial(e, ctx)
        if e.kind in {"relative", "loose"}:
            found = self.anchor(e.anchor_kind, ctx, e.start)
            if found is None:
                return None
            eid, d = found
            if e.kind == "loose":
                return FuzzyDate.of(d.year, derivation="relative", phrase=e.phrase, anchor=eid)
            return shift(d, e.offset, e.unit or "day", e.phrase, eid, "relative")
        if e.kind == "narrative":
            # "the following day", "eight days later": counted from the date mentioned last before
            if e.base is None:
                return None
            base = self.resolve(e.base, ctx, e.base.start)
            if base is None:
                return None
            unit = e.unit or "day"
            if unit == "week":
                if base.precision != "day" or e.offset == 0:
                    return FuzzyDate(base.value, base.precision, "narrative", e.phrase) if e.offset == 0 else None
                d0 = date.fromisoformat(base.value) + timedelta(days=7 * e.offset)
                return FuzzyDate(d0.isoformat(), "day", "narrative", e.phrase)
            if _LEVEL.index(base.precision) < _LEVEL.index(unit):
                return None  # "the following day" after a year: no day to count from
            moved = shift(base, e.offset, unit, e.phrase, None, "narrative")
            if moved is None:
                return None
            d = moved
            cut = {"year": 4, "month": 7, "day": 10}[unit]
            return FuzzyDate(d.value[:cut], unit, "narrative", e.phrase)  # type: ignore[arg-type]
        if e.kind == "document":
            pub = ctx.document.published
            if pub is None:
                if e.unit == "weekday" and e.base is not None:
                    return _weekday_near(self.resolve(e.base, ctx, e.base.start), e)
                return None
            if e.unit == "weekday":
                if pub.precision != "day":
                    return _weekday_near(self.resolve(e.base, ctx, e.base.start), e) if e.base else None
                day = date.fromisoformat(pub.value)
                back = (day.weekday() - e.offset) % 7
                d0 = day - timedelta(days=back)
                return FuzzyDate(d0.isoformat(), "day", "document", e.phrase)
            if e.unit == "week":
                return _week(pub, e)
            if e.unit == "month_name":
                return _month_named(pub, e)
            if e.offset and _LEVEL.index(pub.precision) < _LEVEL.index(e.unit or "day"):
                return None
            unit = e.unit or "day"
            if PRECISIONS.index(pub.precision) < PRECISIONS.index(unit):
                unit = pub.precision
            shifted = shift(pub, e.offset, unit, e.phrase, None, "document")
            if shifted is None:
                return None
            cut = WIDTHS[unit]
            return FuzzyDate(shifted.value[:cut], unit, "document", e.phrase)  # type: ignore[arg-type]
        return None

    def _partial(self, e: DateExpr, ctx: DocContext) -> FuzzyDate | None:
        if e.month is None or e.day is None:
            return None
        if e.role == "election":
            same = sorted(d.year for d in self.elections.values()
                          if d.precision == "day" and d.value[5:] == f"{e.month:02d}-{e.day:02d}")
            if same:
                near = ctx.year_before(e.start) or (ctx.document.published.year if ctx.document.published else same[-1])
                y = min(same, key=lambda v: (abs(v - near), -v))
                return FuzzyDate.of(y, e.month, e.day, derivation="absolute", phrase=e.phrase)
        year = ctx.document.published.year if ctx.document.published else ctx.year_before(e.start)
        if year is None:
            return None
        try:
            return FuzzyDate.of(year, e.month, e.day, derivation="absolute", phrase=e.phrase)
        except ValueError:
            return None

    def dates_of(self, c: Claim) -> list[FuzzyDate]:
        """The claim's dates, resolved; a date wholly after the document's own date is not the date of
        what it reports ("closed its bureau amid a crackdown ahead of polls next year")."""
        ctx = self.contexts[c.document]
        pub = ctx.document.published
        out = [d for e in c.dates if (d := self.resolve(e, ctx, c.pos)) is not None]
        return [d for d in out if pub is None or not after(d, pub)]


def after(d: FuzzyDate, bound: FuzzyDate) -> bool:
    """``d`` lies wholly after ``bound`` (neither contains the other and it starts later)."""
    return d.value > bound.value and not bound.value.startswith(d.value) and not d.value.startswith(bound.value)


def _weekday_near(base: FuzzyDate | None, e: DateExpr) -> FuzzyDate | None:
    """The day named ``e`` (a weekday) within three days of ``base`` (a day), before or after it."""
    if base is None or base.precision != "day":
        return None
    day = date.fromisoformat(base.value)
    ahead = (e.offset - day.weekday()) % 7
    d0 = day + timedelta(days=ahead if ahead <= 3 else ahead - 7)
    return FuzzyDate(d0.isoformat(), "day", "narrative", e.phrase)


def _month_named(pub: FuzzyDate, e: DateExpr) -> FuzzyDate | None:
    """"In March" in a text dated to the month or day: the last March not after the document's month."""
    if e.month is None or pub.precision == "year":
        return None
    year = pub.year if e.month <= int(pub.value[5:7]) else pub.year - 1
    return FuzzyDate.of(year, e.month, derivation="document", phrase=e.phrase)
