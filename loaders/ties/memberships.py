"""People's ties to bodies: roles in the NEC or a party, party affiliations, offices held.

Works on a document's actor mentions: persons and bodies are masked in the clean text (offsets kept)
so that the phrase rules read like the texts do. The words come from ``data/lexicon/roles.yaml``.

- body roles: "NEC chair Sok Vanna", "Dara, an NEC member", "president of the Farmers Party,
  X", "X became the NEC chair" (start = a date of the sentence), "X's resignation as party chairman"
  (end = a date of the sentence);
- affiliations: "X, formerly of the Farmers Party", "A, B, and C, have FP ties", "X, the remaining
  opposition nominee" -> role ``affiliated`` to the party, attribute ``basis`` (former, ties, nominee, ...);
  phrases naming no body but meaning one ("put forward by the ruling party") name it in roles.yaml
  ("the ruling party": the party in power at the sentence's time, ``loaders.ruling_party``);
- composition: in a paragraph about a body's members ("NEC members", "the NEC's composition"), the
  persons listed or introduced with an affiliation are members of that body ("Among the ordinary
  members, X ...": of the body last given an office holder);
- offices: a title with an office in roles.yaml ("Prime Minister X") -> a membership in the
  office's body (the Royal Government of Cambodia, role ``prime-minister``), unless the title is
  foreign ("Lao Prime Minister").
A term stated right after a tie ("since 2021", "from 1993 to 1998", ``loaders.ties.term``) gives its start
and end; a date in the sentence that is neither a start nor an end is kept as attribute ``as_of``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from graph.ids import membership_id
from graph.model import Entity, FuzzyDate, Membership
from loaders.actors.mention import Mention
from loaders.factlog import FactLog
from loaders.lexicon import ORG_MARK, PERSON_MARK, actor_by_name, phrase_regex, roles
from loaders.ruling_party import ruling_party
from loaders.text.alternation import words as word_alternation
from loaders.text.source import SourceText
from loaders.text.textspans import first_date, paragraph_at, sentence_at
from loaders.ties.anaphors import ANAPHOR_WINDOW, BODY_TYPES, body_anaphors
from loaders.ties.term import term_after

AFFILIATION_TYPES = frozenset({"Party", "Organization"})
RULING_PARTY = "ruling party"
"""The ``body`` of a named affiliation that means the party in power at the time."""
#: a body, with its acronym in brackets if given ("the Farmers Party of Laos (FPL)")
ORG = rf"(?P<org>{ORG_MARK}) *(?:['\u2019]s)?(?:\s*\(\s*(?:{ORG_MARK} *|[A-Z][A-Za-z]{{1,9}})\))?"
#: a body named whole, not a part of it ("the CPP's youth wing")
ORG_WHOLE = rf"(?P<org>{ORG_MARK}) *(?!\s*['\u2019]s\b)(?:\s*\(\s*(?:{ORG_MARK} *|[A-Z][A-Za-z]{{1,9}})\))?"
P = f"(?P<p>{PERSON_MARK}) *"
IS = r"(?:,\s*who\s+(?:is|was|continues\s+as|remains|serves\s+as|acts\s+as)|,|\s+(?:is|was|has\s+been|had\s+been))\s+"
PLIST = rf"(?P<plist>{PERSON_MARK}(?:\s*,\s+{PERSON_MARK})*(?:\s*,?\s+and\s+{PERSON_MARK})?) *"
DET = r"(?:(?:the|a|an)\s+)?(?:(?:new|first|interim|acting|current|sole)\s+)?"
ADJ = r"(?:(?:dissolved|banned|defunct|now-dissolved|outlawed|former|ruling|opposition)\s+)?"  # of the dissolved X
FORMER = r"(?:\b(?P<former>former|then|ex)[\s-]+)?"


def _alts(words: list[str]) -> str:
    return word_alternation(words)


@dataclass(frozen=True)
class Rules:
    role_of: dict[str, str]
    patterns: tuple[tuple[str, re.Pattern[str]], ...]
    affiliations: tuple[tuple[str, re.Pattern[str]], ...]
    composition: tuple[re.Pattern[str], ...]
    offices: dict[str, dict[str, str]]
    office_re: re.Pattern[str]
    foreign: frozenset[str]
    bare: re.Pattern[str]  # a role without its body: "vice-chair X"
    bare_start: re.Pattern[str]  # "X ... was chosen as vice-chair"
    named: tuple[tuple[str, str, re.Pattern[str]], ...]  # basis, body, "X, ... put forward by the ruling party"
    bare_roles: frozenset[str]
    led_by: dict[str, str]


@cache
def rules() -> Rules:
    r = roles()
    role_of = {re.sub(r"[\s-]+", " ", k.lower()): v for k, v in r["body_roles"].items()}
    R = rf"(?P<role>{_alts(list(r['body_roles']))})\b"
    start, end = _alts(r["role_start"]), _alts(r["role_end"])
    adj = rf"(?:(?!(?:former|then|ex|{_alts(list(r['body_roles']))})\b)[a-z][a-z-]+\s+)?"  # "the exiled"
    pats = [
        ("plain", rf"{FORMER}{ORG}\s+{R}(?:,|\s+(?:is|was))?\s+{PLIST}"),  # NEC chair X; its director is X
        ("plain", rf"{P}{IS}{DET}{FORMER}{ORG}\s+{R}"),                      # X, an NEC member; X is a CNRP lawmaker
        ("plain", rf"{R}\s+of\s+(?:the\s+)?{ORG_WHOLE}(?:,|\s+(?:is|was))?\s+{P}"),  # chair of the NEC(, | is) X
        ("plain", rf"{ORG_WHOLE},?\s+whose\s+{R},?\s+{P}"),            # the CLP, whose spokesman, X,
        ("plain", rf"{P}{IS}{DET}{adj}{FORMER}{R}\s+of\s+(?:the\s+)?{ADJ}{ORG_WHOLE}"),  # X, the exiled chair of
        ("start", rf"(?:{start})\s+{DET}{ORG}\s+{R}"),                    # ... became the NEC chair
        ("start", rf"(?:{start})\s+{DET}{R}\s+of\s+(?:the\s+)?{ORG}"),  # ... became chair of the NEC
        ("end", rf"{P}(?:['\u2019]s)?\s+(?:{end})\s+{DET}{ORG}\s+{R}"),    # X's resignation as CNRP chairman
        ("representative", rf"{ORG}\s*\(\s*(?:[A-Z][a-z]*\.?\s+)?{P}\)"),  # NEC (Mr. X)
    ]
    affs = tuple((a["basis"], re.compile(rf"{PLIST}(?:,?\s+(?:is|was|are|were|has\s+been|had\s+been))?,?\s+"
                                         rf"{phrase_regex(a['phrase'])}", re.I))
                 for a in r["affiliations"])
    affs += (("member", re.compile(rf"{P}\s*\(\s*(?P<org>{ORG_MARK}) *\)")),  # X (CPP)
             ("member", re.compile(rf"(?P<org>{ORG_MARK}) *['\u2019]s\s+{P}")))  # the GDP's X
    comp = _alts(r["composition_words"])
    composition = (re.compile(rf"{ORG}\s+(?:{comp})\b", re.I),
                   re.compile(rf"\b(?:{comp})\s+of\s+(?:the\s+)?{ORG}", re.I))
    led = rf"(?P<led>{_alts(list(r['led_by']))})"
    title = _alts([t["words"] for t in r["titles"] if t["words"][:1].isupper()])
    heads = rf"(?P<led>{_alts(list(r['head_verbs']))})"
    pats.append(("led", rf"{P},?\s+(?:who\s+)?(?:(?:now|currently|still|also)\s+)?{heads}\s+(?:the\s+)?{ORG_WHOLE}"))
    pats.append(("led", rf"{ORG},?\s+(?:(?:is|was|are|were|now|currently|then)\s+)*{led}\s+by\s+"
                        rf"(?:(?:{title})\.?\s+)?{P}"))                     # the CNP, led by X
    offices = {re.sub(r"\s+", " ", t["words"].lower()): t["office"] for t in r["titles"] if t.get("office")}
    office_re = re.compile(rf"(?:\b(?P<q>[A-Za-z]+)[ \t-]+)?(?P<title>{_alts(list(offices))})[ \t]+{P}", re.I)
    bare = re.compile(rf"(?<![\w-]){R},?\s+{P}", re.I)
    bare_start = re.compile(rf"{P}[^.;:{PERSON_MARK}]{{0,80}}?\b(?:{start})\s+{DET}{R}", re.I)
    appos = r"(?:,\s+(?:a|an|the)\s+[^,;.()]{0,60}?)?,?\s+(?:(?:who\s+)?(?:is|was|were|had\s+been)\s+)?"
    named = tuple((a["basis"], a["body"], re.compile(rf"{P}{appos}{phrase_regex(a['phrase'])}", re.I))
                  for a in r.get("named_affiliations", []))
    return Rules(role_of, tuple((k, re.compile(p, re.I)) for k, p in pats), affs, composition, offices,
                 office_re, frozenset(w.lower() for w in r["foreign_qualifiers"]), bare, bare_start, named,
                 frozenset(r["bare_roles"]),
                 {k.lower(): v for k, v in (r["led_by"] | r["head_verbs"]).items()})


@dataclass(frozen=True)
class Tie:
    person: Mention
    org: Mention | str  # a mention, or the name of a known body (an office)
    role: str
    at: int  # where it is stated (for the evidence sentence)
    kind: str = "plain"  # plain, start, end
    basis: str | None = None
    former: bool = False


def _mask(text: str, mentions: list[Mention]) -> tuple[str, dict[int, Mention]]:
    chars = list(text)
    at: dict[int, Mention] = {}
    for m in mentions:
        mark = PERSON_MARK if m.type == "Person" else ORG_MARK if m.type in BODY_TYPES else None
        if mark:
            chars[m.start:m.end] = mark + " " * (m.end - m.start - 1)
            at[m.start] = m
    return "".join(chars), at


def _persons_in(masked: str, at: dict[int, Mention], s: int, e: int) -> list[Mention]:
    return [at[i] for i in range(s, e) if masked[i] == PERSON_MARK]


def _ties(text: str, masked: str, at: dict[int, Mention]) -> Iterator[Tie]:
    ru = rules()
    for pkind, pat in ru.patterns:
        for m in pat.finditer(masked):
            kind = pkind
            org = at[m.start("org")]
            written = m.groupdict().get("role")
            role = ru.role_of[re.sub(r"[\s-]+", " ", written.lower())] if written else "representative"
            if kind == "led":
                role, kind = ru.led_by[re.sub(r"\s+", " ", m.group("led").lower())], "plain"
            if kind == "start":
                s, _ = sentence_at(text, m.start())
                before = _persons_in(masked, at, s, m.start())
                if not before:
                    continue
                who = _WHO.search(masked, max(s, m.start() - 40), m.start())
                person = at[who.start()] if who else before[0]  # "..., X, who was elected ..."
            elif "plist" in m.groupdict():
                person = None
            else:
                person = at[m.start("p")]
            persons = [person] if person else _persons_in(masked, at, m.start("plist"), m.end("plist"))
            kind = "plain" if kind == "representative" else kind
            former = bool(m.groupdict().get("former"))
            for person in persons:
                if org.type == "Party" and role == "member":
                    yield Tie(person, org, "affiliated", m.start(), kind, "member", former)
                else:
                    yield Tie(person, org, role, m.start(), kind, None, former)
    for basis, pat in ru.affiliations:
        for m in pat.finditer(masked):
            org = at[m.start("org")]
            if org.type not in AFFILIATION_TYPES:
                continue
            listed = "plist" in m.groupdict()
            persons = _persons_in(masked, at, m.start("plist"), m.end("plist")) if listed else [at[m.start("p")]]
            for person in persons:
                yield Tie(person, org, "affiliated", person.start, "plain", basis)
    for basis, body, pat in ru.named:
        for m in pat.finditer(masked):
            yield Tie(at[m.start("p")], body, "affiliated", m.start("p"), "plain", basis)
    for m in ru.office_re.finditer(masked):
        q = (m.group("q") or "").lower()
        if q in ru.foreign:
            continue
        office = ru.offices[re.sub(r"\s+", " ", m.group("title").lower())]
        yield Tie(at[m.start("p")], office["organization"], office["role"], m.start("title"), "plain",
                  None, q in ("former", "then") or m.group("title").lower().startswith("then"))


_LIST_JOIN = re.compile(r"\s*(?:,\s*(?:and\s+)?|and\s+)")


def _listed(text: str, masked: str, at: dict[int, Mention], start: int) -> list[Mention]:
    """Persons listed from ``start`` to the end of the sentence, each one right after the intro word
    or after a comma or "and" that follows the previous one's apposition
    ("includes X, a former SRP lawmaker, and Y, an independent nominee")."""
    _, end = sentence_at(text, start)
    out: list[Mention] = []
    for i in range(start, end):
        if masked[i] != PERSON_MARK:
            continue
        before = masked[start:i] if not out else masked[max(start, i - 12):i]
        if not out and before.strip():
            break  # the list must start right after the intro
        tail = re.search(r"(?:\s*,\s*(?:and\s+)?|\s+and\s+)$", before) if out else True
        if tail:
            out.append(at[i])
    return out


def _bare_roles(masked: str, text: str, at: dict[int, Mention], ties: list[Tie]) -> Iterator[Tie]:
    """"vice-chair X": a role written without its body, in a paragraph where the roles stated with
    a body all name the same state body or party."""
    ru = rules()
    for m in ru.bare.finditer(masked):
        role = ru.role_of[re.sub(r"[\s-]+", " ", m.group("role").lower())]
        prev = re.search(r"(\S+)\s*$", masked[max(0, m.start() - 40):m.start()])
        if (role not in ru.bare_roles or not m.group("role").islower()
                or (prev and (prev.group(1)[:1].isupper() or prev.group(1)[-1:] in (ORG_MARK, PERSON_MARK)))):
            continue
        body = _paragraph_body(text, m.start(), ties, False)
        if body is not None:
            yield Tie(at[m.start("p")], body, role, m.start())
    for m in ru.bare_start.finditer(masked):  # "X, a party official, was chosen as vice-chair"
        role = ru.role_of[re.sub(r"[\s-]+", " ", m.group("role").lower())]
        body = _paragraph_body(text, m.start(), ties, True) if role in ru.bare_roles else None
        if body is not None:
            yield Tie(at[m.start("p")], body, role, m.start("role"), "start")


def _paragraph_body(text: str, at: int, ties: list[Tie], or_before: bool) -> Mention | None:
    """The one state body or party the roles stated with a body name in the paragraph at ``at``
    (or, with ``or_before`` and none there, in the paragraph before it)."""
    ps, pe = paragraph_at(text, at)
    for _ in range(2 if or_before else 1):
        bodies = {t.org.entity: t.org for t in ties if isinstance(t.org, Mention) and ps <= t.at < pe
                  and t.org.type in ("Institution", "Party") and t.role not in ("affiliated", "member")}
        if bodies or ps == 0:
            break
        q = ps - 1
        while q > 0 and text[q].isspace():
            q -= 1
        ps, pe = paragraph_at(text, q)
    return next(iter(bodies.values())) if len(bodies) == 1 else None


def _composition(text: str, masked: str, at: dict[int, Mention], ties: list[Tie]) -> Iterator[Tie]:
    """Persons listed or introduced with an affiliation in a paragraph about a body's members."""
    intros = _alts(roles()["list_intros"])
    comp = _alts(roles()["composition_words"])
    listed = re.compile(rf"\b(?:{intros})\s+(?={PERSON_MARK})|\b(?:{comp}),\s+(?={PERSON_MARK})", re.I)
    done: set[tuple[int, int, str]] = set()
    # "Among the ordinary members, X ...": the members of the body last given an office holder
    bare = re.compile(rf"\b(?i:among|of)\s+the\s+(?:[a-z-]+\s+){{0,2}}(?:{comp})\b(?!\s+of\b)")
    officed = sorted(((t.at, t.org) for t in ties if isinstance(t.org, Mention) and t.org.type == "Institution"
                      and t.role not in ("affiliated", "member")), key=lambda x: x[0])
    found = [(m.start(), at[m.start("org")]) for pat in rules().composition for m in pat.finditer(masked)]
    for m in bare.finditer(masked):
        before = [o for a, o in officed if m.start() - ANAPHOR_WINDOW <= a < m.start()]
        if before:
            found.append((m.start(), before[-1]))
    for start, body in found:
        if body.type != "Institution":
            continue
        ps, pe = paragraph_at(text, start)
        if (ps, pe, body.entity) in done:
            continue
        done.add((ps, pe, body.entity))
        has_role = {t.person.entity for t in ties
                    if isinstance(t.org, Mention) and t.org.entity == body.entity}
        members = [t.person for t in ties if t.role == "affiliated" and ps <= t.at < pe]
        for lm in listed.finditer(masked, ps, pe):
            members += _listed(text, masked, at, lm.end())
        for person in members:
            if person.entity not in has_role:
                has_role.add(person.entity)
                yield Tie(person, body, "member", person.start, "plain")


