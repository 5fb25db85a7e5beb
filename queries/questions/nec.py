"""``nec-composition``: the members of the election body, their roles and party affiliations,
optionally as they may have stood on a date.

A membership is kept for a date unless its known dates exclude it (it starts surely after the date
or ends surely before); one without dates is kept, as nothing known excludes it. The same rule picks
the party affiliations.
"""

from __future__ import annotations

from graph.dates import overlaps, sort_key
from graph.model import FuzzyDate
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, unique

#: Order of roles in the answer (others follow alphabetically).
ROLE_RANK = ("chair", "president", "vice-chair", "vice-president", "secretary-general", "member")


def _valid(on: FuzzyDate | None, start: FuzzyDate | None, end: FuzzyDate | None) -> bool:
    if on is None:
        return True
    return overlaps(on, start, end)


def _rank(role: str) -> tuple[int, str]:
    return (ROLE_RANK.index(role) if role in ROLE_RANK else len(ROLE_RANK), role)


@processor("nec-composition")
def composition(rows: list[Row], ctx: Context) -> list[dict]:
    on = ctx.values.get("date")
    out = []
    for membership, rs in group(unique(rows), "membership").items():
        first = rs[0]
        start, end = fuzzy(first, "start"), fuzzy(first, "end")
        if not _valid(on, start, end):
            continue
        affiliations = {}
        for r in rs:
            if not r.get("affiliation") or r["affiliation"] in affiliations:
                continue
            a_start, a_end = fuzzy(r, "party_start"), fuzzy(r, "party_end")
            if _valid(on, a_start, a_end):
                affiliations[r["affiliation"]] = {
                    "party": r["party_name"], "party_id": r["party"], "role": r["party_role"],
                    "start": date_json(a_start), "end": date_json(a_end),
                    "evidence": ctx.evidence(r["affiliation"]),
                }
        out.append({
            "person": first["person_name"], "person_id": first["person"], "role": first["role"],
            "start": date_json(start), "end": date_json(end), "membership": membership,
            "affiliations": [affiliations[k] for k in sorted(affiliations)],
            "evidence": ctx.evidence(membership),
        })
    out.sort(key=lambda m: (_rank(m["role"]), m["person"], sort_key(fuzzy(_flat(m), "start"))))
    return out


def _flat(m: dict) -> dict:
    s = m["start"] or {}
    return {"start_date": s.get("value"), "start_precision": s.get("precision")}
