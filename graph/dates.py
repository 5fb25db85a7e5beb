"""Dates known to a precision, and every rule about them: parse, fields, interval, overlap, order, gap.

The questions, the page, the adapters and the loaders all call this module; none has its own copy.

A :class:`FuzzyDate` denotes every day of its precision: ``2017-03`` is 2017-03-01 ..
2017-03-31, ``2023`` is 2023-01-01 .. 2023-12-31. Two events are ordered only when their intervals
do not overlap; otherwise (or when a date is unknown) the order is ``undetermined``.

The gap convention, used by every question: ``gap_days`` is *second minus first*, the number of days
from the first event to the second, as the range the two intervals allow::

    min = first_day(second) - last_day(first)
    max = last_day(second)  - first_day(first)

E.g. 2017-03 then 2023-05 gives ``{"min": 2222, "max": 2282}`` (2023-05-01 - 2017-03-31 and
2023-05-31 - 2017-03-01). So ``before`` (first is earlier) has ``min > 0``; ``after`` has ``max < 0``
(the second came earlier); ``undetermined`` has ``min <= 0 <= max`` (2023 then 2023-05 gives
``{"min": -244, "max": 150}``). When either date is unknown the order is ``undetermined`` and the gap
is ``None``.
"""

from __future__ import annotations

import calendar
from dataclasses import dataclass
from datetime import date
from typing import Any, Literal, cast

Precision = Literal["year", "month", "day"]
PRECISIONS: tuple[Precision, ...] = ("year", "month", "day")
#: The length of a date's value at each precision (``2023``, ``2023-05``, ``2023-05-25``).
WIDTHS: dict[str, int] = {"year": 4, "month": 7, "day": 10}

Order = Literal["before", "after", "undetermined"]
ORDERS: tuple[Order, ...] = ("before", "after", "undetermined")


@dataclass(frozen=True, order=True)
class FuzzyDate:
    """A date known to a precision: ``2017`` (year), ``2023-05`` (month) or ``2023-05-25`` (day).

    ``derivation`` says how it was obtained: ``absolute`` (stated in the text), ``relative`` (computed
    from ``anchor``, another event, e.g. "five months before the election"), ``document`` (the
    document's own date, for "this year", "tomorrow"), ``table`` or ``merged`` (the most precise date
    several reports allow). ``phrase`` keeps the words that gave it.
    """

    value: str
    precision: Precision
    derivation: str = "absolute"
    phrase: str | None = None
    anchor: str | None = None

    def __post_init__(self) -> None:
        if len(self.value) != WIDTHS[self.precision]:
            raise ValueError(f"date {self.value!r} does not match precision {self.precision}")

    @property
    def year(self) -> int:
        return int(self.value[:4])

    def interval(self) -> tuple[date, date]:
        """The first and last day this date may denote."""
        y = self.year
        if self.precision == "year":
            return date(y, 1, 1), date(y, 12, 31)
        m = int(self.value[5:7])
        if self.precision == "month":
            return date(y, m, 1), date(y, m, calendar.monthrange(y, m)[1])
        d = date(y, m, int(self.value[8:10]))
        return d, d

    def contains(self, other: FuzzyDate) -> bool:
        """True when ``other`` lies inside this date's interval (it is at least as precise)."""
        a0, a1 = self.interval()
        b0, b1 = other.interval()
        return a0 <= b0 and b1 <= a1

    @classmethod
    def of(cls, year: int, month: int | None = None, day: int | None = None, **kw: Any) -> FuzzyDate:
        if month is None:
            return cls(f"{year:04d}", "year", **kw)
        if day is None:
            return cls(f"{year:04d}-{month:02d}", "month", **kw)
        return cls(f"{year:04d}-{month:02d}-{day:02d}", "day", **kw)


@dataclass(frozen=True)
class Gap:
    """The smallest and largest number of days from the first event to the second."""

    min: int
    max: int

    def to_json(self) -> dict[str, int]:
        return {"min": self.min, "max": self.max}


@dataclass(frozen=True)
class Relation:
    """How a first event stands to a second: ``order`` and ``gap`` (``None`` when a date is unknown)."""

    order: Order
    gap: Gap | None

    def to_json(self) -> dict[str, object]:
        return {"order": self.order, "gap_days": self.gap.to_json() if self.gap else None}


