"""Election reports of one sentence: an election noun as the subject of "take place"/"hold" ("the
general elections of 2023 took place on 23 July 2023"), modified by such a participle ("the elections
held on 4 June") or the object of "hold" ("UNTAC held elections", its subject the organiser), or a
victory verb with an election or victory noun ("won the election", "secured a landslide"), with a date.
Its kind comes from the words naming it (general, commune, senate).

An election named by its year ("after the 2013 general elections", "in the 2012 elections") is also
reported as having taken place, when that year is not after the document's: its kind from the words of
its noun phrase, else from the document's title (a report on commune elections speaks of commune
elections), else the default kind."""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.model import Participant
from loaders.dates.attach import dates_for
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.events.lexicon import election_kind_of
from loaders.events.modality import hedged
from loaders.events.view import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token

# what a year modifying an election noun hangs from it by ("the 2013 elections", "2013 general elections")
_YEAR_DEPS = frozenset({"nummod", "compound", "amod", "npadvmod", "nmod", "quantmod"})


def _election_noun(v: SentenceView, t: Token) -> bool:
    return t.lemma_.lower() in v.lex.election_nouns or t.lower_ in v.lex.election_nouns


def _counted(n: Token) -> bool:
    """"four commune elections", "seven general elections": several elections, none of them dated."""
    return any(c.dep_ == "nummod" and not _is_year(c) for c in n.children)


def _held(v: SentenceView, t: Token) -> bool:
    """``t`` is one of the election verbs ("take place", "hold", ...)."""
    lemma = t.lemma_.lower()
    return any(lemma == verb and SentenceView.has_particle(t, rest) for verb, rest in v.lex.election_verbs)


def _trigger(v: SentenceView, t: Token) -> bool:
    lex = v.lex
    lemma = t.lemma_.lower()
    if _held(v, t):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        if any(_election_noun(v, s) and not _counted(s) for s in subj):
            return True
        if t.dep_ == "acl" and _election_noun(v, t.head):
            return True  # "the elections held on 4 June"
        return not SentenceView.passive(t) and any(_election_noun(v, o) and not _counted(o)
                                                   for o in t.children if o.dep_ == "dobj")
    if lemma in lex.victory_verbs and t.pos_ == "VERB":
        objs = [c for c in t.children if c.dep_ in ("dobj", "attr")]
        if any(_election_noun(v, o) or o.lemma_.lower() in lex.victory_nouns for o in objs):
            return True
        # "In the 2008 election, the CPP won ...": an election noun governed by the verb's preposition
        return any(_election_noun(v, g) for c in t.children if c.dep_ == "prep"
                   for g in c.children if g.dep_ == "pobj")
    if t.pos_ == "NOUN" and lemma in lex.victory_nouns and lemma != "majority":
        return any(c.lower_ in ("electoral", "landslide", "election") or _election_noun(v, c)
                   for c in t.children if c.dep_ in ("amod", "compound"))
    return False


def _organisers(v: SentenceView, t: Token) -> list[Participant]:
    """Who held the election: the active subject of "hold"/"conduct" ("UNTAC held elections"), the
    `by`-agent of the passive ("elections organised by the NEC"), or the complement of a noun of
    supervision ("under the supervision of UNTAC")."""
    lex = v.lex
    types = lex.domestic_agent | lex.foreign_agent
    found = []
    if _held(v, t) and not SentenceView.passive(t) and any(
            _election_noun(v, o) for o in t.children if o.dep_ == "dobj"):
        subj = v.subject(t)
        if subj is not None:
            found += v.fillers(subj, types)
    for by in v.prep_objects(t, {"by"}):
        found += v.fillers(by, types)
    for c in t.children:
        for n in (g for g in c.children if c.dep_ == "prep" and g.dep_ == "pobj"):
            if n.lemma_.lower() in lex.election_agent_nouns:
                for o in v.prep_objects(n, {"of", "by"}):
                    found += v.fillers(o, types)
    return [Participant("agent", e) for e in dict.fromkeys(m.entity for m in found)]


