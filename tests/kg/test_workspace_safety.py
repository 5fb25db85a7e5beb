"""``kg build`` never loses a user's files: it replaces only a folder that is its own workspace, never
the corpus, never a good graph with an empty one, and it cleans up after killed builds."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kg.workspace import MARKER, Workspace
from tests.conftest import CORPUS, ROOT

GOOD = "anfrel-2023-pre-election-assessment-summary.txt"


def _kg(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    base = {k: v for k, v in os.environ.items() if k not in ("COLUMNS", "KG_WORKSPACE", "KG_DEBUG")}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env=base | (env or {}))


@pytest.fixture()
def corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(CORPUS / GOOD, folder / GOOD)
    return folder


def test_a_folder_that_is_not_a_workspace_is_never_replaced(corpus: Path, tmp_path: Path) -> None:
    thesis = tmp_path / "d"
    thesis.mkdir()
    (thesis / "thesis.txt").write_text("three years of work\n", encoding="utf-8")
    proc = _kg("build", "--corpus", str(corpus), "--workspace", str(thesis), "--no-progress")
    assert proc.returncode != 0
    assert "not a kg workspace" in proc.stderr and "Traceback" not in proc.stderr
    assert [p.name for p in thesis.iterdir()] == ["thesis.txt"]


def test_the_corpus_itself_is_never_the_workspace(corpus: Path) -> None:
    before = sorted(p.name for p in corpus.iterdir())
    proc = _kg("build", "--corpus", str(corpus), "--workspace", str(corpus), "--no-progress")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert sorted(p.name for p in corpus.iterdir()) == before


def test_a_workspace_inside_the_corpus_is_refused(corpus: Path) -> None:
    proc = _kg("build", "--corpus", str(corpus), "--workspace", str(corpus / "ws"), "--no-progress")
    assert proc.returncode != 0 and "overlap" in proc.stderr
    assert not (corpus / "ws").exists()


def test_a_file_given_as_workspace_is_left_alone(corpus: Path, tmp_path: Path) -> None:
    notes = tmp_path / "notes.txt"
    notes.write_text("keep me\n", encoding="utf-8")
    proc = _kg("build", "--corpus", str(corpus), "--no-progress", env={"KG_WORKSPACE": str(notes)})
    assert proc.returncode != 0 and "is a file" in proc.stderr
    assert notes.read_text(encoding="utf-8") == "keep me\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "notes.txt"]


def test_a_workspace_is_marked_and_rebuilt_in_place(corpus: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    for _ in range(2):
        proc = _kg("build", "--corpus", str(corpus), "--workspace", str(ws), "--no-progress")
        assert proc.returncode == 0, proc.stderr
    assert (ws / MARKER).is_file() and (ws / "facts.json").is_file()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "ws"]


def test_an_empty_or_all_skipped_corpus_keeps_the_good_graph(corpus: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    assert _kg("build", "--corpus", str(corpus), "--workspace", str(ws), "--no-progress").returncode == 0
    before = (ws / "facts.json").read_bytes()
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "empty.txt").write_bytes(b"")
    for folder in (bad, tmp_path / "nothing"):
        folder.mkdir(exist_ok=True)
        for extra in ((), ("--strict",)):
            proc = _kg("build", "--corpus", str(folder), "--workspace", str(ws), "--no-progress", *extra)
            assert proc.returncode != 0, proc.stdout
            assert "no usable document" in proc.stderr and "left as it was" in proc.stderr
    assert (ws / "facts.json").read_bytes() == before


def test_an_unwritable_parent_fails_before_extraction(corpus: Path, tmp_path: Path) -> None:
    if os.geteuid() == 0:
        parent = Path("/proc/kg-no-such-folder")  # root may write anywhere but /proc
    else:
        parent = tmp_path / "ro"
        parent.mkdir()
        parent.chmod(0o500)
    proc = _kg("build", "--corpus", str(corpus), "--workspace", str(parent / "ws"), "--no-progress")
    assert proc.returncode != 0
    assert "cannot write the workspace" in proc.stderr and "internal error" not in proc.stderr


def test_leftovers_of_killed_builds_are_swept(corpus: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"], capture_output=True,
                          text=True).stdout.strip()
    for name in (f"ws.build-{dead}-abc", f"ws.old-{dead}"):
        (tmp_path / name).mkdir()
        (tmp_path / name / MARKER).write_text("", encoding="utf-8")
    unmarked = tmp_path / f"ws.old-{dead}x"
    unmarked.mkdir()
    Workspace(ws).build(corpus)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["corpus", "ws", unmarked.name]


def test_a_workspace_from_before_the_marker_is_still_replaced(corpus: Path, tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "facts.json").write_text("{}", encoding="utf-8")
    (ws / "build.json").write_text("{}", encoding="utf-8")
    Workspace(ws).build(corpus)
    assert json.loads((ws / "facts.json").read_text(encoding="utf-8"))["documents"]
