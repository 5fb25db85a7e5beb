"""``graph.neo4j_statements``: the push's Cypher and its two checked substitutions (no server needed)."""

from __future__ import annotations

import pytest

from graph.neo4j_rows import NODE_KINDS
from graph.neo4j_statements import WRITE_ORDER, node_statement, statement, write_statements


def test_a_first_push_creates_the_node_and_keeps_everything_else() -> None:
    for kind, label in NODE_KINDS.items():
        merged, created = node_statement(kind), node_statement(kind, create=True)
        assert merged == statement(f"push_{kind}")
        clause = next(line for line in merged.splitlines() if line.startswith("MERGE ("))
        assert f":{label} {{id: r.id}})" in clause
        assert created == merged.replace(clause, "CREATE" + clause.removeprefix("MERGE"))
        assert not [line for line in created.splitlines() if "MERGE" in line and not line.startswith("//")]


def test_only_node_rows_have_a_node_statement() -> None:
    for kind in ("roles", "part_of", "lock", "documents) DETACH DELETE n //"):
        with pytest.raises(ValueError):
            node_statement(kind)


def test_each_kind_is_written_by_its_statements_roles_by_target_label() -> None:
    roles = [{"event": "event/a", "label": "Entity"}, {"event": "event/b", "label": "Event"}]
    by_label = write_statements("roles", roles, create=True)
    assert [rows for _, rows in by_label] == [roles[:1], roles[1:]]
    assert ["MATCH (who:Entity" in text for text, _ in by_label] == [True, False]
    assert write_statements("part_of", [], create=True) == [(statement("push_part_of"), [])]
    assert write_statements("events", [], create=True) == [(node_statement("events", True), [])]
    assert set(WRITE_ORDER) == set(NODE_KINDS) | {"roles", "part_of"}
