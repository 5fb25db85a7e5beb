"""Event and date rules added for texts unlike the corpus (measured on tests/fixtures/heldout/events):
each test is a small invented text that the rule handles and that failed before it."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Document, FuzzyDate
from loaders.events.extract import claims_of
from loaders.extraction import extract_all
from loaders.text.sentences import split_sentences
from loaders.text.source import SourceText
from tests.loaders.textkit import build, claims, events_of, roles


def _kinds(text: str) -> dict[str, list]:
    out: dict[str, list] = {}
    for c in claims(text):
        out.setdefault(c.type, []).append(c)
    return out


def test_agent_after_a_longer_complement() -> None:
    got = _kinds("The Candlelight Party was barred from the 23 July general election by the National Election "
                 "Committee in Cambodia.")
    assert roles(got["Disqualification"][0], "agent") == {"institution/national-election-committee"}


def test_noun_trigger_ending_in_its_preposition_takes_the_object() -> None:
    got = _kinds("The arrest of opposition figure Kem Sokha in Phnom Penh shocked observers.")
    assert roles(got["Arrest"][0], "target") == {"person/kem-sokha"}


def test_a_name_qualifying_a_person_noun_is_not_the_target() -> None:
    text = "The former president of the Cambodia National Rescue Party is barred from standing in Cambodia."
    assert "Disqualification" not in _kinds(text)
    got = _kinds("In 2019, the Supreme Court rejected the appeal of the former CNRP lawmaker Um Sam An in Cambodia.")
    assert roles(got["CourtRuling"][0], "target") == {"person/um-sam-an"}


def test_another_event_noun_is_the_subject_not_the_law() -> None:
    text = "Even before the 2017 amendments to the Law on Political Parties were enacted, Cambodia changed."
    assert "LawEnactment" not in _kinds(text)


def test_recommendations_are_no_events() -> None:
    text = ("Recommendations included the release of arbitrarily detained individuals, such as Kem Sokha, "
            "in Cambodia.")
    assert "Arrest" not in _kinds(text)


def test_object_pronoun_names_the_one_person_before() -> None:
    got = _kinds("Union leader Rong Chhun was convicted in Cambodia in 2021. The Appeal Court upheld the verdict "
                 "against him in 2022.")
    ruling = got["CourtRuling"][0]
    assert roles(ruling, "target") == {"person/rong-chhun"}


def test_character_reference_is_no_clause_break() -> None:
    got = _kinds("In Cambodia, Moneaksekar Khmer&#39;s publication was suspended by the Ministry of Information.")
    assert roles(got["MediaClosure"][0], "target") == {"mediaoutlet/moneaksekar-khmer"}


def test_footnote_number_ends_a_sentence() -> None:
    text = "Unions said it would restrict their ability to strike.7 Amnesty International denounced the law."
    spans = split_sentences(text, 0, len(text))
    assert len(spans) == 2


def _dated(text: str, published: FuzzyDate | None = None) -> dict[str, list[str | None]]:
    facts = build(("doc", text, published))
    return {t: [e.date.value if e.date else None for e in events_of(facts, t)]
            for t in {e.type for e in facts.events.values()}}


def test_date_in_an_aside_yields_to_the_event_date() -> None:
    got = _dated("The Law on Political Parties, first adopted in 1997, was amended by the National Assembly "
                 "in February 2017 in Cambodia.")
    assert got["Amendment"] == ["2017-02"]


def test_pluperfect_and_later_events_are_not_dated_by_the_other_clause() -> None:
    got = _dated("In 2019, the Supreme Court rejected the appeal of Um Sam An, who had been jailed in Cambodia.")
    assert got["Conviction"] == [None]
    got = _dated("Sourn Serey Ratha was arrested in August 2021 in Cambodia, and the Phnom Penh Municipal Court "
                 "later sentenced him to five years in prison.")
    assert got["Conviction"] == [None] and got["Arrest"] == ["2021-08"]


def test_opener_no_longer_governs_once_the_paragraph_moves_on() -> None:
    got = _dated("After 1993, the coalition in Cambodia broke apart. Clashes followed in March 1996. "
                 "Later the CPP's Hun Sen orchestrated a coup against Norodom Ranariddh.")
    assert got["Violence"] == [None]


def test_last_week_is_its_month() -> None:
    got = _dated("The Constitutional Council last week upheld the ruling against the Candlelight Party in Cambodia.",
                 FuzzyDate.of(2023, 5, 27))
    assert got["CourtRuling"] == ["2023-05"]


def _statement_dates(text: str, kind: str | None) -> list[tuple[str | None, str | None]]:
    doc = Document(id="d", file="d.txt", title="d", sha256="0" * 64, published=FuzzyDate.of(2023, 7, 25), kind=kind)
    src = SourceText.identity(doc, text)
    out = []
    for c in claims_of(src):
        if c.type.endswith("Statement"):
            out.append((c.attributes.get("stance"), c.dates[0].unit if c.dates else None))
    return out


def test_statement_of_a_dated_news_item_takes_the_document_date() -> None:
    text = "Japan welcomes the fact that the election in Cambodia was held on 23 July 2023."
    assert _statement_dates(text, "statement") == [("congratulate", "day")]
    # a past statement of a news item is the news of its dateline's day
    assert _statement_dates("The EU said it regretted the exclusion of the Candlelight Party in Cambodia.",
                            "news") == [("concern", "day")]
    # a report quotes older statements: never dated by the report
    assert _statement_dates("The EU said it regretted the exclusion of the Candlelight Party in Cambodia.",
                            "report") == [("concern", None)]


def test_plural_present_stance_and_acronym_in_a_list_of_speakers() -> None:
    got = _kinds("The Cambodian Center for Human Rights (CCHR), LICADHO and ADHOC strongly condemn the verdict "
                 "against Kem Sokha in Cambodia.")
    speakers = {p.entity for c in got["Statement"] for p in c.participants}
    assert "organization/cambodian-center-for-human-rights" in speakers
    assert {c.attributes.get("stance") for c in got["Statement"]} == {"condemn"}


def test_concerned_by_is_a_statement() -> None:
    got = _kinds("The United States is deeply concerned by the arrest of Thach Setha in Phnom Penh.")
    assert got["ForeignStatement"][0].attributes["stance"] == "concern"


def test_adoption_of_amendments_is_no_enactment() -> None:
    got = _kinds("The National Assembly's adoption of amendments to the Law on Political Parties in October 2017 "
                 "changed Cambodia.")
    assert "LawEnactment" not in got and "Amendment" in got


def test_sentencing_of_is_a_conviction() -> None:
    got = _kinds("Sweden is alarmed by the sentencing of opposition leader Kem Sokha in Cambodia.")
    assert roles(got["Conviction"][0], "target") == {"person/kem-sokha"}


def test_a_month_alone_is_the_last_such_month_before_a_dated_document() -> None:
    text = "The EU recalls that Kem Sokha was convicted in Cambodia in March. In September the Ministry of " \
           "Information revoked the licence of Kamnotra in Cambodia."
    got = _dated(text, FuzzyDate("2023-07-25", "day"))
    assert got["Conviction"] == ["2023-03"] and got["MediaClosure"] == ["2022-09"]
    assert _dated(text, FuzzyDate("2023", "year"))["Conviction"] == [None]  # no month to count back from


def test_rumours_and_denials_govern_their_whole_clause() -> None:
    assert "Arrest" not in _kinds("Rumours that Um Sam An had been detained on his return to Phnom Penh in "
                                  "Cambodia proved unfounded.")
    assert "Arrest" not in _kinds("The police in Cambodia denied that officers had detained Um Sam An.")


def test_a_passive_subject_of_unnamed_people_is_not_the_party_before() -> None:
    got = _kinds("In Cambodia the Supreme Court dissolved the CNRP in November 2017, and 118 of its officials "
                 "were banned from politics.")
    assert "Dissolution" in got and "Disqualification" not in got


def test_unnamed_activists_of_a_party_make_the_party_the_target_of_violence() -> None:
    got = _kinds("In Cambodia, unidentified men beat two Candlelight Party activists.")
    assert roles(got["Violence"][0], "target") == {"party/candlelight-party"}
    assert "Violence" not in _kinds("In Cambodia, the CPP beat the Candlelight Party in every province.")


def test_a_subordinate_clause_has_its_own_subject() -> None:
    got = _kinds("In Cambodia, Thach Setha has been in detention since January, when police arrested him.")
    arrest = got["Arrest"][0]
    assert roles(arrest, "target") == {"person/thach-setha"} and not roles(arrest, "agent")


def test_the_vote_counts_from_the_nearest_election_of_any_kind() -> None:
    got = _dated("The general election in Cambodia was held on 23 July 2023. The commune elections in Cambodia "
                 "were held on 5 June 2022. Three weeks before the vote, police arrested Ny Chakrya in Cambodia.",
                 FuzzyDate("2022-06-07", "day"))
    assert got["Arrest"] == ["2022-05-15"]


def test_rejected_disqualifies_only_a_registration_or_candidacy() -> None:
    got = _kinds("In Cambodia, the National Election Committee rejected the Candlelight Party's registration.")
    assert roles(got["Disqualification"][0], "target") == {"party/candlelight-party"}
    assert "Disqualification" not in _kinds("In Cambodia, the National Election Committee rejected the "
                                            "Candlelight Party's complaint.")


def test_a_date_inside_what_was_said_does_not_date_the_statement() -> None:
    got = _dated("In Cambodia, COMFREL noted that the voter lists of 2016 were inconsistent.")
    assert got["Statement"] == [None]
    got = _dated("On 3 May 2020, COMFREL said in Cambodia that the voter lists of 2016 were inconsistent.")
    assert got["Statement"] == ["2020-05-03"]


def test_a_year_naming_the_report_does_not_date_its_release() -> None:
    got = _dated("COMFREL released its report on the 2018 general election in Cambodia on 4 June 2019.")
    assert got["Statement"] == ["2019-06-04"]


def test_the_publishers_own_statement_is_dated_by_its_document() -> None:
    facts = build_with_publisher("In Cambodia, COMFREL found that the count was orderly. We regret the "
                                 "absence of the opposition in Cambodia.", "COMFREL")
    got = {e.date.value if e.date else None for e in events_of(facts, "Statement")}
    assert got == {"2019-06-04"}


def build_with_publisher(text: str, publisher: str) -> FactSet:
    """Facts of one report (dated 4 June 2019) whose manifest names ``publisher``."""
    doc = Document(id="doc", file="doc.txt", title="doc", sha256="0" * 64, publisher=publisher,
                   published=FuzzyDate("2019-06-04", "day"), kind="report")
    facts = FactSet()
    facts.add_document(doc)
    extract_all([SourceText.identity(doc, text)], facts)
    return facts
