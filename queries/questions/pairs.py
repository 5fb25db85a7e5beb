"""``amendments-before-disqualifications``: amendment/disqualification pairs with order and gap.

One answer row per (amendment, law, disqualification or dissolution, target); the shape is the one
``shared/eval/README.md`` fixes, plus the evidence of each side, the event's type, its agents and ids,
the amended articles (``articles``, empty when the whole law is amended), and what the reader must
know: each side's ``flags`` and ``date_claims`` (the dates the reports claim when they disagree), the
row's ``flags`` (``date-conflict`` when either date is contested) and ``claimed_orders``, every order
the competing dates allow (empty when neither date is contested). A pair is kept when its order, or
one its claimed dates allow, is wanted: a contested "after" that one report makes "before" is shown.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from graph.dates import ORDERS, Relation, order, relate, sort_key
from graph.errors import UsageError
from graph.model import FuzzyDate
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, claimed_dates, date_json, fuzzy, group, named, unique

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
        a_flags, d_flags = ctx.flags(r["amendment"]), ctx.flags(r["disqualification"])
        claimed = claimed_orders(a_flags, a_date, d_flags, d_date)
        if rel.order not in orders and not set(claimed) & set(orders):
            continue
        if within is not None and (rel.gap is None or closest(rel) > within):
            continue
        key = (sort_key(d_date), r["disqualification"], sort_key(a_date), r["amendment"], r["law"])
        keyed.append((key, {
            "amendment": {
                "event": r["amendment"], "law": r["law_name"], "law_id": r["law"],
                "articles": named(rs, "article"), "date": date_json(a_date), **a_flags,
                "evidence": ctx.evidence(r["amendment"]),
            },
            "disqualification": {
                "event": r["disqualification"], "type": r["disqualification_type"],
                "target": r["target_name"], "target_id": r["target"],
                "agents": named(rs, "agent"),
                "date": date_json(d_date), **d_flags, "evidence": ctx.evidence(r["disqualification"]),
            },
            **rel.to_json(),
            "flags": sorted(set(a_flags["flags"]) | set(d_flags["flags"])),
            "claimed_orders": claimed,
        }))
    keyed.sort(key=lambda x: x[0])
    return [row for _, row in keyed]


def closest(rel: Relation) -> int:
    """The fewest days the two events may be apart (0 when their order is undetermined)."""
    assert rel.gap is not None
    if rel.order == "undetermined":
        return 0
    return min(abs(rel.gap.min), abs(rel.gap.max))


def claimed_orders(a_flags: Mapping[str, list[Any]], a_date: FuzzyDate | None,
                   d_flags: Mapping[str, list[Any]], d_date: FuzzyDate | None) -> list[str]:
    """Every order the dates the reports claim allow, when either side's date is contested."""
    if not a_flags["date_claims"] and not d_flags["date_claims"]:
        return []
    found = {order(a, d) for a in claimed_dates(a_flags, a_date) for d in claimed_dates(d_flags, d_date)}
    return [o for o in ORDERS if o in found]
