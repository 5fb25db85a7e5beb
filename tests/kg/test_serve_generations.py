"""``kg serve`` across a ``kg build`` that replaces the store: every answer comes from one store
generation, and after the rebuild only from the new one (real server, real rebuild)."""

from __future__ import annotations

import shutil
from concurrent.futures import ThreadPoolExecutor

import httpx

from kg.workspace import Workspace
from tests.conftest import CORPUS
from tests.kg.serve_helpers import COUNT, SLOW, count, running_server


def _counts(url: str, n: int) -> list[int]:
    def one(_: int) -> int:
        r = httpx.post(url, data={"query": COUNT}, headers={"Accept": "text/csv"}, timeout=60)
        assert r.status_code == 200, r.text
        return int(r.text.split()[1])

    with ThreadPoolExecutor(n) as pool:
        return list(pool.map(one, range(n)))


def test_a_rebuild_is_served_whole(tmp_path):
    small = tmp_path / "small-corpus"
    small.mkdir()
    first = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")[0]
    shutil.copy(first, small / first.name)
    ws = Workspace(tmp_path / "ws")
    ws.build(small)
    with running_server(ws.path, tmp_path / "serve.log", "--workers", "3", "--timeout", "1") as srv:
        old = count(srv.url)
        ws.build(CORPUS)  # swaps a new store into place while the server runs
        # a time-out replaces one worker: before, that one alone opened the new store
        assert httpx.get(srv.url, params={"query": SLOW}, timeout=30).status_code == 503
        after = _counts(srv.url, 12)
        new = count(srv.url)
        assert new > old
        assert after == [new] * 12, after
        assert "the store changed" in srv.log_text()
