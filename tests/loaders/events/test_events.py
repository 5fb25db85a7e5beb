"""Event claims from short invented sentences: each type, active/passive/nominal voice, hedges, stance."""

from __future__ import annotations

import pytest

from tests.loaders.textkit import claims, roles

NEC = "institution/national-election-committee"
CLP = "party/candlelight-party"
CNRP = "party/cambodia-national-rescue-party"
CPP = "party/cambodian-peoples-party"
SUPREME = "institution/supreme-court"
COUNCIL = "institution/constitutional-council"
VOD = "mediaoutlet/voice-of-democracy"
DAILY = "mediaoutlet/the-cambodia-daily"
US = "foreignactor/united-states"
CHINA = "foreignactor/china"
LPP = "law/law-on-political-parties"
CONST = "law/constitution-of-the-kingdom-of-cambodia"
ASSEMBLY = "institution/national-assembly"
SOKHA = "person/kem-sokha"
RAINSY = "person/sam-rainsy"


def _only(text: str, type_: str):
    found = [c for c in claims(text) if c.type == type_]
    assert len(found) == 1, [(c.type, c.participants) for c in claims(text)]
    return found[0]


def _none(text: str, type_: str) -> None:
    assert not [c for c in claims(text) if c.type == type_], claims(text)


@pytest.mark.parametrize("text", [
    "In 2019, the Supreme Court dissolved the Candlelight Party after a short hearing.",
    "The Candlelight Party was dissolved by the Supreme Court in 2019.",
    "The dissolution of the Candlelight Party by the Supreme Court in 2019 shocked observers.",
])
def test_dissolution_in_every_voice(text: str) -> None:
    c = _only(text, "Dissolution")
    assert roles(c, "agent") == {SUPREME} and roles(c, "target") == {CLP}
    assert [d.phrase for d in c.dates] == ["2019"]


def test_the_party_stands_for_the_party_named_before() -> None:
    c = _only("Starting with the CNRP in 2016, the Supreme Court dissolved the party.", "Dissolution")
    assert roles(c, "target") == {CNRP} and roles(c, "agent") == {SUPREME}


@pytest.mark.parametrize("text", [
    "The Supreme Court could dissolve the Candlelight Party.",
    "The law gives the Supreme Court authority to dissolve any party, such as the Candlelight Party.",
    "The Supreme Court did not dissolve the Candlelight Party.",
    "If the Supreme Court dissolved the Candlelight Party, protests would follow.",
])
def test_hedged_or_negated_triggers_make_no_event(text: str) -> None:
    _none(text, "Dissolution")


def test_disqualification_refusal_to_register() -> None:
    c = _only("In April 2022, the NEC refused to register the Candlelight Party for the local polls.",
              "Disqualification")
    assert roles(c, "agent") == {NEC} and roles(c, "target") == {CLP}
    assert c.dates[0].phrase == "April 2022"


def test_disqualification_barring_and_nominal() -> None:
    assert roles(_only("The Candlelight Party was barred from the race by the NEC.", "Disqualification"),
                 "target") == {CLP}
    c = _only("Critics decried the NEC's disqualification of the Candlelight Party.", "Disqualification")
    assert roles(c, "agent") == {NEC} and roles(c, "target") == {CLP}


def test_amendment_and_enactment() -> None:
    c = _only("The Law on Political Parties was revised in June 2014 by the National Assembly.", "Amendment")
    assert roles(c, "target") == {LPP} and roles(c, "agent") == {ASSEMBLY}
    assert c.dates[0].phrase == "June 2014"
    implied = _only("In 2015, constitutional amendments narrowed the field.", "Amendment")
    assert roles(implied, "target") == {CONST}
    e = _only("The Law on Political Parties, enacted in 1998, sets the rules.", "LawEnactment")
    assert roles(e, "target") == {LPP} and e.dates[0].phrase == "1998"


def test_a_law_year_is_not_the_event_date() -> None:
    c = _only("The 1998 Law on Political Parties was amended in May 2016.", "Amendment")
    assert [d.phrase for d in c.dates] == ["May 2016"]


def test_court_ruling_needs_a_court() -> None:
    c = _only("On 4 June 2020, the Constitutional Council upheld the ban on Kem Sokha.", "CourtRuling")
    assert roles(c, "agent") == {COUNCIL} and roles(c, "target") == {SOKHA}
    _none("The NEC upheld its decision on Kem Sokha.", "CourtRuling")


def test_media_closure_list_of_outlets() -> None:
    found = [c for c in claims("The Ministry of Information blocked Voice of Democracy and The Cambodia Daily in 2020.")
             if c.type == "MediaClosure"]
    assert {t for c in found for t in roles(c, "target")} == {VOD, DAILY}
    c = _only("Voice of Democracy was shut down in 2020.", "MediaClosure")
    assert roles(c, "target") == {VOD}
    _none("Voice of Democracy might be shut down.", "MediaClosure")


