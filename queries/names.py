"""Matching a parameter's name to entities: case, apostrophes, a leading "the" and aliases folded.

``Farmers party``, ``the Farmers Party``, ``FP`` and ``party/farmers-party`` all name the
same entity. The names come from the backend itself (the hidden ``entity-names`` question), so every
backend resolves the same way, and the resolved ids are then bound into the question's query.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from typing import Any

from graph.ids import fold_name


class NameIndex:
    """Entity ids by folded name and alias, built from rows ``{entity, type, name}``."""

    def __init__(self, rows: Iterable[Mapping[str, Any]]) -> None:
        self.types: dict[str, str] = {}
        self.by_name: dict[str, set[str]] = {}
        self.spelled: dict[tuple[str, str], str] = {}
        """The name as written, by (folded name, entity id)."""
        for r in rows:
            eid = str(r["entity"])
            self.types[eid] = str(r.get("type") or "")
            if r.get("name"):
                key = fold_name(str(r["name"]))
                self.by_name.setdefault(key, set()).add(eid)
                self.spelled.setdefault((key, eid), str(r["name"]))

    def resolve(self, text: str, types: Iterable[str] = ()) -> list[str]:
        """Ids of the entities ``text`` names (an id, a name or an alias), restricted to ``types``."""
        wanted = set(types)
        if text in self.types:
            found = {text}
        else:
            found = set(self.by_name.get(fold_name(text), set()))
        return sorted(e for e in found if not wanted or self.types.get(e) in wanted)

    def near(self, text: str, types: Iterable[str] = (), limit: int = 5) -> list[tuple[str, str]]:
        """``(name, id)`` of the entities with a name or alias whose words start with the words of
        ``text`` (else spelled close to it), restricted to ``types``: what a "did you mean" lists
        when ``resolve`` finds nothing."""
        wanted, key = set(types), fold_name(text)
        if not key:
            return []
        names = [n for n in self.by_name if any(not wanted or self.types.get(e) in wanted for e in self.by_name[n])]
        words = key.split()
        containing = sorted((n for n in names if all(any(w.startswith(k) for w in n.split()) for k in words)),
                            key=lambda n: (len(n), n))
        close = containing or difflib.get_close_matches(key, names, n=limit, cutoff=0.75)
        out: list[tuple[str, str]] = []
        for n in close:
            for eid in sorted(self.by_name[n]):
                if (not wanted or self.types.get(eid) in wanted) and eid not in {i for _, i in out}:
                    out.append((self.spelled[(n, eid)], eid))
        return out[:limit]
