"""Dating event claims and resolving them across documents into one event each.

1. Elections first: each Election claim with a stated date and each Election the results tables gave
   is keyed by ``election_event_id(kind, year)``; reports of one election are one event.
2. Dates: absolute ones as stated; partial ones ("July 23") take the year of an election on that
   day when they name an election, else the document's year, else the nearest year before them;
   relative ones ("five months before the election") count from the election the passage is about
   (its kind, and the year nearest before it in the document); document ones ("this year") from
   ``Document.published`` (unknown when the document has no date).
3. Claims of one type sharing a participant are compared (blocked by type and participant, never
   all pairs): same participants and compatible dates make one event whose date is the most precise
   one all reports allow (derivation ``merged``). For a type that cannot recur for the same target
   within a year (``recurs: false``), contradicting dates are one event flagged ``date-conflict`` with
   every claim kept in ``attributes['date_claims']``; so are an absolute and a relative date given
   by one passage.
4. Ids are computed last from type, participants and date, so a rebuild gives the same ids.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from typing import Any

from graph.factset import FactSet
from graph.ids import election_event_id, event_id, membership_id
from graph.model import Event, Evidence, FuzzyDate, Membership
from loaders.dates.dating import PREF, Dater, DocContext, after, compatible, merge_dates
from loaders.events.claim import Claim
from loaders.events.lexicon import lexicon
from loaders.lexicon import add_known_entity

__all__ = ["DocContext", "resolve_all"]


@dataclass
class _Claimed:
    claim: Claim
    dates: list[FuzzyDate]
    published: FuzzyDate | None = None  # the claim's document's date: what it tells happened by then


# ---------------------------------------------------------------- clustering

class _Union:
    def __init__(self, n: int) -> None:
        self.parent = list(range(n))

    def find(self, i: int) -> int:
        while self.parent[i] != i:
            self.parent[i] = self.parent[self.parent[i]]
            i = self.parent[i]
        return i


def _roles(c: Claim) -> dict[str, frozenset[str]]:
    return {r: frozenset(c.entities(r)) for r in ("agent", "target")}


def _same_participants(a: Claim, b: Claim, recurs: bool) -> bool:
    ra, rb = _roles(a), _roles(b)
    if a.type.endswith("Statement"):
        # statements recur: one agent's statements are one only with the same stance, date or passage
        return (ra == rb and a.attributes.get("stance") == b.attributes.get("stance")
                and bool(a.dates and b.dates or a.document == b.document))
    if not recurs:
        return bool(ra["target"]) and ra["target"] == rb["target"]
    if a.attributes.get("repeat") or b.attributes.get("repeat"):
        return False  # "further amended": not the amendment reported before
    for r in ("agent", "target"):
        if ra[r] and rb[r] and not (ra[r] <= rb[r] or rb[r] <= ra[r]):
            return False
    return bool((ra["agent"] | ra["target"]) & (rb["agent"] | rb["target"]))


def _dates_fit(da: list[FuzzyDate], db: list[FuzzyDate], recurs: bool) -> bool:
    if all(compatible(x, y) for x in da for y in db):
        return True
    if recurs:
        return False
    return all(abs(x.year - y.year) <= 1 for x in da for y in db)


def _after(dates: set[FuzzyDate], bounds: set[FuzzyDate]) -> bool:
    """Some date lies wholly after some document's date (compared by their first possible day)."""
    return any(after(d, b) for d in dates for b in bounds)


def _signature(it: _Claimed) -> tuple[Any, ...]:
    """What ``_same_participants`` reads of a claim: claims with one signature compare alike."""
    c = it.claim
    return (c.type, tuple(sorted(_roles(c).items())), c.attributes.get("stance"), bool(c.dates),
            c.document if c.type.endswith("Statement") else None, bool(c.attributes.get("repeat")))


def cluster(items: list[_Claimed], recurs_of: dict[str, bool]) -> list[list[_Claimed]]:
    """Groups of claims that report one event; candidates only share a (type, participant) block.

    Each claim is compared with the groups formed so far in its block, through the distinct
    signatures and dates of each group (not with every claim), so the work grows with the number of
    claims times the number of distinct events in a block, not with the square of the claims.
    """
    blocks: dict[tuple[str, str], list[int]] = defaultdict(list)
    for i, it in enumerate(items):
        for p in it.claim.participants:
            if p.role in {"agent", "target"}:
                blocks[(it.claim.type, p.entity)].append(i)
    uf = _Union(len(items))
    members: dict[int, list[int]] = {i: [i] for i in range(len(items))}
    sigs: dict[int, dict[tuple[Any, ...], Claim]] = {i: {_signature(it): it.claim} for i, it in enumerate(items)}
    dates: dict[int, set[FuzzyDate]] = {i: set(it.dates) for i, it in enumerate(items)}
    # a document tells what happened by its date: an event it reports is not one dated after it
    bounds: dict[int, set[FuzzyDate]] = {i: {it.published} if it.published else set() for i, it in enumerate(items)}
    for idx in blocks.values():
        roots: list[int] = []
        for i in idx:
            ri = uf.find(i)
            recurs = recurs_of.get(items[i].claim.type, True)
            live = list(dict.fromkeys(uf.find(r) for r in roots))
            for rj in live:
                if rj == ri:
                    continue
                if not all(_same_participants(a, b, recurs) for a in sigs[ri].values() for b in sigs[rj].values()):
                    continue
                if not _dates_fit(sorted(dates[ri]), sorted(dates[rj]), recurs):
                    continue
                if _after(dates[ri], bounds[rj]) or _after(dates[rj], bounds[ri]):
                    continue
                uf.parent[rj] = ri
                members[ri] += members.pop(rj)
                sigs[ri].update(sigs.pop(rj))
                dates[ri] |= dates.pop(rj)
                bounds[ri] |= bounds.pop(rj)
            roots = [r for r in live if uf.find(r) != uf.find(ri)] + [ri]
    return [[items[m] for m in ms] for ms in members.values()]


