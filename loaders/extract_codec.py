"""``DocumentExtract`` and its JSON form: what the per-document step of a build produces, as stored.

A document's extract is its ``Document`` record, the ``FactLog`` of its entities, memberships and
table facts (with their evidence), its event claims (dated and resolved later, across documents) and
the years it states (its ``DocContext``). ``encode``/``decode`` write and read it as JSON: dataclasses
of the model as objects tagged with their class (``"@": "Entity"``), sets and tuples tagged too, so a
decoded extract equals the one encoded (a value of any other kind is an error, never a silent change).
Plain JSON rather than pickle: the cache sits in a folder people copy and share, and reading it back
runs no code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from dataclasses import dataclass
from typing import Any

from graph.model import Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant
from loaders.dates.expressions import DateExpr
from loaders.events.claim import Claim
from loaders.factlog import FactLog

#: Changes whenever the JSON layout below changes (part of the extractor version).
CODEC_VERSION = "1"


@dataclass
class DocumentExtract:
    document: Document
    log: FactLog
    claims: list[Claim]
    years: list[tuple[int, int]]
    """The years the document states, by position (``loaders.dates.dating.DocContext``)."""
    parse_key: str
    """The key of its parse in ``loaders.parse.cache`` (kept with the extract, so the parse stays cached)."""
    read_id: str = ""
    """The document's id as the reader gave it, before a build made it unique in the corpus."""
    failure: str = ""
    """Why the rules failed on this document (an internal error); the build skips it and goes on."""


_CLASSES: dict[str, type] = {c.__name__: c for c in (
    Document, Entity, Event, Membership, Evidence, Participant, FuzzyDate, DateExpr, Claim, FactLog,
    DocumentExtract)}


def _to_json(value: Any) -> Any:
    if value is None or isinstance(value, str | int | float | bool):
        return value
    if isinstance(value, list):
        return [_to_json(v) for v in value]
    if isinstance(value, tuple):
        return {"@": "tuple", "items": [_to_json(v) for v in value]}
    if isinstance(value, set | frozenset):
        return {"@": "set", "items": sorted(_to_json(v) for v in value)}
    if isinstance(value, dict):
        if any(not isinstance(k, str) or k.startswith("@") for k in value):
            raise TypeError(f"cannot store a mapping with keys {sorted(map(repr, value))}")
        return {k: _to_json(v) for k, v in value.items()}
    name = type(value).__name__
    if dataclasses.is_dataclass(value) and _CLASSES.get(name) is type(value):
        return {"@": name} | {f.name: _to_json(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return {"@": "date", "iso": value.isoformat()}
    raise TypeError(f"cannot store a value of type {name} in an extract")


def _tagged(obj: dict[str, Any]) -> Any:
    """A JSON object read back (its values already are): a tagged one becomes its kind again."""
    tag = obj.get("@")
    if tag is None:
        return obj
    if tag == "tuple":
        return tuple(obj["items"])
    if tag == "set":
        return set(obj["items"])
    if tag == "date":
        return dt.date.fromisoformat(obj["iso"])
    del obj["@"]
    return _CLASSES[tag](**obj)


def encode(extract: DocumentExtract) -> bytes:
    """One document's extract as one line of JSON (ASCII: a lone surrogate of a badly encoded file survives)."""
    return json.dumps(_to_json(extract), separators=(",", ":")).encode("ascii")


def decode(line: bytes) -> DocumentExtract:
    """What ``encode`` wrote (``ValueError``, ``KeyError`` or ``TypeError`` on anything else)."""
    out = json.loads(line, object_hook=_tagged)
    if not isinstance(out, DocumentExtract):
        raise ValueError("not a document extract")
    return out
