"""``ParsedDocument``: one document as every extraction stage reads it, computed once.

It carries the source (clean text with its offset map), paragraphs and sentences, one spaCy parse
per sentence (token offsets count from the sentence's start in the clean text), the actor mentions,
the date expressions and which paragraphs are about the home country. ``parse_documents`` parses a
batch of sources with ``nlp.pipe`` (cached parses are read, not parsed again).
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from loaders.actors.mention import Mention
from loaders.actors.ner import ner_mentions
from loaders.dates.expressions import DateExpr, find_dates
from loaders.parse.cache import ParseCache, parse_key
from loaders.parse.model import nlp
from loaders.text.scope import paragraph_scope
from loaders.text.sentences import Segmentation, Sentence, segment
from loaders.text.source import SourceText

if TYPE_CHECKING:
    from spacy.tokens import Doc

BATCH_SIZE = 256
PARALLEL_FROM = 4000
"""Sentences to parse in one batch from which the parse runs on all cores (below, starting worker
processes costs more than it saves)."""


@dataclass
class ParsedDocument:
    src: SourceText
    seg: Segmentation
    parses: list[Doc]  # parses[i] is seg.sentences[i]
    mentions: list[Mention] = field(default_factory=list)
    dates: list[DateExpr] = field(default_factory=list)
    scope: list[bool] = field(default_factory=list)
    first_of: dict[int, Sentence] = field(default_factory=dict)
    mention_starts: list[int] = field(default_factory=list)
    spokes_for: dict[str, Mention] = field(default_factory=dict)  # a person -> the state they spoke for
    key: str = ""  # of the parse in the cache (``parse_key``)

    def __post_init__(self) -> None:
        self.mention_starts = [m.start for m in self.mentions]
        for s in self.seg.sentences:
            self.first_of.setdefault(s.paragraph, s)

    @property
    def text(self) -> str:
        return self.src.clean

    @property
    def document(self):  # noqa: ANN201 - graph.model.Document
        return self.src.document


def _spans(seg: Segmentation) -> list[tuple[int, int]]:
    return [(s.start, s.end) for s in seg.sentences]


def parse_documents(sources: Iterable[SourceText], cache: ParseCache, back_matter: Iterable[str],
                    find_mentions: Callable[[SourceText], list[Mention]],
                    parallel: bool = True) -> list[ParsedDocument]:
    """Segment, parse (one ``nlp.pipe`` over every sentence not in the cache), and find mentions and dates.
    ``parallel=False``: one process, even for a large batch (the caller runs batches in parallel)."""
    staged: list[tuple[SourceText, Segmentation, str, list[Doc] | None]] = []
    todo: list[str] = []
    for src in sources:
        seg = segment(src.clean, back_matter)
        key = parse_key(src.clean, _spans(seg))
        docs = cache.get(key, len(seg.sentences))
        if docs is None:
            todo += [src.clean[s.start:s.end] for s in seg.sentences]
        staged.append((src, seg, key, docs))
    parsed: list[Doc] = []
    if todo:
        procs = min(os.cpu_count() or 1, 4) if parallel and len(todo) >= PARALLEL_FROM else 1
        parsed = list(nlp().pipe(todo, batch_size=BATCH_SIZE, n_process=procs))
    out = []
    pos = 0
    for src, seg, key, docs in staged:
        if docs is None:
            docs = parsed[pos:pos + len(seg.sentences)]
            pos += len(seg.sentences)
            cache.put(key, docs)
        end = seg.paragraphs[-1].end if seg.paragraphs else 0
        mentions = find_mentions(src)
        mentions = sorted(mentions + ner_mentions(src.clean, seg.sentences, docs, mentions))
        out.append(ParsedDocument(src, seg, docs, mentions, find_dates(src.clean, 0, end),
                                  paragraph_scope(src.clean, seg.paragraphs), key=key))
    return out
