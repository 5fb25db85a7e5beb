"""``graph.neo4j_plan`` without a server: what a push removes, and the fingerprint of a pushed graph."""

from __future__ import annotations

import copy
from typing import Any

from graph.neo4j_plan import NODE_KINDS, expected_fingerprint, held_fingerprint, intact, plan
from graph.neo4j_rows import GraphRows, to_rows
from tests.graph.neo4j_samples import sample_facts


def pushed(rows: GraphRows) -> list[list[Any]]:
    """What ``push_read`` returns after a push of ``rows``: [element id, id, labels, kg_hash]."""
    return [[f"e{i}", row["id"], [label, *row.get("labels", ())], row["hash"]]
            for i, (kind, label) in enumerate(NODE_KINDS.items()) for row in getattr(rows, kind)]


def relationships(rows: GraphRows) -> int:
    return sum(len(r["evidence"]) for k in ("entities", "events", "memberships") for r in getattr(rows, k)) + \
        sum(r["document"] is not None for r in rows.evidence) + len(rows.roles) + len(rows.part_of) + \
        sum((r["person"] is not None) + (r["organization"] is not None) for r in rows.memberships)


def test_a_server_holding_the_rows_has_their_fingerprint() -> None:
    rows = to_rows(sample_facts())
    existing = pushed(rows)
    assert held_fingerprint(existing, relationships(rows)) == expected_fingerprint(rows)
    assert intact(existing, relationships(rows), expected_fingerprint(rows))
    assert not intact(existing, relationships(rows) - 1, expected_fingerprint(rows))  # a link gone
    assert not intact(existing[1:], relationships(rows), expected_fingerprint(rows))  # a node gone
    assert intact(existing[1:], 0, None)  # a push record of before the fingerprint: trusted


def test_the_removal_names_what_goes_by_label() -> None:
    facts = sample_facts()
    rows = to_rows(facts)
    smaller = copy.deepcopy(facts)
    gone = sorted(smaller.events)[0]
    del smaller.events[gone]
    todo = plan(to_rows(smaller), pushed(rows), "b1")
    assert ("Event", gone) in todo.removal.nodes and todo.removal.last_build == "b1"
    assert todo.removal.held == len(pushed(rows)) and 0 < todo.removal.share < 1
    assert todo.removal.by_label()["Event"] == 1
    untrusted = plan(rows, pushed(rows), trust_hashes=False)
    assert untrusted.unchanged == 0 and not untrusted.removal.nodes
