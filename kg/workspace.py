"""The workspace: what ``kg build`` writes and every other command reads.

Layout of a workspace folder (default ``.kg/``, or ``KG_WORKSPACE``, or ``--workspace DIR``)::

    .kg-workspace the marker: only a folder carrying it is ever replaced by a build
    facts.json    the fact model in kg-facts/1 (canonical; everything else derives from it)
    store/        the embedded RDF store (Oxigraph, no server)
    build.json    the build summary (counts by type, skipped documents)
    parses/       the documents' spaCy parses (DocBin), kept across builds: a rebuild parses only
                  what changed (key: the document's clean text and sentences, and the model version)
    extracts/     what each file's documents state (JSON lines, ``loaders.extract_cache``), kept across
                  builds: a rebuild extracts only the files that are new or changed (key: the file's
                  sha256, path and manifest entry, and the extractor version); ``index.json`` lists
                  the files built, so the next build can count what is new, changed and removed

A build with the same facts as the previous one (and the same RDF writer) keeps the previous RDF store
(copied, not written again); ``build.json`` records the key it compares (``store_key``).

A build writes a sibling folder first and swaps it into place at the end, so a build that fails
half-way leaves the previous workspace intact. It never replaces a folder that is not a workspace
(a non-empty folder without the marker), a folder that is or holds the corpus, or a workspace with a
build that read no document. Leftovers of a killed build are removed by the next one.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from graph.errors import AbortRun, SkipItem

if TYPE_CHECKING:  # imported when a build or a load runs, so that `kg --help` or `kg ask` need none of them
    from graph.factset import FactSet
    from graph.model import Document
    from loaders.pipeline import ProgressFn
    from review.apply import ReviewReport

DEFAULT_WORKSPACE = ".kg"
DEFAULT_CORPUS = Path("data/corpus")
MARKER = ".kg-workspace"
FACTS = "facts.json"
STORE = "store"
SUMMARY = "build.json"
PARSES = "parses"
EXTRACTS = "extracts"
#: What a workspace written before the marker existed holds; such a folder may still be replaced.
LEGACY_CONTENT = frozenset({FACTS, STORE, SUMMARY})
MARKER_TEXT = "kg workspace: written by `kg build`; the whole folder is replaced by the next build\n"


def resolve(path: str | os.PathLike[str] | None) -> Path:
    return Path(path or os.environ.get("KG_WORKSPACE") or DEFAULT_WORKSPACE)


def is_workspace(folder: Path) -> bool:
    """A folder a build may replace: it carries the marker, or holds only what an older build wrote."""
    if (folder / MARKER).is_file():
        return True
    names = {p.name for p in folder.iterdir()}
    return FACTS in names and names <= LEGACY_CONTENT


def _inside(path: Path, folder: Path) -> bool:
    return path == folder or folder in path.parents


def _pid_alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


@contextmanager
def _folder_lock(folder: Path) -> Iterator[None]:
    """An exclusive lock on a folder (flock on its descriptor) held while a build swaps workspaces in it."""
    try:
        import fcntl
    except ImportError:  # not POSIX: no lock, the swap is still atomic per rename
        yield
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX)
        yield
    finally:
        os.close(fd)


def _file_texts(corpus: Path) -> Callable[[Document], str | None]:
    """The text of a document's file as read, each file read once per build (None when unreadable)."""
    from loaders.readers import text_as_read

    texts: dict[str, str | None] = {}

    def text_of(doc: Document) -> str | None:
        if doc.file not in texts:
            try:
                texts[doc.file] = text_as_read(corpus / doc.file)
            except SkipItem:
                texts[doc.file] = None
        return texts[doc.file]

    return text_of


def _review_summary(path: Path, report: ReviewReport) -> dict[str, object]:
    return {"decisions": str(path), "applied": len(report.applied),
            "stale": [{"id": d.id, "action": d.action, "target": d.target, "why": why} for d, why in report.stale]}