# ---------------------------------------------------------------- building events

def _date_claims(group: list[_Claimed]) -> list[dict[str, Any]]:
    out = []
    for it in group:
        for d in it.dates:
            item = {"value": d.value, "precision": d.precision, "derivation": d.derivation,
                    "document": it.claim.document}
            if d.phrase:
                item["phrase"] = d.phrase
            if item not in out:
                out.append(item)
    return sorted(out, key=lambda x: (x["value"], x["document"], x["derivation"]))


def build_event(group: list[_Claimed], fixed_id: str | None = None) -> Event:
    first = group[0].claim
    parts = sorted({p for it in group for p in it.claim.participants})
    dates = [d for it in group for d in it.dates]
    best, conflict = merge_dates(dates)
    attrs: dict[str, Any] = {}
    for it in group:
        for k, v in it.claim.attributes.items():
            if k not in {"trigger", "repeat"}:
                attrs.setdefault(k, v)
    flags = []
    if conflict:
        flags.append("date-conflict")
        attrs["date_claims"] = _date_claims(group)
    evidence: list[Evidence] = sorted({it.claim.evidence for it in group})
    key = [p.entity for p in parts]
    eid = fixed_id or event_id(first.type, *key, best.value if best else "", attrs.get("stance", ""))
    return Event(eid, first.type, best, list(parts), attrs, evidence, flags)


def resolve_all(claims: list[Claim], contexts: dict[str, DocContext], facts: FactSet) -> None:
    """Date the claims, group them into events across documents and add the events to ``facts``."""
    lex = lexicon()
    recurs_of = {t.name: t.recurs for t in lex.types}
    # 1. elections known from tables and from passages stating a date
    known: dict[str, list[FuzzyDate]] = defaultdict(list)
    kinds: dict[str, str] = {}
    for ev in facts.events.values():
        if ev.type == "Election" and ev.date is not None:
            known[ev.id].append(ev.date)
            kinds[ev.id] = str(ev.attributes.get("kind") or ev.id.split("-")[1])
    stub = Dater(contexts, {}, {})
    el_claims = [c for c in claims if c.type == "Election"]
    for c in el_claims:
        for d in stub.dates_of(c):
            if d.derivation == "absolute":
                eid = election_event_id(c.kind or lex.default_kind, d.year)
                known[eid].append(d)
                kinds[eid] = c.kind or lex.default_kind
    best = {eid: merge_dates(ds)[0] for eid, ds in known.items()}
    dater = Dater(contexts, {k: v for k, v in best.items() if v is not None}, kinds)
    # 2. elections from passages join the election of their kind and year
    by_election: dict[str, list[_Claimed]] = defaultdict(list)
    for c in el_claims:
        ds = dater.dates_of(c)
        pref = min(ds, key=lambda d: PREF.get(d.derivation, 4)) if ds else None
        if pref is None:
            continue
        by_election[election_event_id(c.kind or lex.default_kind, pref.year)].append(_Claimed(c, ds))
    for eid, group in sorted(by_election.items()):
        have = facts.events.get(eid)
        if have is not None and have.date is not None:
            first = min(have.evidence)  # merged evidence is sorted only at the end (FactSet.settle)
            group = [_Claimed(Claim("Election", [], first, first.document, 0),
                              [have.date])] + group
        ev = build_event(group, eid)
        ev.attributes.setdefault("kind", group[-1].claim.kind)
        if have is not None:
            have.date = ev.date
            for f in ev.flags:
                if f not in have.flags:
                    have.flags.append(f)
            if "date_claims" in ev.attributes:
                have.attributes["date_claims"] = ev.attributes["date_claims"]
            ev.date, ev.flags = have.date, have.flags
            ev.attributes = {k: v for k, v in ev.attributes.items() if k != "date_claims"}
        facts.add_event(ev)
    # 3. everything else
    items = [_Claimed(c, dater.dates_of(c), contexts[c.document].document.published if c.document in contexts
                      else None) for c in claims if c.type != "Election"]
    for group in cluster(items, recurs_of):
        ev = facts.add_event(build_event(group))
        _known_participants(facts, ev)
        _offices(facts, ev, group)


def _offices(facts: FactSet, ev: Event, group: list[_Claimed]) -> None:
    """An appointment to a named office ("named chairman of the NEC") makes each person appointed a
    member of the body in that role from the appointment's date (``loaders.ties.offices``)."""
    for it in group:
        c = it.claim
        if c.office is None or c.office[1] is None:
            continue
        role, body = c.office
        for person in sorted(c.entities("target")):
            e = facts.entities.get(person)
            if e is None or e.type != "Person" or body not in facts.entities:
                continue
            facts.add_membership(Membership(membership_id(person, body, role), person, body, role,
                                            start=ev.date, attributes={"basis": "appointment"},
                                            evidence=[c.evidence]))


def _known_participants(facts: FactSet, ev: Event) -> None:
    """An event may name a known actor no mention registered (an implied target: "constitutional
    amendments"; a time-bounded one: "the ruling party"): the actor becomes an entity."""
    for p in ev.participants:
        add_known_entity(facts, p.entity, ev.evidence[:1])
