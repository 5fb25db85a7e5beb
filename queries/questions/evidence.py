"""``evidence``: every passage behind one fact, in document order."""

from __future__ import annotations

from graph.errors import UsageError
from queries.backends import Row
from queries.questions import processor
from queries.questions.common import Context, unique


@processor("evidence")
def passages(rows: list[Row], ctx: Context) -> list[dict]:
    if not rows:
        raise UsageError(f"no fact {ctx.values['fact']!r} with evidence in the graph")
    out = [{"fact": r["fact"], "document": r["document"], "document_title": r.get("document_title"),
            "start": r["start"], "end": r["end"], "quote": r["quote"]} for r in unique(rows)]
    return sorted(out, key=lambda e: (e["document"], e["start"], e["end"]))
