"""``media-closures``: closures, licence revocations and blocking of media, with agent and target.

With ``from``/``to``, an event is kept when its date may fall in the period (its interval meets it);
``in_period`` says whether it surely does. Undated events are kept only when no period is given.
"""

from __future__ import annotations

import json

from graph.dates import inside, overlaps, sort_key
from graph.errors import UsageError
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, named, unique


@processor("media-closures")
def closures(rows: list[Row], ctx: Context) -> list[dict]:
    start, end = ctx.values.get("from"), ctx.values.get("to")
    if start and end and start.interval()[0] > end.interval()[1]:
        raise UsageError(f"parameter 'from' ({start.value}) is after 'to' ({end.value})")
    keyed = []
    for event, rs in group(unique(rows), "event").items():
        first = rs[0]
        d = fuzzy(first, "event")
        if (start or end) and not overlaps(d, start, end):
            continue
        attrs = json.loads(first["attributes"]) if first.get("attributes") else {}
        keyed.append(((sort_key(d), event), {
            "event": event,
            "date": date_json(d), **ctx.flags(event),
            "in_period": inside(d, start, end) if (start or end) else None,
            "kind": attrs.get("kind"),
            "targets": named(rs, "target"),
            "agents": named(rs, "agent"),
            "instruments": named(rs, "instrument"),
            "evidence": ctx.evidence(event),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]
