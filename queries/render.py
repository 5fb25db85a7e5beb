"""Showing an answer: JSON (the full answer), CSV for spreadsheets, or a table that fits the terminal.

CSV: nested objects become dotted columns (``amendment.law``), a date two columns (``date.value``,
``date.precision``), booleans ``true``/``false``, lists of named entities their names joined with
``; ``, evidence lists ``document@start-end: quote`` joined with `` | ``. The header is the question's
declared ``columns`` (``queries.catalogue``), so an empty answer still has one.

Table: the question's declared ``table`` columns (every column but ids with ``wide``); a date is one
cell ``2017-03 (month)``, with the dates the reports claim under it when they disagree
(``date-conflict``); the evidence of a row is a column of footnote numbers, and the passages are
listed once, numbered, under the table.
"""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from typing import Any

from rich import box
from rich.console import Console
from rich.table import Table
from rich.text import Text

#: Keys naming what a nested object is about, shown for it in a cell (e.g. an affiliation's party).
_LABELS = ("name", "party", "person")
#: Keys a table folds into other cells (the date and order cells) or into the footnotes.
_FOLDED = ("evidence", "flags", "date_claims", "claimed_orders")
CONFLICT_MARK = "\u26a0"


def to_json(answer: dict[str, Any]) -> str:
    return json.dumps(answer, ensure_ascii=False, indent=1) + "\n"


def _is_date(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"value", "precision"}


def _is_gap(value: Any) -> bool:
    return isinstance(value, dict) and set(value) == {"min", "max"}


def _labelled(value: Any) -> bool:
    return isinstance(value, dict) and any(k in value for k in _LABELS)


def _date_text(value: dict[str, Any]) -> str:
    return f"{value['value']} ({value['precision']})"


def _claim_text(claim: dict[str, Any]) -> str:
    return _date_text(claim) + (f" {claim['document']}" if claim.get("document") else "")


def _passage(e: dict[str, Any]) -> str:
    return f"{e['document']}@{e['start']}-{e['end']}: {' '.join(str(e['quote']).split())}"


