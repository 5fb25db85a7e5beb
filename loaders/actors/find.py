"""Actor mentions of a document and the entities they name.

``find_mentions(src)`` returns where ``src.clean`` names an actor: names of the actors file
(``loaders.actors.matcher``), acronyms the document defines, names found by naming patterns, titles
and law articles (``loaders.actors.rules``), persons introduced with an affiliation ("Nuth
Sokhom, formerly of FUNCINPEC") or in a list of members, and a surname alone standing for a person
named in full earlier in the document. Mentions are sorted and never overlap: the longest wins, then
the most reliable rule (lexicon, acronym, title, pattern, surname).

``register(mentions, src, facts)`` adds the entities they name, with their aliases and, per
document, the passage of the first mention as evidence.
"""

from __future__ import annotations

import bisect
import re
from collections import Counter
from collections.abc import Iterable
from functools import cache

from graph.ids import entity_id
from graph.model import Entity
from loaders.actors import rules
from loaders.actors.matcher import lexicon_matcher
from loaders.actors.mention import Mention
from loaders.actors.names import Token, fold, tokenize
from loaders.factlog import FactLog
from loaders.lexicon import ORG_MARK, actor_by_id, actors, phrase_regex, roles
from loaders.text.alternation import words as word_alternation
from loaders.text.source import SourceText
from loaders.text.textspans import sentence_at

PRIORITY = {"lexicon": 0, "acronym": 1, "title": 2, "pattern": 3, "surname": 4, "ner": 5}
DOMESTIC_TYPES = frozenset({"Institution", "Law"})
ORG_TYPES = frozenset({"Party", "Organization", "Institution", "MediaOutlet", "ForeignActor"})
_ARTICLE_NAME = re.compile(r"^Article (?P<n>.+?) of (?P<law>.+)$")
_NAME = r"[A-Z][a-zA-Z'\u2019\-]+(?:(?:[ ]+|[ ]*\n[ ]*)[A-Z][a-zA-Z'\u2019\-]+){1,2}"


def select(cands: Iterable[Mention]) -> list[Mention]:
    """Non-overlapping mentions: at each place the longest, then the most reliable rule."""
    ordered = sorted(cands, key=lambda m: (-(m.end - m.start), PRIORITY.get(m.how, 9), m.start))
    starts: list[int] = []
    taken: list[Mention] = []  # sorted by start, never overlapping
    for m in ordered:
        k = bisect.bisect_left(starts, m.start)
        if (k == 0 or taken[k - 1].end <= m.start) and (k == len(taken) or m.end <= taken[k].start):
            starts.insert(k, m.start)
            taken.insert(k, m)
    return taken


def _covered(toks: list[Token], mentions: list[Mention]) -> list[bool]:
    spans = sorted((m.start, m.end) for m in mentions)
    out, k = [], 0
    for t in toks:
        while k < len(spans) and spans[k][1] <= t.start:
            k += 1
        out.append(k < len(spans) and spans[k][0] < t.end)
    return out


@cache
def _foreign_words() -> frozenset[str]:
    """Words that make a Cambodian body's name foreign: "Thai National Assembly", "Indonesia's Constitution"."""
    names = {fold(n) for a in actors() if a.type == "ForeignActor" and len(a.name.split()) == 1 for n in a.names}
    return frozenset(names | {fold(q) for q in roles()["foreign_qualifiers"]})


def _foreign_before(text: str, toks: list[Token], i: int) -> bool:
    if i == 0:
        return False
    prev = toks[i - 1]
    joined = text[prev.end:toks[i].start].strip(" '\u2019s") == ""
    return joined and prev.capitalised and prev.folded in _foreign_words()


def _lexicon_mentions(text: str, toks: list[Token]) -> list[Mention]:
    out = []
    for m in lexicon_matcher().find(text, toks):
        a = m.actor
        if a.type in DOMESTIC_TYPES and _foreign_before(text, toks, m.start):
            continue  # another country's body, not Cambodia's
        out.append(Mention(toks[m.start].start, toks[m.end - 1].end, a.id, a.type, a.name, "lexicon"))
    return out


#: an acronym defined in words right after its long form ("..., or WVN,"; "..., known as WVN")
_SPELLED_OUT = re.compile(r"\s*(?:,\s*|\(\s*)?(?:(?:also\s+)?known\s+as|hereafter|or)\s")