def elections(v: SentenceView) -> list[Claim]:
    out = _reported(v)
    for c in _named_by_year(v):
        if not any(o.kind == c.kind and _years(o) & _years(c) for o in out):
            out.append(c)
    return out


def _years(c: Claim) -> set[int | None]:
    return {d.year for d in c.dates}


def _reported(v: SentenceView) -> list[Claim]:
    for t in v.doc:
        if not _trigger(v, t) or hedged(t, v.lex):
            continue
        a, b = v.start(t), v.end(t)
        pd = v.pd
        text = pd.text[v.sent.start:v.sent.end]
        kind = election_kind_of(text, v.lex.default_kind, near=a - v.sent.start)
        # "since the adoption of X in 2001": the start of a span, not the election's date
        spans = [(v.start(x.left_edge), v.end(x.right_edge)) for x in v.doc if x.lower_ == "since"]
        found = [d for d in dates_for(pd, v.sent, a, b, False, pd.dates, election=True) if d.kind != "loose"
                 and not any(lo <= d.start < hi for lo, hi in spans)]
        if not found:
            continue
        ev = pd.src.evidence(v.sent.start, v.sent.end)
        attrs = {"kind": kind, "trigger": t.lower_}
        return [Claim("Election", _organisers(v, t), ev, ev.document, a, list(found), attrs, kind)]
    return []


def _is_year(t: Token) -> bool:
    return t.like_num and len(t.text) == 4 and t.text.isdigit() and t.text[:2] in ("19", "20")


def _years_of(v: SentenceView, n: Token) -> list[DateExpr]:
    """The years an election noun is named by ("the 2013 general elections", "the 2018 and the 2023
    elections"), as date expressions."""
    years = [c for c in n.children if c.dep_ in _YEAR_DEPS and _is_year(c)]
    if n.dep_ == "conj" and _is_year(n.head):
        years.append(n.head)
    return [DateExpr(v.start(c), v.end(c), c.text, "absolute", int(c.text), role="election") for c in years]


def _named_by_year(v: SentenceView) -> list[Claim]:
    pd = v.pd
    pub = pd.document.published
    out = []
    for n in v.doc:
        if n.pos_ not in ("NOUN", "PROPN") or n.lemma_.lower() not in v.lex.election_year_nouns \
                and n.lower_ not in v.lex.election_year_nouns or hedged(n, v.lex):
            continue
        if any(c.dep_ in ("amod", "det") and c.lower_ in v.lex.generic_words | v.lex.future_words
               for c in n.children):
            continue  # "the next 2028 elections", "any 2013 election"
        lo, hi = v.start(n.left_edge), v.end(n)
        kind = (election_kind_of(pd.text[lo:hi], None) or election_kind_of(pd.document.title or "", None)
                or v.lex.default_kind)
        ev = pd.src.evidence(v.sent.start, v.sent.end)
        for d in _years_of(v, n):
            if pub is None or d.year is not None and d.year <= pub.year:
                out.append(Claim("Election", [], ev, ev.document, v.start(n), [d],
                                 {"kind": kind, "trigger": n.lower_}, kind))
    return out


def first_mentions(claims: list[Claim], lex_nouns: frozenset[str]) -> list[Claim]:
    """Of the elections a document only names by their year, the first naming of each, when no passage
    of the document reports that election (an event's evidence is the passage that states it, not every
    sentence that names it)."""
    def named(c: Claim) -> bool:
        return c.type == "Election" and str(c.attributes.get("trigger", "")).rstrip("s") in lex_nouns

    reported = {(c.kind, d.year) for c in claims if c.type == "Election" and not named(c) for d in c.dates}
    seen: set[tuple[str | None, int | None]] = set()
    out = []
    for c in claims:
        if named(c):
            key = (c.kind, c.dates[0].year)
            if key in reported or key in seen:
                continue
            seen.add(key)
        out.append(c)
    return out
