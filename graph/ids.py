"""Stable identifiers derived from canonical names, so IRIs and Neo4j keys survive a rebuild, and the
one way names are folded for comparison.

Look-alike letters (a Cyrillic ``С`` in ``СРР``) count as the Latin ones they imitate everywhere: in
ids, in the loaders' names and in the names users give to ``kg ask``. The one table of them is the
reviewed ``homoglyphs`` of ``cleaning.yaml`` (``lookalikes()``).
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from functools import cache

from graph.resources import read_lexicon


@cache
def lookalikes() -> dict[int, str]:
    """The look-alike letters and the Latin letters they stand for, as a ``str.translate`` table."""
    table = read_lexicon("cleaning.yaml", {"homoglyphs": dict})["homoglyphs"]
    return {ord(k): str(v) for k, v in table.items() if len(k) == 1}


def unlook(text: str) -> str:
    """``text`` with its look-alike letters as the Latin letters they imitate."""
    return text.translate(lookalikes())


def fold_name(name: str) -> str:
    """A name as users' words are compared with it: ``The Farmers' Party`` -> ``farmers party`` (case,
    look-alike letters, curly apostrophes, a leading "the", a possessive and punctuation do not count)."""
    s = unlook(unicodedata.normalize("NFKC", name or ""))
    s = s.replace("\u2019", "'").replace("\u2018", "'").casefold().strip()
    s = re.sub(r"^the\s+", "", s)
    s = re.sub(r"'s\b", "s", s)
    s = re.sub(r"[^\w]+", " ", s)
    return " ".join(s.split())


def slug(text: str) -> str:
    """Lower-case ASCII words joined by '-': ``Farmers' Party`` -> ``farmers-party``."""
    s = unicodedata.normalize("NFKD", unlook(text))
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


def evidence_id(document: str, start: int, end: int) -> str:
    """``evidence/<document>/<start>-<end>``: one id per passage, shared by every fact it supports."""
    return f"evidence/{document}/{start}-{end}"


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
    return bool(unicodedata.normalize("NFKD", unlook(ch)).encode("ascii", "ignore"))


def election_event_id(kind: str, year: int | str) -> str:
    """An election is identified by its kind (``national``, ``commune``, ``senate``, ...) and year,
    so the same election found in a results table and in running text is one event."""
    return f"event/election-{slug(kind)}-{year}"
