"""``Claim``: one event as one passage states it, before dating and cross-document resolution."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from graph.model import Evidence, Participant
from loaders.dates.expressions import DateExpr


@dataclass
class Claim:
    type: str
    participants: list[Participant]
    evidence: Evidence
    document: str
    pos: int
    dates: list[DateExpr] = field(default_factory=list)
    attributes: dict[str, Any] = field(default_factory=dict)
    kind: str | None = None  # election kind, for Election claims
    implicit_agent: bool = False  # an agentless passive ("X was named chair"): the agent is told before
    frame: bool = False  # no event: a trigger with an agent and no target, that lends the agent (implicit)
    office: tuple[str, str | None] | None = None  # an appointment's (role, body entity): loaders.ties.offices

    def entities(self, role: str) -> set[str]:
        return {p.entity for p in self.participants if p.role == role}
