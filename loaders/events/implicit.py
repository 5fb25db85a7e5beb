"""Agents a sentence leaves implicit: "The new members were elected by the National Assembly on
Thursday. X was named chair, while Y was appointed vice-chair." The agentless passives of the second
sentence tell more of the event the first one told, by the same agent.

An agentless passive claim takes the agent of the nearest claim of the same event type before it, in
its own sentence or the two before; the agent must be of a type (and carry the words) the event type
allows; a frame (a trigger with an agent and no target: "members were elected by the National
Assembly") may lend it, and is dropped then. Claims of a type that requires an agent and find none are
dropped. Likewise an office named
without its body ("appointed vice-chairman") is in the body of the office filled just before.
"""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

from graph.model import Participant
from loaders.events.claim import Claim
from loaders.events.lexicon import Lexicon

if TYPE_CHECKING:
    from loaders.parse.document import ParsedDocument

WINDOW_SENTENCES = 2
"""How many sentences back an implicit agent may be found."""


def _body_before(c: Claim, before: list[Claim], starts: list[int]) -> str | None:
    """"Y was appointed vice-chairman": the body of the office filled just before."""
    here = bisect_right(starts, c.pos) - 1
    for d in reversed(before):
        if bisect_right(starts, d.pos) - 1 < here - WINDOW_SENTENCES:
            return None
        if d.type == c.type and d.office is not None and d.office[1] is not None:
            return d.office[1]
    return None


def carry_agents(claims: list[Claim], pd: ParsedDocument, lex: Lexicon) -> list[Claim]:
    """``claims`` (of one document, in text order) with implicit agents filled in from the claims before."""
    starts = [s.start for s in pd.seg.sentences]
    mentions = {m.entity: m for m in pd.mentions}
    out: list[Claim] = []
    for c in claims:
        spec = lex.spec(c.type)
        if c.office is not None and c.office[1] is None:
            c.office = (c.office[0], _body_before(c, out, starts))
        if c.implicit_agent and not c.entities("agent") and spec is not None:
            here = bisect_right(starts, c.pos) - 1
            for d in reversed(out):
                if bisect_right(starts, d.pos) - 1 < here - WINDOW_SENTENCES:
                    break
                if d.type != c.type or d.pos > c.pos:
                    continue
                agents = sorted(e for e in d.entities("agent") if e in mentions
                                and mentions[e].type in spec.agent and e not in c.entities("target")
                                and (not spec.agent_words or set(mentions[e].name.lower().split())
                                     & set(spec.agent_words)))
                if agents:
                    c.participants = sorted(set(c.participants) | {Participant("agent", e) for e in agents})
                    break
            if "agent" in spec.requires and not c.entities("agent"):
                continue
        out.append(c)
    return [c for c in out if not c.frame]
