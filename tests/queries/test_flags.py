"""What a reader must know reaches every answer: a contested date (``date-conflict`` and the dates
the reports claim) on every row it affects, and the article an amendment changed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from kg.workspace import Workspace
from queries.answer import ask
from queries.backends import Backend, open_backend

LP_DISQ = "event/disqualification-lp"
CLAIMS = [{"value": "2023-05", "precision": "month", "document": "report-0", "derivation": "absolute"},
          {"value": "2024-03", "precision": "month", "document": "report-1", "derivation": "absolute"}]


@pytest.fixture(scope="module")
def backend(contested_workspace: Workspace) -> Iterator[Backend]:
    b = open_backend("sparql", contested_workspace)
    yield b
    b.close()


def _pair(rows: list[dict[str, Any]], amendment: str, disq: str) -> dict[str, Any]:
    return next(r for r in rows if r["amendment"]["event"] == amendment and r["disqualification"]["event"] == disq)


def test_pairs_show_the_conflict_and_the_orders_the_claims_allow(backend: Backend) -> None:
    rows = ask("amendments-before-disqualifications", {}, backend)["rows"]
    before = _pair(rows, "event/amendment-lol-2017", LP_DISQ)
    assert before["order"] == "before" and before["flags"] == ["date-conflict"]
    assert before["claimed_orders"] == ["before"]
    assert before["disqualification"]["flags"] == ["date-conflict"]
    assert before["disqualification"]["date_claims"] == CLAIMS
    assert before["amendment"]["flags"] == [] and before["amendment"]["date_claims"] == []
    # 2024-01 is after the merged 2023-05, before the other report's 2024-03: shown, though not "before"
    contested = _pair(rows, "event/amendment-lol-2024", LP_DISQ)
    assert contested["order"] == "after" and contested["claimed_orders"] == ["before", "after"]
    plain = _pair(rows, "event/amendment-charter-undated", "event/dissolution-river")
    assert plain["flags"] == [] and plain["claimed_orders"] == []
    assert plain["disqualification"]["date_claims"] == []


def test_single_event_questions_carry_flags_and_claims(backend: Backend) -> None:
    fates = ask("party-fates", {"party": "Lantern Party"}, backend)["rows"]
    assert [(r["event"], r["flags"], r["date_claims"]) for r in fates] == [(LP_DISQ, ["date-conflict"], CLAIMS)]
    timeline = ask("timeline", {"actor": "National Election Committee"}, backend)["rows"]
    assert next(r for r in timeline if r["event"] == LP_DISQ)["flags"] == ["date-conflict"]
    closures = {r["event"]: r for r in ask("media-closures", {}, backend)["rows"]}
    assert closures["event/closure-owl"]["flags"] == ["date-conflict"]
    assert [c["value"] for c in closures["event/closure-owl"]["date_claims"]] == ["2023-02", "2023-03"]
    assert closures["event/closure-kite"]["flags"] == [] and closures["event/closure-kite"]["date_claims"] == []
    reactions = ask("foreign-reactions", {"election": "2023"}, backend)["rows"]
    assert all(r["flags"] == [] for r in reactions) and reactions


def test_amendment_of_an_article_names_the_article(backend: Backend) -> None:
    rows = ask("amendments-before-disqualifications", {"law": "Law on Lanterns"}, backend)["rows"]
    row = _pair(rows, "event/amendment-lol-article-6", LP_DISQ)
    assert row["amendment"]["law"] == "Law on Lanterns"
    assert row["amendment"]["articles"] == [{"name": "Article 6 of the Law on Lanterns",
                                             "id": "lawarticle/law-on-lanterns-article-6"}]
    whole = _pair(rows, "event/amendment-lol-2017", LP_DISQ)
    assert whole["amendment"]["articles"] == []
