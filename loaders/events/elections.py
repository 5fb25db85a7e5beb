"""Election reports of one sentence: an election noun as the subject of "take place"/"hold" ("the
general elections of 2023 took place on 23 July 2023"), or a victory verb with an election or victory
noun ("won the election", "secured a landslide"), with a date. Its kind comes from the words naming
it (general, commune, senate)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.dates.attach import dates_for
from loaders.events.claim import Claim
from loaders.events.lexicon import election_kind_of
from loaders.events.modality import hedged
from loaders.events.view import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token


def _election_noun(v: SentenceView, t: Token) -> bool:
    return t.lemma_.lower() in v.lex.election_nouns or t.lower_ in v.lex.election_nouns


def _trigger(v: SentenceView, t: Token) -> bool:
    lex = v.lex
    lemma = t.lemma_.lower()
    if any(lemma == verb and SentenceView.has_particle(t, rest) for verb, rest in lex.election_verbs):
        subj = [c for c in t.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(_election_noun(v, s) for s in subj)
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


def elections(v: SentenceView) -> list[Claim]:
    for t in v.doc:
        if not _trigger(v, t) or hedged(t, v.lex):
            continue
        a, b = v.start(t), v.end(t)
        pd = v.pd
        text = pd.text[v.sent.start:v.sent.end]
        kind = election_kind_of(text, v.lex.default_kind, near=a - v.sent.start)
        found = [d for d in dates_for(pd, v.sent, a, b, False, pd.dates, election=True) if d.kind != "loose"]
        if not found:
            continue
        ev = pd.src.evidence(v.sent.start, v.sent.end)
        return [Claim("Election", [], ev, ev.document, a, list(found), {"kind": kind, "trigger": t.lower_}, kind)]
    return []
