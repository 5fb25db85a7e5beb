"""Which date expressions belong to an event: the one in the sentence nearest the trigger (an
absolute and a relative one both, when a passage gives both); else a date opening the paragraph (unless
the paragraph names another year before the sentence);
else a section heading naming one year (unless the sentence looks back: "previously", "had"); else none.
Never invented."""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING

from loaders.dates.expressions import DateExpr, find_dates
from loaders.text.sentences import Sentence

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

    from loaders.parse.document import ParsedDocument as Passage

_WORD = re.compile(r"[\w'’-]+")


def count_words(s: str) -> int:
    return len(_WORD.findall(s))

# words placing what a sentence tells before the time its section is about
_ANTERIOR = re.compile(r"\b(?:previously|formerly|earlier|once|had)\b", re.I)


def dates_for(ctx: Passage, sent: Sentence, a: int, b: int, tight: bool | str, dates: list[DateExpr],
               election: bool = False, keep: Callable[[DateExpr], bool] | None = None) -> list[DateExpr]:
    """The date expressions of an event: nearest in the sentence, else the paragraph's, else the section's.
    ``keep`` says which of the sentence's dates may be the event's (``clause_of``)."""
    usable = [d for d in dates if sent.start <= d.start and d.end <= sent.end and (
        d.role in {"event", "election"} or tight and d.role == "attribute" and 0 <= a - d.end <= 25)
        and (keep is None or keep(d))]
    # "the dissolved CNRP", "upheld the NEC's disqualification": an earlier event, dated only by words next to it
    earlier = tight in ("adjective", "known")
    openers = [d for d in usable if opening(ctx.text, sent, d) and not earlier]
    if tight:
        near = [d for d in usable if d.start >= a - 45 and d.end <= b + 30]
        usable = near + [d for d in openers if d not in near]  # "On 11 February, <a long subject> announced .."
    if not election:
        usable = [d for d in usable if not (d.kind == "relative" and d.unit == "day" and d.offset == 0
                                            and d.start > b and ctx.text[b:d.start].strip(" ,") == "")]

    def rank(d: DateExpr) -> tuple[int, bool, int, int]:
        group = 0 if d.role == "event" and d.kind != "loose" else 1 if d.kind == "loose" else 2
        if election and d.role == "election":
            group = 0
        dist = a - d.end if d.end <= a else d.start - b
        # an election report names the election by its year and dates it by its day: the day wins
        precise = -((d.month is not None) + (d.day is not None)) if election else 0
        return group, inserted(ctx.text, sent, d, a), precise, max(dist, 0)

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
    if earlier:
        return []  # "the dissolved party": an earlier event, dated only by words next to it
    # the paragraph's: a date opening its first sentence
    first = ctx.first_of.get(sent.paragraph)
    if first is not None and first != sent:
        op = [d for d in dates if first.start <= d.start and d.end <= first.end and opening(ctx.text, first, d)]
        # the paragraph has moved on in time ("In 1993, ... in March 1996 ... in 1997"): the opener no longer governs
        if op and not _moved_on(ctx, sent, dates, op[0].year):
            return op[:1]
    # the section's: a heading naming one year
    sec = ctx.seg.section[sent.paragraph]
    if sec is not None and not _ANTERIOR.search(ctx.text, sent.start, sent.end):
        h = ctx.seg.paragraphs[sec]
        hd = [d for d in find_dates(ctx.text, h.start, h.end) if d.kind == "absolute" and d.role != "citation"]
        if len({d.year for d in hd}) == 1 and all(d.month is None for d in hd) \
                and not _moved_on(ctx, sent, dates, hd[0].year):
            return hd[:1]
    return []


def _moved_on(ctx: Passage, sent: Sentence, dates: list[DateExpr], year: int | None) -> bool:
    """The paragraph names another year before the sentence ("In 1993, ... in March 1996 ... in 1997"):
    a date opening the paragraph or heading the section no longer governs the sentence."""
    start = ctx.seg.paragraphs[sent.paragraph].start
    return any(start <= d.start < sent.start and d.kind == "absolute" and d.role == "event" and d.year != year
               for d in dates)


def inserted(text: str, sent: Sentence, d: DateExpr, a: int) -> bool:
    """A date in an aside between commas before the trigger ("The LPP, first adopted in 1997, was
    amended in 2017"): it dates something else than the event, and yields to any other date."""
    if d.end > a or "," not in text[d.end:a]:
        return False
    head = text[sent.start:d.start]
    return "," in head and not opening(text, sent, d)


def opening(text: str, sent: Sentence, d: DateExpr) -> bool:
    """A date adverbial opening the sentence ("In May 2023, ...", "This year alone, ...")."""
    head = text[sent.start:d.start]
    if not re.fullmatch(r"\s*(?:(?:however|then|also|moreover|furthermore|additionally|firstly|secondly|thirdly|"
                        r"finally|subsequently|similarly|meanwhile|later|earlier),?\s+)?"
                        r"(?:(?:in|on|during|by|at|the|and|early|late|mid-)\s*)*", head, re.I):
        return False
    tail = text[d.end:min(sent.end, d.end + 60)]
    return "," in tail and count_words(tail.split(",", 1)[0]) <= 3


def clause_of(doc: Doc, offset: int, trigger: Token) -> Callable[[DateExpr], bool]:
    """Which dates of a sentence (parsed as ``doc``, starting at ``offset``) may date ``trigger``: those
    whose nearest verb in the tree is the trigger, a verb coordinated with it ("arrested and jailed on
    3 May") or one of the verbs it hangs from. A date in another clause dates that clause ("was
    sentenced to 27 years: the party, dissolved in 2017, ...": 2017 dates the dissolution)."""
    mine = {trigger.i} | {x.i for x in trigger.ancestors} | {x.i for x in trigger.conjuncts}

    def keep(d: DateExpr) -> bool:
        span = doc.char_span(d.start - offset, d.end - offset, alignment_mode="expand")
        if span is None or not len(span):
            return True
        x = span.root
        while x.pos_ not in ("VERB", "AUX") and x.head.i != x.i:
            x = x.head
        return x.pos_ not in ("VERB", "AUX") or x.i in mine
    return keep
