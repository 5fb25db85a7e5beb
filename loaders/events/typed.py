"""Typed events (dissolutions, convictions, closures, ...) of one sentence, from its parse.

A trigger is a token whose lemma is one of a type's verbs or nouns, or a verb with the object (or
infinitive) of one of its phrases. Roles come from the tree:

- verb, active: subject -> agent, object -> target ("the court dissolved the party"); passive:
  `by`-agent -> agent, passive subject -> target; a participle modifying a name ("the dissolved CNRP",
  "VOD, shut down by the ministry") targets that name; with ``subject_is_target`` the subject is the
  target ("X became chair");
- noun: `of`/`against`/`on`/`into`/`to` complement -> target, `by`/`from` complement or possessor ->
  agent (a possessor alone of a target type is the target: "the CNRP's dissolution"); a noun that is a
  light verb's object takes that verb's subject as agent ("filed a lawsuit against X");
- phrase: the verb's subject -> agent; the object's possessor or complement, the verb's `on`/`against`
  complement, or the infinitive's object -> target;
- `under`/`citing` a law anywhere under the trigger's clause -> instrument.

A trigger under a modal, negation, condition or hedging word makes no event (``modality``).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING, Any

from graph.model import Participant
from loaders.actors.mention import Mention
from loaders.dates.attach import dates_for
from loaders.events.claim import Claim
from loaders.events.lexicon import Lexicon, Phrase, TypeSpec
from loaders.events.modality import generic, hedged, out_of_time, repeated
from loaders.events.newsdate import document_dated
from loaders.events.view import SentenceView
from loaders.lexicon import actor_by_name

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = frozenset({"of", "against", "on", "into", "to", "for"})
AGENT_PREPS = frozenset({"by", "from"})
_OBJECTS = ("dobj", "dative", "attr", "oprd")
_CUE_DEPS = frozenset({"prep", "advcl", "acl", "pcomp", "amod", "xcomp"})


def _lemma(t: Token) -> str:
    return t.lemma_.lower()


@cache
def forms(lemma: str) -> frozenset[str]:
    """Regular inflections of a verb lemma, for words the lemmatizer does not know ("deregistered")."""
    stem = lemma[:-1] if lemma.endswith("e") else lemma
    out = {lemma, lemma + "s", lemma + "es", stem + "ed", stem + "ing"}
    if len(lemma) > 2 and lemma[-1] not in "aeiouwxy" and lemma[-2] in "aeiou" and lemma[-3] not in "aeiou":
        out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}
    return frozenset(out)


def _verb_matches(t: Token, verbs: tuple[tuple[str, tuple[str, ...]], ...]) -> tuple[str, ...] | None:
    lemma = _lemma(t)
    for v, rest in verbs:
        if (v == lemma or t.lower_ in forms(v)) and SentenceView.has_particle(t, rest):
            return rest
    return None


def _other_event_noun(v: SentenceView, spec: TypeSpec, t: Token) -> bool:
    """``t`` heads another event type's noun ("the 2017 amendments to the LPP were enacted")."""
    lemma = _lemma(t)
    return t.pos_ == "NOUN" and any(lemma in o.nouns for o in v.lex.types if o is not spec)


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


def _agent_ok(spec: TypeSpec, m: Mention) -> bool:
    return not spec.agent_words or any(w in m.name.lower().split() for w in spec.agent_words)


