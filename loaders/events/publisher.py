"""The document's own voice: the actors its manifest names as publisher.

A report's publisher speaks in it as "we" ("We regret ...") and by name ("ANFREL found that ..."); what
it states there, the sentence not dating it otherwise, is stated when the document is published. The
publisher is found among the document's own mentions: an actor whose name, or the words naming it in
the text (an acronym), stand whole in the manifest's ``publisher`` ("Asian Network for Free Elections
(ANFREL)").
"""

from __future__ import annotations

import re
from weakref import ref

from loaders.actors.mention import Mention
from loaders.parse.document import ParsedDocument

# by id(pd), kept with a weak reference to tell a live document from a new one at a reused id
_CACHE: dict[int, tuple[ref[ParsedDocument], tuple[Mention, ...]]] = {}


def _names(publisher: str, words: str) -> bool:
    w = " ".join(words.split())
    return len(w) > 1 and re.search(rf"(?<![\w-]){re.escape(w)}(?![\w-])", publisher, re.I) is not None


def publishers(pd: ParsedDocument) -> tuple[Mention, ...]:
    """The first mention of each actor the manifest names as the document's publisher."""
    hit = _CACHE.get(id(pd))
    if hit is not None and hit[0]() is pd:
        return hit[1]
    pub = " ".join((pd.document.publisher or "").split())
    out: dict[str, Mention] = {}
    if pub:
        for m in pd.mentions:
            if m.entity not in out and (_names(pub, m.name) or _names(pub, pd.text[m.start:m.end])):
                out[m.entity] = m
    # "ASEAN Parliamentarians for Human Rights": the body, not the ASEAN its name contains
    found = tuple(m for m in out.values() if not any(
        o is not m and m.name.lower() in o.name.lower() for o in out.values()))
    _CACHE[id(pd)] = (ref(pd), found)
    return found


def is_publisher(pd: ParsedDocument, entity: str) -> bool:
    return any(m.entity == entity for m in publishers(pd))
