"""Rules that find actors the actors file does not know, from how texts write names.

- acronym definitions: "the Farmers Party (FP)", "FP (Farmers Party)" and abbreviation
  lists ("FP Farmers Party" at a line start); the acronym then names that actor in the document;
- naming patterns: a capitalised name ending or starting with a head word of ``roles.yaml``
  (``... Party``, ``Ministry of ...``, ``Law on ...``) gets the head's type;
- titles: "Prime Minister X", "Mr. X" name a person X of two or three capitalised words;
- law articles: "Article 98 of the Constitution" names an article of a law met right after it.

Each rule returns ``Candidate`` mentions; ``loaders.actors.find`` keeps the longest, non-overlapping.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache

from graph.ids import entity_id
from loaders.actors.mention import Mention
from loaders.actors.names import Token, fold, name_key, tokenize
from loaders.lexicon import roles
from loaders.text.alternation import Alternative, alternation, either_case, literal
from loaders.text.textspans import paragraph_at

CONNECTORS = frozenset({"of", "for", "and", "the", "on", "in", "de", "du", "des"})
_RUN_GAP = re.compile(r"[ \t]*\n?[ \t]*|[ \t]*[-\u2010\u2011][ \t]*")
_NAME_WORD = r"[A-Z][a-zA-Z'\u2019\-]+"


@dataclass(frozen=True)
class Words:
    stop: frozenset[str]
    generic: frozenset[str]
    generic_names: frozenset[str]
    heads: tuple[tuple[str, str, tuple[str, ...]], ...]  # (type, "prefix"|"suffix", folded head)
    titles: frozenset[str]  # one-word titles ("President", "Mr."): never part of a person's name


@cache
def words() -> Words:
    r = roles()
    heads = []
    for type_, kinds in r["name_heads"].items():
        for kind in ("prefix", "suffix"):
            for h in kinds.get(kind) or []:
                heads.append((type_, kind, name_key(h)))
    heads.sort(key=lambda h: -len(h[2]))
    return Words(
        stop=frozenset(fold(w) for w in r["stopwords"]),
        generic=frozenset(fold(w) for w in r["generic_words"]),
        generic_names=frozenset(fold(n) for n in r["generic_names"]),
        heads=tuple(heads),
        titles=frozenset(fold(t["words"]) for t in r["titles"] if len(t["words"].split()) == 1),
    )


def mention(start: int, end: int, type_: str, name: str, how: str) -> Mention:
    return Mention(start, end, entity_id(type_, name), type_, name, how)


def surface(text: str, start: int, end: int) -> str:
    """A name as written, whitespace folded and a trailing possessive dropped."""
    s = " ".join(text[start:end].split())
    return re.sub(r"['\u2019]s$", "", s)


# --- naming patterns ------------------------------------------------------------------------------

#: types whose suffix head may be followed by a complement: "Youth Alliance for Democracy"
_COMPLEMENT_TYPES = frozenset({"Organization", "Institution"})
_COMPLEMENT = frozenset({"for", "of"})


def _inner_head(key: tuple[str, ...], head: tuple[str, ...]) -> tuple[str, ...] | None:
    """The rest of a name whose suffix head is followed by a complement ("... Alliance for Democracy")."""
    n = len(head)
    for p in range(len(key) - n - 1):
        if key[p:p + n] == head and key[p + n] in _COMPLEMENT:
            return key[:p] + key[p + n + 1:]
    return None


def head_type(key: tuple[str, ...]) -> str | None:
    """The type a name's head word gives it, when the rest of the name is not generic."""
    w = words()
    for type_, kind, head in w.heads:
        n = len(head)
        if len(key) <= n:
            continue
        if kind == "prefix" and key[:n] == head:
            rest = key[n:]
        elif kind == "suffix" and key[-n:] == head:
            rest = key[:-n]
        elif kind == "suffix" and type_ in _COMPLEMENT_TYPES and _inner_head(key, head) is not None:
            rest = _inner_head(key, head) or ()
        else:
            continue
        if any(k not in w.generic and k not in CONNECTORS and not k.isdigit() for k in rest):
            return type_
    return None


def _gap(text: str, a: Token, b: Token) -> str:
    """The text between two tokens; a line break only joins a wrapped prose line, not a table row
    or a heading (a line of less than 60 characters or with tabs or pipes)."""
    gap = text[a.start + len(a.text):b.start]
    if "\n" in gap:
        line = text[text.rfind("\n", 0, a.start) + 1:a.start + len(a.text)]
        if len(line) < 60 or "\t" in line or "|" in line:
            return "\n\n"
    return gap


def runs(text: str, toks: list[Token], covered: list[bool]) -> list[tuple[int, int]]:
    """Token ranges of capitalised words (with inner connectors) not covered by another mention."""
    out: list[tuple[int, int]] = []
    i = 0
    while i < len(toks):
        if covered[i] or not toks[i].capitalised:
            i += 1
            continue
        j = i + 1
        while j < len(toks) and not covered[j] and _RUN_GAP.fullmatch(_gap(text, toks[j - 1], toks[j])):
            if toks[j - 1].end != toks[j - 1].start + len(toks[j - 1].text):
                break  # a possessive closes a name
            inner = toks[j].folded in CONNECTORS and j + 1 < len(toks) and toks[j + 1].capitalised
            if toks[j].capitalised or inner:
                j += 1
            else:
                break
        while j > i and toks[j - 1].folded in CONNECTORS:
            j -= 1
        out.append((i, j))
        i = max(j, i + 1)
    return out


