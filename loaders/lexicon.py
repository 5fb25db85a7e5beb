"""The reviewed data files of actor extraction, loaded once and validated.

``actors()`` reads ``data/lexicon/actors.yaml`` (known actors and their other names), ``roles()``
reads ``data/lexicon/roles.yaml`` (titles, body roles, affiliation phrases, name heads, stop words).
A malformed file, an unknown entity type or a name given to two actors aborts the run: a typo in
the lexicon must fail at start, not silently lose an actor.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from graph.errors import AbortRun
from graph.factset import FactSet
from graph.ids import entity_id
from graph.model import ENTITY_TYPES, Entity, Evidence
from graph.resources import read_lexicon
from loaders.actors.names import fold

_ROLE_KEYS = {
    "titles": list, "foreign_qualifiers": list, "body_roles": dict, "role_start": list, "role_end": list,
    "affiliations": list, "person_nouns": list, "composition_words": list, "list_intros": list, "person_groups": list,
    "name_heads": dict, "led_by": dict, "head_verbs": dict, "bare_roles": list, "stopwords": list,
    "generic_words": list, "generic_names": list,
}


@dataclass(frozen=True)
class Actor:
    """One known actor: its canonical name, type, other names and fixed attributes."""

    name: str
    type: str
    aliases: tuple[str, ...] = ()
    attributes: dict[str, Any] = field(default_factory=dict, compare=False, hash=False)

    @property
    def id(self) -> str:
        return entity_id(self.type, self.name)

    @property
    def names(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)


@cache
def actors() -> tuple[Actor, ...]:
    data = read_lexicon("actors.yaml", {"actors": list})
    out: list[Actor] = []
    owner: dict[str, str] = {}
    for i, item in enumerate(data["actors"]):
        if not isinstance(item, dict) or not isinstance(item.get("name"), str):
            raise AbortRun(f"lexicon actors.yaml: entry {i} has no name")
        unknown = set(item) - {"name", "type", "aliases", "attributes"}
        if unknown:
            raise AbortRun(f"lexicon actors.yaml: {item['name']}: unknown keys {sorted(unknown)}")
        if item.get("type") not in ENTITY_TYPES:
            raise AbortRun(f"lexicon actors.yaml: {item['name']}: unknown type {item.get('type')!r}")
        aliases = item.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            raise AbortRun(f"lexicon actors.yaml: {item['name']}: aliases must be a list of names")
        actor = Actor(item["name"], item["type"], tuple(aliases), dict(item.get("attributes") or {}))
        for n in actor.names:
            key = f"{actor.type}|{n}" if n.isupper() else fold(n)
            if key in owner and owner[key] != actor.id:
                raise AbortRun(f"lexicon actors.yaml: name {n!r} given to {owner[key]} and {actor.id}")
            owner[key] = actor.id
        out.append(actor)
    ids = [a.id for a in out]
    if len(set(ids)) != len(ids):
        raise AbortRun("lexicon actors.yaml: an actor is listed twice")
    return tuple(out)


@cache
def actor_by_id() -> dict[str, Actor]:
    return {a.id: a for a in actors()}


@cache
def actor_by_name(type_: str, name: str) -> Actor | None:
    """The known actor of this type with this name or alias (folded), if any."""
    key = fold(name)
    for a in actors():
        if a.type == type_ and any(fold(n) == key for n in a.names):
            return a
    return None


@cache
def _by_id() -> dict[str, Actor]:
    return {a.id: a for a in actors()}


def is_known(actor_id: str) -> bool:
    """Whether an actor of the lexicon has this id."""
    return actor_id in _by_id()


def add_known_entity(facts: FactSet, actor_id: str, evidence: list[Evidence]) -> bool:
    """Make the known actor ``actor_id`` an entity of ``facts`` (with ``evidence``) when it is not one yet
    (a fact may name a known actor no mention registered: "the ruling party", "constitutional
    amendments"). False when no known actor has that id."""
    a = _by_id().get(actor_id)
    if a is None:
        return False
    if actor_id not in facts.entities:
        facts.add_entity(Entity(a.id, a.type, a.name, set(a.aliases) - {a.name}, dict(a.attributes), evidence))
    return True


@cache
def roles() -> dict[str, Any]:
    data = read_lexicon("roles.yaml", _ROLE_KEYS)
    for key in ("foreign_qualifiers", "bare_roles", "role_start", "role_end", "person_nouns", "composition_words",
                "list_intros", "person_groups", "stopwords", "generic_words", "generic_names"):
        bad = [w for w in data[key] if not isinstance(w, str)]
        if bad:
            raise AbortRun(f"lexicon roles.yaml: '{key}' holds non-words {bad!r} (quote yes/no/on/off)")
    for t in data["name_heads"]:
        if t not in ENTITY_TYPES:
            raise AbortRun(f"lexicon roles.yaml: name_heads: unknown type {t!r}")
    for a in data["affiliations"]:
        if "{org}" not in str(a.get("phrase", "")) or not a.get("basis"):
            raise AbortRun(f"lexicon roles.yaml: affiliation {a!r} needs a phrase with {{org}} and a basis")
    for t in data["titles"]:
        office = t.get("office")
        if office is not None and not {"organization", "role"} <= set(office):
            raise AbortRun(f"lexicon roles.yaml: title {t.get('words')!r}: office needs organization, role")
    return data


ORG_MARK = "\uE000"
PERSON_MARK = "\uE001"


def phrase_regex(phrase: str) -> str:
    """A regex for a phrase template: ``a|an`` alternatives, ``[word]`` optional, ``{org}`` placeholder.

    Words are separated by any whitespace; ``{org}`` matches ``ORG_MARK`` (callers mask the org
    mentions of the text with it, keeping offsets) as group ``org``. Meant for re.IGNORECASE."""
    out = ""
    need_sep = False
    for word in phrase.split():
        sep = r"\s+" if need_sep else ""
        if word == "{org}":
            out += sep + f"(?P<org>{ORG_MARK})"
            need_sep = True
            continue
        alts = "|".join(re.escape(w).replace(r"\-", r"[-\s]") for w in word.strip("[]").split("|"))
        if word.startswith("[") and word.endswith("]"):
            out += f"(?:{sep}(?:{alts}))?" if need_sep else rf"(?:(?:{alts})\s+)?"
        else:
            out += f"{sep}(?:{alts})"
            need_sep = True
    return out
