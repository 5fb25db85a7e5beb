"""``graph.neo4j_rows``: the rows a push binds (no server needed)."""

from __future__ import annotations

import json
from datetime import date

import pytest

from graph.model import FuzzyDate, Participant
from graph.neo4j_rows import GraphRows, date_property_keys, date_props, rel_type, to_rows
from graph.neo4j_statements import role_statement
from tests.graph.neo4j_samples import question_facts, sample_facts


def test_a_fuzzy_date_is_its_interval_value_and_precision() -> None:
    props = date_props("date", FuzzyDate.of(2024, 2, derivation="relative", anchor="event/x"))
    assert props == {"date_from": date(2024, 2, 1), "date_to": date(2024, 2, 29), "date_value": "2024-02",
                     "date_precision": "month", "date_derivation": "relative", "date_anchor": "event/x"}
    assert date_props("date", None) == {}


def test_roles_become_checked_relationship_types() -> None:
    assert rel_type("agent") == "AGENT" and rel_type("co-agent") == "CO_AGENT"
    with pytest.raises(ValueError):
        rel_type("--")
    assert "MATCH (who:Event {id: r.entity})" in role_statement("Event")
    for bad in ["Entity:Admin", "Entity {id: 'x'}) DETACH DELETE who //", "TARGET_LABEL"]:
        with pytest.raises(ValueError):
            role_statement(bad)


def test_rows_point_at_events_and_laws_and_keep_attributes_as_in_rdf() -> None:
    rows = to_rows(question_facts())
    about = [r for r in rows.roles if r["type"] == "SUBJECT"]
    assert about == [{"event": "event/foreignstatement-1", "type": "SUBJECT", "entity": "event/election-2022",
                      "label": "Event", "evidence": about[0]["evidence"]}]
    assert [(r["id"], r["whole"]) for r in rows.part_of] == [("lawarticle/law-on-parties-art-6",
                                                              "law/law-on-parties")]
    closure = next(r for r in rows.events if r["id"] == "event/mediaclosure-1")["props"]
    assert closure["attributes_json"] == '{"count":2,"how":"licence revoked"}' and closure["how"] == "licence revoked"
    statement = next(r for r in rows.events if r["id"] == "event/foreignstatement-1")["props"]
    assert statement["stance"] == "condemn" and "attributes_json" not in statement
    dissolution = next(r for r in rows.events if r["id"] == "event/dissolution-1")["props"]
    assert json.loads(dissolution["attributes_json"])["date_claims"][1] == {"value": "2021-06"}
    assert "date_claims" not in dissolution  # a list of maps is no Neo4j property


def test_the_build_id_follows_the_content() -> None:
    assert to_rows(sample_facts()).build == to_rows(sample_facts()).build
    changed = sample_facts()
    changed.entities["party/alpha-party"].name = "Alpha Party (renamed)"
    assert to_rows(changed).build != to_rows(sample_facts()).build


def test_a_node_hash_covers_its_row_and_the_relationships_it_starts() -> None:
    before = to_rows(sample_facts())
    changed = sample_facts()
    changed.events["event/dissolution-1"].participants.pop()
    after = to_rows(changed)

    def hashes(rows: object) -> dict[str, str]:
        return {r["id"]: r["hash"] for kind in ("documents", "evidence", "entities", "events", "memberships")
                for r in getattr(rows, kind)}

    old, new = hashes(before), hashes(after)
    assert {i for i in old if old[i] != new[i]} == {"event/dissolution-1"}
    assert all(r["props"]["kg_hash"] == r["hash"] for r in after.events)


def test_every_date_property_a_push_can_write_is_declared() -> None:
    declared = set(date_property_keys())
    d = FuzzyDate("2020-03", "month", phrase="March 2020", anchor="event/x")
    for prefix in ("published", "date", "start", "end"):
        assert set(date_props(prefix, d)) <= declared
    rows = to_rows(question_facts())
    written = {key for kind in ("documents", "events", "memberships") for row in getattr(rows, kind)
               for key in row["props"] if key.rsplit("_", 1)[-1] in ("from", "to", "value", "precision")}
    assert written and written <= declared


def test_the_build_id_follows_every_row_relationships_included() -> None:
    facts = question_facts()
    build = to_rows(facts).build
    assert to_rows(question_facts()).build == build and len(build) == 16
    moved = question_facts()
    agent = moved.events["event/dissolution-1"].participants[0]
    moved.events["event/dissolution-1"].participants[0] = Participant("participant", agent.entity)
    moved_rows = to_rows(moved)
    def props(rows: GraphRows) -> list[dict[str, object]]:
        return [{k: v for k, v in r["props"].items() if k != "kg_hash"} for r in rows.events]

    assert props(moved_rows) == props(to_rows(facts))  # only a role row differs
    assert moved_rows.build != build
