"""``foreign-reactions``: foreign actors' statements about the election of a year, by stance.

A statement is about the election of year Y when it names an election (any role) dated Y, or, naming
none, when its own date is in Y. Rows come grouped by stance (in ``STANCE_ORDER``), then by actor.
"""

from __future__ import annotations

from graph.dates import sort_key
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, unique

STANCE_ORDER = ("condemn", "concern", "call", "congratulate", "support")


def _stance_rank(stance: str | None) -> tuple[int, str]:
    if stance in STANCE_ORDER:
        return (STANCE_ORDER.index(stance), stance)
    return (len(STANCE_ORDER) + (stance is None), stance or "")


@processor("foreign-reactions")
def reactions(rows: list[Row], ctx: Context) -> list[dict]:
    year = ctx.values["election"]
    keyed = []
    for event, rs in group(unique(rows), "event").items():
        first = rs[0]
        d = fuzzy(first, "event")
        elections = {r["about_election"]: fuzzy(r, "about_election") for r in rs if r.get("about_election")}
        if elections:
            about = sorted(e for e, ed in elections.items() if ed is not None and ed.year == year)
            if not about:
                continue
        elif d is None or d.year != year:
            continue
        else:
            about = []
        actors = sorted({(r["actor_name"], r["actor"]) for r in rs if r.get("actor")})
        stance = first.get("stance")
        keyed.append(((_stance_rank(stance), [a[0] for a in actors], sort_key(d), event), {
            "stance": stance,
            "actors": [{"name": n, "id": i} for n, i in actors],
            "event": event,
            "date": date_json(d), **ctx.flags(event),
            "elections": about,
            "evidence": ctx.evidence(event),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]
