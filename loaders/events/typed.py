"""Typed events (dissolutions, convictions, closures, ...) of one sentence, from its parse.

A trigger is a token whose lemma is one of a type's verbs or nouns, or a verb with the object (or
infinitive) of one of its phrases. Roles come from the tree (``roles``); further:

- `under`/`citing` a law anywhere under the trigger's clause -> instrument.

A trigger under a modal, negation, condition or hedging word makes no event (``modality``).
"""


from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from graph.model import Participant
from loaders.actors.mention import Mention
from loaders.dates.attach import clause_of, dates_for
from loaders.events.claim import Claim
from loaders.events.lexicon import Lexicon, Phrase, TypeSpec
from loaders.events.modality import generic, hedged, out_of_time, repeated
from loaders.events.newsdate import document_dated
from loaders.events.roles import agent_ok, lemma_of, noun_roles, phrase_roles, verb_roles
from loaders.events.view import SentenceView
from loaders.ties.offices import office_of

if TYPE_CHECKING:
    from spacy.tokens import Token

_CUE_DEPS = frozenset({"prep", "advcl", "acl", "pcomp", "amod", "xcomp"})


@cache
def forms(lemma: str) -> frozenset[str]:
    """Regular inflections of a verb lemma, for words the lemmatizer does not know ("deregistered")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(out)


def _verb_matches(t: Token, verbs: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...] | None:
    lemma = lemma_of(t)
    for v, rest in verbs:
        if (v == lemma or t.lower_ in forms(v)) and SentenceView.has_particle(t, rest):
            return rest
    return None


def _instruments(v: SentenceView, trig: Token, exclude: set[str]) -> list[Mention]:
    out: list[Mention] = []
    scope = [trig, *[a for a in trig.ancestors][:2]]
    for head in scope:
        for c in head.subtree:
            if c.lemma_.lower() in v.lex.instrument_cues and c.dep_ in _CUE_DEPS:
                for g in c.subtree:
                    m = v.mention(g)
                    if m is not None and m.type in v.lex.instrument_types and m.entity not in exclude:
                        if m.entity not in {o.entity for o in out}:
                            out.append(m)
                        break
        if out:
            break
    return out


def _known(t: Token) -> bool:
    """An event noun with a possessor names an event told as known ("upheld the NEC's disqualification");
    "the death of X" may be news."""
    return any(c.dep_ == "poss" for c in t.children)


def _claims(v: SentenceView, spec: TypeSpec, t: Token, agents: list[Mention], targets: list[Mention],
            tight: bool | str, noun: bool) -> list[Claim]:
    agents = [x for x in agents if agent_ok(spec, x)]
    targets = [x for x in targets if x.entity not in {a.entity for a in agents}]
    required = spec.requires
    # an agentless passive may take its agent from the same kind of event told just before (``implicit``)
    implicit = not agents and not noun and SentenceView.passive(t) and not v.by_agents(t)
    # a trigger with its agent but no target it may name is no event, but tells who acts next ("members
    # were elected by the National Assembly. X was named chair."): a frame for ``implicit``
    frame = "target" in required and not targets and bool(agents)
    if "agent" in required and not agents and not implicit or "target" in required and not targets and not frame \
            or not (agents or targets):
        return []
    pd = v.pd
    if noun and t.dep_ in ("dobj", "pobj") and t.head.pos_ in ("VERB", "ADP") and _known(t) \
            and lemma_of(t.head) not in v.lex.light_verbs:
        # "the court upheld the NEC's disqualification": told before ("announced his resignation" is new)
        tight = "known"
    a, b = v.start(t), v.end(t)
    # a new (indefinite) noun carried by a light verb is dated from the verb ("announced visa restrictions
    # last year"); a known one is not ("upheld the NEC's disqualification on 25 May": an earlier event)
    light = noun and t.dep_ == "dobj" and lemma_of(t.head) in v.lex.light_verbs and not _known(t)
    from_ = min(a, v.start(t.head)) if light else a
    reach = max([b] + [x.end for x in agents + targets if x.start > a and x.end - b < 80])
    found = dates_for(pd, v.sent, from_, reach if tight else b, tight, pd.dates, keep=clause_of(v.doc, v.offset, t))
    if out_of_time(t, v.lex):
        found = [d for d in found if d.start >= a]
    elif not found and tight not in ("adjective", "known"):
        found = document_dated(v, t)  # a news item's own news
    instruments = _instruments(v, t, {x.entity for x in targets})
    ev = pd.src.evidence(v.sent.start, v.sent.end)
    base = [Participant("agent", x.entity) for x in agents] + [Participant("instrument", i.entity)
                                                                for i in instruments]
    attrs = {"trigger": t.lower_} | ({"repeat": True} if repeated(t, v.lex) else {})
    groups = [[x] for x in targets] or [[]]
    office = office_of(v, t) if spec.fills_office and not noun else None
    return [Claim(spec.name, sorted(set(base + [Participant("target", x.entity) for x in g])), ev, ev.document, a,
                  list(found), dict(attrs), implicit_agent=implicit, office=office, frame=frame) for g in groups]


def _attr_ok(v: SentenceView, spec: TypeSpec, t: Token) -> bool:
    words = spec.attr.get(lemma_of(t))
    if not words:
        return True
    return any((c.dep_ in ("attr", "oprd", "acomp", "dobj") or c.dep_ == "prep" and c.lower_ == "as") and any(
        g.lemma_.lower() in words or g.lower_ in words for g in c.subtree) for c in t.children)


_INDEX: dict[int, tuple[Any, ...]] = {}


def _index(lex: Lexicon) -> tuple[dict[str, list[tuple[TypeSpec, tuple[str, ...]]]],
                                  dict[str, list[tuple[TypeSpec, Phrase]]], dict[str, list[TypeSpec]], dict[str, str]]:
    """Trigger lemmas -> the types (and phrases) they may start; inflected forms -> verb lemmas."""
    if id(lex) in _INDEX:
        return _INDEX[id(lex)][:4]
    verbs: dict[str, list[tuple[TypeSpec, tuple[str, ...]]]] = {}
    phrases: dict[str, list[tuple[TypeSpec, Phrase]]] = {}
    nouns: dict[str, list[TypeSpec]] = {}
    inflected: dict[str, str] = {}
    for spec in lex.types:
        for v, rest in spec.verbs:
            verbs.setdefault(v, []).append((spec, rest))
            inflected.update(dict.fromkeys(forms(v), v))
        for ph in spec.phrases:
            for v, _ in ph.verbs:
                if not any(o is ph for _, o in phrases.setdefault(v, [])):
                    phrases[v].append((spec, ph))
                inflected.update(dict.fromkeys(forms(v), v))
        for n in spec.nouns:
            nouns.setdefault(n, []).append(spec)
    _INDEX[id(lex)] = (verbs, phrases, nouns, inflected, lex)  # the lexicon kept alive with its index
    return verbs, phrases, nouns, inflected


def trigger_words(lex: Lexicon) -> frozenset[str]:
    """Every lemma or word form that may start a typed event (to skip sentences quickly)."""
    verbs, phrases, nouns, inflected = _index(lex)
    return frozenset(verbs) | frozenset(phrases) | frozenset(nouns) | frozenset(inflected)


def typed_events(v: SentenceView) -> list[Claim]:
    """The typed event claims of one sentence."""
    out: list[Claim] = []
    lex: Lexicon = v.lex
    verbs, phrases, nouns, inflected = _index(lex)
    for t in v.doc:
        lemma = lemma_of(t)
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            base = lemma if lemma in verbs or lemma in phrases else inflected.get(t.lower_, lemma)
            for spec, ph in phrases.get(base, ()):
                if _verb_matches(t, ph.verbs) is None or hedged(t, lex):
                    continue
                roles = phrase_roles(v, spec, ph, t)
                if roles is not None:
                    out += _claims(v, spec, t, *roles, True, False)
            for spec, _rest in verbs.get(base, ()):
                if _verb_matches(t, spec.verbs) is None or not _attr_ok(v, spec, t):
                    continue
                if t.tag_ == "VB" and t.dep_ in ("xcomp", "advcl", "ROOT") and not any(
                        c.dep_ == "aux" and c.lower_ in ("do", "did", "does") for c in t.children) and not (
                        t.dep_ == "xcomp" and lemma_of(t.head) in lex.implicative_verbs):
                    continue  # "to dissolve", bare "dissolve": what may or should happen
                if hedged(t, lex):
                    continue
                out += _claims(v, spec, t, *verb_roles(v, spec, t), False)
        noun = lemma if lemma in nouns else t.lower_ if t.lower_ in nouns else None
        if t.pos_ in ("NOUN", "PROPN") and noun is not None:
            if v.mention(t) is not None or generic(t, lex) or hedged(t, lex):
                continue
            for spec in nouns[noun]:
                out += _claims(v, spec, t, *noun_roles(v, spec, t), True, True)
    return out