def fields(d: FuzzyDate) -> dict[str, str]:
    """A date's own fields as every adapter writes them: ``value``, ``precision``, ``derivation``, and
    ``phrase`` and ``anchor`` when known (facts JSON, Neo4j properties, networkx nodes)."""
    out = {"value": d.value, "precision": d.precision, "derivation": d.derivation}
    if d.phrase:
        out["phrase"] = d.phrase
    if d.anchor:
        out["anchor"] = d.anchor
    return out


def from_columns(value: object, precision: object) -> FuzzyDate | None:
    """The date a value and a precision name (e.g. two query columns), ``None`` when either is missing
    or they do not make a date."""
    if not value or not isinstance(precision, str) or precision not in WIDTHS:
        return None
    try:
        return FuzzyDate(str(value), cast(Precision, precision))
    except ValueError:
        return None


def interval(d: FuzzyDate | None) -> tuple[date, date] | None:
    """First and last day ``d`` may denote, or ``None`` for an unknown date."""
    return d.interval() if d is not None else None


def gap(first: FuzzyDate | None, second: FuzzyDate | None) -> Gap | None:
    """Days from ``first`` to ``second`` as a range (see the module docstring)."""
    a, b = interval(first), interval(second)
    if a is None or b is None:
        return None
    return Gap((b[0] - a[1]).days, (b[1] - a[0]).days)


def order(first: FuzzyDate | None, second: FuzzyDate | None) -> Order:
    """``before`` when ``first`` surely ends before ``second`` starts, ``after`` for the converse,
    ``undetermined`` when the intervals share a day or a date is unknown."""
    g = gap(first, second)
    if g is None:
        return "undetermined"
    if g.min > 0:
        return "before"
    if g.max < 0:
        return "after"
    return "undetermined"


def relate(first: FuzzyDate | None, second: FuzzyDate | None) -> Relation:
    """Order and gap of ``first`` relative to ``second`` in one value."""
    return Relation(order(first, second), gap(first, second))


def sort_key(d: FuzzyDate | None) -> tuple[int, date, date]:
    """Chronological key: by first day, then last day (a day before the month holding it); undated last."""
    iv = interval(d)
    if iv is None:
        return (1, date.max, date.max)
    return (0, iv[0], iv[1])


def parse_date(text: str) -> FuzzyDate:
    """A ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` string as a ``FuzzyDate``; ``ValueError`` otherwise."""
    s = text.strip()
    parts = s.split("-")
    if not s or len(parts) > 3 or not all(p.isdigit() for p in parts) or len(parts[0]) != 4:
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    if any(len(p) != 2 for p in parts[1:]):
        raise ValueError(f"not a date (YYYY, YYYY-MM or YYYY-MM-DD): {text!r}")
    nums = [int(p) for p in parts]
    try:
        date(nums[0], nums[1] if len(nums) > 1 else 1, nums[2] if len(nums) > 2 else 1)
    except ValueError as exc:
        raise ValueError(f"not a date: {text!r} ({exc})") from None
    return FuzzyDate.of(*nums)


def inside(d: FuzzyDate | None, start: FuzzyDate | None, end: FuzzyDate | None) -> bool:
    """True when ``d`` surely falls within ``start`` .. ``end`` (open ends unbounded; unknown ``d`` never)."""
    iv = interval(d)
    if iv is None:
        return False
    lo, hi = interval(start), interval(end)
    return (lo is None or iv[0] >= lo[0]) and (hi is None or iv[1] <= hi[1])


def overlaps(d: FuzzyDate | None, start: FuzzyDate | None, end: FuzzyDate | None) -> bool:
    """True when ``d`` may fall within ``start`` .. ``end`` (open ends unbounded; unknown ``d`` never)."""
    iv = interval(d)
    if iv is None:
        return False
    lo, hi = interval(start), interval(end)
    return spans_meet(iv[0], iv[1], lo[0] if lo else None, hi[1] if hi else None)


def spans_meet(first: date | None, last: date | None, lo: date | None, hi: date | None) -> bool:
    """True when the days ``first`` .. ``last`` and ``lo`` .. ``hi`` may share one (``None``: an open end)."""
    return (lo is None or last is None or last >= lo) and (hi is None or first is None or first <= hi)
