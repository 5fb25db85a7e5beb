"""The networkx view of the fact model: nodes, role and membership edges, ego, type and date filters."""

from __future__ import annotations

from datetime import date

import networkx as nx
import pytest

from graph.errors import UsageError
from graph.factset import FactSet
from graph.model import Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant
from graph.networkx_view import ego, filter_dates, filter_types, find_actor, to_networkx


def small_facts() -> FactSet:
    """Two parties, a court, a leader; a dissolution (2017-11), an election (2013), an undated lawsuit."""
    fs = FactSet()
    fs.add_document(Document("doc-a", "a.txt", "Report A", "0"))
    fs.add_document(Document("doc-b", "b.txt", "Report B", "0"))
    blue_evidence = [Evidence("doc-a", 0, 10, "Blue Party"), Evidence("doc-b", 5, 15, "the BP")]
    fs.add_entity(Entity("party/blue", "Party", "Blue Party", {"BP"}, evidence=blue_evidence))
    fs.add_entity(Entity("party/green", "Party", "Green Party"))
    fs.add_entity(Entity("person/jane-roe", "Person", "Jane Roe"))
    fs.add_entity(Entity("institution/high-court", "Institution", "High Court"))
    fs.add_event(Event("event/dissolution-1", "Dissolution", FuzzyDate("2017-11", "month"),
                       [Participant("agent", "institution/high-court"), Participant("target", "party/blue")],
                       evidence=[Evidence("doc-a", 20, 50, "the court dissolved the Blue Party")]))
    fs.add_event(Event("event/election-1", "Election", FuzzyDate("2013", "year"),
                       [Participant("subject", "party/blue"), Participant("subject", "party/green")]))
    fs.add_event(Event("event/lawsuit-1", "Lawsuit", None,
                       [Participant("agent", "party/green"), Participant("target", "person/ghost")]))
    fs.add_membership(Membership("membership/1", "person/jane-roe", "party/blue", "leader",
                                 FuzzyDate("2012", "year"), FuzzyDate("2016-03", "month"),
                                 evidence=[Evidence("doc-b", 60, 80, "Jane Roe, leader of the BP")]))
    return fs


@pytest.fixture()
def g() -> nx.MultiDiGraph:
    return to_networkx(small_facts())


def test_nodes_carry_type_label_dates_and_evidence(g: nx.MultiDiGraph) -> None:
    blue = g.nodes["party/blue"]
    assert (blue["kind"], blue["type"], blue["label"]) == ("entity", "Party", "Blue Party")
    assert blue["aliases"] == ["BP"]
    assert blue["sources"] == ["doc-a", "doc-b"] and blue["evidence"][0]["quote"] == "Blue Party"
    dis = g.nodes["event/dissolution-1"]
    assert dis["kind"] == "event" and dis["label"] == "Dissolution 2017-11"
    assert dis["date"] == {"value": "2017-11", "precision": "month", "derivation": "absolute",
                           "start": "2017-11-01", "end": "2017-11-30"}
    assert g.graph["documents"]["doc-b"]["title"] == "Report B"


def test_role_edges_go_event_to_entity_labelled_by_role(g: nx.MultiDiGraph) -> None:
    assert g.edges["event/dissolution-1", "party/blue", "target"]["label"] == "target"
    assert g.edges["event/dissolution-1", "institution/high-court", "agent"]["kind"] == "role"
    assert not g.has_edge("party/blue", "event/dissolution-1")


def test_membership_edge_person_to_org_with_role_dates_evidence(g: nx.MultiDiGraph) -> None:
    m = g.edges["person/jane-roe", "party/blue", "membership/1"]
    assert (m["kind"], m["role"]) == ("membership", "leader")
    assert m["start"]["value"] == "2012" and m["end"]["end"] == "2016-03-31"
    assert m["evidence"][0]["quote"] == "Jane Roe, leader of the BP"


def test_entity_named_but_not_described_becomes_unknown_node(g: nx.MultiDiGraph) -> None:
    ghost = g.nodes["person/ghost"]
    assert ghost["type"] == "Unknown" and ghost["missing"] is True


def test_find_actor_by_id_name_alias_or_unique_part(g: nx.MultiDiGraph) -> None:
    assert find_actor(g, "party/blue") == "party/blue"
    assert find_actor(g, "blue party") == "party/blue"
    assert find_actor(g, "BP") == "party/blue"
    assert find_actor(g, "court") == "institution/high-court"
    with pytest.raises(UsageError, match="names 2 nodes"):
        find_actor(g, "party")
    with pytest.raises(UsageError, match="no actor"):
        find_actor(g, "Nobody")


def test_ego_counts_edges_in_both_directions(g: nx.MultiDiGraph) -> None:
    assert set(ego(g, "institution/high-court", 1)) == {"institution/high-court", "event/dissolution-1"}
    two = set(ego(g, "institution/high-court", 2))
    assert two == {"institution/high-court", "event/dissolution-1", "party/blue"}
    assert "person/jane-roe" in ego(g, "institution/high-court", 3)


def test_filter_types_keeps_only_those_types(g: nx.MultiDiGraph) -> None:
    f = filter_types(g, ["party", "Dissolution"])
    assert set(f) == {"party/blue", "party/green", "event/dissolution-1"}
    assert f.number_of_edges() == 1


def test_filter_dates_keeps_overlapping_events_and_memberships(g: nx.MultiDiGraph) -> None:
    f = filter_dates(g, date(2017, 1, 1), date(2017, 12, 31))
    assert "event/dissolution-1" in f and "event/election-1" not in f
    assert "event/lawsuit-1" not in f  # undated
    assert "person/jane-roe" not in f  # membership ended 2016-03
    assert "party/green" not in f  # nothing left in the range
    f = filter_dates(g, date(2016, 3, 15), None)
    assert f.has_edge("person/jane-roe", "party/blue", "membership/1")
    assert filter_dates(g, None, None).number_of_nodes() == g.number_of_nodes()


def test_filter_dates_drops_lone_actors_and_undated_memberships() -> None:
    fs = small_facts()
    fs.add_entity(Entity("person/alone", "Person", "Alone"))
    fs.add_membership(Membership("membership/2", "person/jane-roe", "institution/high-court", "member"))
    g = to_networkx(fs)
    f = filter_dates(g, date(2017, 1, 1), None)
    assert "person/alone" not in f
    assert not f.has_edge("person/jane-roe", "institution/high-court")


def test_corpus_graph_matches_the_facts(corpus_facts: FactSet) -> None:
    g = to_networkx(corpus_facts)
    assert {n for n, a in g.nodes(data=True) if not a.get("missing")} == \
        set(corpus_facts.entities) | set(corpus_facts.events)
    roles = sum(len(set(e.participants)) for e in corpus_facts.events.values())
    assert g.number_of_edges() == roles + len(corpus_facts.memberships)
