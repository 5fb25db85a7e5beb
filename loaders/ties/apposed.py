"""Ties read from the parse: a person's title in an apposition or before the name, with the body it
belongs to as a possessor, a compound or an `of` complement: "Sok Eysan, spokesman of the ruling
party", "Japan's foreign minister Taro Kono", "CPP spokesperson Sok Eysan", "Hun Sen's adviser X".

The role is a body role of ``roles.yaml`` ("spokesman" -> ``spokesperson``); for a foreign state or
body, a title among the officials' nouns of ``events.yaml`` ("foreign minister") is the role
``official`` with the title kept. The body is read as events read their roles (``SentenceView``):
a name, a definite noun for a body named before, or "the ruling party" at the passage's year.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from graph.ids import membership_id
from graph.model import Membership
from loaders.actors.mention import Mention
from loaders.events.lexicon import lexicon
from loaders.events.view import SentenceView
from loaders.factlog import FactLog
from loaders.lexicon import is_known
from loaders.ties.offices import role_of_noun

if TYPE_CHECKING:
    from spacy.tokens import Token

    from loaders.parse.document import ParsedDocument

BODY_TYPES = frozenset({"Institution", "Party", "Organization", "MediaOutlet", "ForeignActor"})
FORMER_WORDS = frozenset({"former", "ex", "then", "ex-"})
"""A title's modifiers that put the tie in the past (as ``memberships.FORMER`` does for its patterns)."""


def _title_nouns(v: SentenceView, head: Token, m: Mention) -> list[Token]:
    """Nouns in apposition with the name, or titles compounded before it."""
    out = [c for c in head.children if c.dep_ in ("appos", "compound") and c.pos_ == "NOUN"
           and v.mention(c) is None]
    if head.dep_ == "appos" and head.head.pos_ == "NOUN" and v.mention(head.head) is None:
        out.append(head.head)
    return out


def _body(v: SentenceView, noun: Token, person: str) -> Mention | None:
    for c in noun.children:
        if c.dep_ in ("poss", "compound", "amod", "nmod"):
            found = [x for x in v.fillers(c, BODY_TYPES) if x.entity != person]
            if found:
                return found[0]
    for o in v.prep_objects(noun, {"of", "for", "at"}):
        found = [x for x in v.fillers(o, BODY_TYPES) if x.entity != person]
        if found:
            return found[0]
    return None


def _heads(v: SentenceView) -> list[tuple[Token, Mention]]:
    """Each person mention's head token (the one whose head lies outside the name)."""
    out = []
    for i, m in v.by_token.items():
        t = v.doc[i]
        if m.type == "Person" and v.by_token.get(t.head.i) is not m or t.head.i == t.i and m.type == "Person":
            out.append((t, m))
    return out


def extract_apposed(pd: ParsedDocument, facts: FactLog) -> None:
    """Add to ``facts`` the ties that titles in appositions and before names state."""
    lex = lexicon()
    for i, sent in enumerate(pd.seg.sentences):
        if not pd.scope[sent.paragraph]:
            continue
        v = SentenceView(pd, i, lex)
        for head, person in _heads(v):
            for noun in _title_nouns(v, head, person):
                body = _body(v, noun, person.entity)
                if body is None:
                    continue
                role = role_of_noun(noun)
                attributes: dict[str, object] = {"basis": "title"}
                if role is None and body.type == "ForeignActor" and noun.lemma_.lower() in lex.official_nouns:
                    role = "official"
                    attributes["title"] = " ".join(x.text for x in noun.subtree if x.i <= noun.i and x.dep_ in (
                        "amod", "compound") or x.i == noun.i)
                if role is None:
                    continue
                if any(c.lower_ in FORMER_WORDS for c in noun.children):
                    attributes["former"] = True  # "Sam Rainsy, former CNRP president"
                ev = pd.src.evidence(sent.start, sent.end)
                if not facts.has_entity(body.entity):  # one this document did not name: a known actor
                    if not is_known(body.entity):
                        continue
                    facts.add_known(body.entity, [ev])
                facts.add_membership(Membership(membership_id(person.entity, body.entity, role), person.entity,
                                                body.entity, role, attributes=attributes, evidence=[ev]))