def _verb_roles(v: SentenceView, spec: TypeSpec, t: Token) -> tuple[list[Mention], list[Mention], bool | str]:
    agents: list[Mention] = []
    targets: list[Mention] = []
    tight: bool | str = False
    if t.dep_ == "amod" and t.tag_ == "VBN":
        return [], v.fillers(t.head, spec.target, spec.group_nouns), "adjective"
    if SentenceView.passive(t):
        subj = sorted(v.children(t, "nsubjpass", "nsubj"), key=lambda x: abs(t.i - x.i))
        if subj:
            for near in subj:  # the closest first ("Cambodia: in 2019, the party was dissolved")
                if _other_event_noun(v, spec, near):
                    break
                targets = v.fillers(near, spec.target, spec.group_nouns)
                if targets:
                    break
        elif t.dep_ in ("acl", "relcl", "advcl") and t.head.i != t.i:
            targets = v.fillers(t.head if t.dep_ != "advcl" else (v.subject(t.head) or t.head), spec.target,
                                spec.group_nouns)
        elif t.dep_ == "conj":
            s = v.subject(t)
            targets = v.fillers(s, spec.target, spec.group_nouns) if s is not None else []
        else:
            # a passive the parser left without its subject ("Five months before the election, VOD was
            # shut down", the name read as an apposition): the nearest name before it in its clause
            targets = _left_in_subtree(v, t, spec.target)
        if not targets:
            # "several bills were adopted, including X and Y": the examples hang from the verb
            for o in v.prep_objects(t, frozenset({"including"})):
                targets = v.fillers(o, spec.target, spec.group_nouns)
        for by in v.by_agents(t) or v.prep_objects(t, frozenset({"from"})):
            agents = v.fillers(by, spec.agent)
            if agents:
                break
    else:
        sj = v.subject(t)
        if _lemma(t) in spec.subject_is_target:
            targets = v.fillers(sj, spec.target) if sj is not None else []
            # "became the NEC chair appointed by the National Assembly"
            for c in v.children(t, "attr", "oprd"):
                for acl in v.children(c, "acl"):
                    for by in v.prep_objects(acl, AGENT_PREPS):
                        agents = agents or v.fillers(by, spec.agent)
        else:
            agents = v.fillers(sj, spec.agent, spec.group_nouns) if sj is not None else \
                _left_in_subtree(v, t, spec.agent)
            for o in v.children(t, *_OBJECTS):
                if not _object_ok(v, spec, t, o):
                    return [], [], tight
                # "upheld the ban on X": the object's complement names who it is about
                targets = v.fillers(o, spec.target, spec.group_nouns) or _complement(v, spec, o, True)
                if targets:
                    break
            if not targets:
                # "resigned as CNRP president", "resigned from the party": the body left
                for o in v.prep_objects(t, frozenset({"as", "from"})):
                    targets = v.fillers(o, spec.target, spec.group_nouns, person_nouns=False)
                    if targets:
                        break
            if not targets:
                # "cracked down on X", "stripped X of": a complement of the verb
                for o in v.prep_objects(t, frozenset({"on", "against", "to"})):
                    targets = v.fillers(o, spec.target, spec.group_nouns)
                    if targets:
                        break
    return agents, targets, tight


def _left_in_subtree(v: SentenceView, t: Token, types: frozenset[str]) -> list[Mention]:
    """A verb the parser left without its subject ("after the Council last week upheld", the name read
    as the complement of "after"): the nearest name of an allowed type before it, under it."""
    for x in reversed([x for x in t.subtree if x.i < t.i]):
        m = v.mention(x)
        if m is not None and m.type in types:
            return [m]
    return []


def _complement(v: SentenceView, spec: TypeSpec, o: Token, events_too: bool = False) -> list[Mention]:
    """"the websites of X", "the media licence of X": a common noun's complement names whom it is about
    (with ``events_too``, also another event's noun: "upheld the conviction of X")."""
    if v.mention(o) is not None or o.pos_ != "NOUN" or not events_too and _other_event_noun(v, spec, o) or \
            o.lemma_.lower() in v.lex.possessed_persons:
        return []
    for c in v.prep_objects(o, TARGET_PREPS):
        found = v.fillers(c, spec.target, spec.group_nouns) or _complement(v, spec, c)
        if found:
            return found
    for p in v.children(o, "poss"):
        found = v.fillers(p, spec.target, spec.group_nouns)
        if found:
            return found
    return []


def _object_ok(v: SentenceView, spec: TypeSpec, t: Token, o: Token) -> bool:
    """For verbs listed in ``object_heads`` ("beat"), the object must be a person or one of the nouns."""
    heads = spec.object_heads.get(_lemma(t))
    if not heads:
        return True
    m = v.mention(o)
    return (m is not None and m.type == "Person") or _lemma(o) in heads or any(
        c.dep_ == "prt" and c.lower_ in heads for c in t.children)


