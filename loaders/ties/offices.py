"""The office an appointment fills, read from the parse: "X was named as chairman of the committee",
"elected X to continue as NEC Chairman", "Y was appointed vice-chairman". The role is the longest
ending of the role noun's words that ``roles.yaml`` lists (``body_roles``: "vice-chairman" ->
``vice-chair``); the body is a state body or party named in the role's noun phrase ("NEC chairman",
"chairman of the committee", a definite noun standing for a body named before). An appointment that
names its role but not its body takes the body of the appointment told just before it
(``loaders.events.implicit``). ``loaders.resolve`` makes each appointed person's office a membership
from the appointment's date.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from loaders.events.view import SentenceView
from loaders.ties.memberships import rules

if TYPE_CHECKING:
    from spacy.tokens import Token

BODY_TYPES = frozenset({"Institution", "Party"})
_ROLE_DEPS = frozenset({"oprd", "attr"})
_MAX_ROLE_WORDS = 3


def office_of(v: SentenceView, trigger: Token) -> tuple[str, str | None] | None:
    """``(role, body entity or None)`` of an appointment's trigger, or None when it names no role."""
    for noun in _role_nouns(trigger):
        role = role_of_noun(noun)
        if role is not None:
            return role, _body(v, noun)
    return None


def _role_nouns(trigger: Token) -> list[Token]:
    """Nouns the trigger (or a verb it governs: "to continue as") says the person became."""
    out: list[Token] = []
    governed = [c for c in trigger.children if c.dep_ in ("xcomp", "advcl") and c.pos_ == "VERB"
                and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]  # not "while Y was appointed"
    for verb in [trigger, *governed]:
        for c in verb.children:
            if c.dep_ in _ROLE_DEPS:
                out.append(c)
            elif c.dep_ == "prep" and c.lower_ == "as":
                out += [g for g in c.children if g.dep_ == "pobj"]
    # "vice - chairman" read as three complements: the last word carries the role
    return sorted(out, key=lambda t: -t.i)


def role_of_noun(noun: Token) -> str | None:
    """The body role (``roles.yaml``) a noun names with the words before it ("vice-chairman"), if any."""
    role_of = rules().role_of
    words = [w for w in re.split(r"[\s-]+", noun.doc[max(0, noun.i - _MAX_ROLE_WORDS):noun.i + 1].text.lower()) if w]
    for n in range(min(len(words), _MAX_ROLE_WORDS), 0, -1):
        key = " ".join(words[-n:])
        if key in role_of:
            return role_of[key]
    return None


def _body(v: SentenceView, noun: Token) -> str | None:
    for x in noun.doc[max(0, noun.i - _MAX_ROLE_WORDS):noun.i]:  # "NEC chairman"
        m = v.mention(x)
        if m is not None and m.type in BODY_TYPES and x.head.i == noun.i:
            return m.entity
    for o in v.prep_objects(noun, {"of"}):  # "chairman of the committee"
        found = v.fillers(o, BODY_TYPES)
        if found:
            return found[0].entity
    return None
