"""Extraction: from cleaned document texts to entities, events and memberships with evidence.

PROVISIONAL stub; the extraction work replaces it. Entry point: ``extract_all``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from graph.factset import FactSet
from loaders.source import SourceText


def extract_all(sources: Sequence[SourceText], facts: FactSet,
                progress: Callable[[SourceText], None] | None = None) -> None:
    """Add to ``facts`` what the sources state. ``progress`` is called once per source."""
    for src in sources:
        if progress:
            progress(src)
