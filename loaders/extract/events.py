"""Events stated in a document, sentence by sentence, from trigger words and the actor mentions around them.

For each in-scope sentence and each event type of ``data/lexicon/events.yaml``: a trigger (a verb form
or a nominalisation) not under a hedge or negation gets its agent and target from the mentions of the
allowed types around it, by voice (active "X dissolved Y", passive "Y was dissolved by X", reduced
"Y, convicted by X", adjectival "the dissolved Y", nominal "X's dissolution of Y"); "the party" stands
for the last party named. Statements take their agent from the subject before the cue and their
stance from cue words; Election reports give a kind and a date. The result is a list of ``Claim``s
(one event as one passage states it), dated later by ``loaders.extract.resolve``.
"""

from __future__ import annotations

import re

from graph.model import Participant
from loaders.extract.dates import DateExpr, find_dates
from loaders.extract.eventdates import dates_for
from loaders.extract.lexicon import actor_by_name
from loaders.extract.mentions import Mention
from loaders.extract.passage import (
    BE,
    DET,
    LIGHT,
    POSS,
    PREP_AFTER,
    Claim,
    Passage,
    agent_ok,
    anaphor,
    anaphor_before,
    clause,
    first_after,
    hedged,
    mentions_in,
    nearest_before,
    qualifies_person,
)
from loaders.extract.scope import paragraph_scope
from loaders.extract.sentences import Segmentation, Sentence, segment
from loaders.extract.statements import elections, statements
from loaders.extract.triggers import TypeSpec, lexicon
from loaders.source import SourceText

__all__ = ["Claim", "extract_events"]


_ENDS_PREP = re.compile(r"\s(?:of|against|to|on|into|as|from|for|at)$")


def _repeat(text: str, a: int, b: int) -> dict[str, bool]:
    """"further amended", "amended again": another event than the one reported before."""
    before = " ".join(text[max(0, a - 30):a].lower().split()[-2:])
    after = " ".join(text[b:b + 30].lower().split()[:3])
    if re.search(r"\b(?:further|again|additional|new|latest|second|third)\b", before) or re.search(r"\bagain\b", after):
        return {"repeat": True}
    return {}


def _implied(spec: TypeSpec, ctx: Passage, a: int) -> list[Mention]:
    before = ctx.text[max(0, a - 30):a].lower().split()
    if before and before[-1] in spec.implied_target:
        type_, name = spec.implied_target[before[-1]]
        actor = actor_by_name(type_, name)
        if actor is not None:
            return [Mention(a, a, actor.id, actor.type, actor.name, "implied")]
    return []


def _other_event_noun(ctx: Passage, spec: TypeSpec, pos: int, hi: int) -> bool:
    """The object of a noun trigger opens with another event type's noun ("adoption of [the] amendments")."""
    m = re.compile(r"\s*(?:the\s+|its\s+|\d{4}\s+)*([a-z-]+)\b").match(ctx.text, pos, hi)
    return m is not None and any(o.nouns is not None and o.nouns.fullmatch(m.group(1))
                           for o in ctx.lex.types if o is not spec)


def _of_other_event(ctx: Passage, spec: TypeSpec, t: Mention) -> bool:
    """"the 2017 amendments to the LPP were enacted": the subject is another event noun, not the law."""
    m = re.search(r"\b([a-z-]+)\s+(?:to|of)\s+(?:the\s+)?(?:\d{4}\s+)?$", ctx.text[max(0, t.start - 50):t.start])
    if not m:
        return False
    return any(o.nouns is not None and o.nouns.fullmatch(m.group(1)) for o in ctx.lex.types if o is not spec)


SUBORDINATE = re.compile(r",\s*(?:when|after|as|because|where|whereupon)\s+(?=[^,]*$)")


