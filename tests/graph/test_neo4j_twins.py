"""The Cypher twins answer every catalogue question as the SPARQL queries do, on a real Neo4j 5.26.

Both backends run on the same graph (pushed to Neo4j, written to the embedded RDF store): the raw
rows must be the same set, then the whole answers of ``queries.answer.ask`` must be equal. Run on the
corpus and on an invented graph that has data for every question.
"""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import neo4j
import pytest

from graph import facts_json
from graph.factset import FactSet
from graph.neo4j_sync import push
from graph.rdf_store import write_store
from kg.workspace import Workspace
from queries.answer import ask
from queries.backends import Backend, open_backend
from queries.catalogue import Question, catalogue
from queries.neo4j_backend import CYPHER_DIR
from tests.graph.neo4j_samples import question_facts
from tests.neo4j_server import NEO4J_TEST_PASSWORD, NEO4J_TEST_USER

pytestmark = pytest.mark.neo4j


def test_every_question_has_a_twin_binding_only_declared_parameters() -> None:
    questions = catalogue()
    twins = {p.stem for p in CYPHER_DIR.glob("*.cypher")}
    assert twins == set(questions)
    for q in questions.values():
        text = (CYPHER_DIR / f"{q.name}.cypher").read_text(encoding="utf-8")
        used = set(re.findall(r"\$([A-Za-z_][A-Za-z0-9_]*)", text))
        declared = {p.variable for p in q.params if q.is_bound(p)}
        assert used == declared, q.name


def _workspace(facts: FactSet, folder: Path) -> Workspace:
    ws = Workspace(folder)
    folder.mkdir(parents=True)
    ws.facts_path.write_text(facts_json.dumps(facts), encoding="utf-8")
    write_store(facts, ws.store_path)
    return ws


@pytest.fixture
def both(neo4j_db: neo4j.Driver, neo4j_server: str, monkeypatch: pytest.MonkeyPatch,
         request: pytest.FixtureRequest) -> Iterator[tuple[FactSet, Backend, Backend]]:
    """(facts, sparql backend, neo4j backend) on the same graph; the graph is the test's parameter."""
    facts: FactSet = request.getfixturevalue(request.param)
    ws = _workspace(facts, request.getfixturevalue("tmp_path") / "ws")
    push(neo4j_db, facts)
    for key, value in {"NEO4J_URI": neo4j_server, "NEO4J_USER": NEO4J_TEST_USER,
                       "NEO4J_PASSWORD": NEO4J_TEST_PASSWORD}.items():
        monkeypatch.setenv(key, value)
    sparql, cypher = open_backend("sparql", ws), open_backend("neo4j", ws)
    yield facts, sparql, cypher
    sparql.close()
    cypher.close()


@pytest.fixture
def invented_facts() -> FactSet:
    return question_facts()


def _row_set(rows: list[dict[str, Any]]) -> set[str]:
    return {json.dumps(r, sort_keys=True, default=str) for r in rows}


def _bindings(q: Question, facts: FactSet) -> Iterator[dict[str, Any]]:
    """Representative values of the question's bound parameters: none, and every matching id."""
    bound = [p for p in q.params if q.is_bound(p)]
    choices = []
    for p in bound:
        if p.type == "entity":
            ids = [e.id for e in facts.entities.values() if not p.options or e.type in p.options]
        elif p.type == "fact":
            ids = sorted([*facts.entities, *facts.events, *facts.memberships])
        else:
            continue
        choices.append([(p.name, i) for i in sorted(ids)[:25]] + ([] if not p.optional else [None]))
    for combo in itertools.product(*choices):
        yield dict(c for c in combo if c is not None)


@pytest.mark.parametrize("both", ["invented_facts", "corpus_facts"], indirect=True)
def test_both_backends_give_the_same_rows(both: tuple[FactSet, Backend, Backend]) -> None:
    facts, sparql, cypher = both
    answered = set()
    for q in catalogue().values():
        for params in _bindings(q, facts):
            want, got = sparql.run(q, params), cypher.run(q, params)
            assert _row_set(got) == _row_set(want), (q.name, params)
            if want:
                assert set(got[0]) == set(want[0]), q.name
                answered.add(q.name)
    if "person/john-doe" in facts.entities:  # the invented graph has data for every question
        assert answered == set(catalogue())


