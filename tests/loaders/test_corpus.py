"""Actors, memberships and tables on the real corpus, measured with the shared scorer."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from graph.facts_json import dumps
from graph.factset import FactSet
from graph.ids import election_event_id, entity_id
from loaders.actors import find as actors
from loaders.actors.names import tokenize
from loaders.actors.rules import words
from loaders.factlog import FactLog
from loaders.lexicon import actor_by_id
from loaders.pipeline import read_corpus
from loaders.ties.memberships import extract_memberships
from loaders.ties.tables import extract_tables
from tests.conftest import CORPUS, SHARED

SCORER = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "dev-gold.yaml"


@pytest.fixture(scope="module")
def facts() -> FactSet:
    """The corpus through this part of extraction only (whatever the rest of ``extract_all`` does)."""
    facts = FactSet()
    for src in read_corpus(CORPUS, facts):
        ms = actors.find_mentions(src)
        log = FactLog()
        actors.register(ms, src, log)
        extract_memberships(src, ms, log)
        extract_tables(src, ms, log)
        log.replay(facts)
    return facts


@pytest.fixture(scope="module")
def score(facts: FactSet, tmp_path_factory: pytest.TempPathFactory) -> dict:
    if not SCORER.exists():
        pytest.skip("the shared scorer is not here")
    out = tmp_path_factory.mktemp("score") / "facts.json"
    out.write_text(dumps(facts), encoding="utf-8")
    run = subprocess.run([sys.executable, str(SCORER), "facts", str(out), str(GOLD), "--corpus", str(CORPUS)],
                         capture_output=True, text=True, check=True)
    return json.loads(run.stdout)


def test_gold_entities_are_found(score: dict):
    assert score["entities"]["recall"]["value"] >= 0.95, score["entities"]["missed"]


def test_nec_members_are_found(score: dict):
    assert score["memberships"]["nec_recall"]["value"] >= 0.9, score["memberships"]["missed"]


def test_every_quote_is_verbatim(score: dict):
    assert score["evidence"]["checked"] > 0 and score["evidence"]["not_verbatim"] == 0


def test_nec_chair_and_affiliations(facts: FactSet):
    nec = entity_id("Institution", "National Election Committee")
    chair = [m for m in facts.memberships.values() if m.organization == nec and m.role == "chair"]
    assert [facts.entity_name(m.person) for m in chair] == ["Prach Chan"]
    assert chair[0].start is not None and chair[0].start.value == "2021"
    aff = {(facts.entity_name(m.person), facts.entity_name(m.organization)) for m in facts.memberships.values()
           if m.role == "affiliated"}
    assert {("Prach Chan", "Cambodian People's Party"), ("Nuth Sokhom", "FUNCINPEC")} <= aff


def test_election_2023_results(facts: FactSet):
    ev = facts.events[election_event_id("national", 2023)]
    seats = {facts.entity_name(r["party"]): r["seats"] for r in ev.attributes["results"]}
    assert seats["Cambodian People's Party"] == 120 and seats["FUNCINPEC"] == 5
    assert ev.date is not None and ev.date.value == "2023-07-23"


def test_no_junk_entities(facts: FactSet):
    """Entities found by rules (not in the actors file) start with a name word, not "The", "However"."""
    w = words()
    known = actor_by_id()
    found = [e for e in facts.entities.values() if e.id not in known]
    for e in found:
        first = tokenize(e.name)[0]
        assert first.folded not in w.stop and first.shape[:1].isupper(), e.name
    assert len(found) < len(known)
