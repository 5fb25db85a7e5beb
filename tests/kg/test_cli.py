"""The CLI turns errors into one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

from kg.workspace import Workspace
from tests.conftest import ROOT


def _kg(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=cwd)


def test_help_lists_the_commands() -> None:
    proc = _kg("--help")
    assert proc.returncode == 0
    for name in ("build", "export"):
        assert name in proc.stdout


def test_unknown_command_is_one_line() -> None:
    proc = _kg("frobnicate")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_unknown_export_format_is_one_line(tmp_path: Path) -> None:
    proc = _kg("export", "--workspace", str(tmp_path / "ws"), "--format", "xml")
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_broken_workspace_is_one_line(tmp_path: Path) -> None:
    ws = tmp_path / "ws"
    ws.mkdir()
    (ws / "facts.json").write_text("{not json", encoding="utf-8")
    proc = _kg("export", "--workspace", str(ws))
    assert proc.returncode != 0 and "Traceback" not in proc.stderr
    assert "kg build" in proc.stderr


def _copy_of(built_workspace: Workspace, tmp_path: Path) -> Path:
    ws = tmp_path / "ws"
    shutil.copytree(built_workspace.path, ws)
    return ws


def test_a_parameter_that_is_not_utf8_is_one_line(built_workspace: Workspace) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "ask", "evidence", "--workspace",
                           str(built_workspace.path), "--param", b"fact=\xff\xfe".decode("utf-8", "surrogateescape")],
                          capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "not valid UTF-8" in proc.stderr and "internal error" not in proc.stderr


def test_an_output_that_is_a_folder_is_one_line_and_leaves_nothing(built_workspace: Workspace,
                                                                     tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    for args in (["viz", "-o", str(out)], ["export", "--format", "turtle", "--output", str(out)]):
        proc = _kg(*args, "--workspace", str(built_workspace.path))
        assert proc.returncode == 2 and "is a folder" in proc.stderr, proc.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out"] and not any(out.iterdir())


def test_an_unwritable_output_is_one_line(built_workspace: Workspace) -> None:
    proc = _kg("export", "--format", "turtle", "--output", "/proc/kg-no/x.ttl", "--workspace",
               str(built_workspace.path))
    assert proc.returncode == 2 and "cannot write --output" in proc.stderr


def test_a_corrupt_store_is_one_line(built_workspace: Workspace, tmp_path: Path) -> None:
    ws = _copy_of(built_workspace, tmp_path)
    for f in (ws / "store").iterdir():
        f.write_bytes(b"\x00garbage")
    proc = _kg("ask", "party-fates", "--workspace", str(ws))
    assert proc.returncode == 2 and "run `kg build` again" in proc.stderr and "internal error" not in proc.stderr


# --- issue 14, item 10: a first run outside the project folder


def test_kg_alone_prints_the_help_and_version_works(tmp_path: Path) -> None:
    bare = _kg(cwd=tmp_path)
    assert bare.returncode == 0 and "Commands:" in bare.stdout and "ask" in bare.stdout, bare.stderr
    version = _kg("--version", cwd=tmp_path)
    assert version.returncode == 0 and version.stdout.startswith("kg ") and version.stdout.split()[1][0].isdigit()


def test_outside_the_project_folder_the_error_names_the_options(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "KG_WORKSPACE"}
    ask = subprocess.run([sys.executable, "-m", "kg.cli", "ask", "party-fates"], capture_output=True, text=True,
                         cwd=tmp_path, env=env)
    assert ask.returncode == 2 and len(ask.stderr.strip().splitlines()) == 1, ask.stderr
    for words in ("--workspace", "KG_WORKSPACE", "kg build --corpus", "data/corpus"):
        assert words in ask.stderr
    build = subprocess.run([sys.executable, "-m", "kg.cli", "build"], capture_output=True, text=True,
                           cwd=tmp_path, env=env)
    assert build.returncode == 2 and len(build.stderr.strip().splitlines()) == 1, build.stderr
    for words in ("corpus folder not found", "--corpus", "--workspace", "KG_WORKSPACE"):
        assert words in build.stderr
    assert not (tmp_path / ".kg").exists()


def test_ask_list_as_json() -> None:
    proc = _kg("ask", "--list", "--format", "json")
    assert proc.returncode == 0, proc.stderr
    listed = {q["name"]: q for q in json.loads(proc.stdout)}
    assert "entity-names" not in listed and "timeline" in listed
    actor = listed["timeline"]["params"][0]
    assert actor["name"] == "actor" and actor["type"] == "entity" and actor["optional"] is False
    assert "date.precision" in listed["party-fates"]["columns"]


def test_ask_to_an_unwritable_output_is_one_line(built_workspace: Workspace) -> None:
    proc = _kg("ask", "party-fates", "--output", "/proc/kg-no/x.csv", "--workspace", str(built_workspace.path))
    assert proc.returncode == 2 and "cannot write --output" in proc.stderr and "internal error" not in proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1


def test_build_summary_counts_documents_and_files(tmp_path: Path) -> None:
    proc = _kg("build", "--workspace", str(tmp_path / "ws"), "--corpus", str(ROOT / "data" / "corpus"))
    assert proc.returncode == 0, proc.stderr
    summary = json.loads((tmp_path / "ws" / "build.json").read_text(encoding="utf-8"))
    files = sum(1 for p in (ROOT / "data" / "corpus").rglob("*") if p.is_file() and p.name != "manifest.yaml"
                and not p.name.startswith("."))
    assert f"{summary['documents']} documents from {files} file(s)" in proc.stdout
