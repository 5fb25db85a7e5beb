"""Incremental builds: a rebuild after documents were changed, added or removed equals a cold build of the
same corpus byte for byte (facts.json and every RDF export), reusing what did not change."""

from __future__ import annotations

import io
import shutil
from pathlib import Path

import pytest

import loaders.extract_cache
import loaders.incremental
import loaders.parse.document
from graph.exporters import STORE_FORMATS, write_store_rdf
from graph.rdf_store import open_store
from kg.workspace import EXTRACTS, Workspace
from tests.conftest import CORPUS
from tests.review.conftest import NEWS

CHANGED = "anfrel-2023-pre-election-assessment-summary.txt"
REMOVED = "interband-2023-national-assembly-monitoring.txt"
RETITLED = "asiacentre-2024-from-bad-to-worse.txt"
OLD_TITLE = 'title: "From Bad to Worse: Electoral Integrity in Cambodia"'


def _outputs(ws: Workspace) -> dict[str, bytes]:
    """facts.json and the exports of the store, as bytes."""
    out = {"facts.json": ws.facts_path.read_bytes()}
    store = open_store(ws.store_path)
    for fmt in STORE_FORMATS:
        buf = io.BytesIO()
        write_store_rdf(store, fmt, buf)
        out[fmt] = buf.getvalue()
    del store
    return out


def _assert_same(a: Workspace, b: Workspace) -> None:
    left, right = _outputs(a), _outputs(b)
    assert left.keys() == right.keys()
    for name in left:
        assert left[name] == right[name], f"{name} differs"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A copy of the corpus and a workspace built cold from it, once for the module."""
    tmp = tmp_path_factory.mktemp("built")
    shutil.copytree(CORPUS, tmp / "corpus")
    Workspace(tmp / "ws").build(tmp / "corpus", jobs=1)
    return tmp / "corpus", tmp / "ws"


@pytest.fixture
def corpus(built: tuple[Path, Path], tmp_path: Path) -> Path:
    """The corpus copy, with its cold-built workspace at ``tmp_path / "ws"``."""
    shutil.copytree(built[0], tmp_path / "corpus")
    shutil.copytree(built[1], tmp_path / "ws", symlinks=True)
    return tmp_path / "corpus"


def _edit(corpus: Path) -> None:
    """Change a document, add one, remove one and give another a new manifest title."""
    with open(corpus / CHANGED, "a", encoding="utf-8") as fh:
        fh.write("\nOn 3 May 2023 the National Election Commission disqualified the Candlelight Party.\n")
    (corpus / "river-times-2021.txt").write_text(NEWS, encoding="utf-8")
    (corpus / REMOVED).unlink()
    manifest = (corpus / "manifest.yaml").read_text(encoding="utf-8")
    assert f"file: {RETITLED}" in manifest and manifest.count(OLD_TITLE) == 1
    (corpus / "manifest.yaml").write_text(manifest.replace(OLD_TITLE, "title: Retitled"), encoding="utf-8")


def test_incremental_build_equals_a_cold_build(corpus: Path, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")  # built cold
    first = ws.summary()["documents_built"]
    assert first == {"new": 9, "changed": 0, "removed": 0, "reused": 0, "reextracted": 0}
    ws.build(corpus)
    assert ws.summary()["documents_built"] == {"new": 0, "changed": 0, "removed": 0, "reused": 9, "reextracted": 0}
    _edit(corpus)
    ws.build(corpus)
    counts = ws.summary()["documents_built"]
    # the retitled file counts as changed (its manifest entry is part of what it is)
    assert counts["new"] == 1 and counts["removed"] == 1 and counts["changed"] == 2, counts
    assert counts["reused"] == 9 - 1 - 2, counts  # the compilation file holds 5 documents
    cold = Workspace(tmp_path / "cold")
    cold.build(corpus)
    assert cold.summary()["documents_built"]["new"] == counts["new"] + counts["changed"] + counts["reused"]
    _assert_same(ws, cold)
    # the workspace keeps the extracts of its files only
    assert len(list((ws.path / EXTRACTS).glob("[0-9a-f]*"))) == len(list((cold.path / EXTRACTS).glob("[0-9a-f]*")))


def test_new_extractor_reextracts_from_cached_parses(corpus: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """A lexicon change (any change of the extractor version) extracts every document again, from the
    parses kept in the workspace: the model is not even loaded."""
    ws = Workspace(tmp_path / "ws")  # built cold
    ws.build(corpus)  # every extract reused: the parses must still be kept
    before = ws.facts_path.read_bytes()
    monkeypatch.setattr(loaders.extract_cache, "extractor_version", lambda: "another lexicon")

    def no_parse() -> None:
        raise AssertionError("parsed again")

    monkeypatch.setattr(loaders.parse.document, "nlp", no_parse)
    ws.build(corpus)
    assert ws.summary()["documents_built"] == {"new": 0, "changed": 0, "removed": 0, "reused": 0, "reextracted": 9}
    assert ws.facts_path.read_bytes() == before


def test_a_file_taking_a_cached_documents_id_makes_it_extracted_again(tmp_path: Path) -> None:
    """Ids are unique in corpus order: a new ``a/report.txt`` takes the id ``b/report.txt`` had, whose
    cached extract (evidence under the old id) must not be reused."""
    corpus = tmp_path / "corpus"
    (corpus / "b").mkdir(parents=True)
    shutil.copy(CORPUS / CHANGED, corpus / "b" / "report.txt")
    ws = Workspace(tmp_path / "ws")
    ws.build(corpus)
    (corpus / "a").mkdir()
    (corpus / "a" / "report.txt").write_text(NEWS, encoding="utf-8")
    ws.build(corpus)
    assert ws.summary()["documents_built"] == {"new": 1, "changed": 0, "removed": 0, "reused": 0, "reextracted": 1}
    cold = Workspace(tmp_path / "cold")
    cold.build(corpus)
    _assert_same(ws, cold)


def test_unreadable_cached_extract_is_extracted_again(corpus: Path, tmp_path: Path) -> None:
    ws = Workspace(tmp_path / "ws")  # built cold
    before = ws.facts_path.read_bytes()
    for entry in (ws.path / EXTRACTS).glob("[0-9a-f]*"):
        entry.write_bytes(b"{not json")
    ws.build(corpus)
    assert ws.summary()["documents_built"]["reextracted"] == 9
    assert ws.facts_path.read_bytes() == before


def test_parallel_build_equals_the_serial_build(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    serial = Workspace(tmp_path / "ws")  # built cold, serially
    monkeypatch.setattr(loaders.incremental, "POOL_FROM", 1)
    pooled = Workspace(tmp_path / "pooled")
    pooled.build(corpus, jobs=2)
    _assert_same(serial, pooled)
    assert sorted(p.name for p in (pooled.path / "parses").iterdir()) == sorted(
        p.name for p in (serial.path / "parses").iterdir())


def test_progress_counts_documents_not_files(corpus: Path, tmp_path: Path) -> None:
    calls: list[tuple[str, int, int]] = []
    Workspace(tmp_path / "ws").build(corpus, lambda stage, done, total: calls.append((stage, done, total)))
    assert {stage for stage, _, _ in calls} == {"documents"}
    assert calls[0] == ("documents", 0, 5)  # before any file is read: one document per file assumed
    assert calls[-1] == ("documents", 9, 9)  # the compilation file held five
    assert [done for _, done, _ in calls] == sorted(done for _, done, _ in calls)