def _acronym_mentions(text: str, toks: list[Token], found: list[Mention]) -> list[Mention]:
    """Acronyms the document defines name the defined actor everywhere in the document."""
    by_end = {m.end: m for m in found}
    defined: dict[str, Mention] = {}
    out: list[Mention] = []
    for acr, s, e in rules.acronym_definitions(text):
        known = by_end.get(e)
        if known is not None and known.start <= s:
            defined.setdefault(acr, known)
            continue
        name = rules.surface(text, s, e)
        long_toks = [t for t in tokenize(name) if t.folded not in rules.CONNECTORS]
        while long_toks and long_toks[0].folded in rules.words().stop:
            name = name[name.index(long_toks[0].text) + len(long_toks[0].text):].strip()
            long_toks = long_toks[1:]
        type_ = rules.head_type(tuple(t.folded for t in tokenize(name)))
        words = tokenize(name)
        if (not type_ and len(words) >= 3 and all(t.capitalised for t in words) and _SPELLED_OUT.match(text, e)
                and "".join(t.shape[0] for t in words) == acr):
            type_ = "Organization"  # "Women Voters Network, or WVN": a name the acronym spells out whole
        overlaps = any(s < f.end and f.start < e for f in found)
        if not type_ or fold(name) in rules.words().generic_names or overlaps:
            continue
        m = rules.mention(e - len(name), e, type_, name, "acronym")
        out.append(m)
        defined.setdefault(acr, m)
    for t in toks:
        d = defined.get(t.shape)
        if d is not None:
            out.append(Mention(t.start, t.end, d.entity, d.type, d.name, "acronym"))
    return out


@cache
def _person_cues() -> tuple[re.Pattern[str], ...]:
    """Phrases that show a capitalised name (group ``name``) is a person, the way memberships do."""
    r = roles()
    ci = lambda alts: "(?i:" + word_alternation(alts) + ")"  # noqa: E731
    affs = "(?i:" + "|".join(phrase_regex(a["phrase"]).replace("(?P<org>", "(?:") for a in r["affiliations"]) + ")"
    role, ends, starts = ci(r["body_roles"]), ci(r["role_end"]), ci(r["role_start"])
    nouns = ci([n + "s" for n in r["person_nouns"]] + r["person_nouns"] + list(r["body_roles"]))
    led = ci(list(r["led_by"]))
    heads = ci(list(r["head_verbs"]))
    title = ci([t["words"] for t in r["titles"] if t["words"][:1].isupper()])
    org = ORG_MARK + rf" *(?:['\u2019]s)?(?:\s*\(\s*(?:{ORG_MARK} *|[A-Z][A-Za-z]{{1,9}})\))?"
    det = r"(?:(?i:the|a|an)\s+)?(?:[a-z][a-z-]+\s+)?"  # "the exiled", "a former"
    names = rf"{_NAME}(?:\s*,\s*{_NAME})*(?:\s*,?\s+and\s+{_NAME})?"
    return tuple(re.compile(p) for p in (
        rf"(?P<name>{names})\s*,?\s+{affs}",                             # X, formerly of FUNCINPEC
        rf"\b{ci(r['person_groups'])}\s*,?\s+{ci(r['list_intros'])}\s+(?P<name>{names})",  # members such as X
        rf"{org}\s+{role},?\s+(?P<name>{names})",                        # NEC chair X; NEC members X and Y
        rf"\b{role}\s+(?i:of)\s+(?:(?i:the)\s+)?{org},?\s+(?P<name>{_NAME})",  # president of the CLP, X
        rf"(?P<name>{_NAME})(?:\s*,|\s+(?:is|was|has\s+been))\s+{det}(?:{org}\s+{role}|{role}\s+(?i:of)\s+(?:(?i:the)\s+)?{org})",
        rf"(?P<name>{_NAME})(?:['\u2019]s)?\s+{ends}",                    # X's resignation as
        rf"(?P<name>{_NAME}),\s+(?i:who)\s+(?i:continues|remains|serves|acts|stays)\s+(?i:as)\s+"
        rf"(?i:the|a|an)\s+(?:[\w'\u2019-]+\s+)?{role}\b",               # X, who continues as the body's spokesman
        rf"(?P<name>{_NAME})\s+{starts}\s+{det}(?:{org}\s+{role}|{role}\s+(?i:of)\s+(?:(?i:the)\s+)?{org})",
        rf"\b{nouns},\s+(?P<name>{_NAME}),",                               # their lawyer, X, said
        rf"(?P<name>{_NAME}),\s+(?i:a|an|the)\s+(?:[a-z][\w-]*\s+){{0,3}}?{nouns}\b",  # X, a rights lawyer
        rf"(?:{org},?\s+|\b(?i:is|was|are|were)\s+)(?:(?i:is|was|are|were|now|currently|then)\s+)*{led}\s+by\s+"
        rf"(?:{title}\s+)?(?P<name>{_NAME})",                        # the CNP, led by X; is headed by X
        rf"(?P<name>{_NAME}),?\s+(?:(?i:who)\s+)?(?:(?i:now|currently|still|also)\s+)?{heads}\s+(?:(?i:the)\s+)?{org}",
        rf"{org}['\u2019]s\s+(?P<name>{_NAME})\s+(?i:said|says|told|added|argued|wrote|stated)\b",  # the GDP's X said
        # X, who chairs the NEC
    ))


