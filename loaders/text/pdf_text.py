"""The text layer of a PDF file (via pypdf): for a PDF, this extracted text is the "file as read".

Offsets of a PDF document's evidence count characters of ``pdf_text(...).text``: pages extracted by
pypdf, in order, joined by ``"\\n\\f\\n"`` (a form feed marks each page break), with universal newlines.
The same pypdf version gives the same text, so offsets are stable for a given build environment.
A file pypdf cannot open, an encrypted one, or one with no text layer (a scan) is skipped. pypdf's
own warnings and log lines are silenced: a skipped file gives one reason, never a traceback.
"""

from __future__ import annotations

import io
import logging
import warnings
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from graph.errors import SkipItem
from loaders.text.decoding import universal_newlines

PAGE_BREAK = "\n\f\n"


@dataclass(frozen=True)
class PdfText:
    text: str
    title: str | None
    pages: int


@contextmanager
def _quiet() -> Iterator[None]:
    logger = logging.getLogger("pypdf")
    level, propagate = logger.level, logger.propagate
    logger.setLevel(logging.CRITICAL + 1)
    logger.propagate = False
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            yield
    finally:
        logger.setLevel(level)
        logger.propagate = propagate


def pdf_text(data: bytes, name: str) -> PdfText:
    """Extract the text layer; ``SkipItem`` when there is none to read."""
    from pypdf import PdfReader

    with _quiet():
        try:
            reader = PdfReader(io.BytesIO(data))
            if reader.is_encrypted and not reader.decrypt(""):
                raise SkipItem(f"{name}: encrypted PDF")
            pages = [page.extract_text() or "" for page in reader.pages]
            meta = reader.metadata
            title = str(meta.title).strip() if meta is not None and meta.title else None
        except SkipItem:
            raise
        except Exception as exc:  # noqa: BLE001 - pypdf raises many kinds on damaged files
            raise SkipItem(f"{name}: not a readable PDF ({exc.__class__.__name__})") from exc
    text = universal_newlines(PAGE_BREAK.join(pages))
    if not text.strip():
        raise SkipItem(f"{name}: PDF without a text layer (a scan?)")
    return PdfText(text, title or None, len(pages))
