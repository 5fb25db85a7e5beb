"""Stable identifiers derived from canonical names, so IRIs and Neo4j keys survive a rebuild."""

from __future__ import annotations

import hashlib
import re
import unicodedata

_HOMOGLYPHS = str.maketrans("АВСЕНКМОРТХасеорхіІ", "ABCEHKMOPTXaceopxiI")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': ``Farmers' Party`` -> ``farmers-party``."""
    s = unicodedata.normalize("NFKD", text.translate(_HOMOGLYPHS))
    s = s.encode("ascii", "ignore").decode("ascii").lower()
    s = re.sub(r"['\u2019]", "", s)
    s = re.sub(r"[^a-z0-9]+", "-", s).strip("-")
    return s or "x"


def short_hash(*parts: object, length: int = 8) -> str:
    h = hashlib.sha1("\x1f".join(str(p) for p in parts).encode("utf-8")).hexdigest()
    return h[:length]


def entity_id(entity_type: str, canonical_name: str) -> str:
    """``party/candlelight-party``: type and canonical name, nothing else."""
    return f"{slug(entity_type)}/{slug(canonical_name)}"


def event_id(event_type: str, *key: object) -> str:
    """``event/disqualification-<hash>`` from the event type and its identifying key (participants, date)."""
    return f"event/{slug(event_type)}-{short_hash(event_type, *key)}"


def membership_id(person: str, organization: str, role: str) -> str:
    return f"membership/{short_hash(person, organization, role, length=10)}"


def document_id(file_name: str) -> str:
    """A document id from its file name without extension: its slug, with a short hash of the name
    when the slug drops letters that have no ASCII form (a name in Khmer, Chinese, ...), so that
    such names do not collapse into one id."""
    name = file_name.rsplit("/", 1)[-1]
    stem = name.rsplit(".", 1)[0] if "." in name else name
    if any(ch.isalnum() and not _folds_to_ascii(ch) for ch in stem):
        base = slug(stem)
        return f"{base}-{short_hash(name)}" if base != "x" else f"doc-{short_hash(name)}"
    return slug(stem)


def _folds_to_ascii(ch: str) -> bool:
    """``é`` folds to ``e``; ``ក`` or ``中`` fold to nothing."""
    return bool(unicodedata.normalize("NFKD", ch.translate(_HOMOGLYPHS)).encode("ascii", "ignore"))


def election_event_id(kind: str, year: int | str) -> str:
    """An election is identified by its kind (``national``, ``commune``, ``senate``, ...) and year,
    so the same election found in a results table and in running text is one event."""
    return f"event/election-{slug(kind)}-{year}"
