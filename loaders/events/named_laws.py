"""Laws named by the year they were made ("the 2016 Trade Union Law", "the 1997 Law on Political
Parties"): such a name states that the law was enacted that year, a LawEnactment dated to the year.

Only a year that modifies the law's own name in the parse counts ("the 2017 amendments to the Law on
Political Parties" names the amendments, not the law), and only a year not after the document's.
"""

from __future__ import annotations

from graph.model import Participant
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.events.view import SentenceView

_LAW_TYPES = frozenset({"Law"})


def _year(text: str) -> int | None:
    return int(text) if len(text) == 4 and text.isdigit() and text[:2] in ("19", "20") else None


def named_laws(v: SentenceView) -> list[Claim]:
    pd = v.pd
    pub = pd.document.published
    out: list[Claim] = []
    for t in v.doc:
        m = v.mention(t)
        if m is None or m.type not in _LAW_TYPES or v.mention(t.head) == m and t.head.i != t.i:
            continue  # not the head word of a law's name
        for c in t.children:
            y = _year(c.text)
            if c.dep_ not in ("nummod", "compound", "amod") or y is None or pub is not None and y > pub.year:
                continue
            a = v.start(c)
            ev = pd.src.evidence(v.sent.start, v.sent.end)
            date = DateExpr(a, v.end(c), c.text, "absolute", y)
            out.append(Claim("LawEnactment", [Participant("target", m.entity)], ev, ev.document, a, [date],
                             {"trigger": c.text}))
    return out
