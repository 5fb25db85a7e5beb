"""``graph.no_network``: after ``forbid_network()`` a process (Oxigraph included) cannot send a request."""

from __future__ import annotations

import subprocess
import sys
import textwrap

import pytest

from tests.conftest import ROOT
from tests.recording_server import recording_server

pytestmark = pytest.mark.skipif(not sys.platform.startswith("linux"), reason="seccomp is Linux only")

CHILD = textwrap.dedent("""
    import socket, sys
    import pyoxigraph as ox
    from graph.no_network import forbid_network

    assert forbid_network()
    for family in (socket.AF_INET, socket.AF_INET6):
        try:
            socket.socket(family)
        except PermissionError:
            pass
        else:
            sys.exit("an internet socket opened")
    a, b = socket.socketpair()  # unix sockets (a worker's pipe to its parent) still work
    a.send(b"x")
    assert b.recv(1) == b"x"
    for silent in ("", "SILENT"):
        try:
            query = "SELECT * WHERE { SERVICE " + silent + " <" + sys.argv[1] + "> { ?s ?p ?o } }"
            print(list(ox.Store().query(query)))
        except (OSError, RuntimeError) as exc:
            print("refused:", exc)
""")


def test_oxigraph_cannot_reach_a_local_server_once_forbidden():
    with recording_server() as rec:
        done = subprocess.run([sys.executable, "-c", CHILD, rec.url], cwd=ROOT, capture_output=True, text=True,
                              timeout=60)
        assert done.returncode == 0, done.stderr
        assert rec.hits == []
        # the same query without the filter does reach it: the test would see a request
        free = subprocess.run([sys.executable, "-c", CHILD.replace("assert forbid_network()", "")
                               .replace("sys.exit(", "print("), rec.url],
                              cwd=ROOT, capture_output=True, text=True, timeout=60)
        assert free.returncode == 0, free.stderr
        assert rec.hits
