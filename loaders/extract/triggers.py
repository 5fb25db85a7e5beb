"""The event words of ``data/lexicon/events.yaml``, compiled: trigger patterns per event type, hedges,
clause breaks, statement cues and election words. Loaded once; a malformed file aborts the run."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.errors import AbortRun
from graph.model import ENTITY_TYPES, EVENT_TYPES
from graph.resources import read_lexicon


def phrase_alt(phrases: Any) -> str:
    """A regex alternation of whole-word phrases, longest first, any spaces between words."""
    items = sorted({str(p) for p in phrases or []}, key=len, reverse=True)
    return "|".join(re.escape(p).replace(r"\ ", r"\s+") for p in items)


def word_rx(phrases: Any, flags: int = re.I) -> re.Pattern[str] | None:
    alt = phrase_alt(phrases)
    return re.compile(rf"(?<![\w'’-])(?:{alt})(?![\w-])", flags) if alt else None


@dataclass(frozen=True)
class TypeSpec:
    name: str
    verbs: re.Pattern[str] | None
    nouns: re.Pattern[str] | None
    agent: frozenset[str]
    target: frozenset[str]
    agent_words: tuple[str, ...] = ()
    requires: tuple[str, ...] = ()
    recurs: bool = True
    after: dict[str, tuple[str, ...]] = field(default_factory=dict)
    implied_target: dict[str, tuple[str, str]] = field(default_factory=dict)
    subject_is_target: frozenset[str] = frozenset()
    group_nouns: frozenset[str] = frozenset()


@dataclass(frozen=True)
class Lexicon:
    types: tuple[TypeSpec, ...]
    hedges: re.Pattern[str]
    clause_breaks: tuple[str, ...]
    generic_before: frozenset[str]
    possessed_persons: frozenset[str]
    instrument: re.Pattern[str] | None
    instrument_types: frozenset[str]
    anaphora_heads: dict[str, tuple[str, ...]]
    stmt_verbs: re.Pattern[str] | None
    stances: tuple[tuple[str, re.Pattern[str]], ...]
    stance_nouns: tuple[tuple[str, re.Pattern[str]], ...]
    stmt_agent_after: tuple[str, ...]
    stmt_document_kinds: frozenset[str]
    foreign_agent: frozenset[str]
    domestic_agent: frozenset[str]
    election_triggers: re.Pattern[str] | None
    election_nouns: re.Pattern[str] | None
    election_kinds: tuple[tuple[str, re.Pattern[str]], ...]
    default_kind: str
    back_matter: tuple[str, ...]
    clause_hedges: re.Pattern[str] | None = None

    def spec(self, name: str) -> TypeSpec | None:
        return next((t for t in self.types if t.name == name), None)


def _types(names: Any, where: str) -> frozenset[str]:
    out = frozenset(str(n) for n in names or [])
    bad = out - set(ENTITY_TYPES)
    if bad:
        raise AbortRun(f"lexicon events.yaml: unknown entity type(s) {sorted(bad)} in {where}")
    return out


@cache
def lexicon() -> Lexicon:
    data = read_lexicon("events.yaml", {"types": dict})
    specs = []
    for name, t in data["types"].items():
        if name not in EVENT_TYPES:
            raise AbortRun(f"lexicon events.yaml: unknown event type {name!r}")
        implied = {str(k).lower(): (str(v["type"]), str(v["name"])) for k, v in (t.get("implied_target") or {}).items()}
        specs.append(TypeSpec(
            name, word_rx(t.get("verbs")), word_rx(t.get("nouns")), _types(t.get("agent"), name),
            _types(t.get("target"), name), tuple(str(w).lower() for w in t.get("agent_words") or []),
            tuple(t.get("requires") or []), bool(t.get("recurs", True)),
            {str(k).lower(): tuple(str(x).lower() for x in v) for k, v in (t.get("after") or {}).items()}, implied,
            frozenset(str(x).lower() for x in t.get("subject_is_target") or []),
            frozenset(str(x).lower() for x in t.get("group_nouns") or []),
        ))
    st = data.get("statements") or {}
    el = data.get("election") or {}
    hedges = word_rx(data.get("hedges"))
    if hedges is None:
        raise AbortRun("lexicon events.yaml: 'hedges' is empty")
    return Lexicon(
        types=tuple(specs),
        hedges=hedges,
        clause_breaks=tuple(str(b) for b in data.get("clause_breaks") or []),
        generic_before=frozenset(str(w).lower() for w in data.get("generic_before") or []),
        possessed_persons=frozenset(str(w).lower() for w in data.get("possessed_persons") or []),
        instrument=word_rx(data.get("instrument_cues")),
        instrument_types=_types(data.get("instrument_types"), "instrument_types"),
        anaphora_heads={str(k): tuple(str(x).lower() for x in v)
                        for k, v in (data.get("anaphora_heads") or {}).items()},
        # verbs and cues in running text are lower-case: "the United States" is no "states"
        stmt_verbs=word_rx(st.get("verbs"), 0),
        stances=tuple((str(k), rx) for k, v in (st.get("stances") or {}).items() if (rx := word_rx(v, 0))),
        stance_nouns=tuple((str(k), rx) for k, v in (st.get("stance_nouns") or {}).items() if (rx := word_rx(v))),
        stmt_agent_after=tuple(str(w) for w in st.get("agent_after") or []),
        stmt_document_kinds=frozenset(str(w).lower() for w in st.get("document_dated_kinds") or []),
        foreign_agent=_types(st.get("foreign_agent"), "statements"),
        domestic_agent=_types(st.get("domestic_agent"), "statements"),
        election_triggers=word_rx(el.get("triggers")),
        election_nouns=word_rx(el.get("nouns")),
        election_kinds=tuple((str(k), rx) for k, v in (el.get("kinds") or {}).items() if (rx := word_rx(v))),
        default_kind=str(el.get("default_kind", "national")),
        back_matter=tuple(str(w) for w in data.get("back_matter") or []),
        clause_hedges=word_rx(data.get("clause_hedges")),
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
