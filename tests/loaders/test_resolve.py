"""Cross-document resolution on invented documents: one event reported twice is one event with two
evidence entries and the most precise date both allow; contradicting dates are kept and flagged;
relative dates count from the graph's elections; ids do not depend on the order of documents."""

from __future__ import annotations

from graph.model import FuzzyDate
from tests.loaders.textkit import build, events_of, roles

CLP = "party/candlelight-party"
VOD = "mediaoutlet/voice-of-democracy"

ELECTION = ("report", "In Cambodia, the general elections of 2018 were held on 29 July 2018. Turnout was high.",
            FuzzyDate("2019", "year"))


def test_one_event_in_two_documents_is_one_event_with_the_finer_date() -> None:
    facts = build(
        ("a", "In Cambodia, the Supreme Court dissolved the Candlelight Party in 2019.", FuzzyDate("2020", "year")),
        ("b", "Cambodia: in November 2019, the Candlelight Party was dissolved by the Supreme Court.", None),
    )
    [ev] = events_of(facts, "Dissolution")
    assert roles(ev, "target") == {CLP}
    assert {e.document for e in ev.evidence} == {"a", "b"}
    assert (ev.date.value, ev.date.derivation) == ("2019-11", "merged")
    assert not ev.flags


def test_contradicting_dates_are_kept_and_flagged() -> None:
    facts = build(
        ("a", "In Cambodia, Voice of Democracy was shut down in February 2020.", None),
        ("b", "In Cambodia, Voice of Democracy was shut down in April 2020.", None),
    )
    [ev] = events_of(facts, "MediaClosure")
    assert "date-conflict" in ev.flags
    claims = ev.attributes["date_claims"]
    assert {(c["value"], c["document"]) for c in claims} == {("2020-02", "a"), ("2020-04", "b")}


def test_relative_date_resolves_against_the_election_and_conflicts_with_an_absolute_one() -> None:
    facts = build(
        ELECTION,
        ("a", "Cambodia before the 2018 vote: five months before the election, Voice of Democracy was shut down.",
         None),
        ("b", "In Cambodia, Voice of Democracy was shut down in June 2018.", None),
    )
    [ev] = events_of(facts, "MediaClosure")
    claims = {(c["value"], c["derivation"]) for c in ev.attributes["date_claims"]}
    assert ("2018-02", "relative") in claims and ("2018-06", "absolute") in claims
    assert "date-conflict" in ev.flags
    assert ev.date.value == "2018-06"  # what a text states outranks what is computed


def test_relative_date_alone_is_derived_with_its_anchor() -> None:
    facts = build(
        ELECTION,
        ("a", "Cambodia voted in 2018. Two months before the election, the NEC disqualified the Candlelight Party.",
         None),
    )
    [ev] = events_of(facts, "Disqualification")
    assert (ev.date.value, ev.date.precision, ev.date.derivation) == ("2018-05", "month", "relative")
    assert ev.date.anchor == "event/election-national-2018"


def test_election_reports_merge_into_the_election_of_their_kind_and_year() -> None:
    facts = build(ELECTION, ("b", "In the 2018 general election in Cambodia, the CPP won a majority.", None))
    [ev] = events_of(facts, "Election")
    assert ev.id == "event/election-national-2018"
    assert ev.date.value == "2018-07-29"
    assert {e.document for e in ev.evidence} == {"report", "b"}


def test_ids_are_stable_whatever_the_order_of_documents() -> None:
    docs = [("a", "In Cambodia, the Supreme Court dissolved the Candlelight Party in 2019.", None),
            ("b", "In Cambodia, the NEC refused to register the Candlelight Party in May 2019.", None)]
    assert set(build(*docs).events) == set(build(*reversed(docs)).events)


def test_statements_of_one_agent_on_different_days_stay_apart() -> None:
    facts = build(("a", "On 2 May 2019, the United States condemned the arrests in Cambodia. "
                        "On 9 September 2019, the United States condemned the verdict in Cambodia.", None))
    assert len(events_of(facts, "ForeignStatement")) == 2


def test_one_passage_with_an_absolute_and_a_contradicting_relative_date_is_flagged() -> None:
    facts = build(
        ELECTION,
        ("a", "In Cambodia, the senate election was held on 2 March 2018, just eight months after the general "
              "election.", None),
    )
    senate = [e for e in events_of(facts, "Election") if e.attributes.get("kind") == "senate"]
    assert len(senate) == 1
    ev = senate[0]
    assert "date-conflict" in ev.flags
    values = {c["value"]: c["derivation"] for c in ev.attributes["date_claims"]}
    assert values == {"2018-03-02": "absolute", "2019-03": "relative"}
    assert ev.date.value == "2018-03-02"


def test_the_day_after_the_election() -> None:
    facts = build(ELECTION, ("a", "In Cambodia, the European Union issued a statement the day after the "
                                  "election expressing concern.", FuzzyDate("2018", "year")))
    [ev] = events_of(facts, "ForeignStatement")
    assert (ev.date.value, ev.date.derivation, ev.attributes["stance"]) == ("2018-07-30", "relative", "concern")


def test_a_further_amendment_is_another_event() -> None:
    facts = build(("a", "In Cambodia, the Law on Political Parties was amended in March 2015. "
                        "Later, the National Assembly further amended the Law on Political Parties.", None))
    assert len(events_of(facts, "Amendment")) == 2


def test_an_undated_report_does_not_join_an_event_dated_after_its_document() -> None:
    facts = build(
        ("a", "In Cambodia, the Ministry of Information closed Voice of Democracy in February 2023.", None),
        ("b", "In Cambodia, the Ministry of Information closed Voice of Democracy.", FuzzyDate("2018-05-02", "day")),
    )
    closures = events_of(facts, "MediaClosure")
    assert len(closures) == 2
