"""Order and gap of fuzzy dates: the convention on worked examples, and properties on any dates."""

from __future__ import annotations

import calendar
from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st

from graph.dates import Gap, gap, inside, order, overlaps, parse_date, relate, sort_key
from graph.model import FuzzyDate

F = FuzzyDate.of


def test_gold_example_month_before_month() -> None:
    rel = relate(F(2017, 3), F(2023, 5))
    assert rel.order == "before"
    assert rel.gap == Gap(2222, 2282)  # 2023-05-01 - 2017-03-31, 2023-05-31 - 2017-03-01
    assert rel.to_json() == {"order": "before", "gap_days": {"min": 2222, "max": 2282}}


def test_year_against_month_inside_it_is_undetermined() -> None:
    rel = relate(F(2023), F(2023, 5))
    assert rel.order == "undetermined"
    lo = (date(2023, 5, 1) - date(2023, 12, 31)).days
    hi = (date(2023, 5, 31) - date(2023, 1, 1)).days
    assert rel.gap == Gap(lo, hi) == Gap(-244, 150)


def test_after_has_a_negative_gap() -> None:
    rel = relate(F(2024, 1), F(2023, 5))
    assert rel.order == "after" and rel.gap is not None and rel.gap.max < 0


def test_unknown_date_is_undetermined_without_gap() -> None:
    assert relate(None, F(2023)).to_json() == {"order": "undetermined", "gap_days": None}
    assert relate(F(2023), None).order == "undetermined"


def test_same_day_is_undetermined() -> None:
    assert relate(F(2023, 7, 23), F(2023, 7, 23)).gap == Gap(0, 0)
    assert order(F(2023, 7, 23), F(2023, 7, 23)) == "undetermined"


def test_adjacent_days_are_ordered() -> None:
    rel = relate(F(2023, 7, 23), F(2023, 7, 24))
    assert rel.to_json() == {"order": "before", "gap_days": {"min": 1, "max": 1}}


def test_sort_key_puts_undated_last_and_a_day_before_its_month_end() -> None:
    dates = [None, F(2023), F(2023, 5), F(2023, 5, 2), F(2017, 3)]
    ordered = sorted(dates, key=sort_key)
    assert ordered == [F(2017, 3), F(2023), F(2023, 5), F(2023, 5, 2), None]


@pytest.mark.parametrize("text, precision", [("2023", "year"), ("2023-05", "month"), ("2023-05-25", "day")])
def test_parse_date(text: str, precision: str) -> None:
    assert parse_date(text) == FuzzyDate(text, precision)


@pytest.mark.parametrize("text", ["", "23", "2023-5", "2023-13", "2023-02-30", "May 2023", "2023-05-25-1"])
def test_parse_date_refuses(text: str) -> None:
    with pytest.raises(ValueError):
        parse_date(text)


def test_period_filters() -> None:
    assert overlaps(F(2023), F(2023, 6), F(2023, 7))  # may fall in the period
    assert not inside(F(2023), F(2023, 6), F(2023, 7))  # not surely
    assert inside(F(2023, 6, 5), F(2023, 6), None)
    assert not overlaps(None, None, None)
    assert not overlaps(F(2022), F(2023), None)


# --- properties ---------------------------------------------------------------------------------

@st.composite
def fuzzy_dates(draw: st.DrawFn) -> FuzzyDate:
    year = draw(st.integers(1990, 2030))
    precision = draw(st.sampled_from(["year", "month", "day"]))
    if precision == "year":
        return F(year)
    month = draw(st.integers(1, 12))
    if precision == "month":
        return F(year, month)
    return F(year, month, draw(st.integers(1, calendar.monthrange(year, month)[1])))


def day_in(d: FuzzyDate, data: st.DataObject) -> date:
    lo, hi = d.interval()
    return lo + timedelta(days=data.draw(st.integers(0, (hi - lo).days)))


maybe = st.one_of(st.none(), fuzzy_dates())


@given(maybe, maybe)
def test_antisymmetry(a: FuzzyDate | None, b: FuzzyDate | None) -> None:
    assert (order(a, b) == "before") == (order(b, a) == "after")
    assert (order(a, b) == "undetermined") == (order(b, a) == "undetermined")


@given(fuzzy_dates(), fuzzy_dates())
def test_gap_is_a_range_mirrored_by_swapping(a: FuzzyDate, b: FuzzyDate) -> None:
    g, back = gap(a, b), gap(b, a)
    assert g is not None and back is not None
    assert g.min <= g.max
    assert (back.min, back.max) == (-g.max, -g.min)


@given(fuzzy_dates(), fuzzy_dates())
def test_order_agrees_with_gap_sign(a: FuzzyDate, b: FuzzyDate) -> None:
    rel = relate(a, b)
    assert rel.gap is not None
    if rel.order == "before":
        assert rel.gap.min > 0
    elif rel.order == "after":
        assert rel.gap.max < 0
    else:
        assert rel.gap.min <= 0 <= rel.gap.max


@given(st.integers(1990, 2030), st.integers(1, 12), st.data())
def test_a_day_inside_a_month_or_year_is_undetermined(year: int, month: int, data: st.DataObject) -> None:
    day = data.draw(st.integers(1, calendar.monthrange(year, month)[1]))
    for coarse in (F(year, month), F(year)):
        assert order(F(year, month, day), coarse) == "undetermined"
        assert order(coarse, F(year, month, day)) == "undetermined"


@given(fuzzy_dates(), fuzzy_dates(), st.data())
def test_concrete_days_agree_with_the_intervals(a: FuzzyDate, b: FuzzyDate, data: st.DataObject) -> None:
    """Whatever days the two dates really were, their distance is within the gap and respects the order."""
    da, db = day_in(a, data), day_in(b, data)
    rel = relate(a, b)
    assert rel.gap is not None
    assert rel.gap.min <= (db - da).days <= rel.gap.max
    if rel.order == "before":
        assert da < db
    if rel.order == "after":
        assert da > db


@given(fuzzy_dates(), fuzzy_dates())
def test_gap_bounds_are_reached(a: FuzzyDate, b: FuzzyDate) -> None:
    """The range is tight: the extreme choices of days give exactly min and max."""
    (a0, a1), (b0, b1) = a.interval(), b.interval()
    assert gap(a, b) == Gap((b0 - a1).days, (b1 - a0).days)
