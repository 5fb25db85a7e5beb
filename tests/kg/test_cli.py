"""The CLI turns errors into one line and a non-zero exit, never a traceback."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

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
