"""Scope: passages about another country yield no Cambodian events."""

from __future__ import annotations

from loaders.text.scope import document_in_scope, paragraph_scope
from loaders.text.sentences import split_paragraphs
from tests.loaders.textkit import build, claims


def test_statement_on_another_country_yields_no_event() -> None:
    text = ("Thailand's senators must respect the vote, Thai MPs said.\n\n"
            "In Thailand, the Supreme Court dissolved the Candlelight Party in 2020, Thai media reported.")
    assert not claims(text)


def test_aside_about_another_country_inside_a_cambodian_text() -> None:
    text = ("In Cambodia, the Supreme Court dissolved the Candlelight Party in 2019.\n\n"
            "In Bangladesh, the United States sanctioned officials in 2021; Bangladeshi officials objected.\n\n"
            "Back in Cambodia, the NEC refused to register the Candlelight Party in 2022.")
    types = sorted(c.type for c in claims(text))
    assert types == ["Disqualification", "Dissolution"]


def test_paragraphs_without_country_inherit_the_previous_decision() -> None:
    text = "Indonesia and Indonesian voters.\n\nA neutral line.\n\nCambodia now.\n\nAnother neutral line."
    assert paragraph_scope(text, split_paragraphs(text)) == [False, False, True, True]
    assert not document_in_scope("Thailand and Thai politics, Thailand again.")
    assert document_in_scope("A text naming no country at all.")


def test_out_of_scope_documents_add_no_events_to_the_graph() -> None:
    facts = build(("t", "Thai parliamentarians say Thailand deserves better. In Thailand, the Supreme Court "
                        "dissolved the Candlelight Party in 2020.", None))
    assert not facts.events