class Workspace:
    def __init__(self, path: str | os.PathLike[str] | None = None) -> None:
        self.path = resolve(path)

    @property
    def facts_path(self) -> Path:
        return self.path / FACTS

    @property
    def store_path(self) -> Path:
        return self.path / STORE

    @property
    def summary_path(self) -> Path:
        return self.path / SUMMARY

    def exists(self) -> bool:
        return self.facts_path.is_file()

    def check_replaceable(self, corpus: Path) -> None:
        """Refuse, before any work, a target a build must not replace (``AbortRun`` saying why)."""
        here = self.path.resolve()
        if self.path.exists() and not self.path.is_dir():
            raise AbortRun(f"workspace {self.path} is a file, not a folder: choose another --workspace / KG_WORKSPACE")
        if self.path.is_dir() and any(self.path.iterdir()) and not is_workspace(self.path):
            raise AbortRun(f"{self.path} is not empty and is not a kg workspace (it has no {MARKER}): "
                           "refusing to replace it; give an empty or new folder as --workspace / KG_WORKSPACE")
        source = Path(corpus).resolve()
        if _inside(here, source) or _inside(source, here):
            raise AbortRun(f"workspace {self.path} and corpus {corpus} overlap: the workspace is replaced "
                           "by every build, so it must be outside the corpus folder (and not hold it)")

    def build(self, corpus: Path = DEFAULT_CORPUS, progress: ProgressFn | None = None,
              decisions: Path | None = None, jobs: int | None = None) -> FactSet:
        """Build from ``corpus`` into a fresh folder and swap it in, reusing the previous build's parses,
        extracts and (when the facts are the same) RDF store. The review decisions (``decisions``,
        default ``<corpus>/decisions.yaml``) are applied after the extraction; the stale ones are listed
        in the build summary (``review.stale``), with the documents ``new``/``changed``/``removed``/
        ``reused`` (``documents_built``). ``jobs``: processes to extract with (default: every core)."""
        from graph import facts_json
        from loaders.extract_cache import ExtractCache
        from loaders.incremental import build_corpus
        from loaders.parse.cache import ParseCache
        from review.apply import apply_decisions
        from review.decisions import FILE_NAME as DECISIONS_FILE
        from review.decisions import load as load_decisions

        self.check_replaceable(corpus)
        corpus = Path(corpus)
        decisions = decisions or corpus / DECISIONS_FILE
        review = load_decisions(decisions)  # a malformed decisions file fails before any work
        parent = self.path.absolute().parent
        tmp = self._new_build_folder(parent)
        try:
            # parses and extracts are read from the workspace being replaced and written into the new one
            facts, counts = build_corpus(corpus, progress, ParseCache(tmp / PARSES, self.path / PARSES),
                                         ExtractCache(tmp / EXTRACTS, self.path / EXTRACTS), jobs)
            if not facts.documents:
                raise AbortRun(f"no usable document in {corpus} ({len(facts.skipped)} skipped): "
                               f"the workspace {self.path} was left as it was")
            report = apply_decisions(facts, review, _file_texts(corpus))
            facts.settle()  # a decision may have merged evidence
            with open(tmp / FACTS, "w", encoding="utf-8", newline="\n") as fh:
                facts_json.dump(facts, fh)  # a fact at a time, not the whole text at once
            store_key = self._store(facts, tmp)
            summary = facts.summary() | {"corpus": str(corpus), "review": _review_summary(decisions, report),
                                         "documents_built": counts.as_dict(), "store_key": store_key}
            (tmp / SUMMARY).write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            with _folder_lock(parent):
                self._swap(tmp)
                self._sweep(parent)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return facts

    def _store(self, facts: FactSet, tmp: Path) -> str:
        """Write the RDF store of the new workspace ``tmp`` (its facts.json written), or copy the previous
        one when it was written from the same facts by the same writer; returns the key compared."""
        from graph.rdf_store import store_key, write_store

        key = store_key(tmp / FACTS)
        old = self.path / STORE
        if self.summary().get("store_key") == key and old.is_dir():
            try:
                shutil.copytree(old, tmp / STORE)
                if self.summary().get("store_key") == key:  # not swapped for another build's meanwhile
                    return key
            except OSError:
                pass
            shutil.rmtree(tmp / STORE, ignore_errors=True)
        write_store(facts, tmp / STORE)
        return key

    def _new_build_folder(self, parent: Path) -> Path:
        """The sibling folder a build writes into, marked at once; fails early on an unwritable parent."""
        try:
            parent.mkdir(parents=True, exist_ok=True)
            tmp = Path(tempfile.mkdtemp(prefix=f"{self.path.name}.build-{os.getpid()}-", dir=parent))
            (tmp / MARKER).write_text(MARKER_TEXT, encoding="utf-8")
        except OSError as exc:
            raise AbortRun(f"cannot write the workspace beside {parent}: {exc.strerror or exc}") from exc
        return tmp

    def _swap(self, new: Path) -> None:
        old = None
        if self.path.exists():
            if not self.path.is_dir() or (any(self.path.iterdir()) and not is_workspace(self.path)):
                raise AbortRun(f"{self.path} changed during the build and is no longer a kg workspace: not replaced")
            old = self.path.with_name(f"{self.path.name}.old-{os.getpid()}")
            os.replace(self.path, old)
        os.replace(new, self.path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def _sweep(self, parent: Path) -> None:
        """Remove the marked leftovers of builds whose process is gone (killed during a build or a swap)."""
        name = re.escape(self.path.name)
        leftover = re.compile(rf"{name}\.(?:build-(\d+)-.+|old-(\d+))")
        for entry in parent.iterdir():
            m = leftover.fullmatch(entry.name)
            if not m or not entry.is_dir() or entry.is_symlink() or not (entry / MARKER).is_file():
                continue
            pid = int(m.group(1) or m.group(2))
            if pid == os.getpid() or not _pid_alive(pid):
                shutil.rmtree(entry, ignore_errors=True)

    def summary(self) -> dict[str, object]:
        """The build summary (``build.json``); empty when there is none."""
        try:
            return dict(json.loads(self.summary_path.read_text(encoding="utf-8")))
        except (OSError, ValueError):
            return {}

    def load(self) -> FactSet:
        from graph import facts_json

        if not self.exists():
            raise AbortRun(f"no workspace at {self.path}: run `kg build` first")
        try:
            return facts_json.load(self.facts_path)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            raise AbortRun(f"{self.facts_path}: unreadable workspace ({exc}); run `kg build` again") from exc
