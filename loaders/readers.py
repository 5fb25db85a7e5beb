"""Read a document file into ``SourceText`` objects, one per document the file holds.

Formats: ``.txt`` and ``.md`` (plain text), ``.html``/``.htm`` (main text, tags stripped with offsets
kept, see ``loaders.text.html_text``) and ``.pdf`` (the text layer, see ``loaders.text.pdf_text``: for a PDF,
offsets count characters of that extracted text). Any other suffix is read as plain text when it
decodes as text (not binary), with a note saying so; otherwise it is skipped with the reason.

Metadata comes from the manifest entry when there is one (title, publisher, published as ``2024``,
``2023-07`` or ``2023-07-05``, kind, language, url), else from the file (HTML ``<title>``, PDF metadata,
or the first non-empty line). Files holding several documents are split (``loaders.text.splitting``).
A file that cannot be used raises ``SkipItem("<file>: <reason>")``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from pathlib import Path
from typing import Any

from graph.dates import parse_date
from graph.errors import SkipItem
from graph.ids import document_id, slug
from graph.model import Document, FuzzyDate
from loaders.text.cleaning import clean
from loaders.text.decoding import decode, read_bytes
from loaders.text.html_text import html_text
from loaders.text.pdf_text import pdf_text
from loaders.text.source import SourceText
from loaders.text.splitting import Part, find_parts, part_text
from loaders.text.tracked import Tracked

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")
#: Longest title taken from a document's first line.
MAX_TITLE = 200
#: Sub-document ids: ``<file id>--<slug of the title, cut to this length>``.
PART_SLUG = 60

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_DATE_LINE = re.compile(r"(?:(\d{1,2})\s+([A-Za-z]+)|([A-Za-z]+)\s+(\d{1,2}),?)\s+(\d{4})")


def parse_published(value: Any) -> FuzzyDate | None:
    """``2024`` -> year, ``2023-07`` -> month, ``2023-07-05`` -> day precision; None when unusable."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime | dt.date):
        return FuzzyDate.of(value.year, value.month, value.day)
    try:
        return parse_date(str(value))
    except ValueError:
        return None


def dated_line(text: str, lines: int = 3) -> FuzzyDate | None:
    """A date written alone on one of the first ``lines`` lines after the title (``8 June 2023``)."""
    for line in [ln.strip() for ln in text.split("\n") if ln.strip()][1:lines + 1]:
        m = _DATE_LINE.fullmatch(line)
        if not m:
            continue
        day, month = (m.group(1), m.group(2)) if m.group(1) else (m.group(4), m.group(3))
        if month.lower() in _MONTHS:
            return parse_published(f"{m.group(5)}-{_MONTHS.index(month.lower()) + 1:02d}-{int(day):02d}")
    return None


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


def text_as_read(path: Path) -> str:
    """The whole text of a file as read, what evidence offsets count in (``SkipItem`` when unusable)."""
    return _text_of(path, read_bytes(path))[0]


def read_source(path: Path, meta: dict[str, Any] | None = None, rel: str | None = None) -> list[SourceText]:
    """The documents of one file, cleaned, with offsets into the file's text. ``rel`` is the file's
    path inside the corpus folder (default: its name)."""
    data = read_bytes(path)
    if not data.strip():
        raise SkipItem(f"{path.name}: empty file")
    raw, base, file_title, encoding, notes = _text_of(path, data)
    meta = meta or {}
    common: dict[str, Any] = dict(
        file=rel or path.name, sha256=hashlib.sha256(data).hexdigest(), publisher=meta.get("publisher"),
        published=parse_published(meta.get("published")), kind=meta.get("kind"),
        language=meta.get("language"), encoding=encoding, notes=notes,
    )
    common["url"] = _web_address(meta.get("url"), notes)
    if meta.get("published") and common["published"] is None:
        notes.append(f"manifest date {meta.get('published')!r} not understood")
    doc_id = document_id(path.name)
    file_title = str(meta.get("title") or file_title or "") or None
    parts = find_parts(base.text)
    sources: list[SourceText] = []
    for part in parts:
        tracked = clean(part_text(base, part), hard_breaks=path.suffix.lower() in (".html", ".htm"))
        if not tracked.text.strip():
            continue
        if len(parts) == 1:
            title = file_title or _first_line(tracked.text) or path.stem
            doc = Document(id=doc_id, title=title, **(common | {"notes": list(notes)}))
        else:
            doc = _part_document(f"{doc_id}--", part, tracked.text, base, common, file_title or path.stem)
            doc.notes.append(f"one of {len(parts)} documents of {path.name}, split at repeated title lines")
        sources.append(SourceText(doc, raw, tracked.text, tracked.offsets))
    if not sources:
        raise SkipItem(f"{path.name}: no text")
    ids = [s.document.id for s in sources]
    for k, src in enumerate(sources):  # two parts with the same title: number the later ones
        if ids.count(src.document.id) > 1 and ids.index(src.document.id) != k:
            src.document.id = f"{src.document.id}-{ids[:k].count(src.document.id) + 1}"
    return sources


def _web_address(value: Any, notes: list[str]) -> str | None:
    """The manifest's ``url`` when it is an absolute http(s) address (else a note says it was left out)."""
    text = str(value or "").strip()
    if not text:
        return None
    if re.fullmatch(r"https?://[^\s<>\"{}|\\^`]+", text):
        return text
    notes.append(f"manifest url {text!r} is not an http(s) address: left out")
    return None


def _part_document(prefix: str, part: Part, text: str, base: Tracked, common: dict[str, Any],
                   file_title: str) -> Document:
    """A document for one part of a file: its own title, id, span and (when it has a date line) date."""
    title = part.title or f"{file_title} (preamble)"
    stem = slug(part.title)[:PART_SLUG].strip("-") if part.title else "preamble"
    fields = common | {"notes": list(common["notes"])}
    own = dated_line(text)
    if own and (fields["published"] is None or fields["published"].contains(own)):
        fields["published"] = own
        fields["notes"].append(f"published date {own.value} from its date line")
    span = (base.offsets[part.start], base.offsets[part.end])
    return Document(id=prefix + stem, title=title, span=span, **fields)
