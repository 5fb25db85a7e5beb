"""``kg build`` on a corpus folder with bad files: the good ones are built, each bad one is one warning
line, no traceback; ``--strict`` fails; a build that fails half-way leaves the previous workspace."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

import graph.rdf_store
from kg.workspace import Workspace
from tests.conftest import CORPUS, ROOT
from tests.loaders.samples import HTML, make_pdf

GOOD = "anfrel-2023-pre-election-assessment-summary.txt"


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "KG_WORKSPACE", "KG_DEBUG")}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env=env)


@pytest.fixture()
def messy_corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / GOOD, corpus / GOOD)
    (corpus / "garbage.pdf").write_bytes(bytes((i * 7919 + 13) % 256 for i in range(4096)))
    (corpus / "empty.txt").write_bytes(b"")
    latin1 = "Élection communale à Phnom Penh: le NEC a publié les résultats.\n"
    (corpus / "latin1.txt").write_bytes(latin1.encode("latin-1"))
    cp1252 = "The NEC’s “decision” was criticised by observers.\n"
    (corpus / "cp1252.txt").write_bytes(cp1252.encode("cp1252"))
    (corpus / "statement.html").write_text(HTML, encoding="utf-8")
    pdf = make_pdf(["Statement on the elections", "The NEC disqualified a party."])
    (corpus / "notice.pdf").write_bytes(pdf)
    return corpus


def test_build_skips_bad_files_with_one_warning_line_each(messy_corpus: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    proc = _kg("build", "--workspace", str(ws), "--corpus", str(messy_corpus), "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr + proc.stdout
    warnings = [line for line in proc.stderr.splitlines() if line.strip()]
    for bad in ("garbage.pdf", "empty.txt"):
        lines = [w for w in warnings if bad in w]
        assert len(lines) == 1 and lines[0].startswith("kg: warning:"), proc.stderr
    assert len(warnings) == 2, proc.stderr
    assert "5 documents" in proc.stdout and "2 skipped" in proc.stdout
    facts = json.loads((ws / "facts.json").read_text(encoding="utf-8"))
    docs = {d["file"]: d for d in facts["documents"]}
    assert set(docs) == {GOOD, "latin1.txt", "cp1252.txt", "statement.html", "notice.pdf"}
    summary = json.loads((ws / "build.json").read_text(encoding="utf-8"))
    assert {s["file"] for s in summary["skipped"]} == {"garbage.pdf", "empty.txt"}


def test_legacy_encodings_are_built_with_their_encoding(messy_corpus: Path, tmp_path: Path) -> None:
    facts = Workspace(tmp_path / "ws").build(messy_corpus)
    docs = {d.file: d for d in facts.documents.values()}
    assert docs["cp1252.txt"].encoding == "cp1252" and docs["latin1.txt"].encoding == "cp1252"
    assert any("decoded as cp1252" in n for n in docs["cp1252.txt"].notes)
    assert docs[GOOD].encoding == "utf-8"


def test_strict_build_fails_on_a_skipped_file(messy_corpus: Path, tmp_path: Path) -> None:
    proc = _kg("build", "--strict", "--workspace", str(tmp_path / "ws"), "--corpus", str(messy_corpus),
               "--no-progress")
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert "strict" in proc.stderr


def test_a_build_failing_half_way_leaves_the_previous_workspace(messy_corpus: Path, tmp_path: Path,
                                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    ws = Workspace(tmp_path / "ws")
    ws.build(messy_corpus)
    before = {p.relative_to(ws.path): p.read_bytes() for p in ws.path.rglob("*") if p.is_file()}
    (messy_corpus / "new.txt").write_text("A new statement on the elections.\n", encoding="utf-8")

    def broken_store(*_: object, **__: object) -> None:
        raise RuntimeError("disk full")

    monkeypatch.setattr(graph.rdf_store, "write_store", broken_store)  # imported by the build when it runs
    with pytest.raises(RuntimeError, match="disk full"):
        ws.build(messy_corpus)
    after = {p.relative_to(ws.path): p.read_bytes() for p in ws.path.rglob("*") if p.is_file()}
    assert after == before
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith("ws.")] == []  # no half-built folder
