"""The Cypher cookbook: the doc shows exactly the files, and every recipe runs on a real Neo4j 5.26."""

from __future__ import annotations

import neo4j
import pytest

from graph.factset import FactSet
from graph.neo4j_sync import push
from queries.cookbook import Recipe, recipes
from tests.conftest import ROOT
from tests.graph.neo4j_samples import cookbook_facts

DOC = ROOT / "docs" / "cypher-cookbook.md"
#: Names of the invented graph for the recipes whose defaults name real actors.
INVENTED_PARAMS = {"body": "Election Body", "party": "Alpha Party", "from": "Jane Roe", "to": "Alpha Party"}


def test_at_least_twelve_recipes_all_in_the_doc() -> None:
    doc = DOC.read_text(encoding="utf-8")
    found = recipes()
    assert len(found) >= 12
    for r in found:
        assert r.markdown() in doc, f"{r.name}: run `python -m queries.cookbook` and update {DOC.name}"
    assert doc.count("```cypher") == len(found)


def _run(driver: neo4j.Driver, recipe: Recipe, overrides: dict[str, str]) -> list[neo4j.Record]:
    params = recipe.params | {k: v for k, v in overrides.items() if k in recipe.params}
    records, summary, keys = driver.execute_query(recipe.text, params, routing_=neo4j.RoutingControl.READ)
    assert tuple(keys) == recipe.columns, recipe.name
    # no "property/label does not exist" or other warning: a researcher pasting the recipe sees none
    warnings = [f"{s.gql_status}: {s.status_description}" for s in summary.gql_status_objects
                if s.severity == neo4j.NotificationSeverity.WARNING]
    assert not warnings, f"{recipe.name}: {warnings}"
    return records


@pytest.mark.neo4j
def test_every_recipe_answers_on_an_invented_graph(neo4j_db: neo4j.Driver) -> None:
    push(neo4j_db, cookbook_facts())
    for r in recipes():
        assert _run(neo4j_db, r, INVENTED_PARAMS), f"{r.name} found nothing on the invented graph"


@pytest.mark.neo4j
def test_every_recipe_runs_on_the_corpus(neo4j_db: neo4j.Driver, corpus_facts: FactSet) -> None:
    push(neo4j_db, corpus_facts)
    labels = {r["name"] for r in neo4j_db.execute_query(
        "MATCH (n) UNWIND labels(n) AS name RETURN DISTINCT name "
        "UNION MATCH ()-[r]->() RETURN DISTINCT type(r) AS name").records}
    for r in recipes():
        rows = _run(neo4j_db, r, {})
        if r.rows_when and set(r.rows_when) <= labels:
            assert rows, f"{r.name} found nothing although the corpus has {', '.join(r.rows_when)}"
