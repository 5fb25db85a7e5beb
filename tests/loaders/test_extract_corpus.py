"""The whole extraction on the real corpus, measured with the shared scorer on the dev gold:
event recall, events with the right date, no unsupported event, every quote verbatim. Also: no
Thai/Indonesian statement becomes a Cambodian event, and two builds give the same facts."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from graph import facts_json
from graph.factset import FactSet
from loaders.pipeline import build_facts
from tests.conftest import CORPUS, SHARED
from tests.scoring import load_scorer

EVAL = SHARED / "eval"


@pytest.fixture(scope="module")
def report(corpus_facts: FactSet) -> dict:
    score = load_scorer()
    gold = yaml.safe_load((EVAL / "dev-gold.yaml").read_text(encoding="utf-8"))
    return score.score_facts(facts_json.to_json(corpus_facts), gold, Path(CORPUS))


def test_event_recall(report: dict) -> None:
    assert report["events"]["recall"]["value"] >= 0.90, report["events"]["missed"]


def test_events_with_the_right_date(report: dict) -> None:
    assert report["events"]["recall_with_date"]["value"] >= 0.85, report["events"]


def test_no_unsupported_event(report: dict) -> None:
    assert report["events"]["unsupported"]["found"] == 0, report["events"]["unsupported"]


def test_every_quote_is_verbatim(report: dict) -> None:
    assert report["evidence"]["checked"] > 0 and report["evidence"]["not_verbatim"] == 0, report["evidence"]


def test_no_event_rests_only_on_statements_about_other_countries(corpus_facts: FactSet) -> None:
    foreign = {d.id for d in corpus_facts.documents.values() if "thailand" in d.id or "indonesia" in d.id}
    for ev in corpus_facts.events.values():
        docs = {e.document for e in ev.evidence}
        assert not docs or not docs <= foreign, ev


def test_conflicting_reports_keep_every_date(corpus_facts: FactSet) -> None:
    for ev in corpus_facts.events.values():
        if "date-conflict" in ev.flags:
            claims = ev.attributes["date_claims"]
            assert len({c["value"] for c in claims}) > 1
            assert all({"value", "precision", "derivation", "document"} <= set(c) for c in claims)


def test_build_is_deterministic() -> None:
    # speed is measured by benchmarks/bench_parse.py and bench_incremental.py, not asserted here
    assert facts_json.dumps(build_facts(CORPUS)) == facts_json.dumps(build_facts(CORPUS))
