"""The documents' extracts kept across builds (the workspace's ``extracts/``): a rebuild extracts only
the files that are new or changed, or all of them once the extractor changed.

One file per corpus file, named by its key: the sha256 of the file's bytes, its path in the corpus, its
manifest entry and the extractor version (``extractor_version``: the source of the ``loaders`` package
and of the core modules it builds facts with, the lexicon, the ontology, the pinned spaCy model's
version and digest, and the layout of the stored extracts). A cache file holds one JSON line per document
of the file (``loaders.extract_codec``). ``index.json`` lists the files of the build that wrote it, so the
next build can say which files are new, changed or removed. A cache file that cannot be read is
extracted again (never an error).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from dataclasses import asdict, dataclass
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from pathlib import Path
from typing import Any

from graph.resources import resource
from loaders.extract_codec import CODEC_VERSION, DocumentExtract, decode
from loaders.parse.model import MODEL_DIGEST, PARSE_VERSION

INDEX = "index.json"
#: The core modules whose code shapes the facts the loaders make (ids, dates, the model, merging).
CORE_MODULES = ("dates.py", "factset.py", "ids.py", "model.py", "schema.py")


def _tree(node: Traversable, prefix: str, suffixes: tuple[str, ...]) -> list[tuple[str, Traversable]]:
    out = []
    for child in node.iterdir():
        if child.is_dir() and child.name != "__pycache__":
            out += _tree(child, f"{prefix}{child.name}/", suffixes)
        elif child.is_file() and child.name.endswith(suffixes):
            out.append((prefix + child.name, child))
    return out


@cache
def extractor_version() -> str:
    """A digest of everything a document's extract depends on besides the document itself."""
    h = hashlib.sha256(f"{PARSE_VERSION}\0{MODEL_DIGEST}\0{CODEC_VERSION}\0".encode())
    items = _tree(files("loaders"), "loaders/", (".py",))
    items += [(f"graph/{name}", files("graph") / name) for name in CORE_MODULES]
    items += _tree(resource("lexicon"), "lexicon/", (".yaml",)) + [("ontology.ttl", resource("ontology.ttl"))]
    for name, node in sorted(items, key=lambda item: item[0]):
        h.update(f"{name}\0".encode())
        h.update(hashlib.sha256(node.read_bytes()).digest())
    return h.hexdigest()


def file_digest(rel: str, data: bytes, entry: dict[str, Any] | None) -> str:
    """What a corpus file is, for a build: its path, its bytes and its manifest entry."""
    meta = json.dumps(entry or {}, sort_keys=True, default=str, ensure_ascii=True)
    return hashlib.sha256(f"{rel}\0{hashlib.sha256(data).hexdigest()}\0{meta}".encode()).hexdigest()


@dataclass
class Counts:
    """Documents of a build by what the build did with them (files count once per document they hold)."""

    new: int = 0
    changed: int = 0
    removed: int = 0
    reused: int = 0
    reextracted: int = 0
    """Unchanged, extracted again: the extractor changed, its cached extract was unreadable, or a new file
    took the id one of its documents had."""

    def as_dict(self) -> dict[str, int]:
        return asdict(self)


class ExtractCache:
    """A folder of cached extracts; ``previous``: the folder of the workspace a build replaces, read
    too (an extract found there is linked into ``folder``, so a workspace holds those of its files only)."""

    def __init__(self, folder: Path, previous: Path | None = None) -> None:
        self.folder = folder
        self.previous = previous
        self.index: dict[str, dict[str, Any]] = {}
        self.version = extractor_version()

    def key(self, digest: str) -> str:
        return hashlib.sha256(f"{digest}\0{self.version}".encode()).hexdigest()

    def previous_index(self) -> dict[str, dict[str, Any]]:
        """The files the replaced workspace was built from (empty when unknown)."""
        try:
            data = json.loads((self.previous / INDEX).read_text(encoding="utf-8")) if self.previous else {}
        except (OSError, ValueError):
            return {}
        return data if isinstance(data, dict) else {}

    def has(self, key: str) -> bool:
        return (self.folder / key).is_file() or (self.previous is not None and (self.previous / key).is_file())

    def get(self, key: str) -> list[DocumentExtract] | None:
        path = self.folder / key
        if not path.is_file():
            old = self.previous / key if self.previous is not None else None
            if old is None or not old.is_file():
                return None
            self.folder.mkdir(parents=True, exist_ok=True)
            try:
                os.link(old, path)
            except OSError:
                shutil.copyfile(old, path)
        try:
            return [decode(line) for line in path.read_bytes().splitlines()]
        except (OSError, ValueError, KeyError, TypeError):
            path.unlink(missing_ok=True)
            return None

    def put(self, key: str, lines: list[bytes]) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=self.folder, suffix=".tmp")
        with os.fdopen(fd, "wb") as f:
            f.write(b"\n".join(lines) + b"\n")
        os.replace(tmp, self.folder / key)

    def note(self, rel: str, digest: str, documents: int) -> None:
        """Record a file of this build in the index (written by ``write_index``)."""
        self.index[rel] = {"file": digest, "documents": documents}

    def write_index(self) -> None:
        self.folder.mkdir(parents=True, exist_ok=True)
        (self.folder / INDEX).write_text(json.dumps(self.index, indent=0, sort_keys=True) + "\n", encoding="utf-8")
