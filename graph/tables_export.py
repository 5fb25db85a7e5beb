"""Whole-graph exports for spreadsheets and Gephi: CSV tables (a folder or a zip) and GraphML.

``csv-tables`` writes six tables that join on their ids: ``documents``, ``entities``, ``events``,
``participants`` (event, role, entity), ``memberships`` and ``evidence`` (fact, document, offsets,
quote). Dates are two columns, value and precision; lists are joined with ``"; "``; files are UTF-8
with a byte-order mark so spreadsheet programs read Khmer names right. ``graphml`` is the networkx
view (``graph.networkx_view``) with every attribute made a plain value, for Gephi or yEd.
"""

from __future__ import annotations

import csv
import io
import json
import zipfile
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, Any

import networkx as nx

from graph.factset import Fact, FactSet
from graph.model import OWN_EVENT_ATTRIBUTES, Evidence, FuzzyDate, attributes_json
from graph.networkx_view import to_networkx

TABLES: dict[str, tuple[str, ...]] = {
    "documents": ("id", "file", "title", "publisher", "published", "published_precision", "kind", "language",
                  "encoding", "sha256"),
    "entities": ("id", "type", "name", "aliases", "status"),
    # the attributes the ontology gives a property of their own (stance) are columns too
    "events": ("id", "type", "date", "date_precision", "date_derivation", "flags", *OWN_EVENT_ATTRIBUTES,
               "attributes", "status"),
    "participants": ("event", "role", "entity"),
    "memberships": ("id", "person", "organization", "role", "start", "start_precision", "end", "end_precision",
                    "status"),
    "evidence": ("fact", "document", "start", "end", "quote"),
}


def _date(d: FuzzyDate | None) -> tuple[str, str]:
    return (d.value, d.precision) if d else ("", "")


def table_rows(facts: FactSet) -> dict[str, Iterator[tuple[Any, ...]]]:
    """The rows of each table, in id order."""
    def documents() -> Iterator[tuple[Any, ...]]:
        for d in sorted(facts.documents.values(), key=lambda d: d.id):
            yield (d.id, d.file, d.title, d.publisher or "", *_date(d.published), d.kind or "", d.language or "",
                   d.encoding, d.sha256)

    def entities() -> Iterator[tuple[Any, ...]]:
        for e in sorted(facts.entities.values(), key=lambda e: e.id):
            yield e.id, e.type, e.name, "; ".join(sorted(e.aliases - {e.name})), e.status

    def events() -> Iterator[tuple[Any, ...]]:
        for ev in sorted(facts.events.values(), key=lambda e: e.id):
            rest = {k: v for k, v in ev.attributes.items() if k not in OWN_EVENT_ATTRIBUTES}
            own = (str(ev.attributes.get(k, "")) for k in OWN_EVENT_ATTRIBUTES)
            yield (ev.id, ev.type, *_date(ev.date), ev.date.derivation if ev.date else "", "; ".join(sorted(ev.flags)),
                   *own, attributes_json(rest) if rest else "", ev.status)

    def participants() -> Iterator[tuple[Any, ...]]:
        for ev in sorted(facts.events.values(), key=lambda e: e.id):
            for p in sorted(set(ev.participants)):
                yield ev.id, p.role, p.entity

    def memberships() -> Iterator[tuple[Any, ...]]:
        for m in sorted(facts.memberships.values(), key=lambda m: m.id):
            yield m.id, m.person, m.organization, m.role, *_date(m.start), *_date(m.end), m.status

    def evidence() -> Iterator[tuple[Any, ...]]:
        tables: tuple[Iterable[Fact], ...] = (facts.entities.values(), facts.events.values(),
                                              facts.memberships.values())
        groups: Iterable[tuple[str, list[Evidence]]] = (
            (f.id, f.evidence) for table in tables for f in sorted(table, key=lambda f: f.id))
        for fact, items in groups:
            for ev in sorted(set(items)):
                yield fact, ev.document, ev.start, ev.end, ev.quote

    return {"documents": documents(), "entities": entities(), "events": events(),
            "participants": participants(), "memberships": memberships(), "evidence": evidence()}


def _csv_bytes(columns: tuple[str, ...], rows: Iterator[tuple[Any, ...]]) -> bytes:
    buf = io.StringIO(newline="")
    buf.write("\ufeff")
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(columns)
    writer.writerows(rows)
    return buf.getvalue().encode("utf-8")


def write_tables(facts: FactSet, target: Path) -> list[Path]:
    """Write the tables into the folder ``target`` (created), or into a zip when it ends in ``.zip``.
    Only the six table files are written; nothing else in the folder is touched."""
    files = {f"{name}.csv": _csv_bytes(TABLES[name], rows) for name, rows in table_rows(facts).items()}
    if target.suffix.lower() == ".zip":
        target.parent.mkdir(parents=True, exist_ok=True)
        part = target.with_name(f".{target.name}.part")
        with zipfile.ZipFile(part, "w", zipfile.ZIP_DEFLATED) as zf:
            for name, data in files.items():
                info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))  # fixed time: same bytes each run
                info.compress_type = zipfile.ZIP_DEFLATED
                zf.writestr(info, data)
        part.replace(target)
        return [target]
    target.mkdir(parents=True, exist_ok=True)
    for name, data in files.items():
        (target / name).write_bytes(data)
    return [target / name for name in files]


def _plain(value: Any) -> Any:
    """A GraphML value: strings, numbers and booleans stay; None is empty; the rest becomes JSON."""
    if value is None:
        return ""
    if isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return "; ".join(value)
    return json.dumps(value, ensure_ascii=False, sort_keys=True, default=str)


def graphml_graph(facts: FactSet) -> nx.MultiDiGraph:
    """The networkx view with plain attributes: dates split into value, precision, first and last day;
    evidence as a count and the source documents."""
    g = to_networkx(facts)
    out = nx.MultiDiGraph()
    for n, a in sorted(g.nodes(data=True)):
        date = a.get("date") or {}
        attrs = {k: _plain(v) for k, v in a.items() if k not in ("date", "evidence")}
        attrs |= {"date": date.get("value", ""), "date_precision": date.get("precision", ""),
                  "date_start": date.get("start", ""), "date_end": date.get("end", ""),
                  "evidence_count": len(a.get("evidence", []))}
        out.add_node(n, **attrs)
    for u, v, k, a in sorted(g.edges(keys=True, data=True), key=lambda e: e[:3]):
        attrs = {key: _plain(val) for key, val in a.items() if key not in ("start", "end", "evidence")}
        for end in ("start", "end"):
            attrs[end] = (a.get(end) or {}).get("value", "")
        out.add_edge(u, v, key=k, **attrs)
    return out


def write_graphml(facts: FactSet, out: IO[bytes]) -> None:
    nx.write_graphml(graphml_graph(facts), out, encoding="utf-8", prettyprint=True, named_key_ids=True)
