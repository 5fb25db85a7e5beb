"""Roles of a typed event's trigger, read from the dependency tree.

- verb, active: subject -> agent, object -> target ("the court dissolved the party"); passive:
  `by`-agent -> agent, passive subject -> target; a participle modifying a name ("the dissolved CNRP",
  "VOD, shut down by the ministry") targets that name; with ``subject_is_target`` the subject is the
  target ("X became chair"); a subject that is another event's noun lends that event's agent ("the
  court ruling banned X");
- noun: `of`/`against`/`on`/`into`/`to` complement -> target, `by`/`from` complement or possessor ->
  agent (a possessor alone of a target type is the target: "the CNRP's dissolution"); a noun that is a
  light verb's object takes that verb's subject as agent ("filed a lawsuit against X");
- phrase: the verb's subject -> agent; the object's possessor or complement, the verb's `on`/`against`
  complement, or the infinitive's object -> target.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.actors.mention import Mention
from loaders.events.lexicon import Phrase, TypeSpec
from loaders.events.view import SentenceView
from loaders.lexicon import actor_by_name

if TYPE_CHECKING:
    from spacy.tokens import Token

TARGET_PREPS = frozenset({"of", "against", "on", "into", "to", "for"})
AGENT_PREPS = frozenset({"by", "from"})
_OBJECTS = ("dobj", "dative", "attr", "oprd")


def lemma_of(t: Token) -> str:
    return t.lemma_.lower()


def _other_event_noun(v: SentenceView, spec: TypeSpec, t: Token) -> bool:
    """``t`` heads another event type's noun ("the 2017 amendments to the LPP were enacted")."""
    lemma = lemma_of(t)
    return t.pos_ == "NOUN" and any(lemma in o.nouns for o in v.lex.types if o is not spec)


def agent_ok(spec: TypeSpec, m: Mention) -> bool:
    return not spec.agent_words or any(w in m.name.lower().split() for w in spec.agent_words)

def verb_roles(v: SentenceView, spec: TypeSpec, t: Token) -> tuple[list[Mention], list[Mention], bool | str]:
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
        if lemma_of(t) in spec.subject_is_target:
            targets = v.fillers(sj, spec.target) if sj is not None else []
            # "became the NEC chair appointed by the National Assembly"
            for c in v.children(t, "attr", "oprd"):
                for acl in v.children(c, "acl"):
                    for by in v.prep_objects(acl, AGENT_PREPS):
                        agents = agents or v.fillers(by, spec.agent)
        else:
            agents = v.fillers(sj, spec.agent, spec.group_nouns) if sj is not None else \
                _left_in_subtree(v, t, spec.agent)
            if not agents and sj is not None and any(lemma_of(sj) in o.nouns for o in v.lex.types):
                agents = nominal_agent(v, spec, sj)  # "the court ruling banned X": the ruling's author acts
            for o in v.children(t, *_OBJECTS):
                if not _object_ok(v, spec, t, o):
                    return [], [], tight
                # "upheld the ban on X": the object's complement names who it is about
                targets = v.fillers(o, spec.target, spec.group_nouns) or _complement(v, spec, o, True)
                if targets:
                    break
            for c in v.children(t, "ccomp", "oprd"):  # "found X guilty": the small clause's subject
                if not targets and c.pos_ in ("ADJ", "NOUN"):
                    for s in v.children(c, "nsubj"):
                        targets = targets or v.fillers(s, spec.target, spec.group_nouns)
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
    heads = spec.object_heads.get(lemma_of(t))
    if not heads:
        return True
    m = v.mention(o)
    return (m is not None and m.type == "Person") or lemma_of(o) in heads or any(
        c.dep_ == "prt" and c.lower_ in heads for c in t.children)


def noun_roles(v: SentenceView, spec: TypeSpec, t: Token) -> tuple[list[Mention], list[Mention]]:
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
    agents = nominal_agent(v, spec, t)
    if not targets:
        for o in v.prep_objects(t, frozenset({"as", "from"})):  # "X's resignation as CNRP chairman"
            targets = v.fillers(o, spec.target, spec.group_nouns, person_nouns=False)
            if targets:
                break
    if not agents:
        for o in v.prep_objects(t, frozenset({"of"})):  # "the ruling of the Supreme Court against X"
            agents = [m for m in v.fillers(o, spec.agent) if m.entity not in {x.entity for x in targets}
                      and agent_ok(spec, m) and m.type not in spec.target]
            if agents:
                break
    for p in v.children(t, "poss"):
        if not agents and (targets or not v.fillers(p, spec.target)):
            agents = v.fillers(p, spec.agent)
        if not targets and not agents:
            targets = v.fillers(p, spec.target, spec.group_nouns)
    gov = t.head
    if not targets and t.dep_ == "nsubj" and gov.pos_ == "VERB":
        for o in v.children(gov, "dobj"):  # "the ruling banned X": what the event did, it did to X
            targets = v.fillers(o, spec.target, spec.group_nouns)
    if not targets and t.dep_ == "dobj" and lemma_of(gov) in v.lex.undergo_verbs and spec.undergone:
        s = v.subject(gov)  # "X is facing charges"
        targets = v.fillers(s, spec.target, spec.group_nouns) if s is not None else []
    if not agents:
        if t.dep_ in ("dobj", "nsubjpass") and lemma_of(gov) in v.lex.light_verbs:
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
    for acl in v.children(t, "acl"):  # "a lawsuit brought by X against Y", "the complaint filed by X"
        if lemma_of(acl) in v.lex.light_verbs:
            for by in v.by_agents(acl):
                agents = agents or v.fillers(by, spec.agent)
            for o in v.prep_objects(acl, frozenset({"against", "on", "into"})):
                targets = targets or v.fillers(o, spec.target, spec.group_nouns)
    return agents, targets


def phrase_roles(v: SentenceView, spec: TypeSpec, ph: Phrase, t: Token) -> tuple[list[Mention], list[Mention]] | None:
    """``t`` is the phrase's verb: its object or infinitive must be there."""
    passive = SentenceView.passive(t)
    obj: Token | None = None
    inf: Token | None = None
    if ph.objects:
        cands = [c for c in t.children if c.dep_ in ("dobj", "pobj", "attr", "nsubjpass")]
        cands += [g for c in t.children if c.dep_ in ("prep", "prt") for g in c.children if g.dep_ == "pobj"]
        obj = next((c for c in cands if lemma_of(c) in ph.objects), None)
        if obj is None:
            return None
        if ph.object_words and not any(c.lower_ in ph.object_words for c in obj.children):
            return None
    if ph.xcomps:
        inf = next((c for c in t.children if c.dep_ == "xcomp" and lemma_of(c) in ph.xcomps), None)
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


def nominal_agent(v: SentenceView, spec: TypeSpec, t: Token) -> list[Mention]:
    """Who a noun's event is by: its `by`/`from` complement, or a common noun compounded with it that
    stands for a body named before ("the court ruling" after "the Supreme Court")."""
    for by in v.prep_objects(t, AGENT_PREPS):
        agents = v.fillers(by, spec.agent)
        if agents:
            return agents
    for c in t.children:
        if c.dep_ == "compound" and c.pos_ == "NOUN" and v.mention(c) is None:
            found = [m for m in v.definite(c, spec.agent) if agent_ok(spec, m)]
            if found:
                return found
    return []