def _group(ctx: Passage, spec: TypeSpec, b: int, hi: int) -> list[Mention]:
    """For types listing ``group_nouns``: "beat two Candlelight Party activists" targets the party."""
    if not spec.group_nouns:
        return []
    for m in first_after(ctx, b, hi, spec.target, 6):
        nxt = re.match(r"\s*([a-z-]+)\b", ctx.text[m.end:m.end + 30])
        if nxt and nxt.group(1) in spec.group_nouns:
            return [m]
    return []


def _instrument(ctx: Passage, sent: Sentence) -> list[Mention]:
    if ctx.lex.instrument is None:
        return []
    out = []
    for m in ctx.lex.instrument.finditer(ctx.text, sent.start, sent.end):
        out += first_after(ctx, m.end(), sent.end, ctx.lex.instrument_types, 3)[:1]
    return out


def _typed_event(ctx: Passage, spec: TypeSpec, sent: Sentence, m: re.Match[str], noun: bool,
                 dates: list[DateExpr]) -> list[Claim]:
    text = ctx.text
    a, b = m.start(), m.end()
    lo, hi = clause(ctx, sent, a, b)
    if hedged(ctx, lo, a):
        return []
    trig = " ".join(m.group(0).lower().split())
    if trig in spec.after:
        nxt = " ".join(text[b:b + 50].lower().split()[:5])
        if not any(re.search(rf"\b{re.escape(w)}\b", nxt) for w in spec.after[trig]):
            return []
    before = text[max(lo, a - 40):a]
    agents: list[Mention] = []
    targets: list[Mention] = []
    tight: bool | str = noun
    if noun:
        prev = before.lower().split()
        if prev and prev[-1] in ctx.lex.generic_before:
            return []
        p = PREP_AFTER.match(text, b, hi)
        # a trigger that ends with its preposition ("arrest of", "attack on") takes its object right after
        obj = p.end() if p else b + 1 if _ENDS_PREP.search(trig) else None
        if obj is not None and _other_event_noun(ctx, spec, obj, hi):
            return []  # "the adoption of amendments to the LEMNA": the amendment is what the text reports
        if obj is not None:
            targets = first_after(ctx, obj, hi, spec.target, 7, person_nouns=True)
            if not targets:
                targets = anaphor(ctx, sent, (obj - 1, hi), spec.target, set())
        targets = targets or _implied(spec, ctx, a)
        poss = [x for x in mentions_in(ctx, lo, a, spec.agent) if POSS.match(text[x.end:a])]
        if poss:
            agents = poss[-1:]
        else:
            end = max([t.end for t in targets if t.end > b] + [b])
            by = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:by|from)\s+", re.I).match(text, end, hi)
            if by:
                agents = first_after(ctx, by.end(), hi, spec.agent, 3)
            elif LIGHT.search(text[max(lo, a - 50):a]):
                agents = nearest_before(ctx, lo, a, spec.agent, 12)
    else:
        passive = bool(BE.search(before)) or bool(re.match(r"\s+by\s", text[b:b + 5]))
        reduced = bool(re.search(r",\s*(?:\w+ly\s+)?$", before)) and bool(
            mentions_in(ctx, max(lo, a - 60), a, spec.target)) and trig.endswith("ed")
        adjectival = bool(DET.search(before)) and not passive
        if adjectival:
            targets = first_after(ctx, b, hi, spec.target, 2)
            tight = "adjective"
        elif passive or reduced:
            be = BE.search(before)
            stop = a - (len(before) - be.start()) if be else a
            head = re.search(r"([a-z-]+)\s*$", text[max(lo, stop - 40):stop])
            if head and head.group(1) in ctx.lex.possessed_persons:
                targets = []  # "40 of its officials were banned": unnamed people, not the party named before
            else:
                targets = [t for t in nearest_before(ctx, lo, stop, spec.target, 15)
                           if not qualifies_person(ctx, t) and not _of_other_event(ctx, spec, t)]
                if not targets:
                    targets = anaphor_before(ctx, sent, lo, stop, spec.target)
            by = re.compile(r"\s*(?:[\w'’-]+\s+){0,7}?by\s+", re.I).match(text, b, hi)
            if by:
                agents = first_after(ctx, by.end(), hi, spec.agent, 4)
        elif trig in spec.subject_is_target:
            targets = nearest_before(ctx, lo, a, spec.target, 15, subject=True)
        else:
            # ", when police arrested him": the subordinate clause has its own subject
            sub = list(SUBORDINATE.finditer(text, lo, a))
            alo = sub[-1].end() if sub else lo
            agents = nearest_before(ctx, alo, a, spec.agent, 15, subject=True)
            if not agents and not sub:
                agents = anaphor_before(ctx, sent, lo, a, spec.agent)
            targets = first_after(ctx, b, hi, spec.target, 10, person_nouns=True) or _group(ctx, spec, b, hi)
            if not targets:
                targets = anaphor(ctx, sent, (b, hi), spec.target, {x.entity for x in agents})
    agents = [x for x in agents if agent_ok(spec, x)]
    targets = [t for t in targets if t.entity not in {x.entity for x in agents}]
    required = spec.requires or (("target",) if noun else ())
    if "agent" in required and not agents or "target" in required and not targets or not (agents or targets):
        return []
    reach = max([b] + [x.end for x in agents + targets if x.start > a and x.end - b < 80])
    found = dates_for(ctx, sent, a, reach if tight else b, tight, dates)
    if re.search(r"\b(?:had\s+(?:been\s+)?(?:\w+ly\s+)?|(?:later|subsequently|afterwards|eventually)\s+)$",
                 before, re.I):
        # "who had been jailed", "the court later sentenced him": not at the time the sentence dated before
        found = [d for d in found if d.start >= a]
    instruments = [i for i in _instrument(ctx, sent) if i.entity not in {t.entity for t in targets}]
    ev = ctx.src.evidence(sent.start, sent.end)
    base = [Participant("agent", x.entity) for x in agents] + [Participant("instrument", i.entity) for i in instruments]
    groups = [[t] for t in targets] or [[]]
    return [Claim(spec.name, sorted(set(base + [Participant("target", t.entity) for t in g])), ev, ev.document, a,
                  list(found), {"trigger": trig, **_repeat(text, a, b)}) for g in groups]