def _overlapping(spans: list[tuple[int, int]], starts: list[int], s: int, e: int) -> list[tuple[int, int]]:
    """The sorted, non-overlapping ``spans`` that overlap ``[s, e)``."""
    out = []
    k = bisect.bisect_left(starts, e) - 1
    while k >= 0 and spans[k][1] > s:
        out.append(spans[k])
        k -= 1
    return out


def named_by_head(text: str, toks: list[Token], covered: list[bool],
                  known: Sequence[tuple[int, int]] = ()) -> list[Mention]:
    """Names with a head word. A known name (``known`` spans) may only end such a name, as in
    "Khmer Rice Farmers Party" around a known "Farmers Party"; a name holding a known name elsewhere
    is two names run together ("National Assembly Farmers Party")."""
    w = words()
    known = sorted(known)
    kstarts = [k[0] for k in known]
    out = []
    for i, j in runs(text, toks, covered):
        while i < j:
            if toks[i].folded in w.stop or toks[i].folded in CONNECTORS:
                i += 1
            elif i < j - 1 and toks[i].shape.isupper() and not toks[i + 1].shape.isupper():
                i += 1  # "NGO Non-Governmental Organisation": an abbreviation list entry
            else:
                break
        if j - i < 2 or j - i > 7:
            continue
        run = toks[i:j]
        inner_stop = any(t.folded in w.stop and t.folded not in CONNECTORS for t in run[1:])
        if inner_stop or all(t.shape.isupper() for t in run):
            continue  # a heading in capitals, or a headline ("... Into Law")
        key = tuple(t.folded for t in run)
        type_ = head_type(key)
        name = surface(text, run[0].start, run[-1].end)
        s, e = run[0].start, run[-1].end
        if any(not (s < ks and ke == e) for ks, ke in _overlapping(known, kstarts, s, e)):
            continue
        if type_ and fold(name) not in w.generic_names:
            out.append(mention(run[0].start, run[-1].end, type_, name, "pattern"))
    return out


# --- acronym definitions --------------------------------------------------------------------------

def acronym_fits(acr: str, long_form: str) -> bool:
    """Schwartz-Hearst: the acronym's letters appear in order in the long form, the first one
    starting its first word."""
    letters = [c.lower() for c in acr if c.isalnum()]
    s = long_form.lower()
    if not letters or not s or s[0] != letters[0]:
        return False
    si = len(s) - 1
    for ai in range(len(letters) - 1, -1, -1):
        c = letters[ai]
        while si >= 0 and (s[si] != c or (ai == 0 and si > 0 and s[si - 1].isalnum())):
            si -= 1
        if si < 0:
            return False
        si -= 1
    return True


_ACRONYM = r"[A-Z][A-Za-z]*[A-Z][A-Za-z]*(?:-[A-Z]+)?"
_PAREN_ACR = re.compile(rf"\(\s*(?P<acr>{_ACRONYM})\s*\)")
_ACR_PAREN = re.compile(rf"\b(?P<acr>{_ACRONYM})\s+\((?P<long>[A-Z][^()\n]{{3,120}})\)")
#: an acronym given in words after the long form: "..., known as ABC,", "(hereafter ABC)", ", or ABC,"
_NAMED_ACR = re.compile(rf"(?:\s*,\s*|\s*\(\s*|\s+)(?:(?:also\s+)?known\s+as|hereafter|(?<=,\s)or)\s+"
                        rf"(?P<acr>{_ACRONYM})\b(?=\s*[),.;:]|\s+[a-z])")
_LIST_ACR = re.compile(rf"(?:^|(?<=\s))(?P<acr>{_ACRONYM})[ \t]+(?=[A-Z][a-z])", re.M)


def acronym_definitions(text: str) -> list[tuple[str, int, int]]:
    """``(acronym, long_start, long_end)`` for each definition of an acronym in the text."""
    out: list[tuple[str, int, int]] = []
    for m in [*_PAREN_ACR.finditer(text), *_NAMED_ACR.finditer(text)]:
        acr = m.group("acr")
        before = tokenize(text, max(0, m.start() - 200), m.start())
        # stay in the clause: no sentence end or other bracket between the long form and "("
        for k in range(1, min(len(before), len(acr) + 5) + 1):
            cand = before[-k:]
            if re.search(r"[.;:()\[\]]|\n\s*\n", text[cand[0].start:m.start()]):
                break
            if cand[0].folded in CONNECTORS:
                continue
            if acronym_fits(acr, text[cand[0].start:cand[-1].end]):
                out.append((acr, cand[0].start, cand[-1].end))
                break
    for m in _ACR_PAREN.finditer(text):
        long_ = m.group("long").strip()
        if acronym_fits(m.group("acr"), long_):
            out.append((m.group("acr"), m.start("long"), m.start("long") + len(long_)))
    for m in _LIST_ACR.finditer(text):
        acr, pos = m.group("acr"), m.end()
        line_end = text.find("\n", pos)
        line_end = len(text) if line_end < 0 else line_end
        toks = tokenize(text, pos, line_end)
        for k in range(len(toks), 0, -1):
            cand = toks[:k]
            if k < len(toks) and not toks[k].upper:
                continue  # a long form in a list ends at the line end or at the next acronym
            if acronym_fits(acr, text[cand[0].start:cand[-1].end]) and len(cand) <= len(acr) + 6:
                out.append((acr, cand[0].start, cand[-1].end))
                break
    return out


