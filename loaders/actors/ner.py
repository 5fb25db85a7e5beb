"""Actors the gazetteer and the naming patterns do not know, from the parser's named entities.

A PERSON entity of two or three capitalised words that are no title, stop word or name head becomes a
Person ("Japan's foreign ministry spokesman Kenji Watanabe"); an ORG entity whose head word types it
("... Party", "Ministry of ...", "... Coalition"; ``roles.yaml`` name heads) becomes that type, and a
state body whose name holds another country's word a ForeignActor. Only where no other rule found a
name: the gazetteer and the patterns stay first.
"""

from __future__ import annotations

from bisect import bisect_left
from functools import cache
from typing import TYPE_CHECKING

from loaders.actors import rules
from loaders.actors.find import foreign_name
from loaders.actors.mention import Mention
from loaders.actors.names import fold, tokenize
from loaders.events.lexicon import lexicon
from loaders.lexicon import roles

if TYPE_CHECKING:
    from spacy.tokens import Doc

    from loaders.text.sentences import Sentence


def _free(found: list[Mention], starts: list[int], a: int, b: int) -> bool:
    k = bisect_left(starts, a)
    if k > 0 and found[k - 1].end > a:
        return False
    return not (k < len(found) and found[k].start < b)


@cache
def _places() -> tuple[frozenset[str], frozenset[str]]:
    r = roles()
    return (frozenset(fold(p) for p in r.get("place_names") or []),
            frozenset(str(w).lower() for w in r.get("place_heads") or []))


@cache
def _not_name_words() -> frozenset[str]:
    w = rules.words()
    r = roles()
    body = {fold(x) for x in list(r.get("bare_roles") or []) + list(r.get("person_nouns") or [])}
    return frozenset(w.stop | w.generic | w.titles | body) | lexicon().stmt_nouns


def _person_ok(name: str, after: str) -> bool:
    """Two or three capitalised words that are no title, place, document word ("Joint Statement") or
    title compound ("Co-Chairperson")."""
    if len(name.split()) < 2 or not rules.person_name_ok(name):
        return False
    places, heads = _places()
    if fold(name) in places or (after.split() or [""])[0].lower().strip(".,") in heads:
        return False
    parts = {p for t in tokenize(name) for p in t.folded.split("-")}
    return not parts & _not_name_words()


def ner_mentions(text: str, sentences: list[Sentence], parses: list[Doc], found: list[Mention]) -> list[Mention]:
    """Mentions of named entities that overlap no mention in ``found`` (sorted by start)."""
    found = sorted(found)
    starts = [m.start for m in found]
    persons = [m for m in found if m.type == "Person"]
    out: list[Mention] = []
    for sent, doc in zip(sentences, parses, strict=True):
        for ent in doc.ents:
            if ent.label_ not in ("PERSON", "ORG"):
                continue
            span = ent
            while len(span) and span[0].lower_ in ("the", "a", "an"):
                span = span[1:]
            while len(span) and span[-1].tag_ == "POS":
                span = span[:-1]
            if not len(span):
                continue
            a = sent.start + span[0].idx
            b = sent.start + span[-1].idx + len(span[-1].text)
            name = rules.surface(text, a, b)
            if "\n" in text[a:b] or not _free(found, starts, a, b) or any(t.tag_ == "POS" for t in span):
                continue  # "Hun Sen's CPP": two names, not one
            if ent.label_ == "PERSON":
                if not _person_ok(name, text[b:b + 20]):
                    continue
                whole = next((m for m in persons if f" {fold(name)} " in f" {fold(m.name)} "), None)
                if whole is not None:  # "Sam Ath" for "Am Sam Ath" named before: that person
                    out.append(Mention(a, b, whole.entity, "Person", whole.name, "ner"))
                    continue
                out.append(rules.mention(a, b, "Person", name, "ner"))
            else:
                key = tuple(t.folded for t in tokenize(name))
                generic = rules.words().generic_names
                if any(" ".join(key[i:]) in generic for i in range(len(key))):
                    continue  # "Non-Governmental Organisation", "CSO Civil Society Organisation"
                type_ = rules.head_type(key)
                if type_ is None or type_ in ("Person", "Law", "LawArticle"):
                    continue
                if type_ == "Institution" and foreign_name(name):
                    type_ = "ForeignActor"
                out.append(rules.mention(a, b, type_, name, "ner"))
    return out