def _cued_persons(text: str, found: list[Mention]) -> list[Mention]:
    """Persons named with a tie to a body ("X, formerly of FUNCINPEC", "NEC chair X", "members, such as
    X, Y and Z"): two or three capitalised words where the phrase puts a person."""
    masked = list(text)
    for f in found:
        if f.type in ORG_TYPES:
            masked[f.start:f.end] = ORG_MARK + " " * (f.end - f.start - 1)
    mtext = "".join(masked)
    res = []
    for pat in _person_cues():
        for m in pat.finditer(mtext):
            for n in re.finditer(_NAME, m.group("name")):
                s, e = m.start("name") + n.start(), m.start("name") + n.end()
                e -= 2 if re.search(r"['\u2019]s$", text[s:e]) else 0
                head = re.match(r"\S+\s+", text[s:e])
                if head and fold(head.group()) in rules.words().titles and len(text[s:e].split()) == 3:
                    s += head.end()  # "Justice Sok Vanna was a party lawmaker": the title is no name
                name = rules.surface(text, s, e)
                if rules.person_name_ok(name):
                    res.append(rules.mention(s, e, "Person", name, "pattern"))
    return res


def _surname_mentions(text: str, toks: list[Token], found: list[Mention]) -> list[Mention]:
    """A capitalised word equal to the last word of a person named in full earlier names that person;
    so does the first word (a Khmer family name) when no other person of the document shares it."""
    persons = sorted(m for m in found if m.type == "Person" and len(m.name.split()) >= 2)
    covered = _covered(toks, found)
    stop = rules.words().stop | rules.words().generic
    out, last, first, k = [], {}, {}, 0
    firsts = Counter(tokenize(p.name)[0].folded for p in {p.entity: p for p in persons}.values())
    for i, t in enumerate(toks):
        while k < len(persons) and persons[k].end <= t.start:
            name = tokenize(persons[k].name)
            last[name[-1].folded] = persons[k]
            if firsts[name[0].folded] == 1:  # Khmer order: the family name first ("Kimsour said")
                first[name[0].folded] = persons[k]
            k += 1
        p = last.get(t.folded) or first.get(t.folded)
        if p is None or covered[i] or not t.capitalised or len(t.folded) < 4 or t.folded in stop:
            continue
        prev_joined = (i > 0 and toks[i - 1].capitalised and toks[i - 1].folded not in stop
                       and text[toks[i - 1].end:t.start].strip() == "")
        next_joined = (i + 1 < len(toks) and toks[i + 1].capitalised
                       and text[t.start + len(t.text):toks[i + 1].start].strip() == "")
        if not prev_joined and not next_joined:
            out.append(Mention(t.start, t.end, p.entity, "Person", p.name, "surname"))
    return out


def foreign_name(name: str) -> bool:
    """A body's name holding another country's word ("Swedish Ministry for Foreign Affairs")."""
    foreign = _foreign_words()
    return any(t.folded in foreign for t in tokenize(name))


def _foreign_bodies(found: list[Mention]) -> list[Mention]:
    """A state body found by its naming pattern is another country's when its name holds a foreign
    word ("Swedish Ministry for Foreign Affairs", "Lao Constitutional Court")."""
    foreign = _foreign_words()
    out = []
    for m in found:
        if m.how != "lexicon" and m.type == "Institution" and any(t.folded in foreign for t in tokenize(m.name)):
            m = rules.mention(m.start, m.end, "ForeignActor", m.name, m.how)
        out.append(m)
    return out


def find_mentions(src: SourceText) -> list[Mention]:
    text = src.clean
    toks = tokenize(text)
    found = _lexicon_mentions(text, toks)
    found = select(found + _acronym_mentions(text, toks, found))
    lexical = [m for m in found if m.how == "lexicon"]
    others = [m for m in found if m.how != "lexicon"]
    found = select(found + rules.titled_persons(text)
                   + rules.named_by_head(text, toks, _covered(toks, others), [(m.start, m.end) for m in lexical]))
    found = _foreign_bodies(found)
    laws = {m.start: m for m in found if m.type == "Law"}
    found = select(found + rules.law_articles(text, laws))
    found = select(found + _cued_persons(text, found))
    return select(found + _surname_mentions(text, toks, found))


def register(mentions: Iterable[Mention], src: SourceText, facts: FactLog) -> None:
    """Add the entities ``mentions`` name, each with the passage of its first mention here as evidence."""
    known = actor_by_id()
    seen: set[str] = set()
    for m in sorted(mentions):
        if m.entity in seen:
            continue
        seen.add(m.entity)
        actor = known.get(m.entity)
        aliases = set(actor.aliases) if actor else set()
        attributes = dict(actor.attributes) if actor else {}
        written = rules.surface(src.clean, m.start, m.end)
        if m.how in ("acronym", "surname") and fold(written) != fold(m.name):
            aliases.add(written)
        if m.type == "LawArticle":
            am = _ARTICLE_NAME.match(m.name)
            if am:
                law = re.sub(r"^the ", "", am.group("law"))
                attributes.update(law=entity_id("Law", law), article=am.group("n"))
        s, e = sentence_at(src.clean, m.start)
        evidence = [src.evidence(s, e)]
        facts.add_entity(Entity(m.entity, m.type, m.name, aliases - {m.name}, attributes, evidence))
    # acronyms and surnames the document uses for an actor are its aliases
    for m in mentions:  # every one named an entity added above
        if m.how in ("acronym", "surname"):
            written = rules.surface(src.clean, m.start, m.end)
            if fold(written) != fold(m.name):
                facts.add_alias(m.entity, written)
