"""Small invented documents for the extraction tests."""

from __future__ import annotations

from typing import Any

from graph.factset import FactSet
from graph.model import Document
from loaders.actors import find as actors
from loaders.actors.mention import Mention
from loaders.factlog import FactLog, apply
from loaders.text.source import SourceText


def source(text: str, doc_id: str = "invented") -> SourceText:
    return SourceText.identity(Document(doc_id, f"{doc_id}.txt", doc_id, "0" * 64), text)


def mentions(text: str) -> list[Mention]:
    return actors.find_mentions(source(text))


def found(text: str) -> dict[str, str]:
    """Written form -> canonical name of every mention."""
    return {text[m.start:m.end]: m.name for m in mentions(text)}


class LiveLog(FactLog):
    """A ``FactLog`` whose operations are applied at once to its own ``FactSet`` (``facts``), whose
    fields and methods it answers for: tests look at the facts of a stage as it adds them."""

    def __init__(self) -> None:
        super().__init__()
        self.facts = FactSet()

    def record(self, kind: str, args: tuple[Any, ...]) -> None:
        super().record(kind, args)
        apply(self.facts, kind, args)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.facts, name)


def facts_of(text: str) -> tuple[SourceText, list[Mention], LiveLog]:
    src = source(text)
    ms = actors.find_mentions(src)
    facts = LiveLog()
    actors.register(ms, src, facts)
    return src, ms, facts
