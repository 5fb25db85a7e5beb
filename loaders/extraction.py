"""Extraction: from cleaned document texts to entities, events and memberships with evidence.

Two steps. Per document (``extract_sources``): the sources are taken in batches, each batch segmented
and parsed once (``loaders.parse``, cached parses read back), then each document on its own gives a
``DocumentExtract``: its actor entities (``actors``), memberships and results tables as a ``FactLog``,
its event claims (``loaders.events``) and the years it states. Nothing of one document's step reads
another document, so its extract can be cached or computed in another process. Across documents
(``combine``): the logs are replayed into the ``FactSet`` in document order and the event claims are
dated and resolved into events (``resolve``). Work is linear in the number of documents:
cross-document comparison only happens inside (type, participant) blocks.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from itertools import islice
from typing import TYPE_CHECKING

from graph.errors import AbortRun
from graph.factset import FactSet
from graph.model import Skipped
from loaders.extract_codec import DocumentExtract, decode, encode
from loaders.factlog import FactLog
from loaders.text.source import SourceText

if TYPE_CHECKING:
    from loaders.events.claim import Claim
    from loaders.parse.cache import ParseCache
    from loaders.parse.document import ParsedDocument

BATCH_DOCUMENTS = 32
"""Documents parsed together in one ``nlp.pipe`` (their texts are held in memory meanwhile)."""


def batches(items: Iterable[SourceText], n: int = BATCH_DOCUMENTS) -> Iterator[list[SourceText]]:
    it = iter(items)
    while batch := list(islice(it, n)):
        yield batch


def extract_document(pd: ParsedDocument) -> DocumentExtract:
    """What one parsed document states, read from that document alone. An unexpected error of the rules
    on one document (a sentence shape they were never tested on) loses that document only: its extract
    is empty and says why, and the build skips it with that reason (``combine``)."""
    try:
        return _extract_document(pd)
    except AbortRun:
        raise
    except Exception as exc:  # one document's failure must not lose the others
        return DocumentExtract(pd.src.document, FactLog(), [], [], pd.key,
                               failure=f"internal error while extracting: {type(exc).__name__}: {exc}")


def _extract_document(pd: ParsedDocument) -> DocumentExtract:
    from loaders.actors.find import register
    from loaders.dates.expressions import years_in
    from loaders.events.extract import extract_events
    from loaders.ties.apposed import extract_apposed
    from loaders.ties.memberships import extract_memberships
    from loaders.ties.tables import extract_tables

    src = pd.src
    log = FactLog()
    register(pd.mentions, src, log)
    end = pd.seg.paragraphs[-1].end if pd.seg.paragraphs else 0
    years = years_in(src.clean, 0, end)
    claims = extract_events(pd)
    extract_memberships(src, pd.mentions, log)
    extract_apposed(pd, log)
    extract_tables(src, pd.mentions, log)
    return DocumentExtract(src.document, log, claims, years, pd.key)


def extract_sources(sources: Iterable[SourceText], cache: ParseCache | None = None,
                    parallel_parse: bool = True) -> Iterator[DocumentExtract]:
    """The extract of each source, in order (parsed a batch at a time; ``cache`` keeps the parses)."""
    from loaders.actors.find import find_mentions
    from loaders.events.lexicon import lexicon
    from loaders.parse.cache import ParseCache
    from loaders.parse.document import parse_documents

    cache = cache or ParseCache(None)
    for batch in batches(sources):
        for pd in parse_documents(batch, cache, lexicon().back_matter, find_mentions, parallel_parse):
            yield extract_document(pd)


def combine(extracts: Iterable[DocumentExtract], facts: FactSet,
            progress: Callable[[DocumentExtract], None] | None = None) -> FactSet:
    """The step across documents: replay each extract into ``facts`` in order, then date the event
    claims and resolve them into events. The documents themselves are added by the caller."""
    from loaders.resolve import DocContext, resolve_all

    claims: list[Claim] = []
    contexts: dict[str, DocContext] = {}
    for ex in extracts:
        if ex.failure:
            facts.documents.pop(ex.document.id, None)
            facts.skipped.append(Skipped(ex.document.file, ex.failure))
            if progress:
                progress(ex)
            continue
        ex.log.replay(facts)
        contexts[ex.document.id] = DocContext(ex.document, ex.years)
        claims += ex.claims
        if progress:
            progress(ex)
    resolve_all(claims, contexts, facts)
    return facts


def extract_all(sources: Iterable[SourceText], facts: FactSet, cache: ParseCache | None = None) -> FactSet:
    """Add to ``facts`` what the sources state (their documents already in ``facts``); ``cache`` keeps
    the parses (none kept without one). Each extract goes through its stored form, as in a build."""
    return combine((decode(encode(ex)) for ex in extract_sources(sources, cache)), facts)