# Representative parameters of each question, given as a user would (names, not ids).
ASKED: list[tuple[str, dict[str, str]]] = [
    ("amendments-before-disqualifications", {}),
    ("amendments-before-disqualifications", {"law": "Law on Parties", "order": "any"}),
    ("evidence", {"fact": "event/dissolution-1"}),
    ("foreign-reactions", {"election": "2022"}),
    ("laws-used-against", {}),
    ("laws-used-against", {"party": "Beta Party"}),
    ("media-closures", {"from": "2022", "to": "2022-12"}),
    ("nec-composition", {"body": "Election Body"}),
    ("nec-composition", {"body": "Election Body", "date": "2020"}),
    ("party-fates", {}),
    ("timeline", {"actor": "Law on Parties"}),
    ("timeline", {"actor": "John Doe"}),
]


@pytest.mark.parametrize("both", ["invented_facts"], indirect=True)
def test_both_backends_give_the_same_answers(both: tuple[FactSet, Backend, Backend]) -> None:
    _, sparql, cypher = both
    for name, given in ASKED:
        if name not in catalogue():
            continue
        params = {k: v for k, v in given.items() if k in {p.name for p in catalogue()[name].params}}
        want = ask(name, params, sparql)
        assert want["rows"], (name, params)
        assert ask(name, params, cypher) == want, (name, params)


@pytest.mark.parametrize("both", ["invented_facts"], indirect=True)
def test_cypher_answers_show_conflicts_and_articles(both: tuple[FactSet, Backend, Backend]) -> None:
    """The twins carry what the SPARQL answers carry: the date-conflict flag, the competing dates and
    the amended article (equal answers alone would pass if both lacked them)."""
    _, _, cypher = both
    rows = ask("amendments-before-disqualifications", {"order": "any"}, cypher)["rows"]
    row = next(r for r in rows if r["amendment"]["event"] == "event/amendment-2"
               and r["disqualification"]["event"] == "event/dissolution-1")
    assert row["amendment"]["articles"] == [{"name": "Article 6 of the Law on Parties",
                                             "id": "lawarticle/law-on-parties-art-6"}]
    assert row["flags"] == ["date-conflict"] and row["disqualification"]["flags"] == ["date-conflict"]
    assert [c["value"] for c in row["disqualification"]["date_claims"]] == ["2021-05-05", "2021-06"]
    fates = ask("party-fates", {"party": "Alpha Party"}, cypher)["rows"]
    assert [r["flags"] for r in fates] == [["date-conflict"]]


@pytest.mark.parametrize("both", ["invented_facts"], indirect=True)
def test_reviewed_only_answers_are_the_same_on_both_backends(both: tuple[FactSet, Backend, Backend]) -> None:
    _, sparql, cypher = both
    fates = ask("party-fates", {}, sparql, reviewed=True)
    assert [r["event"] for r in fates["rows"]] == ["event/disqualification-1"]
    closures = ask("media-closures", {}, sparql, reviewed=True)
    assert [r["event"] for r in closures["rows"]] == ["event/mediaclosure-1"]
    for name, given in ASKED:
        assert ask(name, given, cypher, reviewed=True) == ask(name, given, sparql, reviewed=True), name


def test_review_state_is_a_property_and_a_label_in_neo4j(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, question_facts())
    records, _, _ = neo4j_db.execute_query(
        "MATCH (n) WHERE n.status IN ['accepted', 'corrected'] RETURN n.id AS id, n.status AS status, "
        "labels(n) AS labels ORDER BY id")
    found = {r["id"]: (r["status"], set(r["labels"])) for r in records}
    assert found["event/disqualification-1"][0] == "accepted" and "Accepted" in found["event/disqualification-1"][1]
    assert "Corrected" in found["event/mediaclosure-1"][1]
    assert found["membership/doe-body"][0] == "accepted"
