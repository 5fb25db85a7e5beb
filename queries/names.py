"""Matching a parameter's name to entities: case, apostrophes, a leading "the" and aliases folded.

``Farmers party``, ``the Farmers Party``, ``FP`` and ``party/farmers-party`` all name the
same entity. The names come from the backend itself (the hidden ``entity-names`` question), so every
backend resolves the same way, and the resolved ids are then bound into the question's query.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from graph.ids import fold_name


class NameIndex:
    """Entity ids by folded name and alias, built from rows ``{entity, type, name}``."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.types: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        for r in rows:
            eid = str(r["entity"])
            self.types[eid] = str(r.get("type") or "")
            if r.get("name"):
                self.by_name.setdefault(fold_name(str(r["name"])), set()).add(eid)

    def resolve(self, text: str, types: Iterable[str] = ()) -> list[str]:
        """Ids of the entities ``text`` names (an id, a name or an alias), restricted to ``types``."""
        wanted = set(types)
        if text in self.types:
            found = {text}
        else:
            found = set(self.by_name.get(fold_name(text), set()))
        return sorted(e for e in found if not wanted or self.types.get(e) in wanted)
