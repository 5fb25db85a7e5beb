"""The document's own date for what a news item or statement tells without a date.

In a document whose manifest ``kind`` is news-like (one of ``statements.document_dated_kinds`` in
``events.yaml``, whole or as a hyphenated part: "news", "foreign-statement", "ngo-article") and whose
date is a day, a statement or event its sentence does not date is the document's news, dated by the
document's day ("Japan welcomes", "the US has imposed", "X said", "police arrested"), not by what
is said in it; a modal ("will pause") is not dated so. Reports and encyclopedias tell older facts:
never dated so.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from loaders.dates.expressions import DateExpr
from loaders.events.view import SentenceView

if TYPE_CHECKING:
    from spacy.tokens import Token


def news_like(kind: str | None, kinds: frozenset[str]) -> bool:
    k = (kind or "").lower()
    return k in kinds or any(part in kinds for part in k.split("-"))


def document_dated(v: SentenceView, t: Token) -> list[DateExpr]:
    doc = v.pd.document
    if not news_like(doc.kind, v.lex.stmt_document_kinds) or doc.published is None \
            or doc.published.precision != "day":
        return []
    verb = t.head if t.dep_ in ("acomp", "dobj", "pobj", "nsubj", "nsubjpass") and t.pos_ != "VERB" else t
    aux = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    if any(c.tag_ == "MD" for c in aux):
        return []  # "will pause": not yet
    a = v.start(t)
    return [DateExpr(a, a, "(document date)", "document", offset=0, unit="day")]
