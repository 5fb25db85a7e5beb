"""Narrative time and the dateline, on invented texts: "the following day", "eight days later",
"later that month" count from the date the text mentioned last; a weekday from the document's date."""

from __future__ import annotations

from graph.model import FuzzyDate
from loaders.dates.expressions import find_dates
from tests.loaders.textkit import build, events_of

STORY = ("In Cambodia, police arrested Rong Chhun on 31 July 2020. The following day, the Phnom Penh Municipal "
         "Court questioned him. Eight days later, the court convicted him. Later that month, the Ministry of "
         "Information shut down Voice of Democracy.")


def _dates(text: str, published: FuzzyDate | None = None) -> dict[str, list[FuzzyDate | None]]:
    facts = build(("doc", text, published))
    return {t: [e.date for e in events_of(facts, t)] for t in {e.type for e in facts.events.values()}}


def test_narrative_expressions_count_from_the_last_date() -> None:
    found = {d.phrase: d for d in find_dates(STORY)}
    assert found["The following day"].base is not None and found["The following day"].base.phrase == "31 July 2020"
    assert found["Eight days later"].base is found["The following day"] or \
        found["Eight days later"].base == found["The following day"]


def test_narrative_dates_resolve_with_their_precision() -> None:
    got = _dates(STORY)
    [conv] = got["Conviction"]
    assert conv is not None and (conv.value, conv.precision, conv.derivation) == ("2020-08-09", "day", "narrative")
    [closure] = got["MediaClosure"]
    assert closure is not None and (closure.value, closure.precision) == ("2020-08", "month")


def test_a_day_after_a_year_is_no_day() -> None:
    got = _dates("In 2019, police arrested Rong Chhun in Cambodia. The following day, the court convicted him.")
    assert got["Conviction"] == [None]


def test_weekday_against_the_dateline() -> None:
    got = _dates("On Thursday the Supreme Court dissolved the Candlelight Party in Cambodia.",
                 FuzzyDate("2024-03-09", "day"))
    [d] = got["Dissolution"]
    assert d is not None and d.value == "2024-03-07" and d.derivation == "document"


def test_last_year_against_the_document_date() -> None:
    got = _dates("Last year the Ministry of Information closed Voice of Democracy in Cambodia.",
                 FuzzyDate("2024-03-09", "day"))
    [d] = got["MediaClosure"]
    assert d is not None and (d.value, d.precision) == ("2023", "year")


def test_a_bare_or_possessive_weekday_is_a_date() -> None:
    got = _dates("The Candlelight Party boycotted Monday's session of the National Assembly in Cambodia.",
                 FuzzyDate("2024-03-09", "day"))
    [d] = got["Boycott"]
    assert d is not None and d.value == "2024-03-04"
    assert [d.phrase for d in find_dates("the party said Tuesday")] == ["Tuesday"]


def test_a_weekday_before_its_date_is_not_a_second_date() -> None:
    assert [d.phrase for d in find_dates("The vote on Sunday 23 July was quiet.")] == ["23 July"]


def test_without_a_dateline_a_weekday_is_the_one_near_the_last_full_date() -> None:
    got = _dates("In Cambodia, Candlelight Party leaders met the press on May 16, 2023.\n\n"
                 "The National Election Committee on Monday disqualified the Candlelight Party.")
    [d] = got["Disqualification"]
    assert d is not None and (d.value, d.derivation) == ("2023-05-15", "narrative")


def test_a_date_after_the_document_is_not_the_date_of_what_it_reports() -> None:
    got = _dates("In Cambodia the Ministry of Information closed Voice of Democracy ahead of the polls next year.",
                 FuzzyDate("2017-09-12", "day"))
    assert got["MediaClosure"] == [None]


def test_a_date_in_another_clause_dates_that_clause_only() -> None:
    got = _dates("In Cambodia, Kem Sokha, whose party was dissolved by the Supreme Court in 2017, was convicted "
                 "of treason.")
    assert got["Conviction"] == [None]
    [d] = got["Dissolution"]
    assert d is not None and d.value == "2017"


def test_a_date_of_a_coordinated_verb_dates_both() -> None:
    got = _dates("In Cambodia, Kem Sokha was arrested and jailed on 3 September 2017.")
    [d] = got["Arrest"]
    assert d is not None and d.value == "2017-09-03"


def test_an_opening_date_reaches_a_noun_trigger_after_a_long_subject() -> None:
    got = _dates("On 11 February 2017, the president of the Cambodia National Rescue Party, Sam Rainsy, announced "
                 "his resignation in Cambodia.")
    [d] = got["Resignation"]
    assert d is not None and d.value == "2017-02-11"


def test_an_event_told_as_known_is_not_dated_by_the_sentence_that_mentions_it() -> None:
    got = _dates("On 25 May 2023, the Constitutional Council in Cambodia upheld the National Election Committee's "
                 "disqualification of the Candlelight Party.", FuzzyDate("2023-05-26", "day"))
    assert got["Disqualification"] == [None]
