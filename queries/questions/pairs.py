"""``amendments-before-disqualifications``: amendment/disqualification pairs with order and gap.

One answer row per (amendment, law, disqualification or dissolution, target); the shape is the one
``shared/eval/README.md`` fixes, plus the evidence of each side, the event's type, its agents and ids.
"""

from __future__ import annotations

from graph.dates import ORDERS, Relation, relate, sort_key
from graph.errors import UsageError
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, date_json, fuzzy, group, named, unique

DEFAULT_ORDERS = ("before", "undetermined")


def wanted_orders(value: str | None) -> tuple[str, ...]:
    """The orders kept for ``--param order=...`` (``any`` keeps all)."""
    if value is None:
        return DEFAULT_ORDERS
    if value == "any":
        return ORDERS
    if value not in ORDERS:
        raise UsageError(f"parameter 'order': bad value {value!r} (before, after, undetermined or any)")
    return (value,)


@processor("amendments-before-disqualifications")
def pairs(rows: list[Row], ctx: Context) -> list[dict]:
    orders = wanted_orders(ctx.values.get("order"))
    within = ctx.values.get("within-days")
    keyed = []
    for rs in group(unique(rows), "amendment", "law", "disqualification", "target").values():
        r = rs[0]
        a_date, d_date = fuzzy(r, "amendment"), fuzzy(r, "disqualification")
        rel = relate(a_date, d_date)
        if rel.order not in orders:
            continue
        if within is not None and (rel.gap is None or closest(rel) > within):
            continue
        key = (sort_key(d_date), r["disqualification"], sort_key(a_date), r["amendment"], r["law"])
        keyed.append((key, {
            "amendment": {
                "event": r["amendment"], "law": r["law_name"], "law_id": r["law"], "date": date_json(a_date),
                "evidence": ctx.evidence(r["amendment"]),
            },
            "disqualification": {
                "event": r["disqualification"], "type": r["disqualification_type"],
                "target": r["target_name"], "target_id": r["target"],
                "agents": named(rs, "agent"),
                "date": date_json(d_date), "evidence": ctx.evidence(r["disqualification"]),
            },
            **rel.to_json(),
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]


def closest(rel: Relation) -> int:
    """The fewest days the two events may be apart (0 when their order is undetermined)."""
    assert rel.gap is not None
    if rel.order == "undetermined":
        return 0
    return min(abs(rel.gap.min), abs(rel.gap.max))
