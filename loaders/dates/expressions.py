"""Date expressions of a text: absolute ("25 May 2023", "May 2023", "2017"), partial ("July 23", year
from context), relative to an election ("five months before the election", "on voting day", "ahead of
the election") and relative to the document's date ("this year", "tomorrow").

``find_dates`` only reads the words; turning relative expressions into dates needs the graph's
elections and the document's date and is done by ``loaders.resolve``. Each expression also
says how it is used: ``event`` (it may date an event), ``range`` ("since 1993"), ``law`` ("the 1997
Law"), ``election`` ("the 2028 general election", "the July 23 elections") or ``citation``
("(Smith, 2021b)").
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cache
from typing import Any

from graph.model import FuzzyDate
from graph.resources import read_lexicon
from loaders.events.lexicon import election_kind_of


@dataclass(frozen=True)
class DateExpr:
    start: int
    end: int
    phrase: str
    kind: str  # absolute | partial | relative | loose | document
    year: int | None = None
    month: int | None = None
    day: int | None = None
    offset: int = 0
    unit: str | None = None  # day | week | month | year (relative, document)
    anchor_kind: str | None = None  # the election kind a relative date counts from
    role: str = "event"
    anchor_start: int | None = None  # where the anchor's words start ("2018 general elections")
    base: DateExpr | None = None  # narrative: the date mentioned last before it, that it counts from

    def absolute(self) -> FuzzyDate | None:
        """The date when the words give it whole."""
        if self.kind != "absolute" or self.year is None:
            return None
        try:
            return FuzzyDate.of(self.year, self.month, self.day, phrase=self.phrase)
        except ValueError:
            return None


def _alt(words: Any) -> str:
    return "|".join(sorted((re.escape(str(w)).replace(r"\ ", r"\s+") for w in words), key=len, reverse=True))


@dataclass(frozen=True)
class _Rx:
    full_dmy: re.Pattern[str]
    full_mdy: re.Pattern[str]
    month_year: re.Pattern[str]
    month_day: re.Pattern[str]
    day_month: re.Pattern[str]
    year: re.Pattern[str]
    relative: re.Pattern[str]
    election_day: re.Pattern[str]
    loose: re.Pattern[str]
    loose_after: re.Pattern[str]
    document: re.Pattern[str]
    weekday: re.Pattern[str]
    month_alone: re.Pattern[str]
    citation: re.Pattern[str]
    law_after: re.Pattern[str]
    range_before: re.Pattern[str]
    election_after: re.Pattern[str]
    election_before: re.Pattern[str]
    narrative: re.Pattern[str]
    narrative_n: re.Pattern[str]


@cache
def words() -> dict[str, Any]:
    return read_lexicon("dates.yaml", {
        "months": dict, "numbers": dict, "directions": dict, "anchor_nouns": list, "document_relative": dict,
        "election_day_phrases": dict, "weekdays": dict,
    })


@cache
def _rx() -> _Rx:
    w = words()
    mon = _alt(w["months"])
    num = _alt(w["numbers"])
    dirs = _alt(w["directions"])
    nouns = _alt(w["anchor_nouns"])
    anchor = rf"(?:the|this|that|last|next)\s+(?P<np>(?:[\w-]+\s+){{0,3}}?)(?P<noun>{nouns})\b"
    day = r"(?P<d>[0-3]?\d)(?:st|nd|rd|th)?"
    return _Rx(
        full_dmy=re.compile(rf"\b{day}\s+(?P<m>{mon})\.?,?\s+(?P<y>(?:19|20)\d\d)\b"),
        full_mdy=re.compile(rf"\b(?P<m>{mon})\.?\s+{day},?\s+(?P<y>(?:19|20)\d\d)\b"),
        month_year=re.compile(rf"\b(?P<m>{mon})\.?,?\s+(?:of\s+)?(?P<y>(?:19|20)\d\d)\b"),
        month_day=re.compile(rf"\b(?P<m>{mon})\.?\s+{day}\b(?!\s*[,.]?\s*\d)"),
        day_month=re.compile(rf"\b{day}\s+(?P<m>{mon})\b"),
        year=re.compile(r"(?<![\d$,./])(?<!\d[-–])(?P<y>(?:19|20)\d\d)(?P<suffix>[a-rt-z])?(?![\d%,.]\d|[-–]\d|\d|s\b)"),
        relative=re.compile(
            rf"\b(?P<n>\d+|{num})\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+"
            rf"(?P<dir>{dirs})\s+{anchor}", re.I),
        election_day=re.compile(rf"\b(?P<p>{_alt(w['election_day_phrases'])})\b", re.I),
        loose=re.compile(rf"\b(?P<dir>{_alt(w['loose_relative'])})\s+{anchor}", re.I),
        loose_after=re.compile(rf"\b(?:{_alt(w.get('loose_after') or ['-'])})\b", re.I),
        document=re.compile(rf"(?<![\w'])(?P<p>{_alt(w['document_relative'])})(?![\w])", re.I),
        # "on Monday", "last Monday", "said Monday", "Monday's debate"; not "Sunday 23 July" (the date says it)
        weekday=re.compile(rf"\b(?:(?:[Oo]n|[Ll]ast)\s+)?(?P<wd>{_alt(w.get('weekdays') or ['-'])})(?:['’]s)?\b"
                           rf"(?!,?\s+(?:[0-3]?\d\b|(?:{mon})\b))"),
        month_alone=re.compile(rf"\b(?:[Ii]n|[Dd]uring)\s+(?:early\s+|late\s+|mid-)?(?P<m>{mon})\b(?![.,]?\s*(?:of\s+)?\d)"),
        citation=re.compile(r"\((?:[^()]*?[A-Za-z][^()]*?[,.]\s*)?(?:19|20)\d\d[a-z]?(?:[;,][^()]*)?\)"),
        law_after=re.compile(rf"^\s+(?:[A-Z][\w-]*\s+){{0,2}}(?:{_alt(w['law_heads'])})\b", re.I),
        range_before=re.compile(rf"\b(?:{_alt(w['range_words'])})\s+(?:the\s+)?(?:early\s+|late\s+|mid-?)?$", re.I),
        election_after=re.compile(rf"\s*(?:[\w-]+\s+){{0,3}}?(?:{nouns})\b", re.I),
        election_before=re.compile(rf"\b(?:{nouns})\s+(?:of|in|on|held\s+on|held\s+in|took\s+place\s+on)\s+$", re.I),
        narrative=re.compile(rf"\b(?P<p>{_alt(w.get('narrative') or ['-'])})\b"
                             r"(?!\s+(?:the|an?|this|its|their)\b)", re.I),
        narrative_n=re.compile(rf"\b(?P<n>\d+|{num})\s+(?P<unit>day|days|week|weeks|month|months|year|years)\s+"
                               rf"(?P<dir>later|earlier|afterwards|before)\b(?!\s+(?:the|an?|this|its|their)\b)", re.I),
    )


def _num(s: str) -> int:
    return int(s) if s.isdigit() else int(words()["numbers"][s.lower()])


def _month(s: str) -> int:
    return int(words()["months"][s.rstrip(".")])


def _taken(spans: list[tuple[int, int]], a: int, b: int) -> bool:
    return any(a < e and s < b for s, e in spans)


def find_dates(text: str, start: int = 0, end: int | None = None) -> list[DateExpr]:
    """Date expressions of ``text[start:end]`` in text order, longest first where they overlap."""
    end = len(text) if end is None else end
    rx = _rx()
    out: list[DateExpr] = []
    spans: list[tuple[int, int]] = []

    def add(e: DateExpr) -> None:
        if not _taken(spans, e.start, e.end):
            out.append(e)
            spans.append((e.start, e.end))

    for m in rx.citation.finditer(text, start, end):
        y = re.search(r"(?:19|20)\d\d", m.group(0))
        if y:
            add(DateExpr(m.start(), m.end(), m.group(0), "absolute", int(y.group(0)), role="citation"))
    for m in rx.relative.finditer(text, start, end):
        n = _num(m.group("n")) * (1 if m.group("dir").lower().split()[0] in {"after", "following", "later", "into"}
                                  else -1)
        unit = m.group("unit").lower().rstrip("s")
        add(DateExpr(m.start(), m.end(), m.group(0), "relative", offset=n, unit=unit,
                     anchor_kind=_kind_words(m.group("np")), role="event", anchor_start=m.start("np")))
    for m in rx.election_day.finditer(text, start, end):
        off = int(words()["election_day_phrases"][_norm(m.group("p"))])
        add(DateExpr(m.start(), m.end(), m.group(0), "relative", offset=off, unit="day", anchor_kind=None))
    for m in rx.loose.finditer(text, start, end):
        sign = -1 if re.search(r"before|ahead|run-up|lead-up|leading", m.group("dir"), re.I) else 1
        add(DateExpr(m.start(), m.end(), m.group(0), "loose", offset=sign, unit="year",
                     anchor_kind=_kind_words(m.group("np")), anchor_start=m.start("np")))
    for m in rx.loose_after.finditer(text, start, end):
        add(DateExpr(m.start(), m.end(), m.group(0), "loose", offset=1, unit="year",
                     anchor_kind=_kind_words(text[max(start, m.start() - 40):m.end()])))
    for m in rx.document.finditer(text, start, end):
        unit, off = words()["document_relative"][_norm(m.group("p"))]
        add(DateExpr(m.start(), m.end(), m.group(0), "document", offset=int(off), unit=str(unit)))
    for m in rx.weekday.finditer(text, start, end):
        add(DateExpr(m.start(), m.end(), m.group(0), "document", offset=int(words()["weekdays"][m.group("wd")]),
                     unit="weekday"))
    for m in rx.month_alone.finditer(text, start, end):
        add(DateExpr(m.start(), m.end(), m.group(0), "document", month=_month(m.group("m")), unit="month_name"))
    for pat in (rx.full_dmy, rx.full_mdy):
        for m in pat.finditer(text, start, end):
            add(_absolute(text, m, int(m.group("y")), _month(m.group("m")), int(m.group("d"))))
    for m in rx.month_year.finditer(text, start, end):
        add(_absolute(text, m, int(m.group("y")), _month(m.group("m")), None))
    for pat in (rx.month_day, rx.day_month):
        for m in pat.finditer(text, start, end):
            d = int(m.group("d"))
            if 1 <= d <= 31:
                named = (rx.election_after.match(text, m.end(), min(end, m.end() + 60))
                         or rx.election_before.search(text[max(0, m.start() - 40):m.start()]))
                role = "election" if named else "event"
                add(DateExpr(m.start(), m.end(), m.group(0), "partial", None, _month(m.group("m")), d, role=role))
    for m in rx.year.finditer(text, start, end):
        add(_absolute(text, m, int(m.group("y")), None, None))
    for m in rx.narrative.finditer(text, start, end):
        unit, off = words()["narrative"][_norm(m.group("p"))]
        add(DateExpr(m.start(), m.end(), m.group(0), "narrative", offset=int(off), unit=str(unit)))
    for m in rx.narrative_n.finditer(text, start, end):
        sign = 1 if m.group("dir").lower() in ("later", "afterwards") else -1
        add(DateExpr(m.start(), m.end(), m.group(0), "narrative", offset=sign * _num(m.group("n")),
                     unit=m.group("unit").lower().rstrip("s")))
    return _narrated(text, sorted(out, key=lambda e: e.start))


_BASE_KINDS = frozenset({"absolute", "partial", "document", "narrative"})


def _narrated(text: str, found: list[DateExpr]) -> list[DateExpr]:
    """Narrative expressions with the date they count from: the last date expression before them, in
    their paragraph or the one before, that names a time (not a citation, law, range or loose phrase).
    A weekday gets the last full date before it anywhere in the text: the day it is near, when the
    document's own date does not say ("Candlelight said on May 16, 2023 ... the NEC on Monday said")."""
    out: list[DateExpr] = []
    last: DateExpr | None = None
    last_day: DateExpr | None = None
    for e in found:
        if e.kind == "document" and e.unit == "weekday" and last_day is not None:
            e = replace(e, base=last_day)
        if e.kind == "absolute" and e.day is not None and e.role in ("event", "election"):
            last_day = e
        if e.kind == "narrative":
            if last is not None and text.count("\n\n", last.end, e.start) <= 1:
                e = replace(e, base=last)
                last = e
            out.append(e)
            continue
        if e.kind in _BASE_KINDS and e.role in ("event", "election"):
            last = e
        out.append(e)
    return out


