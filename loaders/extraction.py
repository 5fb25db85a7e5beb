"""Extraction: from cleaned document texts to entities, events and memberships with evidence.

``extract_all`` takes the sources in batches: each batch is segmented and parsed once (``loaders.parse``,
cached parses read back), then, per document: actor mentions and their entities (``actors``), event
claims from the parse (``loaders.events``), memberships and results tables; at the end the event claims
are dated and resolved across documents into events (``resolve``). Work is linear in the number of
documents: cross-document comparison only happens inside (type, participant) blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from graph.factset import FactSet
from loaders.text.source import SourceText

if TYPE_CHECKING:
    from loaders.events.claim import Claim
    from loaders.parse.cache import ParseCache

BATCH_DOCUMENTS = 32
"""Documents parsed together in one ``nlp.pipe`` (their texts are held in memory meanwhile)."""


def _batches(sources: Iterable[SourceText], n: int) -> Iterator[list[SourceText]]:
    it = iter(sources)
    while batch := list(islice(it, n)):
        yield batch


def extract_all(sources: Iterable[SourceText], facts: FactSet,
                progress: Callable[[SourceText], None] | None = None, cache: ParseCache | None = None) -> None:
    """Add to ``facts`` what the sources state. ``progress`` is called once per source; ``cache`` keeps
    the parses (none kept without one)."""
    from loaders.actors.find import find_mentions, register
    from loaders.dates.expressions import years_in
    from loaders.events.extract import extract_events
    from loaders.events.lexicon import lexicon
    from loaders.parse.cache import ParseCache
    from loaders.parse.document import parse_documents
    from loaders.resolve import DocContext, resolve_all
    from loaders.ties.apposed import extract_apposed
    from loaders.ties.memberships import extract_memberships
    from loaders.ties.tables import extract_tables

    cache = cache or ParseCache(None)
    claims: list[Claim] = []
    contexts: dict[str, DocContext] = {}
    for batch in _batches(sources, BATCH_DOCUMENTS):
        for pd in parse_documents(batch, cache, lexicon().back_matter, find_mentions):
            src = pd.src
            register(pd.mentions, src, facts)
            end = pd.seg.paragraphs[-1].end if pd.seg.paragraphs else 0
            contexts[src.document.id] = DocContext(src.document, years_in(src.clean, 0, end))
            claims += extract_events(pd)
            extract_memberships(src, pd.mentions, facts)
            extract_apposed(pd, facts)
            extract_tables(src, pd.mentions, facts)
            if progress:
                progress(src)
    resolve_all(claims, contexts, facts)
