"""Small invented documents for the extraction tests."""

from __future__ import annotations

from graph.factset import FactSet
from graph.model import Document
from loaders.actors import find as actors
from loaders.actors.mention import Mention
from loaders.text.source import SourceText


def source(text: str, doc_id: str = "invented") -> SourceText:
    return SourceText.identity(Document(doc_id, f"{doc_id}.txt", doc_id, "0" * 64), text)


def mentions(text: str) -> list[Mention]:
    return actors.find_mentions(source(text))


def found(text: str) -> dict[str, str]:
    """Written form -> canonical name of every mention."""
    return {text[m.start:m.end]: m.name for m in mentions(text)}


def facts_of(text: str) -> tuple[SourceText, list[Mention], FactSet]:
    src = source(text)
    ms = actors.find_mentions(src)
    facts = FactSet()
    actors.register(ms, src, facts)
    return src, ms, facts
