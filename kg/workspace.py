"""The workspace: what ``kg build`` writes and every other command reads.

Layout of a workspace folder (default ``.kg/``, or ``KG_WORKSPACE``, or ``--workspace DIR``)::

    facts.json    the fact model in kg-facts/1 (canonical; everything else derives from it)
    store/        the embedded RDF store (Oxigraph, no server)
    build.json    the build summary (counts by type, skipped documents)
    parses/       the documents' spaCy parses (DocBin), kept across builds: a rebuild parses only
                  what changed (key: the document's clean text and sentences, and the model version)

A build writes a sibling folder first and swaps it into place at the end, so a build that fails
half-way leaves the previous workspace intact.
"""

from __future__ import annotations

import json
import os
import shutil
import tempfile
from pathlib import Path

from graph import facts_json
from graph.factset import FactSet
from graph.rdf_store import write_store
from kg.errors import AbortRun
from loaders.pipeline import ProgressFn, build_facts

DEFAULT_WORKSPACE = ".kg"
DEFAULT_CORPUS = Path("data/corpus")
FACTS = "facts.json"
STORE = "store"
SUMMARY = "build.json"
PARSES = "parses"


def resolve(path: str | os.PathLike[str] | None) -> Path:
    return Path(path or os.environ.get("KG_WORKSPACE") or DEFAULT_WORKSPACE)


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

    def build(self, corpus: Path = DEFAULT_CORPUS, progress: ProgressFn | None = None) -> FactSet:
        """Build from ``corpus`` into a fresh folder and swap it in."""
        facts = build_facts(Path(corpus), progress, self.path / PARSES)
        parent = self.path.absolute().parent
        parent.mkdir(parents=True, exist_ok=True)
        tmp = Path(tempfile.mkdtemp(prefix=f"{self.path.name}.build-", dir=parent))
        try:
            if (self.path / PARSES).is_dir():
                os.replace(self.path / PARSES, tmp / PARSES)  # the parses outlive the swap
            (tmp / FACTS).write_text(facts_json.dumps(facts), encoding="utf-8")
            write_store(facts, tmp / STORE)
            summary = facts.summary() | {"corpus": str(corpus)}
            (tmp / SUMMARY).write_text(json.dumps(summary, indent=1, sort_keys=True) + "\n", encoding="utf-8")
            self._swap(tmp)
        except BaseException:
            shutil.rmtree(tmp, ignore_errors=True)
            raise
        return facts

    def _swap(self, new: Path) -> None:
        old = None
        if self.path.exists():
            old = self.path.with_name(f"{self.path.name}.old-{os.getpid()}")
            os.replace(self.path, old)
        os.replace(new, self.path)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)

    def load(self) -> FactSet:
        if not self.exists():
            raise AbortRun(f"no workspace at {self.path}: run `kg build` first")
        try:
            return facts_json.load(self.facts_path)
        except (ValueError, KeyError, json.JSONDecodeError) as exc:
            raise AbortRun(f"{self.facts_path}: unreadable workspace ({exc}); run `kg build` again") from exc
