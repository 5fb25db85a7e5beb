"""``graph.neo4j_sync`` against a real Neo4j 5.26: the shape of the graph, idempotence, sync, atomicity."""

from __future__ import annotations

import copy

import neo4j
import pytest
from neo4j.time import Date

from graph.model import Entity
from graph.neo4j_rows import to_rows
from graph.neo4j_sync import content_hash, push, status
from tests.graph.neo4j_samples import sample_facts

pytestmark = pytest.mark.neo4j


def one(driver: neo4j.Driver, query: str, **params: object) -> neo4j.Record:
    return driver.execute_query(query, params).records[0]


def counts(driver: neo4j.Driver) -> tuple[int, int]:
    rec = one(driver, "MATCH (n) WITH count(n) AS n MATCH ()-[r]->() RETURN n, count(r) AS r")
    return rec["n"], rec["r"]


def test_nodes_have_a_generic_and_a_type_label_and_unique_ids(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, sample_facts())
    rec = one(neo4j_db, "MATCH (p:Entity:Party {id: $id}) RETURN labels(p) AS labels, p.name AS name, "
                        "p.aliases AS aliases, p.country AS country", id="party/alpha-party")
    assert sorted(rec["labels"]) == ["Entity", "Party"] and rec["name"] == "Alpha Party"
    assert rec["aliases"] == ["Party"] and rec["country"] == "Ruritania"
    assert one(neo4j_db, "MATCH (e:Event:Dissolution) RETURN count(e) AS n")["n"] == 1
    constrained = {
        (r["labels"][0], r["properties"][0])
        for r in neo4j_db.execute_query(
            "SHOW CONSTRAINTS YIELD type, labelsOrTypes AS labels, properties "
            "WHERE type = 'UNIQUENESS' RETURN labels, properties"
        ).records
    }
    for label in ("Document", "Entity", "Event", "Membership", "Evidence"):
        assert (label, "id") in constrained
    with pytest.raises(neo4j.exceptions.ConstraintError):
        neo4j_db.execute_query("CREATE (:Entity {id: 'party/alpha-party'})")


def test_dates_are_neo4j_dates_with_precision_and_original_value(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, sample_facts())
    rec = one(neo4j_db, "MATCH (e:Amendment) RETURN e.date_from AS a, e.date_to AS b, e.date_precision AS p, "
                        "e.date_value AS v, e.date_phrase AS phrase")
    assert (rec["a"], rec["b"]) == (Date(2020, 3, 1), Date(2020, 3, 31))
    assert (rec["p"], rec["v"], rec["phrase"]) == ("month", "2020-03", "March 2020")
    # Date arithmetic works in Cypher: the amendment ends more than a year before the dissolution.
    rec = one(neo4j_db, "MATCH (a:Amendment), (d:Dissolution) "
                        "RETURN duration.inDays(a.date_to, d.date_from).days AS gap")
    assert rec["gap"] == 400
    rec = one(neo4j_db, "MATCH (m:Membership) RETURN m.start_from AS a, m.start_to AS b, m.end_from AS e")
    assert (rec["a"], rec["b"], rec["e"]) == (Date(2019, 1, 1), Date(2019, 12, 31), None)


def test_roles_are_relationships_carrying_the_event_evidence(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, sample_facts())
    rows = neo4j_db.execute_query(
        "MATCH (:Dissolution)-[r]->(x:Entity) RETURN type(r) AS role, x.name AS name, r.evidence AS ev "
        "ORDER BY role"
    ).records
    assert [(r["role"], r["name"]) for r in rows] == [
        ("AGENT", "The Court"), ("INSTRUMENT", "Law on Parties"), ("TARGET", "Alpha Party")]
    for r in rows:
        assert len(r["ev"]) == 2
        n = one(neo4j_db, "MATCH (e:Evidence) WHERE e.id IN $ids RETURN count(e) AS n", ids=r["ev"])["n"]
        assert n == 2


def test_memberships_are_nodes_between_person_and_body(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, sample_facts())
    rec = one(neo4j_db, "MATCH (p:Person)<-[:MEMBER]-(m:Membership)-[o:ORGANIZATION]->(b:Institution) "
                        "RETURN p.name AS p, m.role AS role, b.name AS b, o.evidence AS ev")
    assert (rec["p"], rec["role"], rec["b"]) == ("Jane Roe", "chair", "The Board") and len(rec["ev"]) == 1


