"""Helpers shared by the question processors: dates from row columns, evidence, flags, de-duplication."""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from graph.dates import FuzzyDate, fields, from_columns
from queries.backends import Backend, Row, date_columns
from queries.catalogue import get


def fuzzy(row: Mapping[str, Any], prefix: str) -> FuzzyDate | None:
    """The date in columns ``<prefix>_date`` / ``<prefix>_precision`` (``None`` when unknown)."""
    return from_columns(*date_columns(row, prefix))


def date_json(d: FuzzyDate | None) -> dict[str, str] | None:
    """A date as the answers show it: ``{"value": "2017-03", "precision": "month"}`` or ``None``."""
    return {k: v for k, v in fields(d).items() if k in ("value", "precision")} if d else None


def unique(rows: Iterable[Row]) -> list[Row]:
    """Rows without exact duplicates, in their first order."""
    seen: set[tuple] = set()
    out = []
    for r in rows:
        key = tuple(sorted((k, str(v)) for k, v in r.items()))
        if key not in seen:
            seen.add(key)
            out.append(r)
    return out


def group(rows: Iterable[Row], *keys: str) -> dict[Any, list[Row]]:
    """Rows by the value of column ``keys[0]`` (a tuple of values for several keys), first-seen order."""
    out: dict[Any, list[Row]] = {}
    for r in rows:
        k = r[keys[0]] if len(keys) == 1 else tuple(r[x] for x in keys)
        out.setdefault(k, []).append(r)
    return out


def named(rows: Iterable[Row], col: str) -> list[dict[str, Any]]:
    """The distinct entities of column ``col`` (id) and ``<col>_name``, as ``{"name", "id"}``, by name."""
    found = {(r[f"{col}_name"], r[col]) for r in rows if r.get(col)}
    return [{"name": n, "id": i} for n, i in sorted(found)]


_PRECISION_OF_LENGTH = {4: "year", 7: "month", 10: "day"}


def claims(attributes: str | None) -> list[dict[str, Any]]:
    """The competing dates kept in an event's attributes (``date_claims``), in date order."""
    try:
        items = json.loads(attributes).get("date_claims") if attributes else None
    except (ValueError, AttributeError):
        return []
    out = []
    for c in items or []:
        value = str(c.get("value") or "") if isinstance(c, dict) else ""
        precision = c.get("precision") or _PRECISION_OF_LENGTH.get(len(value)) if value else None
        if value and precision:
            out.append({"value": value, "precision": precision}
                       | {k: c[k] for k in ("document", "derivation") if c.get(k)})
    return sorted(out, key=lambda c: (c["value"], str(c.get("document")), str(c.get("derivation"))))


def claimed_dates(flags: Mapping[str, list[Any]], date: FuzzyDate | None) -> list[FuzzyDate | None]:
    """Every date the reports claim for an event (its own date when they agree)."""
    found: list[FuzzyDate | None] = []
    for c in flags.get("date_claims") or []:
        d = from_columns(c.get("value"), c.get("precision"))
        if d is not None and d not in found:
            found.append(d)
    return found or [date]


#: After this many one-fact evidence queries, the rest of the answer's evidence comes from one query
#: with ``fact`` unbound (all passages), which is faster than thousands of small ones. A fact that
#: query does not cover is still asked for on its own.
BATCH_AFTER = 25


@dataclass
class Context:
    """What a processor may use besides the rows: the typed parameters and the backend, for evidence."""

    backend: Backend
    values: dict[str, Any]
    _evidence: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    _queries: int = 0
    _all: bool = False
    _flags: dict[str, dict[str, list[Any]]] | None = None

    def flags(self, event: str | None) -> dict[str, list[Any]]:
        """What a reader must know about ``event``: ``{"flags": [...], "date_claims": [...]}``, e.g.
        ``date-conflict`` and the date each report claims (``value``, ``precision``, ``document``,
        ``derivation``); empty lists when nothing is flagged. One query (``event-flags``) per answer."""
        if self._flags is None:
            self._flags = {}
            for r in unique(self.backend.run(get("event-flags"), {})):
                entry = self._flags.setdefault(r["event"], {"flags": [], "date_claims": []})
                if r["flag"] not in entry["flags"]:
                    entry["flags"] = sorted([*entry["flags"], r["flag"]])
                if r["flag"] == "date-conflict" and not entry["date_claims"]:
                    entry["date_claims"] = claims(r.get("attributes"))
        found = self._flags.get(event or "")
        return {"flags": list(found["flags"]), "date_claims": list(found["date_claims"])} if found else \
            {"flags": [], "date_claims": []}

    def evidence(self, fact: str | None) -> list[dict[str, Any]]:
        """Every passage behind ``fact``: document id and title, offsets, quote (by the ``evidence``
        question of the same backend)."""
        if not fact:
            return []
        if fact not in self._evidence and self._queries >= BATCH_AFTER and not self._all:
            self._all = True
            self._store(self.backend.run(get("evidence"), {}))
        if fact not in self._evidence:
            # a backend whose twin needs ``fact`` bound answers the batch with nothing: ask one by one
            self._queries += 1
            self._store(self.backend.run(get("evidence"), {"fact": fact}), only=fact)
        return self._evidence[fact]

    def _store(self, rows: list[Row], only: str | None = None) -> None:
        if only is not None:
            self._evidence[only] = []
        for r in unique(rows):
            self._evidence.setdefault(r["fact"], []).append(
                {"document": r["document"], "document_title": r.get("document_title"), "start": r["start"],
                 "end": r["end"], "quote": r["quote"]})
        for items in self._evidence.values():
            items.sort(key=lambda e: (e["document"], e["start"], e["end"]))
