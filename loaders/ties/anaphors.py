"""Definite nouns and "its" that stand for a body named before ("the committee's spokesperson").

Used by the membership rules only: an anaphor mention names no entity of its own.
"""

from __future__ import annotations

import re

from loaders.actors.mention import Mention
from loaders.lexicon import roles

BODY_TYPES = frozenset({"Party", "Organization", "Institution", "MediaOutlet", "ForeignActor"})

_DEFINITE = re.compile(r"\b(?:[Tt]he\s+(?P<noun>[a-z]{4,})|(?P<noun2>[Ii]ts))\b")
ANAPHOR_WINDOW = 1500
_ITS_WINDOW = 300


def body_anaphors(text: str, mentions: list[Mention]) -> list[Mention]:
    """"the committee's spokesperson": a definite noun that is the last word of the name of the body
    of its type named last before it (within a paragraph or two) stands for that body, and "its" for
    the body named last; a noun of ``body_nouns`` in roles.yaml ("the group") for the body of its
    type named last, nearby. For the role rules only (these mentions name no entity)."""
    nouns: dict[str, str] = roles().get("body_nouns", {})
    bodies = sorted(m for m in mentions if m.type in BODY_TYPES)
    spans = sorted((m.start, m.end) for m in mentions)
    out: list[Mention] = []
    last: dict[str, Mention] = {}  # the last word of a body's name -> the body named last
    last_of_type: dict[str, Mention] = {}
    j = k = 0
    for d in _DEFINITE.finditer(text):
        while k < len(bodies) and bodies[k].end <= d.start():
            last[bodies[k].name.split()[-1].lower()] = last_of_type[bodies[k].type] = bodies[k]
            k += 1
        g = "noun" if d.group("noun") else "noun2"
        while j < len(spans) and spans[j][1] <= d.start(g):
            j += 1
        noun = d.group(g).lower()
        body = last.get(noun) if noun != "its" else (bodies[k - 1] if k else None)
        short = noun == "its"
        if body is None and noun in nouns:  # "the group": the body of that type named last, nearby
            body, short = last_of_type.get(nouns[noun]), True
        inside = j < len(spans) and spans[j][0] < d.end(g)
        window = _ITS_WINDOW if short else ANAPHOR_WINDOW
        if (body is not None and not inside and d.start() - body.end <= window
                and (body.type == "Institution" or last_of_type[body.type].entity == body.entity)):
            # no other party named since; a state body's own word ("the committee") names it alone
            out.append(Mention(d.start(g), d.end(g), body.entity, body.type, body.name, "anaphor"))
    return out