def test_every_fact_node_is_supported_by_evidence_in_a_document(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    push(neo4j_db, facts)
    unsupported = one(neo4j_db, "MATCH (n) WHERE (n:Entity OR n:Event OR n:Membership) "
                                "AND NOT (n)-[:SUPPORTED_BY]->(:Evidence)-[:IN]->(:Document) "
                                "RETURN count(n) AS n")["n"]
    assert unsupported == 0
    rec = one(neo4j_db, "MATCH (e:Evidence)-[:IN]->(d:Document) WITH d, count(e) AS n "
                        "RETURN d.id AS doc, n ORDER BY n DESC LIMIT 1")
    assert rec["doc"] == "doc-alpha" and rec["n"] == len(to_rows(facts).evidence)
    quote = one(neo4j_db, "MATCH (:Membership)-[:SUPPORTED_BY]->(e) RETURN e.quote AS q")["q"]
    assert quote == "Jane Roe has chaired the Board since 2019"


def test_pushing_twice_changes_nothing(neo4j_db: neo4j.Driver) -> None:
    first = push(neo4j_db, sample_facts())
    before, digest = counts(neo4j_db), content_hash(neo4j_db)
    second = push(neo4j_db, sample_facts())
    assert first.build == second.build
    assert counts(neo4j_db) == before and content_hash(neo4j_db) == digest
    assert second.removed_nodes == 0 and second.removed_relationships == 0


def test_push_after_a_rebuild_removes_what_is_gone(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    push(neo4j_db, facts)
    neo4j_db.execute_query("CREATE (:Note {text: 'added by hand'})")
    smaller = copy.deepcopy(facts)
    del smaller.events["event/amendment-1"]
    del smaller.memberships["membership/jane-board"]
    del smaller.entities["person/jane-roe"]
    smaller.events["event/dissolution-1"].participants.pop()  # drops the INSTRUMENT role
    report = push(neo4j_db, smaller)
    assert report.removed_nodes >= 3 and report.removed_relationships >= 1
    gone = one(neo4j_db, "OPTIONAL MATCH (a:Amendment) OPTIONAL MATCH (p:Person) "
                         "OPTIONAL MATCH (m:Membership) OPTIONAL MATCH (:Dissolution)-[i:INSTRUMENT]->() "
                         "RETURN count(a) + count(p) + count(m) + count(i) AS n")
    assert gone["n"] == 0
    assert one(neo4j_db, "MATCH (n:Note) RETURN count(n) AS n")["n"] == 1
    synced = content_hash(neo4j_db)
    neo4j_db.execute_query("MATCH (n) WHERE n.build IS NOT NULL DETACH DELETE n")
    push(neo4j_db, smaller)
    assert content_hash(neo4j_db) == synced  # a sync equals a push into an empty database


def test_a_push_failing_midway_leaves_the_previous_graph(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    push(neo4j_db, facts)
    before, digest = counts(neo4j_db), content_hash(neo4j_db)
    changed = copy.deepcopy(facts)
    changed.entities["party/alpha-party"].name = "Renamed Party"
    del changed.events["event/amendment-1"]
    changed.add_entity(Entity("party/beta-party", "Party", "Beta Party"))

    def fail_on_third_batch(stage: str, done: int, total: int) -> None:
        if done == 3:
            raise RuntimeError("connection lost (simulated)")

    with pytest.raises(RuntimeError, match="simulated"):
        push(neo4j_db, changed, batch_size=1, progress=fail_on_third_batch)
    assert counts(neo4j_db) == before and content_hash(neo4j_db) == digest
    assert status(neo4j_db).last_build == to_rows(facts).build


def test_values_are_bound_never_pasted(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    nasty = "X'}) DETACH DELETE n //\" $build `"
    facts.add_entity(Entity("party/nasty", "Party", nasty, {"a\\b"}, {"note": "}; MATCH (n) DELETE n"}))
    push(neo4j_db, facts)
    rec = one(neo4j_db, "MATCH (p:Party {id: 'party/nasty'}) "
                        "RETURN p.name AS name, p.aliases AS al, p.note AS n")
    assert (rec["name"], rec["al"], rec["n"]) == (nasty, ["a\\b"], "}; MATCH (n) DELETE n")
    assert one(neo4j_db, "MATCH (n:Entity) RETURN count(n) AS n")["n"] == 6


def test_status_counts_by_label(neo4j_db: neo4j.Driver) -> None:
    assert status(neo4j_db).last_build is None
    facts = sample_facts()
    push(neo4j_db, facts)
    st = status(neo4j_db)
    assert st.labels["Entity"] == 5 and st.labels["Event"] == 2 and st.labels["Document"] == 2
    assert st.labels["Membership"] == 1 and st.relationships["AGENT"] == 2
    assert st.last_build == to_rows(facts).build and st.pushed_at


def builds(driver: neo4j.Driver) -> dict[str, str]:
    return {r["id"]: r["build"] for r in driver.execute_query(
        "MATCH (n) WHERE n.build IS NOT NULL RETURN n.id AS id, n.build AS build").records}


def test_a_push_rewrites_only_the_nodes_whose_hash_changed(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    first = push(neo4j_db, facts)
    assert first.written_nodes == 13 and first.unchanged_nodes == 0
    assert push(neo4j_db, facts).written_nodes == 0
    changed = copy.deepcopy(facts)
    changed.events["event/amendment-1"].attributes["summary"] = "amended twice"
    report = push(neo4j_db, changed)
    assert report.written_nodes == 1 and report.unchanged_nodes == 12
    assert report.removed_nodes == 0 and report.removed_relationships == 0
    written = {i for i, b in builds(neo4j_db).items() if b != first.build}
    assert written == {"event/amendment-1"}
    rec = one(neo4j_db, "MATCH (a:Amendment)-[r]->() RETURN count(r) AS n, a.summary AS s")
    assert (rec["n"], rec["s"]) == (3, "amended twice")  # two roles and one passage, made again


def test_a_changed_type_moves_the_label_and_keeps_incoming_relationships(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    push(neo4j_db, facts)
    changed = copy.deepcopy(facts)
    changed.entities["law/law-on-parties"].type = "Decree"
    push(neo4j_db, changed)
    rec = one(neo4j_db, "MATCH (x {id: 'law/law-on-parties'}) OPTIONAL MATCH (e:Event)-[r]->(x) "
                        "RETURN labels(x) AS labels, count(r) AS roles")
    assert sorted(rec["labels"]) == ["Decree", "Entity"] and rec["roles"] == 2
    synced = content_hash(neo4j_db)
    neo4j_db.execute_query("MATCH (n) WHERE n.build IS NOT NULL DETACH DELETE n")
    push(neo4j_db, changed)
    assert content_hash(neo4j_db) == synced


def test_a_participant_added_later_gets_its_relationship(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    lacking = copy.deepcopy(facts)
    del lacking.entities["institution/the-court"]  # the dissolution names it, the graph lacks it
    push(neo4j_db, lacking)
    assert one(neo4j_db, "MATCH (:Dissolution)-[r:AGENT]->() RETURN count(r) AS n")["n"] == 0
    push(neo4j_db, facts)
    assert one(neo4j_db, "MATCH (:Dissolution)-[r:AGENT]->(c:Institution) RETURN c.id AS c")["c"] == \
        "institution/the-court"


def test_a_first_push_creates_its_nodes_and_leaves_what_a_merging_push_leaves(neo4j_db: neo4j.Driver) -> None:
    facts = sample_facts()
    first = push(neo4j_db, facts)
    assert first.created and 0 < first.commit_seconds < first.seconds
    created = content_hash(neo4j_db)
    neo4j_db.execute_query("MATCH (n) DETACH DELETE n")
    neo4j_db.execute_query("CREATE (:Entity {id: 'by-hand/note', name: 'added by hand'})")  # not ours to push
    merged = push(neo4j_db, facts)
    assert not merged.created and content_hash(neo4j_db) == created
    assert not push(neo4j_db, facts).created  # the database holds the graph now: nothing is created


def test_a_node_added_by_hand_with_a_pushed_id_is_merged_not_duplicated(neo4j_db: neo4j.Driver) -> None:
    neo4j_db.execute_query("CREATE (:Entity {id: 'party/alpha-party', note: 'typed in by hand'})")
    report = push(neo4j_db, sample_facts())  # a CREATE would break the uniqueness constraint
    assert not report.created
    rec = one(neo4j_db, "MATCH (p:Entity {id: 'party/alpha-party'}) RETURN count(p) AS n, p.name AS name, "
                        "p.note AS note, p.build IS NOT NULL AS pushed")
    assert (rec["n"], rec["name"], rec["note"], rec["pushed"]) == (1, "Alpha Party", None, True)