def _office_entity(name: str, src: SourceText, at: int, facts: FactLog) -> str | None:
    for type_ in ("Institution", "ForeignActor", "Party"):
        actor = actor_by_name(type_, name)
        if actor:
            s, e = sentence_at(src.clean, at)
            facts.add_entity(Entity(actor.id, actor.type, actor.name, set(actor.aliases) - {actor.name},
                                    dict(actor.attributes), [src.evidence(s, e)]))
            return actor.id
    return None


_WHO = re.compile(rf"{PERSON_MARK} *,?\s*who\s+(?:had\s+|has\s+|later\s+)?$")
def extract_memberships(src: SourceText, mentions: list[Mention], facts: FactLog) -> None:
    """Add to ``facts`` the memberships the document states between its persons and bodies."""
    text = src.clean
    masked, at = _mask(text, mentions + body_anaphors(text, mentions))
    ties = list(_ties(text, masked, at))
    ties += list(_bare_roles(masked, text, at, ties))
    ties += list(_composition(text, masked, at, ties))
    for t in ties:
        s, e = sentence_at(text, t.at)
        date: FuzzyDate | None = first_date(text, s, e)
        body = t.org
        if body == RULING_PARTY:  # the party in power at the sentence's (or the document's) time
            year = date.year if date else src.document.published.year if src.document.published else None
            ruling = ruling_party(year)
            if ruling is None:
                continue
            body = ruling.name
        org = body.entity if isinstance(body, Mention) else _office_entity(body, src, t.at, facts)
        if org is None or org == t.person.entity:
            continue
        attributes: dict[str, object] = {}
        if t.basis:
            attributes["basis"] = t.basis
        if t.former or t.kind == "end":
            attributes["former"] = True
        start, end = (date, None) if t.kind == "start" else (None, date) if t.kind == "end" else (None, None)
        term = term_after(text, t.at, e) if t.kind == "plain" else None
        if term is not None:  # "a CPP lawmaker from 1993 to 1998", "chair since 2021"
            start, end = term.start, term.end
            if end is not None:
                attributes["former"] = True
        elif date is not None and t.kind == "plain":
            attributes["as_of"] = date.value
        facts.add_membership(Membership(
            membership_id(t.person.entity, org, t.role), t.person.entity, org, t.role,
            start=start, end=end, attributes=attributes, evidence=[src.evidence(s, e)],
        ))
