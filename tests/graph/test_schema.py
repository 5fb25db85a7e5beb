"""The model's schema is read from ontology.ttl, and the constructors refuse what it does not declare."""

from __future__ import annotations

import pytest

from graph.errors import AbortRun
from graph.factset import FactSet
from graph.model import ENTITY_TYPES, EVENT_TYPES, OWN_EVENT_ATTRIBUTES, ROLES, Entity, Event, Participant
from graph.schema import schema


def test_types_and_roles_come_from_the_ontology() -> None:
    assert {"Party", "Person", "Law", "LawArticle", "ForeignActor"} <= set(ENTITY_TYPES)
    assert "Actor" not in ENTITY_TYPES  # a grouping class, not a type of its own
    assert {"Election", "Disqualification", "Dissolution", "Amendment", "ForeignStatement"} <= set(EVENT_TYPES)
    assert {"agent", "target", "instrument", "location", "subject", "speaker", "participant"} == set(ROLES)
    assert OWN_EVENT_ATTRIBUTES == ("stance",)
    assert schema().entity_types == ENTITY_TYPES


@pytest.mark.parametrize("make", [
    lambda: Entity("club/x", "Club", "X"),
    lambda: Event("event/x", "Picnic", None),
    lambda: Participant("witness", "person/x"),
])
def test_constructors_refuse_undeclared_terms(make) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(AbortRun, match="not declared in ontology.ttl"):
        make()


def test_the_corpus_uses_only_declared_terms(corpus_facts: FactSet) -> None:
    roles = {p.role for e in corpus_facts.events.values() for p in e.participants}
    assert "participant" in roles and roles <= set(ROLES)  # loading the workspace checked every term
    assert {e.type for e in corpus_facts.entities.values()} <= set(ENTITY_TYPES)
