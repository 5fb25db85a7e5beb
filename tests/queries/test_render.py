"""Showing answers: the declared CSV columns are the answers' columns, tables fit their width."""

from __future__ import annotations

import io

import pytest
from rich.console import Console

from kg.workspace import Workspace
from queries import render
from queries.answer import ask
from queries.backends import open_backend
from queries.catalogue import public

PARAMS = {"timeline": {"actor": "Lantern Party"}, "evidence": {"fact": "event/disqualification-lp"},
          "foreign-reactions": {"election": "2023"}}


@pytest.mark.parametrize("name", [q.name for q in public()])
def test_declared_columns_are_the_answer_columns(name: str, contested_workspace: Workspace) -> None:
    question = next(q for q in public() if q.name == name)
    backend = open_backend("sparql", contested_workspace)
    answer = ask(name, PARAMS.get(name, {}), backend)
    assert answer["rows"], name
    found = render._columns(render.flatten(r) for r in answer["rows"])
    assert list(question.columns) == [c for c in question.columns if c in found] and set(found) == set(
        question.columns), (name, found)
    table = [c.split("=")[0] for c in question.table]
    assert table, f"{name}: declare the table's default columns (# table:)"
    shown = {c.rsplit(".", 1)[0] if c.endswith((".value", ".precision", ".min", ".max")) else c for c in found}
    assert set(table) <= shown, (name, set(table) - shown)


def test_fit_gives_every_column_its_longest_word() -> None:
    headers = ["law", "order"]
    rows = [["Law on Political Parties of the Kingdom", "undetermined"]]
    assert render.fit(headers, rows, 100) == [None, None]  # everything fits
    widths = render.fit(headers, rows, 30)
    assert widths[1] >= len("undetermined") and widths[0] >= len("Political") and sum(widths) <= 30
    assert render.fit(headers, rows, 10) == [None, None]  # cannot fit: rich folds


def test_refs_are_ranges() -> None:
    assert render._refs([1, 2, 3, 5, 7, 8]) == "1-3, 5, 7-8"


def test_empty_table_says_no_rows_on_the_other_stream() -> None:
    out, err = io.StringIO(), io.StringIO()
    answer = {"question": "party-fates", "params": {}, "rows": []}
    render.print_table(answer, Console(file=out, width=80), "Fates", ("party", "type", "date"),
                       err=Console(file=err, width=80))
    assert "party" in out.getvalue() and "no rows" not in out.getvalue()
    assert err.getvalue().strip() == "no rows"