def test_conviction_arrest_violence() -> None:
    assert roles(_only("A court sentenced Kem Sokha to ten years in 2021.", "Conviction"), "target") == {SOKHA}
    assert roles(_only("Police arrested Kem Sokha at his home in 2019.", "Arrest"), "target") == {SOKHA}
    assert roles(_only("Kem Sokha was assaulted by unknown men in 2018.", "Violence"), "target") == {SOKHA}


def test_appointment_resignation() -> None:
    a = _only("In 2014, Kem Sokha was appointed by the National Assembly.", "Appointment")
    assert roles(a, "target") == {SOKHA} and roles(a, "agent") == {ASSEMBLY}
    r = _only("Sam Rainsy resigned as CNRP president in 2016.", "Resignation")
    assert roles(r, "agent") == {RAINSY} and roles(r, "target") == {CNRP}


def test_investigation_and_lawsuit() -> None:
    i = _only("The Ministry of Interior launched an investigation into COMFREL in 2018.", "Investigation")
    assert roles(i, "target") == {"organization/committee-for-free-and-fair-elections-in-cambodia"}
    suit = _only("In 2020, Hun Sen sued Sam Rainsy for defamation.", "Lawsuit")
    assert roles(suit, "agent") == {"person/hun-sen"} and roles(suit, "target") == {RAINSY}


def test_sanction_by_a_foreign_actor() -> None:
    s = _only("In 2021, the United States imposed visa restrictions on officials.", "Sanction")
    assert roles(s, "agent") == {US}


@pytest.mark.parametrize(("text", "stance"), [
    ("The United States is troubled that the vote was neither free nor fair.", "condemn"),
    ("The United States condemned the ban on the opposition.", "condemn"),
    ("The United States expressed concern about the arrests.", "concern"),
    ("China congratulated the CPP on its win.", "congratulate"),
    ("The United States urged the NEC to reverse its decision.", "call"),
])
def test_foreign_statement_stance(text: str, stance: str) -> None:
    c = _only(text, "ForeignStatement")
    assert c.attributes.get("stance") == stance


def test_negated_stance_is_not_kept() -> None:
    c = _only("China said it did not condemn the vote.", "ForeignStatement")
    assert roles(c, "agent") == {CHINA} and c.attributes.get("stance") != "condemn"


def test_a_country_named_as_an_object_is_not_the_speaker() -> None:
    _none("Observers feared pushing the country closer to China, amid concerns about rights.", "ForeignStatement")


def test_domestic_statement() -> None:
    c = _only("COMFREL stated that the count was orderly.", "Statement")
    assert roles(c, "agent") == {"organization/committee-for-free-and-fair-elections-in-cambodia"}


def test_election_report() -> None:
    c = _only("The general elections of 2018 took place on 29 July 2018.", "Election")
    assert c.kind == "national" and c.dates[0].phrase == "29 July 2018"
    s = _only("The senate election was held on 25 February 2018.", "Election")
    assert s.kind == "senate"


@pytest.mark.parametrize(("text", "type_"), [
    ("All parties excluding the CPP complained about the count.", "Disqualification"),
    ("In the 2008 race the CPP beat the Sam Rainsy Party by a wide margin.", "Violence"),
    ("A reporter named Kem Sokha covered the count.", "Appointment"),
    ("Last week the Supreme Court convicted Kem Sokha's lawyer.", "Conviction"),
    ("The NEC revised its procedures in 2019.", "Amendment"),
])
def test_look_alike_wordings_make_no_event(text: str, type_: str) -> None:
    _none(text, type_)


def test_a_possessed_thing_still_names_the_target() -> None:
    c = _only("In 2020 the Ministry of Information revoked Voice of Democracy's licence.", "MediaClosure")
    assert roles(c, "target") == {VOD}


def test_a_speaker_needs_to_be_the_subject() -> None:
    _none("The Ministry of Interior suspended the Candlelight Party's rallies, a spokesman said.", "Statement")
    c = _only("COMFREL, a local watchdog, said the count was fair.", "Statement")
    assert roles(c, "agent") == {"organization/committee-for-free-and-fair-elections-in-cambodia"}


def test_he_stands_for_the_one_person_named_just_before() -> None:
    found = claims("Police arrested Kem Sokha in 2017. He was sentenced in March 2023 to house arrest.")
    conviction = next(c for c in found if c.type == "Conviction")
    assert roles(conviction, "target") == {SOKHA} and conviction.dates[0].phrase == "March 2023"
    _none("Kem Sokha met Sam Rainsy in 2016. He was sentenced in 2017.", "Conviction")
