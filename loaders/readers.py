"""Read a document file into ``SourceText`` objects (one per document the file holds).

PROVISIONAL minimal reader (plain text only); replaced by the readers work.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

from graph.ids import document_id
from graph.model import Document
from kg.errors import SkipItem
from loaders.source import SourceText

SUFFIXES = (".txt", ".md", ".html", ".htm", ".pdf")


def read_source(path: Path, meta: dict[str, Any] | None = None) -> list[SourceText]:
    data = path.read_bytes()
    if not data.strip():
        raise SkipItem(f"{path.name}: empty file")
    try:
        raw = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise SkipItem(f"{path.name}: not UTF-8 text") from exc
    meta = meta or {}
    doc = Document(
        id=document_id(path.name), file=path.name, title=str(meta.get("title") or path.stem),
        sha256=hashlib.sha256(data).hexdigest(), publisher=meta.get("publisher"),
        kind=meta.get("kind"), language=meta.get("language"),
    )
    return [SourceText.identity(doc, raw)]
