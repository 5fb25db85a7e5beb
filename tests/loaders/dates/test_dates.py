"""Date expressions: absolute, partial, relative to an election, relative to the document; and their
resolution against the graph's elections and the document's date."""

from __future__ import annotations

from graph.model import Document, FuzzyDate
from loaders.dates.dating import Dater, DocContext, merge_dates, shift
from loaders.dates.expressions import find_dates


def _one(text: str):
    found = find_dates(text)
    assert len(found) == 1, found
    return found[0]


def test_absolute_forms() -> None:
    assert _one("It happened on 3 March 2019.").absolute().value == "2019-03-03"
    assert _one("It happened on April 9, 2014.").absolute().value == "2014-04-09"
    assert _one("It happened on April 9th, 2014.").absolute().value == "2014-04-09"
    d = _one("It happened in October 2016.").absolute()
    assert (d.value, d.precision) == ("2016-10", "month")
    assert _one("It happened in 2009.").absolute().precision == "year"


def test_roles_keep_other_years_out_of_event_dates() -> None:
    law = _one("the 2004 Law on Something was changed")
    assert law.role == "law"
    since = _one("Since 1999, little changed")
    assert since.role == "range"
    cite = _one("as a report said (Somchai, 2021b).")
    assert cite.role == "citation"
    poll = _one("in the 2013 general election, it rained")
    assert poll.role == "election"


def test_partial_and_relative_forms() -> None:
    p = _one("The vote of June 9 went well")
    assert (p.kind, p.month, p.day, p.role) == ("partial", 6, 9, "election")
    r = _one("Three months after the commune elections, the body met.")
    assert (r.kind, r.offset, r.unit, r.anchor_kind) == ("relative", 3, "month", "commune")
    r2 = _one("A week before the election, it rained.")
    assert (r2.offset, r2.unit) == (-1, "week")
    day = _one("They spoke on polling day.")
    assert (day.kind, day.offset, day.unit) == ("relative", 0, "day")
    loose = _one("Shortly before the election, it rained.")
    assert loose.kind == "loose"
    doc = _one("Last month the group met.")
    assert (doc.kind, doc.unit, doc.offset) == ("document", "month", -1)


def test_shift_keeps_the_precision_the_words_allow() -> None:
    day = FuzzyDate("2020-08-30", "day")
    assert shift(day, -5, "month", "p", "e", "relative").value == "2020-03"
    assert shift(day, 1, "day", "p", "e", "relative").value == "2020-08-31"
    assert shift(day, 2, "week", "p", "e", "relative").value == "2020-09-13"
    assert shift(FuzzyDate("2020", "year"), -5, "month", "p", "e", "relative") is None


def _ctx(text: str, published: FuzzyDate | None) -> DocContext:
    from loaders.dates.expressions import years_in

    return DocContext(Document("d", "d.txt", "d", "0", published=published), years_in(text))


def test_relative_dates_count_from_the_election_the_passage_is_about() -> None:
    elections = {"event/election-national-2014": FuzzyDate("2014-06-15", "day"),
                 "event/election-national-2019": FuzzyDate("2019-06-16", "day"),
                 "event/election-commune-2016": FuzzyDate("2016-05-01", "day")}
    kinds = {"event/election-national-2014": "national", "event/election-national-2019": "national",
             "event/election-commune-2016": "commune"}
    text = "In the run-up to the 2019 vote things changed. Four months before the election, a paper closed."
    dater = Dater({"d": _ctx(text, None)}, elections, kinds)
    rel = next(e for e in find_dates(text) if e.kind == "relative")
    d = dater.resolve(rel, dater.contexts["d"], rel.start)
    assert (d.value, d.precision, d.derivation, d.anchor) == ("2019-02", "month", "relative",
                                                              "event/election-national-2019")
    text2 = "The 2016 local vote was calm. Two days after the commune elections, results came."
    dater2 = Dater({"d": _ctx(text2, None)}, elections, kinds)
    rel2 = next(e for e in find_dates(text2) if e.kind == "relative")
    assert dater2.resolve(rel2, dater2.contexts["d"], rel2.start).value == "2016-05-03"


def test_document_relative_dates_need_the_document_date() -> None:
    text = "Tomorrow the polls open. This year was hard."
    tomorrow, this_year = find_dates(text)
    dated = Dater({"d": _ctx(text, FuzzyDate("2021-04-30", "day"))}, {}, {})
    assert dated.resolve(tomorrow, dated.contexts["d"], 0).value == "2021-05-01"
    assert dated.resolve(this_year, dated.contexts["d"], 0).value == "2021"
    undated = Dater({"d": _ctx(text, None)}, {}, {})
    assert undated.resolve(tomorrow, undated.contexts["d"], 0) is None
    year_only = Dater({"d": _ctx(text, FuzzyDate("2021", "year"))}, {}, {})
    assert year_only.resolve(tomorrow, year_only.contexts["d"], 0) is None
    assert year_only.resolve(this_year, year_only.contexts["d"], 0).value == "2021"


def test_partial_date_of_an_election_takes_the_election_year() -> None:
    text = "Observers said the June 16 elections were calm."
    elections = {"event/election-national-2019": FuzzyDate("2019-06-16", "day")}
    dater = Dater({"d": _ctx(text, FuzzyDate("2022", "year"))}, elections, {"event/election-national-2019": "national"})
    p = find_dates(text)[0]
    assert dater.resolve(p, dater.contexts["d"], p.start).value == "2019-06-16"


def test_merge_takes_the_most_precise_date_all_reports_allow() -> None:
    d, conflict = merge_dates([FuzzyDate("2020", "year"), FuzzyDate("2020-05", "month")])
    assert (d.value, d.derivation, conflict) == ("2020-05", "merged", False)
    d, conflict = merge_dates([FuzzyDate("2020-02", "month"), FuzzyDate("2020-04", "month", "relative"),
                               FuzzyDate("2020", "year")])
    assert conflict and d.value == "2020-02"


def test_from_a_year_alone_is_a_date_but_from_to_is_a_range() -> None:
    assert _one("The latest amendment, from 2012, is strict.").role == "event"
    assert {d.role for d in find_dates("Indices from 1993 to 2013 fell.")} == {"range"}


def test_a_weekday_counts_back_from_the_document_date() -> None:
    text = "The body on Monday rejected the list."
    wd = _one(text)
    dated = Dater({"d": _ctx(text, FuzzyDate("2021-06-09", "day"))}, {}, {})  # a Wednesday
    assert dated.resolve(wd, dated.contexts["d"], 0).value == "2021-06-07"
    undated = Dater({"d": _ctx(text, FuzzyDate("2021-06", "month"))}, {}, {})
    assert undated.resolve(wd, undated.contexts["d"], 0) is None
