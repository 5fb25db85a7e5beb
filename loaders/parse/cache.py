"""Parses kept on disk (spaCy ``DocBin``), one file per document, keyed by what was parsed and by whom.

The key is the sha256 of the document's clean text and of its sentence boundaries (each sentence is
parsed as one spaCy ``Doc``) plus the model's name and version: a rebuild after a rule change finds
every parse; a changed file, cleaning or sentence rule, or another model, parses again. A cache file
that cannot be read is parsed again (never an error).
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import TYPE_CHECKING

from loaders.parse.model import PARSE_VERSION, vocab

if TYPE_CHECKING:
    from spacy.tokens import Doc


def parse_key(text: str, spans: list[tuple[int, int]]) -> str:
    h = hashlib.sha256(text.encode("utf-8", "surrogatepass"))
    h.update(",".join(f"{a}:{b}" for a, b in spans).encode())
    return f"{h.hexdigest()}-{PARSE_VERSION}"


class ParseCache:
    """A folder of cached parses; ``None`` as folder keeps nothing. ``previous``: a folder to read parses
    from too (the workspace a build replaces); a parse found there is linked into ``folder``, so the new
    workspace holds exactly the parses of its documents."""

    def __init__(self, folder: Path | None, previous: Path | None = None) -> None:
        self.folder = folder
        self.previous = previous
        self.hits = 0
        self.misses = 0

    def _path(self, key: str) -> Path:
        assert self.folder is not None
        return self.folder / f"{key}.spacy"

    def _find(self, key: str) -> Path | None:
        path = self._path(key)
        if path.is_file():
            return path
        old = self.previous / f"{key}.spacy" if self.previous is not None else None
        if old is None or not old.is_file():
            return None
        self.folder.mkdir(parents=True, exist_ok=True)  # type: ignore[union-attr]
        try:
            os.link(old, path)
        except OSError:
            shutil.copyfile(old, path)
        return path

    def keep(self, key: str) -> None:
        """Keep the parse ``key`` in this cache's folder (a document whose extract was reused)."""
        if self.folder is not None:
            self._find(key)

    def get(self, key: str, count: int) -> list[Doc] | None:
        if self.folder is None:
            return None
        path = self._find(key)
        if path is None:
            self.misses += 1
            return None
        from spacy.tokens import DocBin

        try:
            docs = list(DocBin().from_bytes(path.read_bytes()).get_docs(vocab()))
        except (ValueError, KeyError, OSError):
            self.misses += 1
            return None
        if len(docs) != count:
            self.misses += 1
            return None
        self.hits += 1
        return docs

    def put(self, key: str, docs: list[Doc]) -> None:
        if self.folder is None:
            return
        from spacy.tokens import DocBin

        self.folder.mkdir(parents=True, exist_ok=True)
        data = DocBin(docs=docs, store_user_data=False).to_bytes()
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(data)
        os.replace(tmp, self._path(key))
