"""Results tables on small invented documents."""

from graph.ids import election_event_id, entity_id
from loaders.ties.tables import extract_tables, find_tables
from tests.loaders.helpers import facts_of

CPP = entity_id("Party", "Cambodian People's Party")
KWP = entity_id("Party", "Khmer Will Party")
SUN = entity_id("Party", "Sunrise Farmers Party")

TABS = """The commune elections of 2031 took place on 4 June 2031.

Table 3: Results of the Commune Elections of 2031 (Invented, 2032)

Party\tVotes\tShare (%)\tSeats
Cambodian People's Party\t1,200,000\t60.5\t90
Sunrise Farmers Party\t300,000\t15.25\t10
Khmer Will Party\t1,000\t0.05\t0

The ruling party won.
"""

PIPES = """Results of the 2036 National Assembly election

| Party | Votes | Seats |
| Khmer Will Party | 5,000 | 2 |
| CPP | 9,000 | 123 |

Party | Votes | Seats
Sunrise Farmers Party | 100 | 0
"""


def results(text: str):
    src, ms, facts = facts_of(text)
    extract_tables(src, ms, facts)
    return src, facts


def test_tab_separated_results_table_becomes_an_election():
    src, facts = results(TABS)
    ev = facts.events[election_event_id("commune", 2031)]
    assert ev.type == "Election" and ev.date is not None and ev.date.value == "2031-06-04"
    assert ev.attributes["results"] == [
        {"party": CPP, "votes": 1200000, "share": 60.5, "seats": 90},
        {"party": KWP, "votes": 1000, "share": 0.05, "seats": 0},
        {"party": SUN, "votes": 300000, "share": 15.25, "seats": 10},
    ]
    assert {p.entity for p in ev.participants if p.role == "participant"} == {CPP, KWP, SUN}
    (evidence,) = ev.evidence
    assert src.raw[evidence.start:evidence.end] == evidence.quote
    assert evidence.quote.startswith("Party\tVotes") and evidence.quote.endswith("0.05\t0")


def test_pipe_table_and_its_continuation_are_one_election():
    _, facts = results(PIPES)
    ev = facts.events[election_event_id("national", 2036)]
    assert ev.date is not None and ev.date.value == "2036"
    assert [(r["party"], r["seats"], r["share"]) for r in ev.attributes["results"]] == [
        (CPP, 123, None), (KWP, 2, None), (SUN, 0, None)]


def test_women_seats_table_adds_to_the_election_of_each_year():
    text = ("Women in the National Assembly (2031 - 2036)\n\n"
            "Year\tNumber of NA Seats\tNumber of NA Seats held by Women\t% of NA Seats held by Women\n"
            "2031\t125\t16 (Invented, 2032)\t13%\n"
            "2036\t125\t20\t16% (+3 points)\n")
    _, facts = results(text)
    ev = facts.events[election_event_id("national", 2031)]
    assert (ev.attributes["women_seats"], ev.attributes["seats_total"], ev.attributes["women_share"]) == (16, 125, 13.0)
    assert facts.events[election_event_id("national", 2036)].attributes["women_seats"] == 20


def test_prose_and_other_tables_are_not_results():
    assert find_tables("Hello world.\nA line  with two spaces.\n") == []
    _, facts = results("Index table\n\nGeneral Election\tIndex\n2031\t2.5\n")
    assert facts.events == {}


def test_year_stated_just_before_a_table_without_caption():
    _, facts = results("Official results of the 2027 commune elections were as follows:\n\n"
                       "Party  Votes  Seats\nCPP  10  7\nKhmer Will Party  5  1\n")
    ev = facts.events[election_event_id("commune", 2027)]
    assert [r["seats"] for r in ev.attributes["results"]] == [7, 1]
