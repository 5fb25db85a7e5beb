"""The CLI turns errors into one line and a non-zero exit, never a traceback."""

from __future__ import annotations

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
