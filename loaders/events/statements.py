"""Statements of one sentence: who said something (the cue's subject, or `by`/`from` after a stance
noun), with the stance of what was said (cue lemmas under the cue, not negated).

A ForeignActor's statement is a ForeignStatement, anyone else's a Statement. A speaker who is a foreign
state's official ("Japan's foreign ministry spokesman X said", "the US ambassador X said") makes that
state's ForeignStatement, the person kept as ``speaker``. One statement group per sentence: the cue
highest in the tree that has a speaker, and one more for each cue in a clause of its own with another
subject ("X warned that ..., while Y considered that ...").
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from graph.model import Participant
from loaders.actors.mention import Mention
from loaders.dates.attach import count_words, dates_for
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.events.modality import hedged
from loaders.events.newsdate import document_dated
from loaders.events.publisher import is_publisher, publishers
from loaders.events.view import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token


def _stance_lemmas(v: SentenceView) -> frozenset[str]:
    return frozenset().union(*(s.lemmas for s in v.lex.stances))


def _cue(v: SentenceView, t: Token) -> bool:
    lex = v.lex
    lemma = t.lemma_.lower()
    if t.pos_ in ("VERB", "AUX") or t.tag_.startswith("VB"):
        if lemma in lex.stmt_verbs or lemma in _stance_lemmas(v) and t.pos_ == "VERB":
            return True
        need = lex.stmt_complement_verbs.get(lemma)
        if need and _has_complement(t, need):
            return True  # "X found that ...", not "X found the documents"
        if lemma in lex.stmt_noun_verbs and any(c.dep_ == "dobj" and c.lemma_.lower() in lex.stmt_nouns
                                                 for c in t.children):
            return True
    if t.pos_ == "NOUN" and lemma in _stance_lemmas(v) and v.prep_objects(t, lex.stmt_agent_preps):
        return True  # "congratulations from X", "condemnation by X"
    # "the State Department's comments", "a comment from X"; not "stations carrying reports from X"
    if t.pos_ == "NOUN" and lemma in lex.stmt_nouns and (_possessors(t) or v.prep_objects(
            t, lex.stmt_agent_preps) and any(c.dep_ == "det" for c in t.children)) and not (
            t.dep_ == "dobj" and t.head.lemma_.lower() in lex.stmt_noun_verbs):
        return True  # "the State Department's comments"; "X issued its statement" is the verb's
    return (t.lower_ in lex.stance_adjectives or lemma in lex.stance_adjectives) and (
        t.dep_ in ("acomp", "ROOT", "ccomp", "conj") or SentenceView.passive(t))


def _possessors(t: Token) -> list[Token]:
    """The possessors of a noun that are names, not pronouns ("the ministry's statement", not "its")."""
    return [c for c in t.children if c.dep_ == "poss" and c.pos_ != "PRON"]


def _has_complement(t: Token, need: frozenset[str]) -> bool:
    """``t`` has a complement of a kind in ``need``: a dependency label, a preposition under it or under
    its object ("threatened them with arrest"), or its object's lemma ("threatened legal action")."""
    for c in t.children:
        if c.dep_ in need or c.dep_ == "prep" and c.lower_ in need:
            return True
        if c.dep_ == "dobj" and (c.lemma_.lower() in need or any(
                g.dep_ == "prep" and g.lower_ in need for g in c.children)):
            return True
    return False


def _hedged(v: SentenceView, t: Token) -> bool:
    """A cue in a clause with its own subject ("..., while X considered that") is hedged by what is in
    that clause only, not by the cue of the clause it hangs from ("warned that ..., while ...")."""
    own = t.dep_ in ("advcl", "conj", "parataxis") and any(c.dep_ in ("nsubj", "nsubjpass") for c in t.children)
    if not own:
        return hedged(t, v.lex)
    lex = v.lex
    return any(c.dep_ == "aux" and c.lower_ in lex.modals or c.dep_ == "neg" or
               c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in t.children)


def _negated(t: Token) -> bool:
    return any(c.dep_ == "neg" for c in t.children) or any(c.dep_ == "neg" for c in t.head.children) and \
        t.dep_ in ("acomp", "xcomp", "dobj")


