"""Tables of election results (and of women's seats) turned into Election events.

A table is a run of lines cut into cells by tabs, pipes or two or more spaces. Its header row names
the columns (``data/lexicon/tables.yaml``: party, votes, share, seats, year, women's seats).

- A results table (a party column and votes, share or seats) becomes the Election event
  ``election_event_id(kind, year)``: the year and kind come from its caption ("Table 8: Results of
  the General Elections of 2023"), or from the table just above when it continues one; the date is
  the election day stated before the table in a sentence about the election, else the year.
  Attribute ``results``: ``{"party", "votes", "share", "seats"}`` sorted by party; each party is a
  ``participant``; the evidence is the table.
- A table by year with a women's seats column adds ``women_seats`` (and ``seats_total``,
  ``women_share``) to the election of each year; one that also names parties adds
  ``women_seats_by_party``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.ids import election_event_id
from graph.model import Event, FuzzyDate, Participant
from graph.resources import read_lexicon
from loaders.actors.mention import Mention
from loaders.factlog import FactLog
from loaders.text.source import SourceText
from loaders.text.textspans import iter_dates

_SPLIT = re.compile(r"\t+|\s*\|\s*|[ ]{2,}")
_YEAR = re.compile(r"\b(?:19|20)\d\d\b")
_NUMBER = re.compile(r"-?\d[\d,.]*")
_LOOKBACK = 4000
_NEAR = 300


@dataclass
class Row:
    start: int
    end: int
    cells: list[tuple[int, int, str]]


@dataclass
class Table:
    rows: list[Row] = field(default_factory=list)
    columns: list[str | None] = field(default_factory=list)

    @property
    def start(self) -> int:
        return self.rows[0].start

    @property
    def end(self) -> int:
        return self.rows[-1].end


@cache
def words() -> dict[str, Any]:
    return read_lexicon("tables.yaml", {"columns": list, "election_kinds": list, "election_day_words": list})


def _column(cell: str) -> str | None:
    c = cell.lower()
    for col in words()["columns"]:
        if all(w in c for w in col.get("all", [])) and (not col.get("any") or any(w in c for w in col["any"])):
            return col["kind"]
    return None


def _cells(text: str, s: int, e: int) -> list[tuple[int, int, str]]:
    out, pos = [], s
    for m in list(_SPLIT.finditer(text, s, e)) + [None]:
        ce = m.start() if m else e
        raw = text[pos:ce]
        if raw.strip():
            lead = len(raw) - len(raw.lstrip())
            out.append((pos + lead, pos + lead + len(raw.strip()), raw.strip()))
        if m:
            pos = m.end()
    return out


_TRAILING_NUMBER = re.compile(r"^(?P<head>.*?[^\d\s,.])\s+(?P<num>-?\d[\d,.]*%?)$")


def _split_short(cells: list[tuple[int, int, str]], width: int) -> list[tuple[int, int, str]]:
    """A row with fewer cells than its header: a long name filled its column and touches the next
    number ("Farmers Democratic Party 1,234,567"); split such numbers off the text cells."""
    out = list(cells)
    k = 0
    while len(out) < width and k < len(out):
        s, e, c = out[k]
        m = _TRAILING_NUMBER.match(c)
        if m and not _NUMBER.fullmatch(c):
            ns = s + m.start("num")
            out[k:k + 1] = [(s, s + len(m.group("head")), m.group("head")), (ns, e, m.group("num"))]
        k += 1
    return out


def find_tables(text: str) -> list[Table]:
    """Header-led runs of lines with two or more cells whose header names known columns."""
    tables: list[Table] = []
    cur: Table | None = None
    pos = 0
    for line in text.split("\n"):
        s, e = pos, pos + len(line)
        pos = e + 1
        cells = _cells(text, s, e) if ("\t" in line or "|" in line or "  " in line.strip()) else []
        if len(cells) < 2:
            cur = None
            continue
        cols = [_column(c[2]) for c in cells]
        is_header = sum(c is not None for c in cols) >= 2 and not any(_NUMBER.fullmatch(c[2]) for c in cells)
        if is_header:
            cur = Table([Row(s, e, cells)], cols)
            tables.append(cur)
        elif cur is not None:
            cur.rows.append(Row(s, e, _split_short(cells, len(cur.columns))))
    return [t for t in tables if len(t.rows) > 1]


def _int(cell: str | None) -> int | None:
    m = _NUMBER.match(cell or "")
    if not m:
        return None
    try:
        return int(float(m.group().replace(",", "")))
    except ValueError:
        return None


def _float(cell: str | None) -> float | None:
    m = _NUMBER.match(cell or "")
    try:
        return float(m.group().replace(",", "")) if m else None
    except ValueError:
        return None


def _kind(caption: str) -> str:
    c = caption.lower()
    kinds = words()["election_kinds"]
    for k in kinds:
        if any(w in c for w in k["any"]):
            return k["kind"]
    return kinds[0]["kind"]


def _caption(text: str, table: Table) -> str:
    """The non-empty line just above the table (at most two lines up)."""
    before = text[max(0, table.start - 600):table.start].rstrip("\n").split("\n")
    lines = [ln for ln in before[-3:] if ln.strip()]
    return lines[-1] if lines else ""


def _election_day(text: str, year: int, before: int) -> FuzzyDate | None:
    day_words = words()["election_day_words"]
    best = None
    for at, d in iter_dates(text, max(0, before - _LOOKBACK), before):
        if d.precision == "day" and d.year == year:
            ctx = text[max(0, at - 120):at + 40].lower()
            if any(w in ctx for w in day_words):
                best = d
    return best


def _party_cells(cell: tuple[int, int, str], mentions: list[Mention]) -> list[Mention]:
    return [m for m in mentions if m.type == "Party" and cell[0] <= m.start and m.end <= cell[1]]


def extract_tables(src: SourceText, mentions: list[Mention], facts: FactLog) -> None:
    """Add the Election events (results, women's seats) the document's tables state."""
    text = src.clean
    prev: tuple[Table, str, int] | None = None
    for table in find_tables(text):
        cols = table.columns
        caption = _caption(text, table)
        years = _YEAR.findall(caption)
        if not years:  # no caption: one year stated just before the table ("the 2022 results:")
            near = text[max(0, table.start - _NEAR):table.start]
            if len(set(_YEAR.findall(near))) == 1:
                caption, years = near, _YEAR.findall(near)
        if "party" in cols and {"votes", "share", "seats"} & set(cols):
            if years:
                kind, year = _kind(caption), int(years[0])
            elif prev and prev[0].columns == cols and text[prev[0].end:table.start].count("\n") <= 3:
                kind, year = prev[1], prev[2]
            else:
                continue
            prev = (table, kind, year)
            _results(src, table, kind, year, mentions, facts)
        elif "year" in cols and {"women_seats", "women_share"} & set(cols):
            _women(src, table, _kind(caption), mentions, facts)


def _results(src: SourceText, table: Table, kind: str, year: int, mentions: list[Mention],
             facts: FactLog) -> None:
    cols = table.columns
    results: dict[str, dict[str, Any]] = {}
    for row in table.rows[1:]:
        values = {cols[i]: c[2] for i, c in enumerate(row.cells[:len(cols)]) if cols[i]}
        pi = cols.index("party")
        parties = _party_cells(row.cells[pi], mentions) if pi < len(row.cells) else []
        if len(parties) != 1:
            continue
        pid = parties[0].entity
        results.setdefault(pid, {"party": pid, "votes": _int(values.get("votes")),
                                 "share": _float(values.get("share")), "seats": _int(values.get("seats"))})
    if not results:
        return
    date = _election_day(src.clean, year, table.start) or FuzzyDate.of(year, derivation="table")
    event = Event(election_event_id(kind, year), "Election", date,
                  participants=sorted(Participant("participant", p) for p in results),
                  attributes={"kind": kind}, evidence=[src.evidence(table.start, table.end)])
    facts.add_rows(event, "results", list(results.values()))


def _women(src: SourceText, table: Table, kind: str, mentions: list[Mention], facts: FactLog) -> None:
    cols = table.columns
    for row in table.rows[1:]:
        values = {cols[i]: c for i, c in enumerate(row.cells[:len(cols)]) if cols[i]}
        year = _int(values["year"][2]) if "year" in values else None
        if year is None or not 1900 < year < 2100:
            continue
        attrs: dict[str, Any] = {}
        by_party: list[dict[str, Any]] = []
        if "women_seats" in values:
            nums = [int(n) for n in re.findall(r"\d+", values["women_seats"][2].split("(")[0])]
            parties = _party_cells(values["party"], mentions) if "party" in values else []
            if parties and len(nums) == len(parties):
                by_party = [{"party": p.entity, "seats": n} for p, n in zip(parties, nums, strict=True)]
                attrs["women_seats"] = sum(nums)
            elif nums:
                attrs["women_seats"] = nums[0] if len(nums) == 1 else sum(nums)
        if "seats" in values:
            attrs["seats_total"] = _int(values["seats"][2])
        if "women_share" in values:
            attrs["women_share"] = _float(values["women_share"][2])
        attrs = {k: v for k, v in attrs.items() if v is not None}
        if not attrs:
            continue
        eid = election_event_id(kind, year)
        # the kind first, then the figures: an event reported before keeps the values it has
        facts.add_event(Event(eid, "Election", FuzzyDate.of(year, derivation="table"),
                              attributes={"kind": kind} | attrs, evidence=[src.evidence(row.start, row.end)]))
        if by_party:
            facts.add_rows(Event(eid, "Election", None), "women_seats_by_party", by_party)