# --- titles ---------------------------------------------------------------------------------------

@cache
def _title_regex() -> re.Pattern[str]:
    """Titles of roles.yaml, and the person nouns and body roles written in lower case before a
    name ("rights lawyer Sok Dara", "vice-chair Chea Vanna")."""
    r = roles()
    nouns = [n for n in [*r["person_nouns"], *r["body_roles"]] if n.islower()]
    alts: list[Alternative] = []
    for t in sorted(r["titles"], key=lambda t: -len(t["words"])):
        w = re.escape(t["words"]).replace(r"\ ", r"\s+")
        alts.append(either_case(w) if w[0].isalpha() else ("", w))
    for n in sorted(nouns, key=len, reverse=True):
        alts.append(literal(re.escape(n).replace(r"\ ", r"\s+").replace(r"\-", "[-\\s]")))
    name = rf"{_NAME_WORD}(?:(?:[ ]+|[ ]*\n[ ]*){_NAME_WORD}){{1,3}}"
    return re.compile(rf"(?<![\w-])(?P<title>{alternation(alts)})(?:[ ]+|[ ]*\n[ ]*)(?P<name>{name})")


def person_name_ok(name: str) -> bool:
    toks = tokenize(name)
    w = words()
    bad = w.stop | w.generic | w.titles
    return (2 <= len(toks) <= 3 and all(t.capitalised and t.folded not in bad for t in toks)
            and head_type(tuple(t.folded for t in toks)) is None)


def titled_persons(text: str) -> list[Mention]:
    out = []
    for m in _title_regex().finditer(text):
        name = re.sub(r"['\u2019]s$", "", m.group("name"))
        if len(name.split()) > 3 or not person_name_ok(name):
            continue
        end = m.start("name") + len(name)
        out.append(mention(m.start("name"), end, "Person", surface(text, m.start("name"), end), "title"))
    return out


# --- law articles ---------------------------------------------------------------------------------

_ARTICLE_NO = r"\d+(?:\s*\(?new\)?)?(?:\(\w{1,3}\))?(?:\s*,\s*(?:clause|paragraph|point)\s+\d+)?"
_ARTICLES = rf"\bArticles?\s+(?P<ns>{_ARTICLE_NO}(?:\s*(?:,\s*(?:and\s+)?|and\s+|&\s*){_ARTICLE_NO})*)"
_ARTICLE = re.compile(_ARTICLES + r"\s+(?:of|under|in)\s+(?:the\s+)?(?:amended\s+)?(?:\d{4}\s+)?", re.I)
_BARE_ARTICLE = re.compile(_ARTICLES + r"(?![\d(])(?!\s*(?:\(\w{1,3}\)\s*)?(?:of|under|in)\s)", re.I)
_NUMBER = re.compile(r"\d+(?:\s*\(?new\)?)?")


def _article_mentions(text: str, m: re.Match[str], law: Mention) -> list[Mention]:
    law_name = law.name if law.name.lower().startswith("the ") else f"the {law.name}"
    out = []
    numbers = [n for n in _NUMBER.finditer(text, m.start("ns"), m.end("ns"))
               if not re.search(r"(?:(?:clause|paragraph|point)\s+|\()$", text[m.start("ns"):n.start()], re.I)]
    for k, n in enumerate(numbers):
        num = re.sub(r"\s*\(?new\)?", " new", n.group()).strip()
        name = f"Article {num} of {law_name}"
        out.append(Mention(m.start() if k == 0 else n.start(), n.end(), entity_id("LawArticle", name),
                           "LawArticle", name, "pattern"))
    return out


def law_articles(text: str, laws: dict[int, Mention]) -> list[Mention]:
    """"Article 98 of the Constitution", "Articles 34 and 42 of LEMNA": one LawArticle mention per
    number (the first spans "Article 34"), each named "Article <n> of <law>". ``laws``: Law mentions
    by start offset; the law must follow right after the phrase. A bare "Article 42" belongs to the
    law last named before it in the same paragraph."""
    out = []
    for m in _ARTICLE.finditer(text):
        if m.end() in laws:
            out += _article_mentions(text, m, laws[m.end()])
    starts = sorted(laws)
    for m in _BARE_ARTICLE.finditer(text):
        ps, _ = paragraph_at(text, m.start())
        k = bisect.bisect_left(starts, m.start()) - 1
        if k >= 0 and starts[k] >= ps:
            out += _article_mentions(text, m, laws[starts[k]])
    return out
