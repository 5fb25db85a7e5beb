"""Ties from titles in appositions and before names, read from the parse (invented sentences)."""

from __future__ import annotations

from graph.model import FuzzyDate
from tests.loaders.textkit import build


def _ties(text: str) -> set[tuple[str, str, str, bool]]:
    facts = build(("doc", text, FuzzyDate("2023-07-30", "day")))
    return {(m.person, m.organization, m.role, bool(m.attributes.get("former")))
            for m in facts.memberships.values()}


def test_a_title_in_apposition_with_the_ruling_party() -> None:
    assert ("person/sok-eysan", "party/cambodian-peoples-party", "spokesperson", False) in _ties(
        "Sok Eysan, spokesman of the ruling party, rejected the claims about the vote in Cambodia.")


def test_a_foreign_state_official_by_a_possessive_title() -> None:
    got = _ties("Japan's foreign minister Taro Kono said Japan was concerned about the vote in Cambodia.")
    assert any(p == "person/taro-kono" and o == "foreignactor/japan" for p, o, _, _ in got)


def test_a_former_title_is_a_former_tie() -> None:
    assert ("person/sam-rainsy", "party/cambodia-national-rescue-party", "president", True) in _ties(
        "In Cambodia, Sam Rainsy, the former president of the Cambodia National Rescue Party, left the country.")
