"""Showing an answer: JSON (the full answer), CSV or a rich table (one flat line per row).

Flattening: nested objects become dotted columns (``amendment.law``), dates ``2017-03 (month)``,
lists of named entities their names joined with ``; ``, evidence lists ``document@start-end: quote``
(the table shows the first quote, shortened, and leaves out id columns).
"""

from __future__ import annotations

import csv
import io
import json
from typing import Any

from rich.console import Console
from rich.table import Table

QUOTE_WIDTH = 70
#: Keys naming what a nested object is about, shown for it in a cell (e.g. an affiliation's party).
_LABELS = ("name", "party", "person")


def to_json(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False, indent=1) + "\n"


def _cell(key: str, value: Any, short: bool) -> str:
    if value is None:
        return ""
    if isinstance(value, dict) and set(value) == {"value", "precision"}:
        return f"{value['value']} ({value['precision']})"
    if isinstance(value, list):
        if key.split(".")[-1] == "evidence":
            if short and value:
                quote = " ".join(str(value[0]["quote"]).split())
                quote = quote if len(quote) <= QUOTE_WIDTH else quote[: QUOTE_WIDTH - 1] + "\u2026"
                more = f" (+{len(value) - 1} more)" if len(value) > 1 else ""
                return f"\u201c{quote}\u201d [{value[0]['document']}]{more}"
            return " | ".join(f"{e['document']}@{e['start']}-{e['end']}: {' '.join(str(e['quote']).split())}"
                              for e in value)
        return "; ".join(_cell(key, v, short) for v in value)
    if isinstance(value, dict):
        label = next((value[k] for k in _LABELS if value.get(k)), None)
        if label is not None:
            return str(label) + (f" ({value['role']})" if value.get("role") else "")
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, float | int) and not isinstance(value, bool):
        return str(value)
    return str(value)


def flatten(row: dict[str, Any], short: bool = False, prefix: str = "") -> dict[str, str]:
    """One flat ``column -> text`` dict of a row (see the module docstring)."""
    out: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict) and set(value) != {"value", "precision"} and not any(k in value for k in _LABELS):
            out.update(flatten(value, short, f"{name}."))
        else:
            out[name] = _cell(name, value, short)
    return out


def _columns(rows: list[dict[str, str]]) -> list[str]:
    """Every column in first-seen order; ``gap_days`` (null in some rows) goes when ``gap_days.min`` is there."""
    cols: list[str] = []
    for r in rows:
        cols.extend(k for k in r if k not in cols)
    return [c for c in cols if not any(o.startswith(c + ".") for o in cols)]


def to_csv(answer: dict[str, Any]) -> str:
    rows = [flatten(r) for r in answer["rows"]]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(rows), lineterminator="\n", extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return buf.getvalue()


def _is_id(column: str) -> bool:
    """Columns the table leaves out (ids; JSON and CSV keep them)."""
    return column.endswith("_id") or column.split(".")[-1] in ("event", "membership", "affiliation")


def print_table(answer: dict[str, Any], console: Console, title: str | None = None) -> None:
    rows = [flatten(r, short=True) for r in answer["rows"]]
    params = ", ".join(f"{k}={v}" for k, v in answer.get("params", {}).items())
    caption = f"{len(rows)} row(s)" + (f"; {params}" if params else "")
    table = Table(title=title or answer["question"], caption=caption, show_lines=True)
    cols = [c for c in _columns(rows) if not _is_id(c)]
    for c in cols:
        table.add_column(c, overflow="fold")
    for r in rows:
        table.add_row(*(r.get(c, "") for c in cols))
    console.print(table)
