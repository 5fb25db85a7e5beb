"""``SentenceView``: one sentence's parse with the document's actor mentions laid over its tokens,
and the readings of the tree that every extractor needs (subject, objects, voice, fillers of a role,
what "the party", "its" or "him" stand for)."""

from __future__ import annotations

from bisect import bisect_left
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from loaders.actors.mention import Mention
from loaders.events.lexicon import Lexicon
from loaders.ruling_party import ruling_party, ruling_words
from loaders.text.scope import country_counts, home
from loaders.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from loaders.parse.document import ParsedDocument

# dependencies that stay inside one noun phrase (a name found through them names the phrase's head)
_NP_DEPS = frozenset({"compound", "amod", "nmod", "poss", "appos", "det", "case", "punct", "flat", "nummod",
                      "quantmod", "advmod", "npadvmod", "cc", "conj"})
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
_QUANTITIES = frozenset({"dozen", "hundred", "thousand", "score", "number", "handful", "majority", "group",
                         "some", "many", "most", "all", "several", "one", "two", "three"})
_PERSON_PRONOUNS = frozenset({"he", "him", "she", "her", "his"})
_GROUP_PRONOUNS = frozenset({"it", "its", "they", "them", "their"})


@dataclass
class SentenceView:
    pd: ParsedDocument
    index: int
    lex: Lexicon
    by_token: dict[int, Mention] = field(default_factory=dict)

    def __post_init__(self) -> None:
        mentions = self.pd.mentions
        i = bisect_left(self.pd.mention_starts, self.sent.start)
        if i < len(mentions) and mentions[i].start >= self.sent.end:
            return
        idx = [self.offset + t.idx for t in self.doc]
        while i < len(mentions) and mentions[i].start < self.sent.end:
            m = mentions[i]
            i += 1
            k = max(0, bisect_left(idx, m.start) - 1)
            while k < len(idx) and idx[k] < m.end:
                t = self.doc[k]
                a, b = idx[k], idx[k] + len(t.text)
                if m.start < b and a < m.end:
                    # the mention that covers the most of the token wins ("Norway's" -> Norway)
                    old = self.by_token.get(k)
                    if old is None or (min(b, m.end) - max(a, m.start)) > (min(b, old.end) - max(a, old.start)):
                        self.by_token[k] = m
                k += 1

    @property
    def sent(self) -> Sentence:
        return self.pd.seg.sentences[self.index]

    @property
    def doc(self) -> Doc:
        return self.pd.parses[self.index]

    @property
    def offset(self) -> int:
        return self.sent.start

    def start(self, t: Token) -> int:
        return self.offset + t.idx

    def end(self, t: Token) -> int:
        return self.offset + t.idx + len(t.text)

    # -- the tree ----------------------------------------------------------------------------------

    @staticmethod
    def passive(v: Token) -> bool:
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in v.children):
            return True
        if v.tag_ == "VBN" and not any(c.dep_ in ("aux", "auxpass") for c in v.children) and any(
                c.dep_ == "nsubj" for c in v.children):
            return True  # "The Law (LANGO), passed in July 2015, restricts ...": a participle read as a verb
        return v.tag_ == "VBN" and v.dep_ in ("acl", "amod", "advcl", "relcl") and not any(
            c.dep_ == "aux" and c.lemma_ == "have" for c in v.children)

    @staticmethod
    def has_particle(v: Token, words: tuple[str, ...]) -> bool:
        """``shut`` + ``down``: the words right after the verb, or among its particles/objects."""
        if not words:
            return True
        follow = [t.lower_ for t in v.doc[v.i + 1:v.i + 1 + len(words)]]
        if tuple(follow) == words:
            return True
        kids = {c.lower_ for c in v.children if c.dep_ in ("prt", "dobj", "prep", "advmod", "pobj", "acomp", "oprd",
                                                           "ccomp")}  # "found X guilty": a small clause
        return all(w in kids or w in SentenceView._clause_words(v) for w in words)

    @staticmethod
    def _clause_words(v: Token) -> set[str]:
        """Words under ``v`` not inside another verb's clause ("found X and two others guilty")."""
        out: set[str] = set()
        todo = list(v.children)
        while todo:
            x = todo.pop()
            if x.pos_ in ("VERB", "AUX") and x.dep_ not in ("amod", "prt"):
                continue
            out.add(x.lower_)
            todo += list(x.children)
        return out

    def subject(self, v: Token) -> Token | None:
        """The subject of a verb; for one without its own: the controller of an infinitive, the first
        verb of a coordination, the noun a relative clause or participle modifies."""
        seen = 0
        while seen < 6:
            seen += 1
            for c in v.children:
                if c.dep_ in ("nsubj", "nsubjpass", "csubj"):
                    if c.tag_ in ("WDT", "WP") and v.dep_ == "relcl":
                        return v.head
                    return c
            purpose = v.dep_ == "advcl" and (v.tag_ == "VBG" or any(c.dep_ == "aux" and c.lower_ == "to"
                                                                      for c in v.children))
            if (v.dep_ in ("conj", "xcomp") or purpose) and v.head.i != v.i:
                v = v.head
                continue
            if v.dep_ == "relcl":
                return v.head
            return None
        return None

    def children(self, t: Token, *deps: str) -> list[Token]:
        return [c for c in t.children if c.dep_ in deps]

    def prep_objects(self, t: Token, preps: frozenset[str] | set[str]) -> list[Token]:
        """``t``'s complements introduced by one of ``preps`` ("of X", "against X", "by X")."""
        out = []
        for c in t.children:
            if c.dep_ in ("prep", "agent") and c.lower_ in preps:
                out += [g for g in c.children if g.dep_ == "pobj"]
        return out

    def by_agents(self, v: Token) -> list[Token]:
        """The `by`-complement of a passive verb, also when the parser hung it lower ("barred from the
        election by the NEC")."""
        direct = self.prep_objects(v, {"by"})
        if direct:
            return direct
        out = []
        for x in v.subtree:
            if x.dep_ in ("agent", "prep") and x.lower_ == "by" and x.i > v.i:
                y = x.head
                while y.i != v.i and y.pos_ not in ("VERB", "AUX"):
                    y = y.head
                if y.i == v.i:
                    out += [g for g in x.children if g.dep_ == "pobj"]
        return out

    # -- mentions ----------------------------------------------------------------------------------

    def mention(self, t: Token) -> Mention | None:
        return self.by_token.get(t.i)

    def fillers(self, t: Token, types: frozenset[str], group_nouns: frozenset[str] = frozenset(),
                person_nouns: bool = True) -> list[Mention]:
        """The actors of allowed types a phrase headed by ``t`` names, with its conjuncts ("X and Y")."""
        out: list[Mention] = []
        for h in [t, *t.conjuncts]:
            for m in self._one(h, types, group_nouns, person_nouns):
                if m.entity not in {o.entity for o in out}:
                    out.append(m)
        return out

    def _one(self, t: Token, types: frozenset[str], group_nouns: frozenset[str], person_nouns: bool) -> list[Mention]:
        m = self.mention(t)
        if m is not None:
            if m.type in types and not self.foreign_qualified(m):
                return [m]
            return []
        low = t.lower_
        if t.tag_ in ("WP", "WDT") and t.head.dep_ in ("relcl", "acl") and t.head.head.i != t.head.i:
            return self.fillers(t.head.head, types, group_nouns, person_nouns)  # "X, who had been jailed"
        for c in t.children:
            if c.dep_ == "appos":  # "We, the X, ...", "the committee, the NEC, ..."
                mm = self.mention(c)
                if mm is not None and mm.type in types:
                    return [mm]
        if t.pos_ == "PRON" or low in _PERSON_PRONOUNS | _GROUP_PRONOUNS:
            return self.pronoun(t, types)
        for c in t.children:
            if c.dep_ == "acl" and c.lemma_.lower() in ("call", "name", "know", "dub"):
                found = [self.mention(g) for g in c.subtree if g.i != c.i]
                named = [m for m in found if m is not None and m.type in types]
                if named:
                    return named[:1]  # "a new database called Kamnotra"
        listed = [m for c in t.children if c.dep_ == "prep" and c.lower_ in ("including", "like", "as")
                  for g in c.children if g.dep_ == "pobj" for m in self.fillers(g, types)]
        if listed:
            return listed  # "several media outlets, including the Cambodia Daily"
        lemma = t.lemma_.lower()
        if lemma in _QUANTITIES or t.pos_ == "NUM":
            for o in self.prep_objects(t, {"of"}):  # "dozens of members of X", "118 of its officials"
                return self.fillers(o, types, group_nouns, person_nouns)
        if lemma in group_nouns or t.lower_ in group_nouns:
            near = self._inside(t, types, through_of=True)
            if near:
                return near[:1]
            for c in t.children:  # "its members", "the committee's members"
                if c.dep_ == "poss" and self.mention(c) is None:
                    return self.fillers(c, types - {"Person"})
        if lemma == "party" and t.tag_ == "NN" and any(c.dep_ in ("amod", "compound") and c.lower_ in ruling_words()
                                                       and not c.conjuncts for c in t.children):
            ruling = ruling_party(self.year())  # "the ruling party" (not "ruling and opposition parties")
            if ruling is None or ruling.type not in types:
                return []
            return [Mention(self.start(t), self.end(t), ruling.id, ruling.type, ruling.name, "ruling")]
        if person_nouns and (lemma in self.lex.possessed_persons or low in self.lex.possessed_persons):
            return []  # "the former president of the CNRP": the person meant is not named
        if any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in t.children) and not any(
                c.dep_ in ("compound", "poss", "nmod") or c.dep_ == "amod" and (
                    not c.text.islower() or c.lower_ in self.lex.anaphora_contrast) for c in t.children):
            return self.definite(t, types)  # "the party", "the new committee" (not "the Thai government")
        return self._inside(t, types)[:1]

    def _inside(self, t: Token, types: frozenset[str], through_of: bool = False) -> list[Mention]:
        """Mentions inside the noun phrase of ``t`` (not behind a preposition, unless ``of``)."""
        found: list[tuple[int, Mention]] = []
        for s in t.subtree:
            m = self.mention(s)
            if m is None or m.type not in types or s.i == t.i:
                continue
            x, ok = s, True
            while x.i != t.i:
                if x.dep_ not in _NP_DEPS and not (through_of and (x.dep_ == "pobj" or
                                                                    x.dep_ == "prep" and x.lower_ == "of")):
                    ok = False
                    break
                x = x.head
            if ok:
                found.append((abs(s.i - t.i), m))
        found.sort(key=lambda p: p[0])
        return [m for _, m in found]

    def year(self) -> int | None:
        """The year the sentence is about: a year it states, else the document's, else the last year
        stated before it."""
        years = [(d.start, d.year) for d in self.pd.dates
                 if d.kind == "absolute" and d.year and d.role in ("event", "election")]
        inside = [y for at, y in years if self.sent.start <= at < self.sent.end]
        if inside:
            return inside[0]
        if self.pd.document.published is not None:
            return self.pd.document.published.year
        before = [y for at, y in years if at < self.sent.start]
        return before[-1] if before else None

    def foreign_qualified(self, m: Mention) -> bool:
        """"Lao National Assembly": a home institution's name qualified by another country's adjective."""
        if m.type != "Institution":
            return False
        prev = self.pd.text[max(0, m.start - 25):m.start].split()
        if not prev:
            return False
        counts = country_counts(prev[-1])
        return bool(counts) and home() not in counts

    # -- what a pronoun or "the party" stands for ---------------------------------------------------

    def _recent(self, before: int, types: frozenset[str], across: bool = False) -> list[Mention]:
        """Mentions of ``types`` in this sentence before ``before`` and the two sentences before, in the same
        paragraph (``across``: in any paragraph, headings aside)."""
        sents = self.pd.seg.sentences
        paras = self.pd.seg.paragraphs
        lo = self.sent.start
        for k in (self.index - 1, self.index - 2):
            same = k >= 0 and sents[k].paragraph == self.sent.paragraph
            if k >= 0 and (same or across and not paras[sents[k].paragraph].heading):
                lo = sents[k].start
        ms = self.pd.mentions
        i = bisect_left(self.pd.mention_starts, lo)
        out = []
        while i < len(ms) and ms[i].start < before:
            if ms[i].end <= before and ms[i].type in types:
                out.append(ms[i])
            i += 1
        return out

    def pronoun(self, t: Token, types: frozenset[str]) -> list[Mention]:
        low = t.lower_
        if low in _PERSON_PRONOUNS and "Person" in types:
            persons = self._recent(self.start(t), frozenset({"Person"}))
            return persons[-1:] if len({m.entity for m in persons}) == 1 else []
        if low in _GROUP_PRONOUNS:
            group = types - {"Person"}
            cands = [m for m in self._recent(self.start(t), group) if self._referable(m, t)]
            return cands[-1:] if cands else []
        return []

    def _referable(self, m: Mention, t: Token) -> bool:
        # a name inside the same clause as the pronoun's verb is its subject, not its antecedent ("X ... its")
        return not (self.start(t) - m.end < 3)

    def definite(self, t: Token, types: frozenset[str]) -> list[Mention]:
        """"the party" -> the last entity of an allowed type whose name ends so, or of a type it heads."""
        head = t.lower_
        for cand in reversed(self._recent(self.start(t), types, across=True)):
            heads = self.lex.anaphora_heads.get(cand.type, frozenset())
            if head in heads or cand.name.lower().split()[-1] == head:
                return [cand]
        return []
