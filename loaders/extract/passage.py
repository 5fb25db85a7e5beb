"""A sentence and its surroundings, as event extraction reads them: the mentions of allowed types
before and after a trigger, clause limits, hedges, lists ("A, B and C"), possessors, and what "the
party", "the Council" or "he" stand for. Shared by ``events`` (typed events) and ``statements``."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from graph.model import Evidence, Participant
from loaders.extract.dates import DateExpr
from loaders.extract.mentions import Mention
from loaders.extract.scope import country_counts, home
from loaders.extract.sentences import Segmentation, Sentence
from loaders.extract.triggers import Lexicon, TypeSpec
from loaders.source import SourceText

_WORD = re.compile(r"[\w'’-]+")
BE = re.compile(r"\b(?:was|were|been|being|be|is|are|got|get|gets)\s+"
                 r"(?:\w+ly\s+|also\s+|then\s+|later\s+|not\s+){0,2}$", re.I)
DET = re.compile(r"\b(?:the|a|an|its|their|his|her|newly|recently|already)\s+$", re.I)
POSS = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}$")
LIGHT = re.compile(r"\b(?:began|begun|launched|opened|filed|issued|announced|made|initiated|conducted|ordered|"
                    r"started|undertook|brought|imposed|handed down|delivered|upheld)\s+(?:an?\s+|the\s+|its\s+)?"
                    r"(?:[\w-]+\s+)?$", re.I)
PREP_AFTER = re.compile(r"\s+(?:of|against|to|on|into|as|from|for|at)\s+", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or|as well as|,\s*including|including|such as|,\s*such as)"
                       r"\s*(?:the\s+)?$", re.I)
_PREPBEFORE = re.compile(r"\b(?:to|of|with|from|for|in|on|at|towards|toward|about|against|into|than|over|under|"
                          r"between|among|upon|like|including|via|through)\s+(?:the\s+)?$", re.I)
_AND_VERB = re.compile(r",?\s+and\s+(?=\w+ed\b)", re.I)


@dataclass
class Claim:
    """One event as one passage states it, before dating and cross-document resolution."""

    type: str
    participants: list[Participant]
    evidence: Evidence
    document: str
    pos: int
    dates: list[DateExpr] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None  # election kind, for Election claims

    def entities(self, role: str) -> set[str]:
        return {p.entity for p in self.participants if p.role == role}


@dataclass
class Passage:
    src: SourceText
    seg: Segmentation
    mentions: list[Mention]
    lex: Lexicon
    index: int = 0  # sentence index
    starts: list[int] = field(default_factory=list)

    first_of: dict[int, Sentence] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.starts = [m.start for m in self.mentions]
        for s in self.seg.sentences:
            self.first_of.setdefault(s.paragraph, s)

    @property
    def text(self) -> str:
        return self.src.clean


def count_words(s: str) -> int:
    return len(_WORD.findall(s))


_CHAR_REF = re.compile(r"&(?:#\d{1,6}|#x[0-9a-f]{1,6}|[a-z]{2,8});", re.I)


def clause(ctx: Passage, sent: Sentence, a: int, b: int) -> tuple[int, int]:
    text = ctx.text
    lo, hi = sent.start, sent.end
    # a character reference left in the text ("Khmer&#39;s") is no semicolon: blank it, same length
    low = _CHAR_REF.sub(lambda m: " " * len(m.group(0)), text[sent.start:a].lower())
    for br in ctx.lex.clause_breaks:
        i = low.rfind(br)
        if i >= 0:
            lo = max(lo, sent.start + i + len(br))
    ends = [m.end() for m in _AND_VERB.finditer(text, sent.start, a)]
    if ends:
        lo = max(lo, ends[-1])
    high = _CHAR_REF.sub(lambda m: " " * len(m.group(0)), text[b:sent.end].lower())
    for br in ctx.lex.clause_breaks:
        i = high.find(br)
        if i >= 0:
            hi = min(hi, b + i)
    m2 = _AND_VERB.search(text, b, hi)
    if m2:
        hi = m2.start()
    return lo, hi


def mentions_in(ctx: Passage, a: int, b: int, types: frozenset[str]) -> list[Mention]:
    """Mentions of the given types inside ``[a, b)`` (binary search: documents may be long)."""
    i = bisect_left(ctx.starts, a)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < b:
        m = ctx.mentions[i]
        if m.end <= b and m.type in types:
            out.append(m)
        i += 1
    return out


def agent_ok(spec: TypeSpec, m: Mention) -> bool:
    return not spec.agent_words or any(w in m.name.lower().split() for w in spec.agent_words)


_MODAL = re.compile(r"\b(?:can|could|may|might|would|will|shall|should|must)\b(?!\s+(?:also\s+)?(?:have|be)\s+been)")
MONTH_MAY = re.compile(r"\bMay(?=\s+\d|,?\s+(?:19|20)\d\d)")


def hedged(ctx: Passage, lo: int, a: int) -> bool:
    whole = MONTH_MAY.sub("", ctx.text[max(lo, a - 100):a])
    if _MODAL.search(" ".join(whole.split()[-12:])):
        return True
    window = re.split(r"[,“”\"]", whole)[-1]  # other hedges govern their own phrase, not what a comma closed
    tail = " ".join(window.split()[-6:])
    if ctx.lex.clause_hedges is not None and ctx.lex.clause_hedges.search(window):
        return True
    return bool(ctx.lex.hedges.search(tail))


def _list_after(ctx: Passage, first: Mention, cands: list[Mention]) -> list[Mention]:
    out = [first]
    for m in cands:
        if m.start >= out[-1].end and _LIST_GAP.match(strip_paren(ctx.text[out[-1].end:m.start])):
            out.append(m)
        elif m.start >= out[-1].end and m.entity == out[-1].entity:
            continue
        elif m.start >= out[-1].end:
            break
    return _uniq(out)


def _list_before(ctx: Passage, last: Mention, cands: list[Mention]) -> list[Mention]:
    out = [last]
    for m in reversed(cands):
        if ctx.text[max(0, m.start - 2):m.start].strip().endswith("(") and ctx.text[m.end:m.end + 1] == ")":
            continue  # "Name (ACR), X and Y": the acronym is the name's, the name is in the list
        if m.end <= out[-1].start and _LIST_GAP.match(strip_paren(ctx.text[m.end:out[-1].start])):
            out.append(m)
        elif m.end <= out[-1].start:
            break
    return _uniq(out)


def strip_paren(s: str) -> str:
    return re.sub(r"\([^()]*\)", "", s)


def _uniq(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.entity not in seen:
            seen.add(m.entity)
            out.append(m)
    return out


def _possessor(ctx: Passage, m: Mention) -> bool:
    p = re.match(r"['’]s?\s+(?:[a-z-]+\s+)?([a-z-]+)", ctx.text[m.end:m.end + 40])
    return p is not None and p.group(1) in ctx.lex.possessed_persons


def qualifies_person(ctx: Passage, m: Mention) -> bool:
    """``m`` only qualifies a person named by a noun: "a VOD (Voice of Democracy) cameraperson",
    "the former CNRP lawmaker", "the former president of the CNRP": the person is meant, not ``m``."""
    after = re.match(r"\s*(?:\([^()]*\)\s*)?([a-z-]+)\b", ctx.text[m.end:m.end + 60])
    if after and after.group(1) in ctx.lex.possessed_persons:
        return True
    before = re.search(r"\b([a-z-]+)\s+of\s+(?:the\s+)?$", ctx.text[max(0, m.start - 40):m.start])
    return before is not None and before.group(1) in ctx.lex.possessed_persons


def first_after(ctx: Passage, pos: int, hi: int, types: frozenset[str], max_words: int,
                person_nouns: bool = False) -> list[Mention]:
    """The first mention(s) of an allowed type after ``pos``; a possessor ("X's lawyer") is not one,
    with ``person_nouns``, nor a name qualifying a person noun ("the CNRP lawmaker X")."""
    cands = [m for m in mentions_in(ctx, pos, hi, types) if not _possessor(ctx, m)
             and not (person_nouns and "Person" in types and m.type != "Person" and qualifies_person(ctx, m))]
    for i, m in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and re.fullmatch(r"['’]s?\s+", ctx.text[m.end:nxt.start]):
            m = nxt  # "Norway's Foreign Ministry": the ministry
            cands = cands[i:]
        if count_words(strip_paren(ctx.text[pos:m.start])) <= max_words:
            return _list_after(ctx, m, [c for c in cands if c.start > m.start])
        break
    return []


def nearest_before(ctx: Passage, lo: int, pos: int, types: frozenset[str], max_words: int,
                    subject: bool = False) -> list[Mention]:
    """The mention(s) of an allowed type closest before ``pos``; ``subject``: not governed by a preposition."""
    cands = mentions_in(ctx, lo, pos, types)
    if len(cands) > 1 and _in_parens_after(ctx, cands[-1], cands):
        cands = cands[:-1]
    if not cands or count_words(strip_paren(ctx.text[cands[-1].end:pos])) > max_words:
        return []
    last = cands[-1]
    governed = _PREPBEFORE.search(ctx.text[max(lo, last.start - 30):last.start])
    if subject and (governed or _foreign_qualified(ctx, last)):
        return []
    return _list_before(ctx, last, cands[:-1])


def _in_parens_after(ctx: Passage, m: Mention, cands: list[Mention]) -> bool:
    """``(MoI)`` right after a name: the name, not the acronym, is the actor."""
    if not ctx.text[max(0, m.start - 2):m.start].strip().endswith("("):
        return False
    return any(0 <= m.start - c.end <= 3 for c in cands if c is not m)


def _foreign_qualified(ctx: Passage, m: Mention) -> bool:
    """"Lao National Assembly": a home institution's name qualified by another country's adjective."""
    if m.type != "Institution":
        return False
    prev = ctx.text[max(0, m.start - 25):m.start].split()
    if not prev:
        return False
    counts = country_counts(prev[-1])
    return bool(counts) and home() not in counts


def anaphor(ctx: Passage, sent: Sentence, span: tuple[int, int], types: frozenset[str],
             exclude: set[str]) -> list[Mention]:
    """``the party`` / ``its`` in ``text[span]`` -> the last entity of an allowed type named before."""
    snippet = ctx.text[span[0]:span[1]].lower()
    if "Person" in types and re.match(r"\s*(?:[a-z-]+\s+){0,3}?(?:him|her)(?:[\s,.;]|$)(?!\s*[a-z]{3,}\s+(?:of|to)\b)",
                                      snippet) and not re.match(r"\s*(?:[a-z-]+\s+){0,3}?her\s+[a-z]", snippet):
        found = last_person(ctx, sent, span[0])  # "upheld the verdict against him"
        return [x for x in found if x.entity not in exclude]
    m = re.match(r"\s*(?:the|its|their|his|her|this|that)\s+([\w-]+)\b", snippet)
    if not m:
        return []
    head = m.group(1)
    paras = [s for s in ctx.seg.sentences[max(0, ctx.index - 2):ctx.index + 1] if s.paragraph == sent.paragraph]
    lo = paras[0].start if paras else sent.start
    for cand in reversed(mentions_in(ctx, lo, span[0], types)):
        if cand.entity in exclude:
            continue
        heads = ctx.lex.anaphora_heads.get(cand.type, ())
        if head in heads or cand.name.lower().split()[-1] == head:
            return [cand]
    return []


def anaphor_before(ctx: Passage, sent: Sentence, lo: int, stop: int, types: frozenset[str]) -> list[Mention]:
    chunk = re.sub(r"(?:\s+\w+ly)+\s*$", " ", ctx.text[lo:stop])
    if re.search(r"(?:^|[,;]\s*|\band\s+)(?:he|she)\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?$", chunk, re.I) \
            and "Person" in types:
        return last_person(ctx, sent, lo + len(chunk.rstrip()) - 3)
    m = re.search(r"\b(?:the|its|their|this|that)\s+[\w-]+\s*$", chunk, re.I)
    if not m:
        return []
    return anaphor(ctx, sent, (lo + m.start(), stop), types, set())


def last_person(ctx: Passage, sent: Sentence, before: int) -> list[Mention]:
    """"He was sentenced": the one person named in this sentence or the two before, same paragraph."""
    paras = [s for s in ctx.seg.sentences[max(0, ctx.index - 2):ctx.index + 1] if s.paragraph == sent.paragraph]
    lo = paras[0].start if paras else sent.start
    persons = mentions_in(ctx, lo, before, frozenset({"Person"}))
    return persons[-1:] if len({m.entity for m in persons}) == 1 else []  # two candidates: unresolved

