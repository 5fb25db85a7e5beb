"""Each kind of decision replayed on a fresh extraction of an invented corpus, and stale decisions."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from graph.factset import FactSet
from graph.model import Document, Event
from loaders.pipeline import build_facts
from loaders.readers import text_as_read
from review.apply import ReviewReport, apply_decisions
from review.decisions import parse

NEC = "institution/national-election-committee"


def _replay(corpus: Path, *items: dict[str, Any]) -> tuple[FactSet, ReviewReport]:
    facts = build_facts(corpus)
    decisions = [parse({"by": "tester", "at": "2026-01-01T00:00:00Z"} | item, f"item {k}")
                 for k, item in enumerate(items)]
    return facts, apply_decisions(facts, decisions, lambda doc: _text(corpus, doc))


def _text(corpus: Path, doc: Document) -> str:
    return text_as_read(corpus / doc.file)


def _event(facts: FactSet, type_: str) -> Event:
    return next(e for e in facts.events.values() if e.type == type_)


def test_reject_takes_a_fact_out_of_the_graph_and_keeps_it_apart(invented_corpus: Path) -> None:
    target = _event(build_facts(invented_corpus), "Dissolution").id
    facts, report = _replay(invented_corpus, {"action": "reject", "target": target, "reason": "not dissolved"})
    assert target not in facts.events and facts.rejected[target].status == "rejected"
    assert report.applied and not report.stale
    assert facts.reviews[report.applied[0]].reason == "not dissolved"


def test_rejecting_an_entity_drops_its_links(invented_corpus: Path) -> None:
    facts, _ = _replay(invented_corpus, {"action": "reject", "target": "party/lotus-democratic-party"})
    assert all("party/lotus-democratic-party" not in e.entities() for e in facts.events.values())
    assert all("party/lotus-democratic-party" != m.organization for m in facts.memberships.values())


def test_accept_marks_and_restores(invented_corpus: Path) -> None:
    target = _event(build_facts(invented_corpus), "Arrest").id
    facts, _ = _replay(invented_corpus, {"action": "reject", "target": target},
                       {"action": "accept", "target": target})
    assert facts.events[target].status == "accepted" and target not in facts.rejected
    assert len(facts.events[target].reviews) == 2


def test_merge_moves_every_link_to_the_survivor(invented_corpus: Path) -> None:
    facts, report = _replay(invented_corpus, {"action": "merge", "target": "person/chan-vuthy",
                                              "into": "person/sok-dara"},
                            {"action": "accept", "target": "person/chan-vuthy"})
    assert "person/chan-vuthy" not in facts.entities
    survivor = facts.entities["person/sok-dara"]
    assert "Chan Vuthy" in survivor.aliases and survivor.status == "corrected"
    assert all("person/chan-vuthy" not in e.entities() for e in facts.events.values())
    assert "person/sok-dara" in _event(facts, "Arrest").entities()
    assert len(report.applied) == 2  # the later decision on the merged id follows it to the survivor


def test_split_makes_an_alias_an_entity_of_its_own(invented_corpus: Path) -> None:
    facts, _ = _replay(invented_corpus, {"action": "split", "target": NEC, "alias": "NEC",
                                         "type": "Organization"})
    assert "NEC" not in facts.entities[NEC].aliases
    assert facts.entities["organization/nec"].status == "added"


def test_correct_sets_type_date_with_precision_and_participants(invented_corpus: Path) -> None:
    statement = _event(build_facts(invented_corpus), "ForeignStatement").id
    facts, report = _replay(invented_corpus, {"action": "correct", "target": statement, "set": {
        "date": {"value": "2021-03", "precision": "month"},
        "participants": [{"role": "agent", "entity": "foreignactor/european-union"},
                         {"role": "target", "entity": "party/lotus-democratic-party"}]}})
    ev = facts.events[statement]
    assert not report.stale and ev.status == "corrected"
    assert ev.date is not None and (ev.date.value, ev.date.precision, ev.date.derivation) == ("2021-03", "month",
                                                                                                "review")
    assert ev.entities("target") == ["party/lotus-democratic-party"]


def test_add_finds_the_quote_verbatim_and_computes_offsets(invented_corpus: Path) -> None:
    facts, report = _replay(
        invented_corpus,
        {"action": "add", "fact": {"kind": "entity", "type": "MediaOutlet", "name": "Mekong Voice"},
         "evidence": {"document": "river-times-2021", "quote": "the newspaper Mekong Voice"}},
        {"action": "add", "fact": {"type": "MediaClosure", "date": "2021-04", "participants": [
            {"role": "agent", "entity": "institution/ministry-of-information"},
            {"role": "target", "entity": "mediaoutlet/mekong-voice"}]},
         "evidence": {"document": "river-times-2021", "quote": "revoked the licence of the newspaper\nMekong Voice"}})
    assert not report.stale
    closure = facts.events[facts.reviews[report.applied[1]].target]
    assert closure.status in ("added", "accepted") and closure.date and closure.date.precision == "month"
    text = text_as_read(invented_corpus / "river-times-2021.txt")
    for ev in closure.evidence:
        assert text[ev.start:ev.end] == ev.quote


def test_rename_keeps_the_id_and_the_old_name_as_alias(invented_corpus: Path) -> None:
    facts, _ = _replay(invented_corpus, {"action": "rename", "target": "person/sok-dara", "name": "Sok Dara Jr"})
    e = facts.entities["person/sok-dara"]
    assert e.name == "Sok Dara Jr" and "Sok Dara" in e.aliases


def test_decisions_that_no_longer_apply_are_stale_and_change_nothing(invented_corpus: Path) -> None:
    before = build_facts(invented_corpus)
    facts, report = _replay(
        invented_corpus,
        {"action": "reject", "target": "event/arrest-00000000"},
        {"action": "add", "fact": {"type": "Arrest", "participants": []},
         "evidence": {"document": "observer-brief-2021", "quote": "a sentence nobody wrote"}},
        {"action": "correct", "target": "person/sok-dara", "set": {"date": "2021"}},
        {"action": "merge", "target": "person/nobody", "into": "person/sok-dara"})
    assert [why.split(" ")[0] for _, why in report.stale] == ["event/arrest-00000000", "the", "person/sok-dara",
                                                              "entity"]
    assert not report.applied and set(facts.events) == set(before.events)
