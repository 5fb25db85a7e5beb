"""Read a document file into ``SourceText`` objects, one per document the file holds.

Formats: ``.txt`` and ``.md`` (plain text), ``.html``/``.htm`` (main text, tags stripped with offsets
kept, see ``loaders.html_text``) and ``.pdf`` (the text layer, see ``loaders.pdf_text``: for a PDF,
offsets count characters of that extracted text). Any other suffix is read as plain text when it
decodes as text (not binary), with a note saying so; otherwise it is skipped with the reason.

Metadata comes from the manifest entry when there is one (title, publisher, published as ``2024``,
``2023-07`` or ``2023-07-05``, kind, language), else from the file (HTML ``<title>``, PDF metadata,
or the first non-empty line). Files holding several documents are split (``loaders.splitting``).
A file that cannot be used raises ``SkipItem("<file>: <reason>")``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from graph.ids import document_id, slug
from graph.model import Document, FuzzyDate
from kg.errors import SkipItem
from loaders.cleaning import clean
from loaders.decoding import decode, read_bytes
from loaders.html_text import html_text
from loaders.pdf_text import pdf_text
from loaders.source import SourceText
from loaders.splitting import Part, find_parts, part_text
from loaders.tracked import Tracked

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
#: Longest title taken from a document's first line.
MAX_TITLE = 200
#: Sub-document ids: ``<file id>--<slug of the title, cut to this length>``.
PART_SLUG = 60

_DATE = re.compile(r"(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?")


def parse_published(value: Any) -> FuzzyDate | None:
    """``2024`` -> year, ``2023-07`` -> month, ``2023-07-05`` -> day precision; None when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return FuzzyDate.of(value.year, value.month, value.day)
    m = _DATE.fullmatch(str(value).strip())
    if not m:
        return None
    year, month, day = (int(g) if g else None for g in m.groups())
    try:
        dt.date(year or 1, month or 1, day or 1)
    except ValueError:
        return None
    return FuzzyDate.of(year, month, day)  # type: ignore[arg-type]


def _first_line(text: str) -> str | None:
    for line in text.split("\n"):
        line = line.strip()
        if line:
            return line[:MAX_TITLE].strip()
    return None


def _text_of(path: Path, data: bytes) -> tuple[str, Tracked, str | None, str, list[str]]:
    """(file text as read, tracked text to clean, title found in the file, encoding, notes)."""
    suffix = path.suffix.lower()
    if suffix == ".pdf":
        pdf = pdf_text(data, path.name)
        notes = [f"offsets count characters of the PDF text layer extracted by pypdf ({pdf.pages} pages)"]
        return pdf.text, Tracked.of(pdf.text), pdf.title, "pdf-text", notes
    decoded = decode(data, path.name)
    notes = [decoded.note] if decoded.note else []
    if suffix in (".html", ".htm"):
        base, title = html_text(decoded.text)
        return decoded.text, base, title, decoded.encoding, notes
    if suffix not in SUFFIXES:
        notes.append(f"unknown suffix {suffix or '(none)'}: read as plain text")
    return decoded.text, Tracked.of(decoded.text), None, decoded.encoding, notes


def read_source(path: Path, meta: dict[str, Any] | None = None) -> list[SourceText]:
    """The documents of one file, cleaned, with offsets into the file's text."""
    data = read_bytes(path)
    if not data.strip():
        raise SkipItem(f"{path.name}: empty file")
    raw, base, file_title, encoding, notes = _text_of(path, data)
    meta = meta or {}
    parts = find_parts(base.text)
    doc_id = document_id(path.name)
    common: dict[str, Any] = dict(
        file=path.name, sha256=hashlib.sha256(data).hexdigest(), publisher=meta.get("publisher"),
        published=parse_published(meta.get("published")), kind=meta.get("kind"),
        language=meta.get("language"), encoding=encoding,
    )
    if meta.get("published") and common["published"] is None:
        notes.append(f"manifest date {meta.get('published')!r} not understood")
    sources: list[SourceText] = []
    used: set[str] = set()
    for part in parts:
        tracked = clean(part_text(base, part))
        if not tracked.text.strip():
            continue
        if len(parts) == 1:
            title = str(meta.get("title") or file_title or _first_line(tracked.text) or path.stem)
            doc = Document(id=doc_id, title=title, notes=list(notes), **common)
        else:
            doc = _part_document(doc_id, part, base, used, meta, file_title, path, notes, common, len(parts))
        sources.append(SourceText(doc, raw, tracked.text, tracked.offsets))
    if not sources:
        raise SkipItem(f"{path.name}: no text")
    return sources


def _part_document(doc_id: str, part: Part, base: Tracked, used: set[str], meta: dict[str, Any],
                   file_title: str | None, path: Path, notes: list[str], common: dict[str, Any],
                   count: int) -> Document:
    title = part.title or f"{meta.get('title') or file_title or path.stem} (preamble)"
    stem = slug(part.title)[:PART_SLUG].strip("-") if part.title else "preamble"
    pid, n = f"{doc_id}--{stem}", 2
    while pid in used:
        pid, n = f"{doc_id}--{stem}-{n}", n + 1
    used.add(pid)
    span = (base.offsets[part.start], base.offsets[part.end])
    note = f"one of {count} documents of {path.name}, split where a title line is repeated"
    return Document(id=pid, title=title, span=span, notes=[*notes, note], **common)
