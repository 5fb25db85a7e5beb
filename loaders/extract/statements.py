"""Statements and election reports of a sentence.

A statement's agent is the subject before its cue ("The United States is troubled ...") or follows
"from"/"by" ("condemnation from X"); a ForeignActor's statement is a ForeignStatement, anyone else's
a Statement. Its stance comes from the cue words after the speaker that no negation governs. An
election report ("the general elections of 2023 took place on 23 July 2023") gives a kind and a date.
"""

from __future__ import annotations

import re
from typing import Any

from graph.model import Participant
from loaders.extract.dates import DateExpr
from loaders.extract.eventdates import dates_for
from loaders.extract.passage import (
    BE,
    MONTH_MAY,
    Claim,
    Passage,
    clause,
    count_words,
    first_after,
    hedged,
    nearest_before,
    strip_paren,
)
from loaders.extract.sentences import Sentence
from loaders.extract.triggers import election_kind_of


def _stance(ctx: Passage, lo: int, hi: int) -> str | None:
    """The strongest stance cued in ``text[lo:hi]`` and not negated ("did not condemn")."""
    text = ctx.text
    for (name, rx), (_, nouns) in zip(ctx.lex.stances, _noun_table(ctx), strict=True):
        for r in (rx, nouns):
            for m in r.finditer(text, lo, hi) if r is not None else ():
                if not _NEG.search(text[max(lo, m.start() - 25):m.start()]):
                    return name
    return None


def _noun_table(ctx: Passage) -> list[tuple[str, re.Pattern[str] | None]]:
    nouns = dict(ctx.lex.stance_nouns)
    return [(name, nouns.get(name)) for name, _ in ctx.lex.stances]


_NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor"})
_NEG = re.compile(r"\b(?:not|never|no|neither|n't|without|refused to|declined to)\s+(?:\w+\s+)?$", re.I)


def statements(ctx: Passage, sent: Sentence, dates: list[DateExpr]) -> list[Claim]:
    lex = ctx.lex
    text = ctx.text
    agent_types = lex.foreign_agent | lex.domestic_agent
    cues: list[tuple[int, int]] = []
    for _, rx in lex.stances:
        cues += [(m.start(), m.end()) for m in rx.finditer(text, sent.start, sent.end)]
    if lex.stmt_verbs is not None:
        cues += [(m.start(), m.end()) for m in lex.stmt_verbs.finditer(text, sent.start, sent.end)]
    nouns = [(m.start(), m.end()) for _, rx in lex.stance_nouns for m in rx.finditer(text, sent.start, sent.end)]
    after = re.compile(r"\s*(?:[\w'’]+\s+){0,8}?(?:" + "|".join(lex.stmt_agent_after or ["by"]) + r")\s+", re.I)
    for a, b in sorted(cues) + sorted(nouns):
        lo, hi = clause(ctx, sent, a, b)
        verbal = (a, b) not in nouns
        before = text[max(lo, a - 40):a]
        copula = re.search(r"\b(?:is|are|was|were|am)\s+(?:\w+ly\s+)?$", before)
        if verbal and (BE.search(before) and not copula
                       or re.match(r"\s+by\s", text[b:b + 5]) and not copula
                       or re.search(r",\s*$", before) and re.match(r"\s+(?:to|by|in|on|at|for)\b", text[b:b + 6])):
            continue  # "results announced by", "being declared": not the subject speaking ("is concerned by" is)
        if _hedged_statement(ctx, lo, a):
            continue
        agents = nearest_before(ctx, lo, a, agent_types, 14, subject=True) if verbal else []
        if agents and not _subject_gap(strip_paren(text[agents[0].end:a])):
            agents = []
        if not agents:
            am = after.match(text, b, hi)
            if am:
                agents = first_after(ctx, am.end(), hi, agent_types, 4)
        if not agents:
            continue
        # what the speaker said follows the speaker: cues before it are someone else's
        stance = _stance(ctx, min(x.start for x in agents) if agents[0].end <= a else lo, hi)
        foreign = [x for x in agents if x.type in lex.foreign_agent]
        domestic = [x for x in agents if x.type not in lex.foreign_agent]
        found = _statement_dates(ctx, dates_for(ctx, sent, a, b, False, dates), a, b)
        ev = ctx.src.evidence(sent.start, sent.end)
        out = []
        for group, type_ in ((foreign, "ForeignStatement"), (domestic, "Statement")):
            for x in group:
                attrs: dict[str, Any] = {"trigger": " ".join(text[a:b].lower().split())}
                if stance:
                    attrs["stance"] = stance
                out.append(Claim(type_, [Participant("agent", x.entity)], ev, ev.document, a, list(found), attrs))
        return out
    return []


