"""Is an event stated as having happened? Read from the tree, not from the words before a trigger:
a modal auxiliary or a negation on the trigger's verb group ("could dissolve", "did not order the
closure"), a conditional clause ("if the court dissolves ..."), or an ancestor whose lemma puts what
it governs in doubt, in the future or in a recommendation ("plans to", "called for the release of",
"denied that", "rumours that"). Also: is the event told as earlier or later than its sentence's time
("had been jailed", "later sentenced"), and is it another occurrence than one told before ("amended
again")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.events.lexicon import Lexicon

if TYPE_CHECKING:
    from spacy.tokens import Token

# a noun trigger's verb: the verb it is the subject, object or prepositional complement of
_UP_TO_VERB = frozenset({"dobj", "pobj", "prep", "nsubj", "nsubjpass", "attr", "compound", "conj", "appos", "agent",
                         "npadvmod", "dative", "oprd"})
# a verb's group: an infinitive with its controller, a coordination with its first verb (and
# ``_infinitive_clause``)
_GROUP = frozenset({"xcomp", "conj", "acomp"})


def _verb_group(t: Token) -> list[Token]:
    """The trigger, the verb it belongs to, and the verbs its clause hangs from through xcomp/conj."""
    out = [t]
    x = t
    steps = 0
    while x.pos_ not in ("VERB", "AUX") and x.dep_ in _UP_TO_VERB and x.head.i != x.i and steps < 8:
        x = x.head
        out.append(x)
        steps += 1
    while (x.dep_ in _GROUP or _infinitive_clause(x)) and x.head.i != x.i and steps < 12:
        x = x.head
        out.append(x)
        steps += 1
    return out


def _infinitive_clause(x: Token) -> bool:
    """"would direct the ministry to revoke": a to-infinitive the parser hung as an adverbial clause is
    part of its governing verb's group, as an xcomp is."""
    return x.dep_ == "advcl" and any(c.dep_ == "aux" and c.lower_ == "to" for c in x.children)


def imperative(t: Token) -> bool:
    """``t`` is in a sentence whose main verb is a bare imperative ("Establish a more independent
    selection of NEC members"): a recommendation, not a report."""
    root = next((x for x in t.doc if x.dep_ == "ROOT" and x.sent == t.sent), None)
    return root is not None and root.tag_ == "VB" and not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "mark") for c in root.children)


def hedged(t: Token, lex: Lexicon) -> bool:
    """``t`` (a trigger token) is under a modal, a negation, a condition or a hedging ancestor, or in
    an imperative sentence."""
    if imperative(t):
        return True
    for g in _verb_group(t):
        for c in g.children:
            if c.dep_ == "aux" and c.lower_ in lex.modals or c.dep_ == "neg":
                return True
            if c.dep_ == "det" and c.lower_ == "no" and g.i == t.i:
                return True
    prev = t
    for a in [t, *t.ancestors]:
        if any(c.dep_ == "mark" and c.lower_ in lex.conditional_marks for c in a.children):
            return True
        if a.i == t.i:
            continue
        lemma = a.lemma_.lower()
        # a hedging verb governs what it says, not its subject ("the law adopted in 2016 allowed ...")
        by_subject = prev.dep_ in ("nsubj", "nsubjpass", "csubj")
        prev = a
        if a.pos_ in ("VERB", "AUX") and lemma in lex.hedge_verbs and not by_subject:
            return True
        if a.pos_ in ("NOUN", "PROPN") and lemma in lex.hedge_nouns:
            return True
        if a.pos_ == "ADJ" and lemma in lex.hedge_adjectives:
            return True
    return False


def generic(t: Token, lex: Lexicon) -> bool:
    """A noun trigger speaking of such events in general ("any dissolution", "future closures")."""
    return any(c.dep_ in ("det", "amod") and c.lower_ in lex.generic_words for c in t.children)


def repeated(t: Token, lex: Lexicon) -> bool:
    """"further amended", "amended again", "new amendments": another event than one reported before."""
    return any(c.dep_ in ("advmod", "amod") and c.lower_ in lex.repeat_words for c in t.children)


def out_of_time(t: Token, lex: Lexicon) -> bool:
    """Told as before or after the sentence's time: "who had been jailed", "the court later sentenced him"."""
    group = _verb_group(t)
    return any(c.dep_ == "aux" and c.lower_ in lex.anterior_aux or c.dep_ == "advmod" and c.lower_ in
               lex.posterior_adverbs and not list(c.children)  # "eight days later" is a date, not "later"
               for g in group for c in g.children)
