"""``timeline``: an actor's events in date order (undated last), each with its other participants."""

from __future__ import annotations

from graph.dates import sort_key
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, unique


@processor("timeline")
def timeline(rows: list[Row], ctx: Context) -> list[dict]:
    keyed = []
    for event, rs in group(unique(rows), "event").items():
        first = rs[0]
        d = fuzzy(first, "event")
        participants = sorted({(r["participant_role"], r["participant"], r["participant_name"])
                               for r in rs if r.get("participant")})
        keyed.append(((sort_key(d), event), {
            "event": event,
            "type": first["event_type"],
            "date": date_json(d), **ctx.flags(event),
            "actor": first.get("actor"),
            "roles": sorted({r["role"] for r in rs}),
            "stance": first.get("stance"),
            "participants": [{"role": role, "entity": e, "name": n} for role, e, n in participants],
            "evidence": ctx.evidence(event),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]
