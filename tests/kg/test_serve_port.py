"""``kg serve`` on a port already taken says so first: one line, before any build or worker."""

from __future__ import annotations

import socket
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def test_a_busy_port_is_one_line_before_anything_else(tmp_path: Path) -> None:
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        ws = tmp_path / "never-built"
        proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--port", str(port), "--workspace", str(ws)],
                              capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2, proc.stderr
    assert proc.stderr.strip() == (f"kg: error: port {port} on 127.0.0.1 is already in use (another `kg serve`?): "
                                   "stop it or give another --port")
    assert not ws.exists()  # said before building a workspace


def test_a_host_that_is_not_here_is_one_line(tmp_path: Path) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "serve", "--host", "203.0.113.7", "--port", "8765",
                           "--workspace", str(tmp_path / "ws")], capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert proc.returncode == 2 and "cannot listen on 203.0.113.7:8765" in proc.stderr, proc.stderr
    assert len(proc.stderr.strip().splitlines()) == 1
