"""The backend registry and the row contract every backend (sparql, and the Cypher twins) must keep."""

from __future__ import annotations

import re

import pytest

from graph.errors import UsageError
from kg.workspace import Workspace
from queries.backends import available, open_backend
from queries.catalogue import catalogue

SAMPLE_PARAMS = {"timeline": {"actor": "law/law-on-lanterns"},
                 "evidence": {"fact": "event/disqualification-lp"},
                 "nec-composition": {"body": "institution/national-election-committee"}}


def test_registry() -> None:
    assert "sparql" in available()
    with pytest.raises(UsageError, match="unknown backend 'nope'"):
        open_backend("nope", Workspace("/nonexistent"))


@pytest.mark.parametrize("name", sorted(catalogue()))
def test_sparql_rows_keep_the_contract(name: str, small_workspace: Workspace) -> None:
    """Columns are the projected variables, facts are model ids (not IRIs), dates come as value and
    precision columns, missing values are None."""
    q = catalogue()[name]
    select = q.text[q.text.index("SELECT"): q.text.index("WHERE")]
    columns = re.findall(r"\?(\w+)", select)
    backend = open_backend("sparql", small_workspace)
    rows = backend.run(q, SAMPLE_PARAMS.get(name, {}))
    assert rows, f"{name}: the invented graph should answer"
    for row in rows:
        assert list(row) == columns
        for col, value in row.items():
            assert not (isinstance(value, str) and value.startswith("http")), (col, value)
            if col.endswith("_precision"):
                assert value in (None, "year", "month", "day")
                assert (value is None) == (row[col[: -len("precision")] + "date"] is None)
