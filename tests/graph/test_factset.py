"""``FactSet`` merging: one fact per id, evidence united without duplicates and sorted once by ``settle``."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Entity, Event, Evidence, Membership


def _ev(doc: str, start: int) -> Evidence:
    return Evidence(doc, start, start + 5, f"quote {doc} {start}")


def test_merged_evidence_is_united_and_sorted_by_settle() -> None:
    facts = FactSet()
    facts.add_entity(Entity("party/x", "Party", "X", evidence=[_ev("b", 10)]))
    for doc, start in [("b", 3), ("a", 7), ("b", 10), ("a", 7)]:
        facts.add_entity(Entity("party/x", "Party", "X", evidence=[_ev(doc, start)]))
    have = facts.entities["party/x"]
    assert sorted(have.evidence) == [_ev("a", 7), _ev("b", 3), _ev("b", 10)]  # no duplicates while merging
    assert facts.settle() is facts
    assert have.evidence == [_ev("a", 7), _ev("b", 3), _ev("b", 10)]


def test_settle_sorts_events_and_memberships_and_leaves_unmerged_facts_as_given() -> None:
    facts = FactSet()
    facts.add_entity(Entity("party/y", "Party", "Y", evidence=[_ev("z", 1), _ev("a", 1)]))
    facts.add_event(Event("event/e", "Dissolution", None, evidence=[_ev("c", 1)]))
    facts.add_event(Event("event/e", "Dissolution", None, evidence=[_ev("a", 2), _ev("c", 1)]))
    m = Membership("membership/m", "person/p", "party/y", "chair", evidence=[_ev("d", 4)])
    facts.add_membership(m)
    facts.add_membership(Membership("membership/m", "person/p", "party/y", "chair", evidence=[_ev("a", 9)]))
    facts.settle()
    assert facts.events["event/e"].evidence == [_ev("a", 2), _ev("c", 1)]
    assert facts.memberships["membership/m"].evidence == [_ev("a", 9), _ev("d", 4)]
    assert facts.entities["party/y"].evidence == [_ev("z", 1), _ev("a", 1)]  # never merged: untouched


def test_merging_many_documents_keeps_each_passage_once() -> None:
    facts = FactSet()
    for i in range(3000):
        facts.add_entity(Entity("party/x", "Party", "X", evidence=[_ev(f"doc{i % 1000:04d}", i // 1000)]))
    facts.settle()
    evidence = facts.entities["party/x"].evidence
    assert len(evidence) == 3000 and evidence == sorted(set(evidence))
