"""Extraction: from cleaned document texts to entities, events and memberships with evidence.

``extract_all`` runs, for each source: actor mentions and their entities (``actors``), event claims
(``events``), memberships (``memberships``) and results tables (``tables``); then dates the event
claims and resolves them across documents into events (``resolve``). Work is linear in the number of
documents: cross-document comparison only happens inside (type, participant) blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable

from graph.factset import FactSet
from loaders.extract.dates import years_in
from loaders.extract.events import Claim, extract_events
from loaders.extract.resolve import DocContext, resolve_all
from loaders.extract.sentences import segment
from loaders.extract.triggers import lexicon
from loaders.source import SourceText


def extract_all(sources: Iterable[SourceText], facts: FactSet,
                progress: Callable[[SourceText], None] | None = None) -> None:
    """Add to ``facts`` what the sources state. ``progress`` is called once per source.

    ``sources`` is consumed once, one at a time (a generator is fine): only each document's claims and
    context are kept for the resolution across documents, not its text."""
    from loaders.extract.actors import find_mentions, register
    from loaders.extract.memberships import extract_memberships
    from loaders.extract.tables import extract_tables

    claims: list[Claim] = []
    contexts: dict[str, DocContext] = {}
    for src in sources:
        mentions = find_mentions(src)
        register(mentions, src, facts)
        seg = segment(src.clean, lexicon().back_matter)
        end = seg.paragraphs[-1].end if seg.paragraphs else 0
        contexts[src.document.id] = DocContext(src.document, years_in(src.clean, 0, end))
        claims += extract_events(src, mentions, seg)
        extract_memberships(src, mentions, facts)
        extract_tables(src, mentions, facts)
        if progress:
            progress(src)
    resolve_all(claims, contexts, facts)
