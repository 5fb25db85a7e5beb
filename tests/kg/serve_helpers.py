"""Starting ``kg serve`` as a real process on a free loopback port, with its log in a file."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest

from tests.conftest import ROOT

COUNT = "SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }"
#: A cross product of four triple patterns, sorted: far longer than any time limit used here.
SLOW = "SELECT * WHERE { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i . ?j ?k ?l } ORDER BY ?c ?f ?i ?l"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@dataclass
class Server:
    url: str
    port: int
    log: Path
    proc: subprocess.Popen

    def log_text(self) -> str:
        return self.log.read_text(encoding="utf-8", errors="replace")


@contextmanager
def running_server(workspace: Path, log: Path, *options: str) -> Iterator[Server]:
    """``kg serve --workspace workspace *options`` until the block ends; its stderr goes to ``log``."""
    port = free_port()
    cmd = [sys.executable, "-m", "kg.cli", "serve", "--workspace", str(workspace), "--port", str(port), *options]
    with open(log, "wb") as err:
        proc = subprocess.Popen(cmd, cwd=ROOT, env=dict(os.environ), stderr=err)
    url = f"http://127.0.0.1:{port}/sparql"
    deadline = time.monotonic() + 60
    try:
        while True:
            try:
                if httpx.get(url, params={"query": "ASK {}"}, timeout=5).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            if proc.poll() is not None or time.monotonic() > deadline:
                pytest.fail(f"kg serve did not start: {log.read_text(errors='replace')}")
            time.sleep(0.2)
        yield Server(url, port, log, proc)
    finally:
        proc.terminate()
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def count(url: str, **kwargs: object) -> int:
    r = httpx.get(url, params={"query": COUNT}, headers={"Accept": "application/sparql-results+json"},
                  timeout=60, **kwargs)
    assert r.status_code == 200, r.text
    return int(r.json()["results"]["bindings"][0]["n"]["value"])
