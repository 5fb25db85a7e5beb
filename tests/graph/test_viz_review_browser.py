"""The page shows the review state: a badge on reviewed facts, rejected facts hidden until asked for
(real headless Chromium, an invented corpus with decisions)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from graph.networkx_view import to_networkx
from loaders.pipeline import build_facts
from loaders.readers import text_as_read
from review.apply import apply_decisions
from review.decisions import parse
from tests.graph.test_viz_browser import Page, browser  # noqa: F401 - the browser fixture
from tests.review.conftest import invented_corpus  # noqa: F401 - the corpus fixture

pytestmark = pytest.mark.browser


def test_review_badges_and_rejected_facts_hidden_by_default(browser: Any, invented_corpus: Path,  # noqa: F811
                                                            tmp_path: Path) -> None:
    facts = build_facts(invented_corpus)
    arrest = next(e.id for e in facts.events.values() if e.type == "Arrest")
    dissolution = next(e.id for e in facts.events.values() if e.type == "Dissolution")
    decisions = [parse({"action": "reject", "target": arrest, "by": "ana", "at": "2026-01-01"}, "1"),
                 parse({"action": "accept", "target": dissolution, "by": "ana", "at": "2026-01-01"}, "2")]
    apply_decisions(facts, decisions, lambda doc: text_as_read(invented_corpus / doc.file))
    page = Page(browser, to_networkx(facts, with_rejected=True), tmp_path / "page.html")
    assert not page.errors and not page.blocked
    assert arrest not in page.shown() and dissolution in page.shown()
    page.tab.check("#show-rejected-box")
    assert arrest in page.shown()
    page.js("id => window.kg.showNode(id)", dissolution)
    assert page.tab.locator("#panel .review-accepted").inner_text() == "accepted"
    page.js("id => window.kg.showNode(id)", arrest)
    assert page.tab.locator("#panel .review-rejected").inner_text() == "rejected"
    page.tab.uncheck("#show-rejected-box")
    assert arrest not in page.shown()


def test_the_rejected_toggle_is_absent_without_rejected_facts(browser: Any, invented_corpus: Path,  # noqa: F811
                                                              tmp_path: Path) -> None:
    page = Page(browser, to_networkx(build_facts(invented_corpus), with_rejected=True), tmp_path / "page.html")
    assert page.js("document.getElementById('show-rejected').hidden") is True
