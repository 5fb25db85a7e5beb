"""Roles a sentence leaves to the text around it, on invented sentences: an agentless passive takes
the agent of the same kind of event told just before; a definite noun ("the legislative body", "the
new committee") stands for the body named before; an event noun that is a verb's subject lends its
author as agent and takes the verb's object as target ("the court ruling barred X")."""

from __future__ import annotations

from graph.model import Document
from loaders.events.claim import Claim
from loaders.events.extract import claims_of
from loaders.text.source import SourceText


def _claims(text: str) -> list[Claim]:
    doc = Document(id="doc", file="doc.txt", title="doc", sha256="0" * 64)
    return claims_of(SourceText.identity(doc, text))


def _roles(claims: list[Claim], type_: str) -> list[tuple[set[str], set[str]]]:
    return [(c.entities("agent"), c.entities("target")) for c in claims if c.type == type_]


def test_an_agentless_passive_takes_the_agent_of_the_same_event_told_before() -> None:
    got = _roles(_claims("The National Assembly elected Kem Sokha as chair on Monday. "
                         "Rong Chhun was appointed vice-chair."), "Appointment")
    assert ({"institution/national-assembly"}, {"person/rong-chhun"}) in got


def test_the_agent_of_another_kind_of_event_is_not_carried() -> None:
    got = _roles(_claims("The Supreme Court dissolved the Candlelight Party in 2024. Kem Sokha was arrested."),
                 "Arrest")
    assert got == [(set(), {"person/kem-sokha"})]


def test_the_agent_is_not_carried_beyond_two_sentences() -> None:
    got = _roles(_claims("The National Assembly elected Kem Sokha as chair on Monday. The vote was quick. "
                         "Observers were present. Few voters knew. Rong Chhun was appointed vice-chair."),
                 "Appointment")
    assert (set(), {"person/rong-chhun"}) in got


def test_a_definite_noun_with_an_adjective_stands_for_the_body_named_before() -> None:
    got = _roles(_claims("The National Assembly met on Monday. The legislative body elected Kem Sokha as "
                         "chair of the election committee."), "Appointment")
    assert ({"institution/national-assembly"}, {"person/kem-sokha"}) in got


def test_members_of_a_body_named_by_a_definite_possessor_are_of_that_body() -> None:
    got = _roles(_claims("The Candlelight Party held a congress in 2022.\n\nThe party's members were convicted by "
                         "the Phnom Penh Municipal Court in 2023."), "Conviction")
    assert ({"institution/phnom-penh-municipal-court"}, {"party/candlelight-party"}) in got


def test_an_event_noun_as_subject_lends_its_author_and_takes_the_verb_object() -> None:
    got = _roles(_claims("The Supreme Court heard the case on Monday. The court ruling also barred five "
                         "Candlelight Party officials from politics."), "CourtRuling")
    assert ({"institution/supreme-court"}, {"party/candlelight-party"}) in got


def test_an_imperative_sentence_is_a_recommendation_not_an_event() -> None:
    assert not _roles(_claims("Dissolve the Candlelight Party before the vote."), "Dissolution")
    assert not _roles(_claims("Drop the charges against Kem Sokha."), "Investigation")


def test_a_role_noun_names_a_person_not_the_body() -> None:
    got = _roles(_claims("In 2021 the National Assembly appointed the NEC chair."), "Appointment")
    assert got == []


def test_an_appointment_names_the_office_filled() -> None:
    got = [c.office for c in _claims("In 2021 the National Assembly elected Kem Sokha as chairman of the National "
                                     "Election Committee, while Rong Chhun was appointed vice-chairman.")
           if c.type == "Appointment"]
    assert ("chair", "institution/national-election-committee") in got
    assert ("vice-chair", "institution/national-election-committee") in got


def test_an_appointment_to_an_office_is_a_membership_from_its_date() -> None:
    from tests.loaders.textkit import build

    facts = build(("doc", "In 2021 the National Assembly in Cambodia elected Kem Sokha as chairman of the National "
                          "Election Committee.", None))
    got = {(m.person, m.organization, m.role, m.start.value if m.start else None) for m in facts.memberships.values()}
    assert ("person/kem-sokha", "institution/national-election-committee", "chair", "2021") in got


def test_a_trigger_without_a_target_lends_its_agent_but_is_no_event() -> None:
    got = _roles(_claims("The new members were elected by the National Assembly on Monday. Rong Chhun was "
                         "appointed vice-chair."), "Appointment")
    assert got == [({"institution/national-assembly"}, {"person/rong-chhun"})]
