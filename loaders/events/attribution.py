"""Statements told by attribution: "X was arrested, according to a government statement", "according
to the NEC, turnout was 84%". The source after "according to" is the speaker (a statement noun
speaks for its possessor, its compounded body or its `by`/`from` complement); what the clause it
qualifies says is about the first actor named there. A foreign source makes a ForeignStatement."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from graph.model import Participant
from loaders.actors.mention import Mention
from loaders.dates.attach import dates_for
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.events.modality import hedged
from loaders.events.newsdate import document_dated
from loaders.events.view import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token


def _sources(v: SentenceView) -> list[tuple[Token, Token]]:
    """``(according, source noun)`` pairs of the sentence."""
    out = []
    for t in v.doc:
        if t.lower_ == "according":
            out += [(t, g) for c in t.children if c.dep_ == "prep" and c.lower_ == "to"
                    for g in c.children if g.dep_ == "pobj"]
    return out


def _speakers(v: SentenceView, src: Token, types: frozenset[str]) -> list[Mention]:
    if src.lemma_.lower() not in v.lex.stmt_nouns:
        return v.fillers(src, types)
    for c in src.children:
        if c.dep_ == "poss":
            found = v.fillers(c, types)
            if found:
                return found
        if c.dep_ == "compound":  # "a government statement": the body named before
            named = v.mention(c)
            found = [named] if named is not None else v.definite(c, types)
            found = [m for m in found if m.type in types]
            if found:
                return found
    for o in v.prep_objects(src, v.lex.stmt_agent_preps):
        found = v.fillers(o, types)
        if found:
            return found
    return []


def _about(v: SentenceView, according: Token, speakers: set[str]) -> list[Mention]:
    skip = {x.i for x in according.subtree}
    for x in according.head.subtree:
        m = v.mention(x)
        if x.i not in skip and m is not None and m.entity not in speakers and m.type in (
                v.lex.foreign_agent | v.lex.domestic_agent | {"Law"}):
            return [m]
    return []


def _inside(v: SentenceView, according: Token) -> Callable[[DateExpr], bool]:
    """The qualified clause's dates are what was said, not when: only a date inside the attribution."""
    lo, hi = v.start(according), max(v.end(x) for x in according.subtree)

    def keep(d: DateExpr) -> bool:
        return lo <= d.start < hi
    return keep


def attributed(v: SentenceView) -> list[Claim]:
    """The statements a sentence attributes with "according to"."""
    lex = v.lex
    types = lex.foreign_agent | lex.domestic_agent
    out: list[Claim] = []
    for according, src in _sources(v):
        if hedged(according.head, lex):
            continue
        speakers = _speakers(v, src, types)
        if not speakers:
            continue
        about = _about(v, according, {m.entity for m in speakers})
        a, b = v.start(according), v.end(according)
        found = dates_for(v.pd, v.sent, a, b, False, v.pd.dates, keep=_inside(v, according)) \
            or document_dated(v, according)
        ev = v.pd.src.evidence(v.sent.start, v.sent.end)
        for s in speakers:
            type_ = "ForeignStatement" if s.type in lex.foreign_agent else "Statement"
            parts = [Participant("agent", s.entity)] + [Participant("target", m.entity) for m in about]
            out.append(Claim(type_, parts, ev, ev.document, a, list(found), {"trigger": "according to"}))
    return out