_PAST = re.compile(r"(?:ed|said|told|gave|made|wrote|spoke)$")


def _document_dated(ctx: Passage, cue: str, a: int) -> list[DateExpr]:
    """A news item's or statement's own statement, undated in its sentence: the document's date (its
    day for a present-tense cue, "Japan welcomes"; its month for a past one, "X said")."""
    doc = ctx.src.document
    if (doc.kind or "").lower() not in ctx.lex.stmt_document_kinds or doc.published is None \
            or doc.published.precision != "day":
        return []
    present = re.search(r"\b(?:is|are|am)\s+(?:\w+ly\s+)?$", ctx.text[max(0, a - 30):a])
    unit = "month" if _PAST.search(cue.split()[0].lower()) and not present else "day"
    return [DateExpr(a, a, "(document date)", "document", offset=0, unit=unit)]


def _statement_dates(ctx: Passage, found: list[DateExpr], a: int, b: int) -> list[DateExpr]:
    """In a dated news item or statement, dates inside what was said ("welcomes that the vote was held
    on 23 July", "condemn the conviction of X on 3 March") are not the statement's: the document's
    date is, unless a date stands before the cue or right after it ("said on Monday")."""
    own = _document_dated(ctx, ctx.text[a:b], a)
    if not own:
        return found
    kept = [d for d in found if d.kind != "loose" and (
        d.end <= a or count_words(ctx.text[b:d.start]) <= 4 and not re.search(r"\bthat\b", ctx.text[b:d.start]))]
    return kept or own


def _subject_gap(gap: str) -> bool:
    """Between a speaker and its verb: nothing, a verb group, or an apposition closed by a comma
    ("COMFREL, a watchdog, said"); not another noun phrase (", a spokesman said")."""
    gap = gap.strip()
    if "," not in gap:
        return True
    return gap.startswith(",") and gap.endswith(",")


def _hedged_statement(ctx: Passage, lo: int, a: int) -> bool:
    """Hedges other than the statement cues themselves ("urged", "call for")."""
    window = re.split(r"[,“”\"]", MONTH_MAY.sub("", ctx.text[max(lo, a - 60):a]))[-1]
    tail = " ".join(window.split()[-6:])
    for m in ctx.lex.hedges.finditer(tail):
        word = m.group(0).lower()
        if not any(rx.fullmatch(word) for _, rx in ctx.lex.stances) and word not in _NEGATIONS:
            return True
    return False


def elections(ctx: Passage, sent: Sentence, dates: list[DateExpr]) -> list[Claim]:
    lex = ctx.lex
    if lex.election_triggers is None:
        return []
    text = ctx.text
    for m in lex.election_triggers.finditer(text, sent.start, sent.end):
        a, b = m.start(), m.end()
        phrase = m.group(0).lower()
        near_noun = lex.election_nouns is not None and lex.election_nouns.search(text[max(sent.start, a - 90):a])
        if "elect" not in phrase and not near_noun:
            continue
        lo, _ = clause(ctx, sent, a, b)
        if hedged(ctx, lo, a):
            continue
        kind = election_kind_of(text[sent.start:sent.end], lex.default_kind, near=a - sent.start)
        found = [d for d in dates_for(ctx, sent, a, b, False, dates, election=True) if d.kind != "loose"]
        if not found:
            continue
        ev = ctx.src.evidence(sent.start, sent.end)
        return [Claim("Election", [], ev, ev.document, a, list(found), {"kind": kind, "trigger": phrase}, kind)]
    return []