def _norm(s: str) -> str:
    return " ".join(s.lower().replace("’", "'").split())


def _kind_words(np: str | None) -> str | None:
    return election_kind_of(np or "", default=None)


def _absolute(text: str, m: re.Match[str], y: int, mo: int | None, d: int | None) -> DateExpr:
    rx = _rx()
    s, e = m.start(), m.end()
    role = "event"
    after = text[e:e + 60]
    before = text[max(0, s - 40):s]
    if (rx.range_before.search(before) or re.match(r"^\s*(?:-|–|to|until|till|through|and)\s*(?:19|20)\d\d", after)
            or re.search(r"(?:19|20)\d\d\s*(?:-|–|to|until|till|through|and)\s*$", before)):
        role = "range"
    elif mo is None and rx.law_after.match(after):
        role = "law"
    elif rx.election_after.match(after) and mo is None or rx.election_before.search(before):
        role = "election"
    elif (re.search(r"\b(?:the|a|an|its|their|his|her)\s+$", before, re.I) and mo is None
          and not re.match(r"^\s*[,.;)]", after)):
        role = "attribute"  # "the 2016 Trade Union Law", "the 2012 merger"
    return DateExpr(s, e, m.group(0), "absolute", y, mo, d, role=role)


def years_in(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """``(position, year)`` of the years the text states (citations left out): context for partial dates."""
    end = len(text) if end is None else end
    cites = [(m.start(), m.end()) for m in _rx().citation.finditer(text, start, end)]
    return [(m.start(), int(m.group("y"))) for m in _rx().year.finditer(text, start, end)
            if not _taken(cites, m.start(), m.end())]