def _text(key: str, value: Any) -> str:
    """A CSV cell (and a table cell, for what the table does not show otherwise)."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if _is_date(value):
        return _date_text(value)
    if isinstance(value, list):
        last = key.split(".")[-1]
        if last == "evidence":
            return " | ".join(_passage(e) for e in value)
        if last == "date_claims":
            return "; ".join(_claim_text(c) for c in value)
        return "; ".join(_text(key, v) for v in value)
    if _labelled(value):
        label = next(value[k] for k in _LABELS if value.get(k))
        return str(label) + (f" ({value['role']})" if value.get("role") else "")
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def flatten(row: dict[str, Any], prefix: str = "") -> dict[str, str]:
    """One flat ``column -> text`` dict of a row, as CSV has it (see the module docstring)."""
    out: dict[str, str] = {}
    for key, value in row.items():
        name = f"{prefix}{key}"
        if _is_date(value):
            out[f"{name}.value"], out[f"{name}.precision"] = str(value["value"]), str(value["precision"])
        elif isinstance(value, dict) and not _labelled(value):
            out.update(flatten(value, f"{name}."))
        else:
            out[name] = _text(name, value)
    return out


def _columns(rows: Iterable[dict[str, Any]], declared: Iterable[str] = ()) -> list[str]:
    """The declared columns, then any other in first-seen order; a column also present as a prefix
    (``gap_days``, null in some rows, beside ``gap_days.min``) goes."""
    cols = list(declared)
    for r in rows:
        cols.extend(k for k in r if k not in cols)
    return [c for c in cols if not any(o.startswith(c + ".") for o in cols)]


def to_csv(answer: dict[str, Any], columns: Iterable[str] = (), excel: bool = False) -> str:
    """The answer as CSV with a header (``columns``: the question's declared ones). ``excel`` starts
    with a byte-order mark and ends lines with CRLF, which spreadsheets read as UTF-8."""
    rows = [flatten(r) for r in answer["rows"]]
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=_columns(rows, columns), lineterminator="\r\n" if excel else "\n",
                            extrasaction="ignore")
    writer.writeheader()
    writer.writerows(rows)
    return ("\ufeff" if excel else "") + buf.getvalue()


# ---------------------------------------------------------------------------------------- table


def _is_id(column: str) -> bool:
    """Columns a table leaves out (ids; JSON and CSV keep them)."""
    return column.endswith("_id") or column.split(".")[-1] in ("event", "membership", "affiliation")


class Footnotes:
    """Evidence passages, and events whose date the reports contest, numbered in the order the table
    first cites them."""

    def __init__(self) -> None:
        self.passages: dict[tuple[str, int, int], dict[str, Any]] = {}
        self.conflicts: dict[str, dict[str, Any]] = {}

    def cite(self, items: Iterable[dict[str, Any]]) -> list[int]:
        out = []
        for e in items:
            key = (str(e["document"]), int(e["start"]), int(e["end"]))
            self.passages.setdefault(key, e)
            out.append(list(self.passages).index(key) + 1)
        return sorted(set(out))

    def conflict(self, event: dict[str, Any]) -> int:
        """The number of the note listing the dates the reports claim for ``event``."""
        key = str(event.get("event"))
        if key not in self.conflicts:
            self.conflicts[key] = event
        return list(self.conflicts).index(key) + 1

    def conflict_lines(self) -> list[str]:
        out = []
        for n, (event, e) in enumerate(self.conflicts.items(), 1):
            kind = e.get("type") if isinstance(e.get("type"), str) else None
            whom = next((e[k] for k in ("target", "law", "party") if isinstance(e.get(k), str)), None)
            what = f"{kind or 'event'}{f' of {whom}' if whom else ''} ({event})"
            docs: dict[str, set[str]] = {}
            for c in e["date_claims"]:
                docs.setdefault(str(c["value"]), set()).update([str(c["document"])] if c.get("document") else [])
            claimed = ", ".join(v + (f" ({next(iter(d))})" if len(d) == 1 else f" ({len(d)} documents)" if d else "")
                                for v, d in docs.items())
            out.append(f"{CONFLICT_MARK}{n} date-conflict: {what}: the reports say {claimed}")
        return out

    def lines(self, width: int | None) -> list[str]:
        out = []
        for n, e in enumerate(self.passages.values(), 1):
            quote = "\u201c" + " ".join(str(e["quote"]).split()) + "\u201d"
            head = f"[{n}] {e['document']}@{e['start']}-{e['end']} "
            if width is not None and len(head) + len(quote) > width:
                quote = quote[: max(width - len(head) - 1, 10)] + "\u2026"
            out.append(head + quote)
        return out


def _refs(numbers: list[int]) -> str:
    """``1-3, 5`` for footnotes 1, 2, 3 and 5."""
    parts: list[str] = []
    for n in numbers:
        if parts and parts[-1].split("-")[-1] == str(n - 1):
            parts[-1] = parts[-1].split("-")[0] + f"-{n}"
        else:
            parts.append(str(n))
    return ", ".join(parts)


def _short_article(article: str, law: str) -> str:
    """``Article 7`` for ``Article 7 of the Law on X`` beside the law ``Law on X`` (a table cell)."""
    for tail in (f" of the {law}", f" of {law}"):
        if article.casefold().endswith(tail.casefold()) and len(article) > len(tail):
            return article[: -len(tail)]
    return article


def table_cells(row: dict[str, Any], notes: Footnotes, prefix: str = "") -> dict[str, str]:
    """One flat ``column -> text`` dict of a row as a table shows it; cites the evidence in ``notes``
    (the cited footnote numbers are under the key ``evidence``)."""
    out: dict[str, str] = {}
    cited: list[int] = []
    for key, value in row.items():
        name = f"{prefix}{key}"
        if key == "evidence" and isinstance(value, list):
            cited += notes.cite(value)
        elif _is_date(value):
            out[name] = str(value["value"])  # the precision shows in the value: 2017, 2017-03, 2017-03-05
        elif _is_gap(value):
            out[name] = f"{value['min']} to {value['max']}"
        elif value is None:
            out[name] = ""
        elif isinstance(value, dict) and not _labelled(value):
            inner = table_cells(value, notes, f"{name}.")
            cited += [int(n) for n in inner.pop("evidence", "").split() if n]
            out.update(inner)
        elif isinstance(value, bool):
            out[name] = "yes" if value else "no"
        elif isinstance(value, list) and any(isinstance(v, dict) and isinstance(v.get("evidence"), list)
                                             for v in value):  # e.g. party affiliations, with their own evidence
            cited += [n for v in value if isinstance(v, dict) for n in notes.cite(v.get("evidence") or [])]
            out[name] = _text(name, value)
        elif key == "articles" and isinstance(row.get("law"), str) and isinstance(value, list):
            out[name] = "; ".join(_short_article(str(a.get("name")), row["law"]) for a in value)
        else:
            out[name] = _text(name, value)
    claims = row.get("date_claims")
    if claims and f"{prefix}date" in out:
        out[f"{prefix}date"] += f" {CONFLICT_MARK}{notes.conflict(row)}"
    others = [o for o in row.get("claimed_orders") or [] if o != row.get("order")]
    if others and f"{prefix}order" in out:
        out[f"{prefix}order"] += f" (or {' or '.join(others)}) {CONFLICT_MARK}"
    out["evidence"] = " ".join(str(n) for n in sorted(set(cited)))
    return out


def _header(column: str, columns: list[str], labels: dict[str, str]) -> str:
    """A column's heading: its declared label, else its last part (``date``), or its last two when
    that is ambiguous (``amendment date``), with spaces, so a narrow heading wraps between words."""
    if column in labels:
        return labels[column]
    parts = column.split(".")
    if sum(1 for c in columns if c.split(".")[-1] == parts[-1]) > 1:
        parts = parts[-2:]
    else:
        parts = parts[-1:]
    return " ".join(parts).replace("_", " ")


def fit(headers: list[str], rows: list[list[str]], room: int) -> list[int | None]:
    """Column widths that fit ``room`` characters without splitting a word: each column gets its
    longest word, and what is left goes to the columns in proportion to what their lines still
    need. ``None`` (let rich decide) when everything fits, or when the longest words do not."""
    columns = list(zip(headers, *rows, strict=True))
    longest_word = [max((len(w) for text in col for w in text.split()), default=1) for col in columns]
    longest_line = [max((len(line) for text in col for line in text.splitlines() or [""]), default=1)
                    for col in columns]
    if sum(longest_line) <= room or sum(longest_word) > room:
        return [None] * len(columns)
    spare = room - sum(longest_word)
    wants = [line - word for line, word in zip(longest_line, longest_word, strict=True)]
    total = sum(wants) or 1
    return [word + spare * want // total for word, want in zip(longest_word, wants, strict=True)]


def print_table(answer: dict[str, Any], console: Console, title: str | None = None,
                columns: Iterable[str] = (), wide: bool = False, err: Console | None = None) -> None:
    """The answer as a table on ``console`` with the numbered evidence under it. ``columns``: the
    question's declared table columns (all but ids when empty or ``wide``). An empty answer prints
    the header and says "no rows" on ``err``."""
    notes = Footnotes()
    rows = [table_cells(r, notes) for r in answer["rows"]]
    refs = [_refs([int(n) for n in r.pop("evidence").split()]) for r in rows]
    params = ", ".join(f"{k}={v}" for k, v in answer.get("params", {}).items())
    caption = f"{len(rows)} row(s)" + (f"; {params}" if params else "") + (
        "; reviewed facts only" if answer.get("reviewed_only") else "")
    labels = dict(c.split("=", 1) for c in columns if "=" in c)
    declared = [c.split("=", 1)[0] for c in columns]
    if wide or not declared:
        cols = [c for c in _columns(rows, declared) if not _is_id(c)]
    else:
        cols = declared
    if not wide:
        cols = [c for c in cols if c.split(".")[-1] not in _FOLDED and (not rows or any(r.get(c) for r in rows))]
    table = Table(title=title or answer["question"], caption=caption, box=box.SIMPLE_HEAD, show_lines=True,
                  title_justify="left", caption_justify="left", pad_edge=False)
    show_refs = any(refs) or not rows
    headers = [_header(c, cols, labels) for c in cols] + (["sources"] if show_refs else [])
    cells = [[r.get(c, "") for c in cols] + ([ref] if show_refs else []) for r, ref in zip(rows, refs, strict=True)]
    widths = fit(headers, cells, console.width - 3 * len(headers) + 1)  # a space at each edge, 3 between
    for h, w in zip(headers, widths, strict=True):
        table.add_column(h, overflow="fold", width=w)
    for row in cells:
        table.add_row(*(Text(c) for c in row))
    console.print(table)
    if not rows:
        (err or console).print("no rows", highlight=False)
        return
    for line in notes.conflict_lines():
        console.print(Text(line))
    width = None if wide else console.width
    for line in notes.lines(width):
        console.print(Text(line), crop=not wide, soft_wrap=wide)
