"""'The ruling party' is time-bounded data (data/lexicon/ruling_party.yaml): the party in power at the
year the passage is about, and no party where the data names none or no year is known. Invented texts."""

from __future__ import annotations

from graph.model import Document
from loaders.events.extract import claims_of
from loaders.ruling_party import ruling_party
from loaders.text.source import SourceText
from tests.loaders.ties.test_memberships import ties


def _agents(text: str, type_: str) -> list[set[str]]:
    doc = Document(id="doc", file="doc.txt", title="doc", sha256="0" * 64)
    return [c.entities("agent") for c in claims_of(SourceText.identity(doc, text)) if c.type == type_]


def test_the_ruling_party_by_year() -> None:
    cpp = ruling_party(2023)
    assert cpp is not None and cpp.name == "Cambodian People's Party"
    assert ruling_party(1995) is None  # the coalition years: no one ruling party
    assert ruling_party(None) is None and ruling_party(1950) is None


def test_an_event_of_the_ruling_party_is_dated_to_its_party() -> None:
    assert _agents("In 2019 the ruling party sued Kem Sokha.", "Lawsuit") == [{"party/cambodian-peoples-party"}]
    assert _agents("In 1995 the ruling party sued Kem Sokha.", "Lawsuit") == [set()]


def test_the_ruling_party_is_not_the_party_named_last() -> None:
    assert _agents("The Candlelight Party met on Monday. In 2019 the ruling party sued Kem Sokha.",
                   "Lawsuit") == [{"party/cambodian-peoples-party"}]


def test_a_nominee_of_the_ruling_party_at_the_time() -> None:
    text = ("The chairperson of the NEC, Chheang Vuthy, was confirmed in {year}. His deputy, vice-chair "
            "Meas Sotheara, was nominated by the ruling party in {year}.")
    assert ("Meas Sotheara", "Cambodian People's Party", "affiliated", "nominee") in ties(text.format(year=2021))
    assert not any(o == "Cambodian People's Party" for _, o, _, _ in ties(text.format(year=1996)))


def test_ruling_and_opposition_parties_are_not_the_ruling_party() -> None:
    assert _agents("In 2019 ruling and opposition parties sued Kem Sokha.", "Lawsuit") == [set()]
