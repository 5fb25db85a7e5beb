"""The event claims of one parsed document: typed events, statements and election reports of each
sentence in a paragraph about the home country (headings aside); two triggers of one type in one
sentence naming the same target are one claim."""

from __future__ import annotations

from functools import cache

from loaders.events.attribution import attributed
from loaders.events.claim import Claim
from loaders.events.elections import elections, first_mentions
from loaders.events.implicit import carry_agents
from loaders.events.lexicon import lexicon
from loaders.events.named_laws import named_laws
from loaders.events.statements import statements
from loaders.events.typed import trigger_words, typed_events
from loaders.events.view import SentenceView
from loaders.parse.document import ParsedDocument
from loaders.text.source import SourceText


@cache
def _cue_words() -> frozenset[str]:
    """Lemmas and word forms that may start any claim: a sentence without one is skipped unread."""
    lex = lexicon()
    words = set(trigger_words(lex)) | lex.stmt_verbs | set(lex.stmt_complement_verbs) | lex.stmt_noun_verbs
    words |= lex.stance_adjectives
    for s in lex.stances:
        words |= s.lemmas
    words |= {v for v, _ in lex.election_verbs} | lex.victory_verbs | lex.victory_nouns | lex.election_nouns
    words |= {"according"}
    return frozenset(words)


def extract_events(pd: ParsedDocument) -> list[Claim]:
    lex = lexicon()
    cues = _cue_words()
    out: list[Claim] = []
    for i, sent in enumerate(pd.seg.sentences):
        if not pd.scope[sent.paragraph] or pd.seg.paragraphs[sent.paragraph].heading:
            continue
        doc = pd.parses[i]
        if not any(t.lemma_.lower() in cues or t.lower_ in cues for t in doc):
            if any(t.like_num and len(t.text) == 4 for t in doc):  # "the 2016 Trade Union Law"
                out += named_laws(SentenceView(pd, i, lex))
            continue
        v = SentenceView(pd, i, lex)
        typed = typed_events(v)
        # a word that triggers a typed event is not also a statement cue ("the court rejected the appeal")
        said = [c for c in statements(v) + attributed(v) if c.pos not in {t.pos for t in typed if not t.frame}]
        # elections of one sentence are told apart by kind and year already ("the 2018 and the 2023 elections")
        out += merge_in_sentence(typed + named_laws(v) + said) + elections(v)
    return first_mentions(carry_agents(out, pd, lex), lex.election_nouns)


def _agents_agree(a: Claim, b: Claim) -> bool:
    """Claims by different agents ("A, B and C issued statements") stay apart."""
    x, y = a.entities("agent"), b.entities("agent")
    return not x or not y or bool(x & y)


def _same_event(o: Claim, c: Claim) -> bool:
    """Two claims of one sentence that tell one event (frames never merge: they are no event)."""
    if o.type != c.type or o.frame or c.frame or not _agents_agree(o, c):
        return False
    return bool(o.entities("target") & c.entities("target")
                or o.entities("target") == c.entities("target") and o.entities("agent") == c.entities("agent")
                or set(o.participants) <= set(c.participants) or set(c.participants) <= set(o.participants))


def merge_in_sentence(claims: list[Claim]) -> list[Claim]:
    """Two triggers of one type in one sentence naming the same target are one claim."""
    out: list[Claim] = []
    for c in claims:
        same = next((o for o in out if _same_event(o, c)), None)
        if same is None:
            out.append(c)
            continue
        same.participants = sorted(set(same.participants) | set(c.participants))
        same.dates = same.dates or c.dates
        for k, val in c.attributes.items():
            same.attributes.setdefault(k, val)
    return out


def claims_of(src: SourceText) -> list[Claim]:
    """The event claims of one source, parsed now (no cache): for tests and one-off use."""
    from loaders.actors.find import find_mentions
    from loaders.parse.cache import ParseCache
    from loaders.parse.document import parse_documents

    pd = parse_documents([src], ParseCache(None), lexicon().back_matter, find_mentions)[0]
    return extract_events(pd)
