"""Events stated in a document, sentence by sentence, from trigger words and the actor mentions around them.

For each in-scope sentence and each event type of ``data/lexicon/events.yaml``: a trigger (a verb form
or a nominalisation) not under a hedge or negation gets its agent and target from the mentions of the
allowed types around it, by voice (active "X dissolved Y", passive "Y was dissolved by X", reduced
"Y, convicted by X", adjectival "the dissolved Y", nominal "X's dissolution of Y"); "the party" stands
for the last party named. Statements take their agent from the subject before the cue and their
stance from cue words; Election reports give a kind and a date. The result is a list of ``Claim``s
(one event as one passage states it), dated later by ``loaders.extract.resolve``.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from typing import Any

from graph.model import Evidence, Participant
from loaders.extract.dates import DateExpr, find_dates
from loaders.extract.lexicon import actor_by_name
from loaders.extract.mentions import Mention
from loaders.extract.scope import country_counts, home, paragraph_scope
from loaders.extract.sentences import Segmentation, Sentence, segment
from loaders.extract.triggers import Lexicon, TypeSpec, election_kind_of, lexicon
from loaders.source import SourceText

_WORD = re.compile(r"[\w'’-]+")
_BE = re.compile(r"\b(?:was|were|been|being|be|is|are|got|get|gets)\s+"
                 r"(?:\w+ly\s+|also\s+|then\s+|later\s+|not\s+){0,2}$", re.I)
_DET = re.compile(r"\b(?:the|a|an|its|their|his|her|newly|recently|already)\s+$", re.I)
_POSS = re.compile(r"^['’]s?\s+(?:[\w-]+\s+){0,2}$")
_LIGHT = re.compile(r"\b(?:began|begun|launched|opened|filed|issued|announced|made|initiated|conducted|ordered|"
                    r"started|undertook|brought|imposed|handed down|delivered|upheld)\s+(?:an?\s+|the\s+|its\s+)?"
                    r"(?:[\w-]+\s+)?$", re.I)
_PREP_AFTER = re.compile(r"\s+(?:of|against|to|on|into|as|from|for|at)\s+", re.I)
_LIST_GAP = re.compile(r"^\s*(?:,|and|or|,\s*and|,\s*or|as well as|,\s*including|including|such as|,\s*such as)"
                       r"\s*(?:the\s+)?$", re.I)
_PREP_BEFORE = re.compile(r"\b(?:to|of|with|from|for|in|on|at|towards|toward|about|against|into|than|over|under|"
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
class _Ctx:
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


def _words(s: str) -> int:
    return len(_WORD.findall(s))


def _clause(ctx: _Ctx, sent: Sentence, a: int, b: int) -> tuple[int, int]:
    text = ctx.text
    lo, hi = sent.start, sent.end
    low = text[sent.start:a].lower()
    for br in ctx.lex.clause_breaks:
        i = low.rfind(br)
        if i >= 0:
            lo = max(lo, sent.start + i + len(br))
    ends = [m.end() for m in _AND_VERB.finditer(text, sent.start, a)]
    if ends:
        lo = max(lo, ends[-1])
    high = text[b:sent.end].lower()
    for br in ctx.lex.clause_breaks:
        i = high.find(br)
        if i >= 0:
            hi = min(hi, b + i)
    m2 = _AND_VERB.search(text, b, hi)
    if m2:
        hi = m2.start()
    return lo, hi


def _in(ctx: _Ctx, a: int, b: int, types: frozenset[str]) -> list[Mention]:
    """Mentions of the given types inside ``[a, b)`` (binary search: documents may be long)."""
    i = bisect_left(ctx.starts, a)
    out = []
    while i < len(ctx.mentions) and ctx.mentions[i].start < b:
        m = ctx.mentions[i]
        if m.end <= b and m.type in types:
            out.append(m)
        i += 1
    return out


def _agent_ok(spec: TypeSpec, m: Mention) -> bool:
    return not spec.agent_words or any(w in m.name.lower().split() for w in spec.agent_words)


_MODAL = re.compile(r"\b(?:can|could|may|might|would|will|shall|should|must)\b(?!\s+(?:also\s+)?(?:have|be)\s+been)")
_MONTH_MAY = re.compile(r"\bMay(?=\s+\d|,?\s+(?:19|20)\d\d)")


def _hedged(ctx: _Ctx, lo: int, a: int) -> bool:
    whole = _MONTH_MAY.sub("", ctx.text[max(lo, a - 100):a])
    if _MODAL.search(" ".join(whole.split()[-12:])):
        return True
    window = re.split(r"[,“”\"]", whole)[-1]  # other hedges govern their own phrase, not what a comma closed
    tail = " ".join(window.split()[-6:])
    return bool(ctx.lex.hedges.search(tail))


def _list_after(ctx: _Ctx, first: Mention, cands: list[Mention]) -> list[Mention]:
    out = [first]
    for m in cands:
        if m.start >= out[-1].end and _LIST_GAP.match(_strip_paren(ctx.text[out[-1].end:m.start])):
            out.append(m)
        elif m.start >= out[-1].end and m.entity == out[-1].entity:
            continue
        elif m.start >= out[-1].end:
            break
    return _uniq(out)


def _list_before(ctx: _Ctx, last: Mention, cands: list[Mention]) -> list[Mention]:
    out = [last]
    for m in reversed(cands):
        if m.end <= out[-1].start and _LIST_GAP.match(_strip_paren(ctx.text[m.end:out[-1].start])):
            out.append(m)
        elif m.end <= out[-1].start:
            break
    return _uniq(out)


def _strip_paren(s: str) -> str:
    return re.sub(r"\([^()]*\)", "", s)


def _uniq(ms: list[Mention]) -> list[Mention]:
    seen: set[str] = set()
    out = []
    for m in ms:
        if m.entity not in seen:
            seen.add(m.entity)
            out.append(m)
    return out


def _possessor(ctx: _Ctx, m: Mention) -> bool:
    p = re.match(r"['’]s?\s+(?:[a-z-]+\s+)?([a-z-]+)", ctx.text[m.end:m.end + 40])
    return bool(p) and p.group(1) in ctx.lex.possessed_persons


def _first_after(ctx: _Ctx, pos: int, hi: int, types: frozenset[str], max_words: int) -> list[Mention]:
    """The first mention(s) of an allowed type after ``pos``; a possessor ("X's lawyer") is not one."""
    cands = [m for m in _in(ctx, pos, hi, types) if not _possessor(ctx, m)]
    for i, m in enumerate(cands):
        nxt = cands[i + 1] if i + 1 < len(cands) else None
        if nxt is not None and re.fullmatch(r"['’]s?\s+", ctx.text[m.end:nxt.start]):
            m = nxt  # "Germany's Federal Foreign Office": the office
            cands = cands[i:]
        if _words(_strip_paren(ctx.text[pos:m.start])) <= max_words:
            return _list_after(ctx, m, [c for c in cands if c.start > m.start])
        break
    return []


def _nearest_before(ctx: _Ctx, lo: int, pos: int, types: frozenset[str], max_words: int,
                    subject: bool = False) -> list[Mention]:
    """The mention(s) of an allowed type closest before ``pos``; ``subject``: not governed by a preposition."""
    cands = _in(ctx, lo, pos, types)
    if len(cands) > 1 and _in_parens_after(ctx, cands[-1], cands):
        cands = cands[:-1]
    if not cands or _words(_strip_paren(ctx.text[cands[-1].end:pos])) > max_words:
        return []
    last = cands[-1]
    governed = _PREP_BEFORE.search(ctx.text[max(lo, last.start - 30):last.start])
    if subject and (governed or _foreign_qualified(ctx, last)):
        return []
    return _list_before(ctx, last, cands[:-1])


def _in_parens_after(ctx: _Ctx, m: Mention, cands: list[Mention]) -> bool:
    """``(MoI)`` right after a name: the name, not the acronym, is the actor."""
    if not ctx.text[max(0, m.start - 2):m.start].strip().endswith("("):
        return False
    return any(0 <= m.start - c.end <= 3 for c in cands if c is not m)


def _foreign_qualified(ctx: _Ctx, m: Mention) -> bool:
    """"Thai National Assembly": a home institution's name qualified by another country's adjective."""
    if m.type != "Institution":
        return False
    prev = ctx.text[max(0, m.start - 25):m.start].split()
    if not prev:
        return False
    counts = country_counts(prev[-1])
    return bool(counts) and home() not in counts


def _anaphor(ctx: _Ctx, sent: Sentence, span: tuple[int, int], types: frozenset[str],
             exclude: set[str]) -> list[Mention]:
    """``the party`` / ``its`` in ``text[span]`` -> the last entity of an allowed type named before."""
    snippet = ctx.text[span[0]:span[1]].lower()
    m = re.match(r"\s*(?:the|its|their|his|her|this|that)\s+([\w-]+)\b", snippet)
    if not m:
        return []
    head = m.group(1)
    paras = [s for s in ctx.seg.sentences[max(0, ctx.index - 2):ctx.index + 1] if s.paragraph == sent.paragraph]
    lo = paras[0].start if paras else sent.start
    for cand in reversed(_in(ctx, lo, span[0], types)):
        if cand.entity in exclude:
            continue
        heads = ctx.lex.anaphora_heads.get(cand.type, ())
        if head in heads or cand.name.lower().split()[-1] == head:
            return [cand]
    return []


def _dates_for(ctx: _Ctx, sent: Sentence, a: int, b: int, tight: bool | str, dates: list[DateExpr],
               election: bool = False) -> list[DateExpr]:
    """The date expressions of an event: nearest in the sentence, else the paragraph's, else the section's."""
    usable = [d for d in dates if sent.start <= d.start and d.end <= sent.end and (
        d.role in {"event", "election"} or tight and d.role == "attribute" and 0 <= a - d.end <= 25)]
    opening = [d for d in usable if _opening(ctx.text, sent, d) and tight != "adjective"]
    if tight:
        usable = [d for d in usable if d.start >= a - 45 and d.end <= b + 30] + [d for d in opening if d not in usable]
    if not election:
        usable = [d for d in usable if not (d.kind == "relative" and d.unit == "day" and d.offset == 0
                                            and d.start > b and ctx.text[b:d.start].strip(" ,") == "")]

    def rank(d: DateExpr) -> tuple[int, int, int]:
        group = 0 if d.role == "event" and d.kind != "loose" else 1 if d.kind == "loose" else 2
        if election and d.role == "election":
            group = 0
        dist = a - d.end if d.end <= a else d.start - b
        # an election report names the election by its year and dates it by its day: the day wins
        precise = -((d.month is not None) + (d.day is not None)) if election else 0
        return group, precise, max(dist, 0)

    if usable:
        usable.sort(key=rank)
        best = usable[0]
        out = [best]
        other = {"absolute": "relative", "relative": "absolute"}.get(best.kind)
        for d in usable[1:]:
            if d.kind == other and rank(d)[0] == 0:
                out.append(d)  # an absolute and a relative date for the same event: both are claims
                break
        return out
    if tight == "adjective":
        return []  # "the dissolved party": an earlier event, dated only by words next to it
    # the paragraph's: a date opening its first sentence
    first = ctx.first_of.get(sent.paragraph)
    if first is not None and first != sent:
        op = [d for d in dates if first.start <= d.start and d.end <= first.end and _opening(ctx.text, first, d)]
        if op:
            return op[:1]
    # the section's: a heading naming one year
    sec = ctx.seg.section[sent.paragraph]
    if sec is not None:
        h = ctx.seg.paragraphs[sec]
        hd = [d for d in find_dates(ctx.text, h.start, h.end) if d.kind == "absolute" and d.role != "citation"]
        if len({d.year for d in hd}) == 1 and all(d.month is None for d in hd):
            return hd[:1]
    return []


def _opening(text: str, sent: Sentence, d: DateExpr) -> bool:
    """A date adverbial opening the sentence ("In May 2023, ...", "This year alone, ...")."""
    head = text[sent.start:d.start]
    if not re.fullmatch(r"\s*(?:(?:however|then|also|moreover|furthermore|additionally|firstly|secondly|thirdly|"
                        r"finally|subsequently|similarly|meanwhile|later|earlier),?\s+)?"
                        r"(?:(?:in|on|during|by|at|the|and|early|late|mid-)\s*)*", head, re.I):
        return False
    tail = text[d.end:min(sent.end, d.end + 60)]
    return "," in tail and _words(tail.split(",", 1)[0]) <= 3


def _implied(spec: TypeSpec, ctx: _Ctx, a: int) -> list[Mention]:
    before = ctx.text[max(0, a - 30):a].lower().split()
    if before and before[-1] in spec.implied_target:
        type_, name = spec.implied_target[before[-1]]
        actor = actor_by_name(type_, name)
        if actor is not None:
            return [Mention(a, a, actor.id, actor.type, actor.name, "implied")]
    return []


def _instrument(ctx: _Ctx, sent: Sentence) -> list[Mention]:
    if ctx.lex.instrument is None:
        return []
    out = []
    for m in ctx.lex.instrument.finditer(ctx.text, sent.start, sent.end):
        out += _first_after(ctx, m.end(), sent.end, ctx.lex.instrument_types, 3)[:1]
    return out


def _typed_event(ctx: _Ctx, spec: TypeSpec, sent: Sentence, m: re.Match[str], noun: bool,
                 dates: list[DateExpr]) -> list[Claim]:
    text = ctx.text
    a, b = m.start(), m.end()
    lo, hi = _clause(ctx, sent, a, b)
    if _hedged(ctx, lo, a):
        return []
    trig = " ".join(m.group(0).lower().split())
    if trig in spec.after:
        nxt = " ".join(text[b:b + 50].lower().split()[:5])
        if not any(re.search(rf"\b{re.escape(w)}\b", nxt) for w in spec.after[trig]):
            return []
    before = text[max(lo, a - 40):a]
    agents: list[Mention] = []
    targets: list[Mention] = []
    tight: bool | str = noun
    if noun:
        prev = before.lower().split()
        if prev and prev[-1] in ctx.lex.generic_before:
            return []
        p = _PREP_AFTER.match(text, b, hi)
        if p:
            targets = _first_after(ctx, p.end(), hi, spec.target, 7)
            if not targets:
                targets = _anaphor(ctx, sent, (p.end() - 1, hi), spec.target, set())
        targets = targets or _implied(spec, ctx, a)
        poss = [x for x in _in(ctx, lo, a, spec.agent) if _POSS.match(text[x.end:a])]
        if poss:
            agents = poss[-1:]
        else:
            end = max([t.end for t in targets if t.end > b] + [b])
            by = re.compile(r"\s*(?:\([^()]*\)\s*)?(?:,\s*)?(?:by|from)\s+", re.I).match(text, end, hi)
            if by:
                agents = _first_after(ctx, by.end(), hi, spec.agent, 3)
            elif _LIGHT.search(text[max(lo, a - 50):a]):
                agents = _nearest_before(ctx, lo, a, spec.agent, 12)
    else:
        passive = bool(_BE.search(before)) or bool(re.match(r"\s+by\s", text[b:b + 5]))
        reduced = bool(re.search(r",\s*(?:\w+ly\s+)?$", before)) and bool(
            _in(ctx, max(lo, a - 60), a, spec.target)) and trig.endswith("ed")
        adjectival = bool(_DET.search(before)) and not passive
        if adjectival:
            targets = _first_after(ctx, b, hi, spec.target, 2)
            tight = "adjective"
        elif passive or reduced:
            be = _BE.search(before)
            stop = a - (len(before) - be.start()) if be else a
            targets = _nearest_before(ctx, lo, stop, spec.target, 15)
            if not targets:
                targets = _anaphor_before(ctx, sent, lo, stop, spec.target)
            by = re.compile(r"\s*(?:\w+\s+){0,4}?by\s+", re.I).match(text, b, hi)
            if by:
                agents = _first_after(ctx, by.end(), hi, spec.agent, 4)
        elif trig in spec.subject_is_target:
            targets = _nearest_before(ctx, lo, a, spec.target, 15, subject=True)
        else:
            agents = _nearest_before(ctx, lo, a, spec.agent, 15, subject=True)
            if not agents:
                agents = _anaphor_before(ctx, sent, lo, a, spec.agent)
            targets = _first_after(ctx, b, hi, spec.target, 10)
            if not targets:
                targets = _anaphor(ctx, sent, (b, hi), spec.target, {x.entity for x in agents})
    agents = [x for x in agents if _agent_ok(spec, x)]
    targets = [t for t in targets if t.entity not in {x.entity for x in agents}]
    required = spec.requires or (("target",) if noun else ())
    if "agent" in required and not agents or "target" in required and not targets or not (agents or targets):
        return []
    reach = max([b] + [x.end for x in agents + targets if x.start > a and x.end - b < 80])
    found = _dates_for(ctx, sent, a, reach if tight else b, tight, dates)
    instruments = [i for i in _instrument(ctx, sent) if i.entity not in {t.entity for t in targets}]
    ev = ctx.src.evidence(sent.start, sent.end)
    base = [Participant("agent", x.entity) for x in agents] + [Participant("instrument", i.entity) for i in instruments]
    groups = [[t] for t in targets] or [[]]
    return [Claim(spec.name, sorted(set(base + [Participant("target", t.entity) for t in g])), ev, ev.document, a,
                  list(found), {"trigger": trig}) for g in groups]


def _anaphor_before(ctx: _Ctx, sent: Sentence, lo: int, stop: int, types: frozenset[str]) -> list[Mention]:
    chunk = re.sub(r"(?:\s+\w+ly)+\s*$", " ", ctx.text[lo:stop])
    if re.search(r"(?:^|[,;]\s*|\band\s+)(?:he|she)\s+(?:was\s+|had\s+been\s+|has\s+been\s+)?$", chunk, re.I) \
            and "Person" in types:
        return _last_person(ctx, sent, lo + len(chunk.rstrip()) - 3)
    m = re.search(r"\b(?:the|its|their|this|that)\s+[\w-]+\s*$", chunk, re.I)
    if not m:
        return []
    return _anaphor(ctx, sent, (lo + m.start(), stop), types, set())


def _stance(ctx: _Ctx, lo: int, hi: int) -> str | None:
    """The strongest stance cued in ``text[lo:hi]`` and not negated ("did not condemn")."""
    text = ctx.text
    for (name, rx), (_, nouns) in zip(ctx.lex.stances, _noun_table(ctx), strict=True):
        for r in (rx, nouns):
            for m in r.finditer(text, lo, hi) if r is not None else ():
                if not _NEG.search(text[max(lo, m.start() - 25):m.start()]):
                    return name
    return None


def _noun_table(ctx: _Ctx) -> list[tuple[str, re.Pattern[str] | None]]:
    nouns = dict(ctx.lex.stance_nouns)
    return [(name, nouns.get(name)) for name, _ in ctx.lex.stances]


_NEGATIONS = frozenset({"not", "n't", "never", "neither", "nor"})
_NEG = re.compile(r"\b(?:not|never|no|neither|n't|without|refused to|declined to)\s+(?:\w+\s+)?$", re.I)


def _last_person(ctx: _Ctx, sent: Sentence, before: int) -> list[Mention]:
    """"He was sentenced": the one person named in this sentence or the two before, same paragraph."""
    paras = [s for s in ctx.seg.sentences[max(0, ctx.index - 2):ctx.index + 1] if s.paragraph == sent.paragraph]
    lo = paras[0].start if paras else sent.start
    persons = _in(ctx, lo, before, frozenset({"Person"}))
    return persons[-1:] if len({m.entity for m in persons}) == 1 else []  # two candidates: unresolved


def _statements(ctx: _Ctx, sent: Sentence, dates: list[DateExpr]) -> list[Claim]:
    lex = ctx.lex
    text = ctx.text
    agent_types = lex.foreign_agent | lex.domestic_agent
    cues: list[tuple[int, int]] = []
    for _, rx in lex.stances:
        cues += [(m.start(), m.end()) for m in rx.finditer(text, sent.start, sent.end)]
    if lex.stmt_verbs is not None:
        cues += [(m.start(), m.end()) for m in lex.stmt_verbs.finditer(text, sent.start, sent.end)]
    nouns = [(m.start(), m.end()) for _, rx in lex.stance_nouns for m in rx.finditer(text, sent.start, sent.end)]
    after = re.compile(r"\s*(?:[\w'’]+\s+){0,8}?(?:" + "|".join(lex.stmt_agent_after or ["by"]) + r")\s+", re.I)
    for a, b in sorted(cues) + sorted(nouns):
        lo, hi = _clause(ctx, sent, a, b)
        verbal = (a, b) not in nouns
        before = text[max(lo, a - 40):a]
        if verbal and (_BE.search(before) and not re.search(r"\b(?:is|are|was|were)\s+(?:\w+ly\s+)?$", before)
                       or re.match(r"\s+by\s", text[b:b + 5])
                       or re.search(r",\s*$", before) and re.match(r"\s+(?:to|by|in|on|at|for)\b", text[b:b + 6])):
            continue  # "results announced by", "being declared": not the subject speaking
        if _hedged_statement(ctx, lo, a):
            continue
        agents = _nearest_before(ctx, lo, a, agent_types, 14, subject=True) if verbal else []
        if agents and not _subject_gap(_strip_paren(text[agents[0].end:a])):
            agents = []
        if not agents:
            am = after.match(text, b, hi)
            if am:
                agents = _first_after(ctx, am.end(), hi, agent_types, 4)
        if not agents:
            continue
        # what the speaker said follows the speaker: cues before it are someone else's
        stance = _stance(ctx, min(x.start for x in agents) if agents[0].end <= a else lo, hi)
        foreign = [x for x in agents if x.type in lex.foreign_agent]
        domestic = [x for x in agents if x.type not in lex.foreign_agent]
        found = _dates_for(ctx, sent, a, b, False, dates)
        ev = ctx.src.evidence(sent.start, sent.end)
        out = []
        for group, type_ in ((foreign, "ForeignStatement"), (domestic, "Statement")):
            for x in group:
                attrs: dict[str, Any] = {"trigger": " ".join(text[a:b].lower().split())}
                if stance:
                    attrs["stance"] = stance
                out.append(Claim(type_, [Participant("agent", x.entity)], ev, ev.document, a, list(found), attrs))
        return out
    return []


def _subject_gap(gap: str) -> bool:
    """Between a speaker and its verb: nothing, a verb group, or an apposition closed by a comma
    ("COMFREL, a watchdog, said"); not another noun phrase (", a spokesman said")."""
    gap = gap.strip()
    if "," not in gap:
        return True
    return gap.startswith(",") and gap.endswith(",")


def _hedged_statement(ctx: _Ctx, lo: int, a: int) -> bool:
    """Hedges other than the statement cues themselves ("urged", "call for")."""
    window = re.split(r"[,“”\"]", _MONTH_MAY.sub("", ctx.text[max(lo, a - 60):a]))[-1]
    tail = " ".join(window.split()[-6:])
    for m in ctx.lex.hedges.finditer(tail):
        word = m.group(0).lower()
        if not any(rx.fullmatch(word) for _, rx in ctx.lex.stances) and word not in _NEGATIONS:
            return True
    return False


def _elections(ctx: _Ctx, sent: Sentence, dates: list[DateExpr]) -> list[Claim]:
    lex = ctx.lex
    if lex.election_triggers is None:
        return []
    text = ctx.text
    for m in lex.election_triggers.finditer(text, sent.start, sent.end):
        a, b = m.start(), m.end()
        phrase = m.group(0).lower()
        near_noun = lex.election_nouns is not None and lex.election_nouns.search(text[max(sent.start, a - 60):a])
        if "elect" not in phrase and not near_noun:
            continue
        lo, _ = _clause(ctx, sent, a, b)
        if _hedged(ctx, lo, a):
            continue
        kind = election_kind_of(text[sent.start:sent.end], lex.default_kind, near=a - sent.start)
        found = [d for d in _dates_for(ctx, sent, a, b, False, dates, election=True) if d.kind != "loose"]
        if not found:
            continue
        ev = ctx.src.evidence(sent.start, sent.end)
        return [Claim("Election", [], ev, ev.document, a, list(found), {"kind": kind, "trigger": phrase}, kind)]
    return []


def extract_events(src: SourceText, mentions: list[Mention], seg: Segmentation | None = None) -> list[Claim]:
    """The event claims of one document."""
    lex = lexicon()
    seg = seg or segment(src.clean, lex.back_matter)
    scope = paragraph_scope(src.clean, seg.paragraphs)
    dates = find_dates(src.clean, 0, seg.paragraphs[-1].end if seg.paragraphs else 0)
    ctx = _Ctx(src, seg, sorted(mentions), lex)
    out: list[Claim] = []
    for i, sent in enumerate(seg.sentences):
        if not scope[sent.paragraph] or seg.paragraphs[sent.paragraph].heading:
            continue
        ctx.index = i
        claims: list[Claim] = []
        for spec in lex.types:
            for rx, noun in ((spec.verbs, False), (spec.nouns, True)):
                if rx is None:
                    continue
                for m in rx.finditer(src.clean, sent.start, sent.end):
                    claims += _typed_event(ctx, spec, sent, m, noun, dates)
        claims += _statements(ctx, sent, dates)
        claims += _elections(ctx, sent, dates)
        out += _merge_in_sentence(claims)
    return out


def _merge_in_sentence(claims: list[Claim]) -> list[Claim]:
    """Two triggers of one type in one sentence naming the same target are one claim."""
    out: list[Claim] = []
    for c in claims:
        same = next((o for o in out if o.type == c.type and (
            o.entities("target") & c.entities("target")
            or o.entities("target") == c.entities("target") and o.entities("agent") == c.entities("agent"))), None)
        if same is None:
            out.append(c)
            continue
        same.participants = sorted(set(same.participants) | set(c.participants))
        same.dates = same.dates or c.dates
        for k, v in c.attributes.items():
            same.attributes.setdefault(k, v)
    return out
