"""Interval logic on fuzzy dates: the order of two events and the gap between them, in days.

A :class:`graph.model.FuzzyDate` denotes every day of its precision: ``2017-03`` is 2017-03-01 ..
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

from dataclasses import dataclass
from datetime import date
from typing import Literal

from graph.model import FuzzyDate

Order = Literal["before", "after", "undetermined"]
ORDERS: tuple[Order, ...] = ("before", "after", "undetermined")


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
    lo = interval(start)
    hi = interval(end)
    return (lo is None or iv[1] >= lo[0]) and (hi is None or iv[0] <= hi[1])
