"""``kg add``: documents copied into the corpus with manifest entries, then built; nothing overwritten."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import yaml

from tests.conftest import CORPUS, ROOT
from tests.review.conftest import NEWS

GOOD = "anfrel-2023-pre-election-assessment-summary.txt"


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_WORKSPACE", "KG_DEBUG")}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def test_add_copies_writes_the_manifest_and_builds(tmp_path: Path) -> None:
    corpus, ws, new = tmp_path / "corpus", tmp_path / "ws", tmp_path / "river-times.txt"
    corpus.mkdir()
    shutil.copy(CORPUS / GOOD, corpus / GOOD)
    (corpus / "manifest.yaml").write_text(f"# my notes\ndocuments:\n  - file: {GOOD}\n    title: A report\n",
                                          encoding="utf-8")
    new.write_text(NEWS, encoding="utf-8")
    built = _kg("build", "--corpus", str(corpus), "--workspace", str(ws), "--no-progress")
    assert "documents: 1 new, 0 changed, 0 removed, 0 reused" in built.stdout, built.stdout + built.stderr
    proc = _kg("add", str(new), "--corpus", str(corpus), "--workspace", str(ws), "--title", "River Times",
               "--published", "2021-03-12", "--publisher", "River Times", "--no-progress")
    assert proc.returncode == 0, proc.stderr
    assert "added 1 document(s)" in proc.stdout and "built" in proc.stdout
    # the document already built is reused, not read again
    assert "documents: 1 new, 0 changed, 0 removed, 1 reused" in proc.stdout, proc.stdout
    manifest = (corpus / "manifest.yaml").read_text(encoding="utf-8")
    assert manifest.startswith("# my notes\n")
    entries = {e["file"]: e for e in yaml.safe_load(manifest)["documents"]}
    assert entries["river-times.txt"]["published"] == "2021-03-12" and entries[GOOD]["title"] == "A report"
    docs = json.loads((ws / "facts.json").read_text(encoding="utf-8"))["documents"]
    river = next(d for d in docs if d["file"] == "river-times.txt")
    assert river["published"]["value"] == "2021-03-12" and river["title"] == "River Times"


def test_add_never_overwrites_a_different_file(tmp_path: Path) -> None:
    corpus, other = tmp_path / "corpus", tmp_path / "other"
    corpus.mkdir()
    other.mkdir()
    (corpus / "a.txt").write_text("original\n", encoding="utf-8")
    (other / "a.txt").write_text("a different text\n", encoding="utf-8")
    (other / "b.txt").write_text(NEWS, encoding="utf-8")
    proc = _kg("add", str(other), "--corpus", str(corpus), "--no-build")
    assert proc.returncode == 2 and "exists with other content" in proc.stderr
    assert (corpus / "a.txt").read_text(encoding="utf-8") == "original\n" and not (corpus / "b.txt").exists()
    proc = _kg("add", str(other / "b.txt"), "--corpus", str(corpus), "--no-build")
    again = _kg("add", str(other / "b.txt"), "--corpus", str(corpus), "--no-build")
    assert proc.returncode == again.returncode == 0 and "1 already there" in again.stdout


def test_add_checks_its_options_first(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / name).write_text(NEWS, encoding="utf-8")
    proc = _kg("add", str(tmp_path / "a.txt"), str(tmp_path / "b.txt"), "--title", "T", "--corpus", str(corpus))
    assert proc.returncode == 2 and "one document" in proc.stderr
    proc = _kg("add", str(tmp_path / "a.txt"), "--published", "last week", "--corpus", str(corpus))
    assert proc.returncode == 2 and "YYYY" in proc.stderr
    assert not any(corpus.iterdir())