def _stance(v: SentenceView, t: Token, subj: Token | None) -> str | None:
    # the speaker's words are not what was said; a speaker the cue's clause modifies ("the Embassy,
    # which hailed ...") is its ancestor: only the speaker's own word is left out then
    skip: set[int] = set()
    if subj is not None:
        skip = {subj.i} if t in subj.subtree else {x.i for x in subj.subtree}
    skip |= _other_clauses(t)
    words = [x for x in [t, *t.subtree] if x.i not in skip]
    if not words:
        return None
    lo = min(x.idx for x in words)
    hi = max(x.idx + len(x.text) for x in words)
    text = v.doc.text[lo:hi]
    for s in v.lex.stances:
        if any((x.lemma_.lower() in s.lemmas or x.lower_ in s.lemmas) and not _negated(x) for x in words):
            return s.name
        if s.phrases is not None and s.phrases.search(text):
            return s.name
    return None


def _about(v: SentenceView, t: Token, subj: Token | None, speakers: set[str]) -> list[Mention]:
    """Whom a statement is about: the cue's object ("congratulated the party and its leader"), else the
    first actor named in what was said (the cue's clausal or prepositional complement)."""
    lex = v.lex
    types = lex.foreign_agent | lex.domestic_agent | frozenset({"Law"})
    for o in v.children(t, "dobj"):
        if o.lemma_.lower() in lex.stmt_nouns:  # "offered its congratulations to X", "sent a letter to X"
            to = [m for g in v.prep_objects(o, {"to"}) for m in v.fillers(g, types) if m.entity not in speakers]
            if to:
                return to
            continue
        found = [m for m in v.fillers(o, types) if m.entity not in speakers]
        if found:
            return found
    skip = {x.i for x in subj.subtree} if subj is not None else set()
    skip |= _other_clauses(t)
    for c in t.children:  # "estimates this law undermines ...": the subject of what was said, named before
        for s in (g for g in c.children if c.dep_ == "ccomp" and g.dep_ in ("nsubj", "nsubjpass")
                  and g.pos_ != "PRON"):  # not "acknowledged it was too early"
            found = [m for m in v.fillers(s, types) if m.entity not in speakers]
            if found:
                return found
    for c in t.children:
        if (c.dep_ in ("ccomp", "prep", "xcomp", "dobj", "dative") or c.dep_ == "conj" and c.pos_ == "VERB") \
                and c.i not in skip:
            for x in c.subtree:
                if x.i in skip:
                    continue
                m = v.mention(x)
                if m is not None and m.type in types and m.entity not in speakers and not _in_parens(v, x):
                    return [m]
    return []


def _other_clauses(t: Token) -> set[int]:
    """Tokens under ``t`` in a clause with its own subject that is not what was said ("..., while the US
    accused ...")."""
    out: set[int] = set()
    for x in t.subtree:
        if x.i != t.i and x.dep_ in ("advcl", "conj", "parataxis") and any(
                g.dep_ in ("nsubj", "nsubjpass") for g in x.children):
            out |= {y.i for y in x.subtree}
    return out


def _in_parens(v: SentenceView, x: Token) -> bool:
    """A name inside brackets (a citation, "(Ministry of ...)") is not what was said."""
    before = v.doc.text[:x.idx]
    return before.count("(") > before.count(")")


def _speaker(v: SentenceView, subj: Token) -> tuple[list[Mention], Mention | None]:
    """The speakers a subject names, and a person speaking for a foreign state, if one does."""
    lex = v.lex
    types = lex.foreign_agent | lex.domestic_agent
    found = v.fillers(subj, types)
    if not found and subj.lower_ == "we":
        return list(publishers(v.pd)), None  # "We regret ...": the document's publisher
    head = v.mention(subj)
    person = found[0] if found and found[0].type == "Person" else None
    official = subj.lemma_.lower() in lex.official_nouns or any(
        c.lemma_.lower() in lex.official_nouns for c in subj.children if c.dep_ in ("compound", "amod", "appos"))
    if head is not None and head.type in lex.foreign_agent:
        return found, None  # "the US State Department said": the department itself is known
    if person is not None or official or not found:
        for s in subj.subtree:
            m = v.mention(s)
            if m is not None and m.type in lex.foreign_agent and s.dep_ in ("poss", "compound", "amod", "pobj", "nmod"):
                return [m], person
    return found, None


