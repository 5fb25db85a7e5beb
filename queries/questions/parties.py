"""``laws-used-against`` and ``party-fates``: what was done to parties, under which law, by whom."""

from __future__ import annotations

from graph.dates import sort_key
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, named, unique


@processor("laws-used-against")
def laws_used(rows: list[Row], ctx: Context) -> list[dict]:
    keyed = []
    for (event, party), rs in group(unique(rows), "event", "party").items():
        first = rs[0]
        d = fuzzy(first, "event")
        laws = named(rs, "law")
        keyed.append(((first["party_name"], [x["name"] for x in laws], sort_key(d), event), {
            "party": first["party_name"], "party_id": party,
            "laws": laws, "articles": named(rs, "article"),
            "event": event, "type": first["event_type"], "date": date_json(d), **ctx.flags(event),
            "agents": named(rs, "agent"), "evidence": ctx.evidence(event),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]


@processor("party-fates")
def fates(rows: list[Row], ctx: Context) -> list[dict]:
    keyed = []
    for (event, party), rs in group(unique(rows), "event", "party").items():
        first = rs[0]
        d = fuzzy(first, "event")
        keyed.append(((first["party_name"], sort_key(d), event), {
            "party": first["party_name"], "party_id": party,
            "event": event, "type": first["event_type"], "date": date_json(d), **ctx.flags(event),
            "agents": named(rs, "agent"), "instruments": named(rs, "instrument"),
            "evidence": ctx.evidence(event),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]