def _noun_roles(v: SentenceView, spec: TypeSpec, t: Token) -> tuple[list[Mention], list[Mention]]:
    agents: list[Mention] = []
    targets: list[Mention] = []
    for o in v.prep_objects(t, TARGET_PREPS):
        if _other_event_noun(v, spec, o):
            return [], []  # "the adoption of amendments to the LEMNA": the amendment is what is reported
        targets = v.fillers(o, spec.target, spec.group_nouns) or _complement(v, spec, o)
        if targets:
            break
    if not targets:
        for c in t.children:
            if c.dep_ in ("compound", "amod", "nmod"):
                m = v.mention(c)
                if m is not None and m.type in spec.target:
                    targets = [m]
                    break
                if c.lower_ in spec.implied_target:
                    type_, name = spec.implied_target[c.lower_]
                    actor = actor_by_name(type_, name)
                    if actor is not None:
                        targets = [Mention(v.start(c), v.end(c), actor.id, actor.type, actor.name, "implied")]
                        break
    for by in v.prep_objects(t, AGENT_PREPS):
        agents = v.fillers(by, spec.agent)
        if agents:
            break
    if not targets:
        for o in v.prep_objects(t, frozenset({"as", "from"})):  # "X's resignation as CNRP chairman"
            targets = v.fillers(o, spec.target, spec.group_nouns, person_nouns=False)
            if targets:
                break
    if not agents:
        for o in v.prep_objects(t, frozenset({"of"})):  # "the ruling of the Supreme Court against X"
            agents = [m for m in v.fillers(o, spec.agent) if m.entity not in {x.entity for x in targets}
                      and _agent_ok(spec, m) and m.type not in spec.target]
            if agents:
                break
    for p in v.children(t, "poss"):
        if not agents and (targets or not v.fillers(p, spec.target)):
            agents = v.fillers(p, spec.agent)
        if not targets and not agents:
            targets = v.fillers(p, spec.target, spec.group_nouns)
    gov = t.head
    if not targets and t.dep_ == "dobj" and _lemma(gov) in v.lex.undergo_verbs:
        s = v.subject(gov)  # "X is facing charges"
        targets = v.fillers(s, spec.target, spec.group_nouns) if s is not None else []
    if not agents:
        if t.dep_ in ("dobj", "nsubjpass") and _lemma(gov) in v.lex.light_verbs:
            if t.dep_ == "dobj":
                s = v.subject(gov)
                agents = v.fillers(s, spec.agent) if s is not None else []
            else:
                for by in v.prep_objects(gov, AGENT_PREPS):
                    agents = v.fillers(by, spec.agent)
                    if agents:
                        break
        if t.dep_ == "dobj" and not targets:
            for o in v.prep_objects(gov, frozenset({"against", "on", "into"})):
                targets = v.fillers(o, spec.target, spec.group_nouns)
                if targets:
                    break
    return agents, targets