def extract_events(src: SourceText, mentions: list[Mention], seg: Segmentation | None = None) -> list[Claim]:
    """The event claims of one document."""
    lex = lexicon()
    seg = seg or segment(src.clean, lex.back_matter)
    scope = paragraph_scope(src.clean, seg.paragraphs)
    dates = find_dates(src.clean, 0, seg.paragraphs[-1].end if seg.paragraphs else 0)
    ctx = Passage(src, seg, sorted(mentions), lex)
    out: list[Claim] = []
    for i, sent in enumerate(seg.sentences):
        if not scope[sent.paragraph] or seg.paragraphs[sent.paragraph].heading:
            continue
        ctx.index = i
        claims: list[Claim] = []
        for spec in lex.types:
            for rx, noun in ((spec.verbs, False), (spec.nouns, True)):
                if rx is None:
                    continue
                for m in rx.finditer(src.clean, sent.start, sent.end):
                    claims += _typed_event(ctx, spec, sent, m, noun, dates)
        claims += statements(ctx, sent, dates)
        claims += elections(ctx, sent, dates)
        out += _merge_in_sentence(claims)
    return out


def _merge_in_sentence(claims: list[Claim]) -> list[Claim]:
    """Two triggers of one type in one sentence naming the same target are one claim."""
    out: list[Claim] = []
    for c in claims:
        same = next((o for o in out if o.type == c.type and (
            o.entities("target") & c.entities("target")
            or o.entities("target") == c.entities("target") and o.entities("agent") == c.entities("agent"))), None)
        if same is None:
            out.append(c)
            continue
        same.participants = sorted(set(same.participants) | set(c.participants))
        same.dates = same.dates or c.dates
        for k, v in c.attributes.items():
            same.attributes.setdefault(k, v)
    return out
