"""``data/lexicon/events.yaml`` compiled for the parse-based extractors: trigger lemmas per event type,
phrases (a verb with its object), modality cues, statement cues and election words. Loaded once; a
malformed file aborts the run with one line."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.errors import AbortRun
from graph.model import ENTITY_TYPES, EVENT_TYPES
from graph.resources import read_lexicon


def _words(v: Any) -> frozenset[str]:
    if v is None:
        return frozenset()
    if isinstance(v, str):
        return frozenset({v.lower()})
    return frozenset(str(x).lower() for x in v)


def _split(phrase: str) -> tuple[str, tuple[str, ...]]:
    """``"shut down"`` -> lemma ``shut`` with the words ``("down",)`` that must follow it."""
    parts = phrase.lower().split()
    return parts[0], tuple(parts[1:])


@dataclass(frozen=True)
class Phrase:
    """A verb with an object (or an infinitive) that together make the event."""

    verbs: tuple[tuple[str, tuple[str, ...]], ...]
    objects: frozenset[str] = frozenset()
    xcomps: frozenset[str] = frozenset()
    object_words: frozenset[str] = frozenset()
    target_is_subject: bool = False


@dataclass(frozen=True)
class TypeSpec:
    name: str
    verbs: tuple[tuple[str, tuple[str, ...]], ...]
    nouns: frozenset[str]
    agent: frozenset[str]
    target: frozenset[str]
    phrases: tuple[Phrase, ...] = ()
    agent_words: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    recurs: bool = True
    attr: dict[str, frozenset[str]] = field(default_factory=dict)
    implied_target: dict[str, tuple[str, str]] = field(default_factory=dict)
    subject_is_target: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()
    object_heads: dict[str, frozenset[str]] = field(default_factory=dict)
    fills_office: bool = False
    undergone: bool = True


@dataclass(frozen=True)
class Stance:
    name: str
    lemmas: frozenset[str]
    phrases: re.Pattern[str] | None


@dataclass(frozen=True)
class Lexicon:
    types: tuple[TypeSpec, ...]
    modals: frozenset[str]
    conditional_marks: frozenset[str]
    hedge_verbs: frozenset[str]
    hedge_nouns: frozenset[str]
    hedge_adjectives: frozenset[str]
    anterior_aux: frozenset[str]
    posterior_adverbs: frozenset[str]
    repeat_words: frozenset[str]
    generic_words: frozenset[str]
    light_verbs: frozenset[str]
    implicative_verbs: frozenset[str]
    undergo_verbs: frozenset[str]
    possessed_persons: frozenset[str]
    instrument_cues: frozenset[str]
    instrument_types: frozenset[str]
    anaphora_heads: dict[str, frozenset[str]]
    anaphora_contrast: frozenset[str]
    stmt_verbs: frozenset[str]
    stmt_complement_verbs: dict[str, frozenset[str]]
    stmt_nouns: frozenset[str]
    stmt_noun_verbs: frozenset[str]
    stances: tuple[Stance, ...]
    stance_adjectives: frozenset[str]
    stmt_agent_preps: frozenset[str]
    stmt_document_kinds: frozenset[str]
    official_nouns: frozenset[str]
    foreign_agent: frozenset[str]
    domestic_agent: frozenset[str]
    election_verbs: tuple[tuple[str, tuple[str, ...]], ...]
    victory_verbs: frozenset[str]
    victory_nouns: frozenset[str]
    election_nouns: frozenset[str]
    election_agent_nouns: frozenset[str]
    election_year_nouns: frozenset[str]
    future_words: frozenset[str]
    election_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    default_kind: str
    back_matter: tuple[str, ...]

    def spec(self, name: str) -> TypeSpec | None:
        return next((t for t in self.types if t.name == name), None)


def word_rx(phrases: Any, flags: int = re.I) -> re.Pattern[str] | None:
    items = sorted({str(p) for p in phrases or []}, key=len, reverse=True)
    alt = "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w-])", flags) if alt else None


def _types(names: Any, where: str) -> frozenset[str]:
    out = frozenset(str(n) for n in names or [])
    bad = out - set(ENTITY_TYPES)
    if bad:
        raise AbortRun(f"lexicon events.yaml: unknown entity type(s) {sorted(bad)} in {where}")
    return out


def _verbs(v: Any) -> tuple[tuple[str, tuple[str, ...]], ...]:
    items = [v] if isinstance(v, str) else list(v or [])
    return tuple(_split(str(x)) for x in items)


def _phrase(p: Any, where: str) -> Phrase:
    if not isinstance(p, dict) or "verb" not in p or not ({"object", "xcomp"} & set(p)):
        raise AbortRun(f"lexicon events.yaml: a phrase of {where} needs 'verb' and 'object' or 'xcomp': {p!r}")
    return Phrase(_verbs(p["verb"]), _words(p.get("object")), _words(p.get("xcomp")), _words(p.get("object_words")),
                  p.get("target") == "subject")


def _spec(name: str, t: dict[str, Any]) -> TypeSpec:
    if name not in EVENT_TYPES:
        raise AbortRun(f"lexicon events.yaml: unknown event type {name!r}")
    implied = {str(k).lower(): (str(v["type"]), str(v["name"])) for k, v in (t.get("implied_target") or {}).items()}
    return TypeSpec(
        name, _verbs(t.get("verbs")), _words(t.get("nouns")), _types(t.get("agent"), name),
        _types(t.get("target"), name), tuple(_phrase(p, name) for p in t.get("phrases") or []),
        tuple(str(w).lower() for w in t.get("agent_words") or []), tuple(t.get("requires") or []),
        bool(t.get("recurs", True)), {str(k).lower(): _words(v) for k, v in (t.get("attr") or {}).items()},
        implied, _words(t.get("subject_is_target")), _words(t.get("group_nouns")),
        {str(k).lower(): _words(v) for k, v in (t.get("object_heads") or {}).items()},
        bool(t.get("fills_office", False)), bool(t.get("undergone", True)),
    )


@cache
def lexicon() -> Lexicon:
    data = read_lexicon("events.yaml")
    if not isinstance(data, dict) or not isinstance(data.get("types"), dict):
        raise AbortRun("lexicon events.yaml: expected a mapping with 'types'")
    st = data.get("statements") or {}
    el = data.get("election") or {}
    hg = data.get("hedge_governors") or {}
    stances = tuple(Stance(str(k), _words((v or {}).get("lemmas")), word_rx((v or {}).get("phrases")))
                    for k, v in (st.get("stances") or {}).items())
    return Lexicon(
        types=tuple(_spec(str(k), v or {}) for k, v in data["types"].items()),
        modals=_words(data.get("modals")),
        conditional_marks=_words(data.get("conditional_marks")),
        hedge_verbs=_words(hg.get("verbs")),
        hedge_nouns=_words(hg.get("nouns")),
        hedge_adjectives=_words(hg.get("adjectives")),
        anterior_aux=_words(data.get("anterior_aux")),
        posterior_adverbs=_words(data.get("posterior_adverbs")),
        repeat_words=_words(data.get("repeat_words")),
        generic_words=_words(data.get("generic_words")),
        light_verbs=_words(data.get("light_verbs")),
        implicative_verbs=_words(data.get("implicative_verbs")),
        undergo_verbs=_words(data.get("undergo_verbs")),
        possessed_persons=_words(data.get("possessed_persons")),
        instrument_cues=_words(data.get("instrument_cues")),
        instrument_types=_types(data.get("instrument_types"), "instrument_types"),
        anaphora_heads={str(k): _words(v) for k, v in (data.get("anaphora_heads") or {}).items()},
        anaphora_contrast=_words(data.get("anaphora_contrast")),
        stmt_verbs=_words(st.get("verbs")),
        stmt_complement_verbs={str(k): _words(v) for k, v in (st.get("complement_verbs") or {}).items()},
        stmt_nouns=_words(st.get("statement_nouns")),
        stmt_noun_verbs=_words(st.get("statement_verbs")),
        stances=stances,
        stance_adjectives=_words(st.get("stance_adjectives")),
        stmt_agent_preps=_words(st.get("agent_preps")),
        stmt_document_kinds=_words(st.get("document_dated_kinds")),
        official_nouns=_words(st.get("official_nouns")),
        foreign_agent=_types(st.get("foreign_agent"), "statements"),
        domestic_agent=_types(st.get("domestic_agent"), "statements"),
        election_verbs=_verbs(el.get("verbs")),
        victory_verbs=_words(el.get("victory_verbs")),
        victory_nouns=_words(el.get("victory_nouns")),
        election_nouns=_words(el.get("nouns")),
        election_agent_nouns=_words(el.get("agent_nouns")),
        election_year_nouns=_words(el.get("year_nouns")),
        future_words=_words(el.get("future_words")),
        election_kinds=tuple((str(k), rx) for k, v in (el.get("kinds") or {}).items() if (rx := word_rx(v))),
        default_kind=str(el.get("default_kind", "national")),
        back_matter=tuple(str(w) for w in data.get("back_matter") or []),
    )


def election_kind_of(text: str, default: str | None = "national", near: int | None = None) -> str | None:
    """The election kind named in ``text`` (nearest to position ``near`` when given)."""
    best: tuple[int, str] | None = None
    for kind, rx in lexicon().election_kinds:
        for m in rx.finditer(text):
            d = 0 if near is None else min(abs(m.start() - near), abs(m.end() - near))
            if best is None or d < best[0]:
                best = (d, kind)
            if near is None:
                break
    return best[1] if best else default
