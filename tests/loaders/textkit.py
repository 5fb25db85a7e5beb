"""Small invented documents for extraction tests: a ``SourceText`` from a string, and its event claims."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Document, FuzzyDate
from loaders.events.claim import Claim
from loaders.events.extract import claims_of
from loaders.extraction import extract_all
from loaders.text.source import SourceText


def source(text: str, doc_id: str = "doc", published: FuzzyDate | None = None) -> SourceText:
    doc = Document(id=doc_id, file=f"{doc_id}.txt", title=doc_id, sha256="0" * 64, published=published)
    return SourceText.identity(doc, text)


def claims(text: str, published: FuzzyDate | None = None) -> list[Claim]:
    src = source(text, published=published)
    return claims_of(src)


def build(*docs: tuple[str, str, FuzzyDate | None]) -> FactSet:
    """Facts of several invented documents ``(id, text, published)``."""
    facts = FactSet()
    sources = [source(text, doc_id, pub) for doc_id, text, pub in docs]
    for s in sources:
        facts.add_document(s.document)
    extract_all(sources, facts)
    return facts


def events_of(facts: FactSet, type_: str) -> list:
    return [e for e in facts.events.values() if e.type == type_]


def roles(claim_or_event, role: str) -> set[str]:
    return {p.entity for p in claim_or_event.participants if p.role == role}