def statements(v: SentenceView) -> list[Claim]:
    cues = [t for t in v.doc if _cue(v, t)]
    cues.sort(key=lambda t: (len(list(t.ancestors)), t.i))
    out: list[Claim] = []
    covered: set[int] = set()  # what a statement already found says (its cue's clause)
    for t in cues:
        if t.i in covered:
            continue
        group = _group(v, t)
        if group:
            out += group
            covered |= {x.i for x in t.subtree} - _other_clauses(t)
    return out


def _group(v: SentenceView, t: Token) -> list[Claim]:
    """The statements of one cue: one per speaker (none when hedged or without a speaker)."""
    lex = v.lex
    if _hedged(v, t):
        return []
    if SentenceView.passive(t) and t.lower_ not in lex.stance_adjectives and t.lemma_.lower() not in \
            lex.stance_adjectives:
        return []  # "results announced by": not the subject speaking
    subj = None if t.pos_ == "NOUN" else v.subject(t if t.dep_ != "acomp" else t.head)
    if subj is not None and subj.pos_ == "PRON" and subj.lower_ in ("it", "they"):
        return []  # "It also expressed ...": who "it" is needs more than the sentence
    agents: list[Mention] = []
    speaker: Mention | None = None
    if subj is not None:
        agents, speaker = _speaker(v, subj)
    if not agents and t.pos_ == "NOUN":
        for p in _possessors(t):
            agents, speaker = _speaker(v, p)
            if agents:
                break
    if not agents:
        for by in v.prep_objects(t, lex.stmt_agent_preps):
            agents, speaker = _speaker(v, by)
            if agents:
                break
    if not agents:
        return []
    spoke = v.pd.spokes_for
    if speaker is None and len(agents) == 1 and agents[0].entity in spoke:
        # "Miller noted ...": a person who spoke for a foreign state earlier in the document still does
        speaker, agents = agents[0], [spoke[agents[0].entity]]
    stance = _stance(v, t, subj)
    about = _about(v, t, subj, {x.entity for x in agents} | ({speaker.entity} if speaker else set()))
    a = v.start(t)
    pd = v.pd
    own_voice = any(is_publisher(pd, x.entity) for x in agents)
    found = _statement_dates(v, t, own_voice)
    ev = pd.src.evidence(v.sent.start, v.sent.end)
    out = []
    for x in agents:
        type_ = "ForeignStatement" if x.type in lex.foreign_agent else "Statement"
        attrs: dict[str, Any] = {"trigger": t.lower_}
        if stance:
            attrs["stance"] = stance
        parts = [Participant("agent", x.entity)]
        if speaker is not None and type_ == "ForeignStatement":
            parts.append(Participant("speaker", speaker.entity))
            spoke.setdefault(speaker.entity, x)
        parts += [Participant("target", m.entity) for m in about]
        out.append(Claim(type_, parts, ev, ev.document, a, list(found), attrs))
    return out


def _statement_dates(v: SentenceView, t: Token, publisher: bool) -> list[DateExpr]:
    """A statement's dates. Not a date inside what was said ("X noted that the 2016 lists ..."), unless
    it names the election spoken of ("X is troubled that the July 23 elections were ..."): the statement
    is made on that day or after. In a dated news item or statement the document's date is the
    statement's, unless a date stands before the cue or right after it ("said on Monday"). The
    publisher's own statement in its document ("ANFREL found that the election of 23 July will ...") is
    dated by the document when the sentence does not date it outside what was said."""
    pd = v.pd
    a, b = v.start(t), v.end(t)
    said = [(v.start(x.left_edge), v.end(x.right_edge)) for x in t.children if x.dep_ == "ccomp"]
    # a year naming a thing ("its report on the 2023 general election on 5 July") dates no statement
    naming = {v.start(x): v.start(x.head) for x in v.doc if x.dep_ in ("nummod", "compound", "amod")
              and x.like_num and x.head.pos_ in ("NOUN", "PROPN")}
    dates = [d for d in pd.dates if (d.start not in naming or d.start <= naming[d.start] < d.end) and (
        not any(lo <= d.start < hi for lo, hi in said) or d.role == "election" and not publisher)]
    found = dates_for(pd, v.sent, a, b, False, dates)
    own = document_dated(v, t)
    if not own:
        if publisher and not found and pd.document.published is not None:
            return [DateExpr(a, a, "(document date)", "document", offset=0)]
        return found
    text = pd.text
    kept = [d for d in found if d.kind != "loose" and (
        d.end <= a or count_words(text[b:d.start]) <= 4 and "that" not in text[b:d.start].split())]
    return kept or own
