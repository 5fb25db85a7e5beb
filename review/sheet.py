"""The review sheet: every fact as one CSV row for a spreadsheet, and the filled-in sheet read back.

Columns: ``id, kind, type, name, date, participants, quote, document, status, reason``. A reviewer
changes ``status`` to ``accepted`` or ``rejected`` (optionally with a ``reason``);
``decisions_from_sheet`` turns every changed row into an accept or reject decision. The file is UTF-8
with a byte-order mark, so spreadsheet programs read Khmer names right.
"""

from __future__ import annotations

import csv
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from graph.errors import AbortRun
from graph.factset import Fact, FactSet
from graph.model import Entity, Event

COLUMNS = ("id", "kind", "type", "name", "date", "participants", "quote", "document", "status", "reason")
#: Words a reviewer may write in the status column, and the decision each one means.
VERDICTS = {"accepted": "accept", "accept": "accept", "ok": "accept", "yes": "accept",
            "rejected": "reject", "reject": "reject", "wrong": "reject", "no": "reject"}
UNCHANGED = {"", "extracted", "corrected", "added"}


def _row(fact: Fact, facts: FactSet) -> dict[str, str]:
    first = min(fact.evidence) if fact.evidence else None
    name = type_ = date = parts = ""
    if isinstance(fact, Entity):
        kind, type_, name = "entity", fact.type, fact.name
    elif isinstance(fact, Event):
        kind, type_ = "event", fact.type
        date = fact.date.value if fact.date else ""
        parts = "; ".join(f"{p.role}: {facts.entity_name(p.entity)}" for p in sorted(set(fact.participants)))
    else:
        kind, type_ = "membership", fact.role
        name = f"{facts.entity_name(fact.person)} - {facts.entity_name(fact.organization)}"
        date = " to ".join(d.value if d else "?" for d in (fact.start, fact.end)) if fact.start or fact.end else ""
    return {"id": fact.id, "kind": kind, "type": type_, "name": name, "date": date, "participants": parts,
            "quote": " ".join(first.quote.split()) if first else "", "document": first.document if first else "",
            "status": fact.status, "reason": ""}


def all_facts(facts: FactSet) -> Iterator[Fact]:
    """Entities, events, memberships, then the rejected facts, each group in id order."""
    for table in (facts.entities, facts.events, facts.memberships, facts.rejected):
        yield from (table[k] for k in sorted(table))


def write_sheet(facts: FactSet, out: IO[str]) -> int:
    """Write the sheet to ``out`` (opened with ``newline=""``); returns the number of rows."""
    writer = csv.DictWriter(out, fieldnames=COLUMNS)
    writer.writeheader()
    n = 0
    for fact in all_facts(facts):
        writer.writerow(_row(fact, facts))
        n += 1
    return n


def decisions_from_sheet(path: Path, facts: FactSet, by: str, at: str) -> tuple[list[dict[str, Any]], int]:
    """Decisions for the rows whose status the reviewer changed, and how many rows were left as they were.

    ``AbortRun`` on a sheet without ``id``/``status`` columns, an unknown status word or an unknown id."""
    try:
        with path.open(encoding="utf-8-sig", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = set(rows[0]) if rows else set()
    except (OSError, UnicodeDecodeError, csv.Error) as exc:
        raise AbortRun(f"{path}: not a readable review sheet ({exc})") from exc
    if rows and not {"id", "status"} <= header:
        raise AbortRun(f"{path}: a review sheet needs the columns id and status")
    items: list[dict[str, Any]] = []
    unchanged = 0
    for line, row in enumerate(rows, start=2):
        word = (row.get("status") or "").strip().casefold()
        fact = facts.fact(row["id"]) or facts.rejected.get(row["id"])
        if fact is None:
            raise AbortRun(f"{path} line {line}: no fact {row['id']!r} in the graph (is the sheet from another build?)")
        if word in UNCHANGED or VERDICTS.get(word) == {"accepted": "accept", "rejected": "reject"}.get(fact.status):
            unchanged += 1
            continue
        if word not in VERDICTS:
            raise AbortRun(f"{path} line {line}: status {row.get('status')!r} is not accepted or rejected")
        item: dict[str, Any] = {"action": VERDICTS[word], "target": fact.id, "by": by, "at": at}
        if (row.get("reason") or "").strip():
            item["reason"] = row["reason"].strip()
        items.append(item)
    return items, unchanged


__all__ = ["COLUMNS", "all_facts", "decisions_from_sheet", "write_sheet"]