def _phrase_roles(v: SentenceView, spec: TypeSpec, ph: Phrase, t: Token) -> tuple[list[Mention], list[Mention]] | None:
    """``t`` is the phrase's verb: its object or infinitive must be there."""
    passive = SentenceView.passive(t)
    obj: Token | None = None
    inf: Token | None = None
    if ph.objects:
        cands = [c for c in t.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")]
        cands += [g for c in t.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
        obj = next((c for c in cands if _lemma(c) in ph.objects), None)
        if obj is None:
            return None
        if ph.object_words and not any(c.lower_ in ph.object_words for c in obj.children):
            return None
    if ph.xcomps:
        inf = next((c for c in t.children if c.dep_ == "xcomp" and _lemma(c) in ph.xcomps), None)
        if inf is None:
            return None
    agents: list[Mention] = []
    targets: list[Mention] = []
    subj = v.subject(t)
    if passive:
        for by in v.prep_objects(t, AGENT_PREPS):
            agents = v.fillers(by, spec.agent)
            if agents:
                break
    elif subj is not None and not ph.target_is_subject:
        agents = v.fillers(subj, spec.agent)
    if ph.target_is_subject and subj is not None:
        targets = v.fillers(subj, spec.target)
    if inf is not None and not targets:
        for o in v.children(inf, "dobj"):
            targets = v.fillers(o, spec.target, spec.group_nouns) or _complement(v, spec, o)
    if passive and not targets:
        for sj in v.children(t, "nsubjpass"):  # "X was forced to close", "X was taken off the air"
            if obj is None or sj.i != obj.i:
                targets = v.fillers(sj, spec.target, spec.group_nouns)
    if obj is not None and not targets:
        for p in v.children(obj, "poss"):
            targets = v.fillers(p, spec.target, spec.group_nouns)
        if not targets:
            for o in v.prep_objects(obj, TARGET_PREPS | AGENT_PREPS):
                targets = v.fillers(o, spec.target, spec.group_nouns)
                if targets:
                    break
    if obj is not None and not targets:
        targets = v.fillers(obj, spec.target, spec.group_nouns)  # "the appeal of the lawmaker, X"
    if not targets:
        for o in v.prep_objects(t, frozenset({"on", "against", "to", "for", "of"})):
            targets = v.fillers(o, spec.target, spec.group_nouns)
            if targets:
                break
    if not targets and not passive:
        for o in v.children(t, "dobj", "dative"):
            if obj is None or o.i != obj.i:
                targets = v.fillers(o, spec.target, spec.group_nouns)
    return agents, targets


def _claims(v: SentenceView, spec: TypeSpec, t: Token, agents: list[Mention], targets: list[Mention],
            tight: bool | str, noun: bool) -> list[Claim]:
    agents = [x for x in agents if _agent_ok(spec, x)]
    targets = [x for x in targets if x.entity not in {a.entity for a in agents}]
    required = spec.requires
    if "agent" in required and not agents or "target" in required and not targets or not (agents or targets):
        return []
    pd = v.pd
    a, b = v.start(t), v.end(t)
    reach = max([b] + [x.end for x in agents + targets if x.start > a and x.end - b < 80])
    found = dates_for(pd, v.sent, a, reach if tight else b, tight, pd.dates)
    if out_of_time(t, v.lex):
        found = [d for d in found if d.start >= a]
    elif not found and tight != "adjective":
        found = document_dated(v, t)  # a news item's own news
    instruments = _instruments(v, t, {x.entity for x in targets})
    ev = pd.src.evidence(v.sent.start, v.sent.end)
    base = [Participant("agent", x.entity) for x in agents] + [Participant("instrument", i.entity)
                                                                for i in instruments]
    attrs = {"trigger": t.lower_} | ({"repeat": True} if repeated(t, v.lex) else {})
    groups = [[x] for x in targets] or [[]]
    return [Claim(spec.name, sorted(set(base + [Participant("target", x.entity) for x in g])), ev, ev.document, a,
                  list(found), dict(attrs)) for g in groups]


def _attr_ok(v: SentenceView, spec: TypeSpec, t: Token) -> bool:
    words = spec.attr.get(_lemma(t))
    if not words:
        return True
    return any(c.dep_ in ("attr", "oprd", "acomp", "dobj") and any(
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
        lemma = _lemma(t)
        if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
            base = lemma if lemma in verbs or lemma in phrases else inflected.get(t.lower_, lemma)
            for spec, ph in phrases.get(base, ()):
                if _verb_matches(t, ph.verbs) is None or hedged(t, lex):
                    continue
                roles = _phrase_roles(v, spec, ph, t)
                if roles is not None:
                    out += _claims(v, spec, t, *roles, True, False)
            for spec, _rest in verbs.get(base, ()):
                if _verb_matches(t, spec.verbs) is None or not _attr_ok(v, spec, t):
                    continue
                if t.tag_ == "VB" and t.dep_ in ("xcomp", "advcl", "ROOT") and not any(
                        c.dep_ == "aux" and c.lower_ in ("do", "did", "does") for c in t.children) and not (
                        t.dep_ == "xcomp" and _lemma(t.head) in lex.implicative_verbs):
                    continue  # "to dissolve", bare "dissolve": what may or should happen
                if hedged(t, lex):
                    continue
                out += _claims(v, spec, t, *_verb_roles(v, spec, t), False)
        noun = lemma if lemma in nouns else t.lower_ if t.lower_ in nouns else None
        if t.pos_ in ("NOUN", "PROPN") and noun is not None:
            if v.mention(t) is not None or generic(t, lex) or hedged(t, lex):
                continue
            for spec in nouns[noun]:
                out += _claims(v, spec, t, *_noun_roles(v, spec, t), True, True)
    return out
