"""A pool of query worker processes over the read-only Oxigraph store, with a time and a size limit.

Why processes: pyoxigraph cannot cancel a running query, so a per-query time limit that really frees
the machine needs a worker that can be killed. Each worker opens the store read-only once and
answers one query at a time; a query over its time limit gets its worker killed and replaced, so a
slow query costs one worker and the others keep answering. The result is serialised in the worker
by pyoxigraph's own serialisers into a writer that stops at ``max_bytes`` (the result-size limit).
"""

from __future__ import annotations

import multiprocessing as mp
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

SELECT_FORMATS = {
    "application/sparql-results+json": "JSON",
    "application/json": "JSON",
    "application/sparql-results+xml": "XML",
    "application/xml": "XML",
    "text/csv": "CSV",
    "text/tab-separated-values": "TSV",
}
GRAPH_FORMATS = {
    "text/turtle": "TURTLE",
    "application/ld+json": "JSON_LD",
    "application/n-triples": "N_TRIPLES",
    "application/rdf+xml": "RDF_XML",
}


@dataclass(frozen=True)
class Answer:
    """What a worker returns: an HTTP status, a media type and a body."""

    status: int
    media_type: str
    body: bytes


class TooLarge(Exception):
    pass


class _CappedWriter:
    def __init__(self, cap: int) -> None:
        self.cap = cap
        self.size = 0
        self.parts: list[bytes] = []

    def write(self, data: bytes) -> int:
        self.size += len(data)
        if self.size > self.cap:
            raise TooLarge(self.size)
        self.parts.append(bytes(data))
        return len(data)

    def flush(self) -> None:
        pass


def negotiate(accept: str, offers: dict[str, str]) -> str | None:
    """The offered media type the ``Accept`` header prefers (q-values, ``*/*``, ``type/*``); the first
    offer when the header is empty; ``None`` when nothing offered is acceptable."""
    if not accept.strip():
        return next(iter(offers))
    best: tuple[float, int, str] | None = None
    for order, item in enumerate(accept.split(",")):
        media, *params = [x.strip() for x in item.split(";")]
        q = 1.0
        for p in params:
            if p.startswith("q="):
                try:
                    q = float(p[2:])
                except ValueError:
                    q = 0.0
        if q <= 0:
            continue
        for offer in offers:
            major = offer.split("/")[0]
            if media.lower() in (offer, "*/*", f"{major}/*"):
                rank = (q, -order, offer)
                if best is None or rank[:2] > best[:2]:
                    best = rank
                break
    return best[2] if best else None


def run_query(store: Any, query: str, accept: str, max_bytes: int) -> Answer:
    """Evaluate ``query`` on ``store`` and serialise the result as ``accept`` asks (in a worker)."""
    import pyoxigraph as ox

    try:
        result = store.query(query, use_default_graph_as_union=True)
    except SyntaxError as exc:
        return Answer(400, "text/plain", f"SPARQL syntax error: {exc}\n".encode())
    offers = GRAPH_FORMATS if isinstance(result, ox.QueryTriples) else SELECT_FORMATS
    media = negotiate(accept, offers)
    if media is None:
        return Answer(406, "text/plain", f"not acceptable: {accept}; offered: {', '.join(offers)}\n".encode())
    out = _CappedWriter(max_bytes)
    try:
        if isinstance(result, ox.QueryTriples):
            result.serialize(out, getattr(ox.RdfFormat, offers[media]))  # type: ignore[arg-type]
        else:
            result.serialize(out, getattr(ox.QueryResultsFormat, offers[media]))
    except TooLarge:
        return Answer(413, "text/plain", f"result larger than the {max_bytes}-byte limit: add a LIMIT\n".encode())
    except (OSError, RuntimeError, ValueError) as exc:
        return Answer(400, "text/plain", f"query failed: {exc}\n".encode())
    return Answer(200, media, b"".join(out.parts))


def _worker_main(conn: Connection, store_path: str, max_bytes: int) -> None:
    import pyoxigraph as ox

    store = ox.Store.read_only(store_path)
    conn.send("ready")
    while True:
        try:
            query, accept = conn.recv()
        except EOFError:
            return
        try:
            answer = run_query(store, query, accept, max_bytes)
        except Exception as exc:  # noqa: BLE001 - one bad query must not kill the worker
            answer = Answer(500, "text/plain", f"query failed: {exc.__class__.__name__}: {exc}\n".encode())
        conn.send(answer)


class _Worker:
    def __init__(self, ctx: Any, store_path: str, max_bytes: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path, max_bytes), daemon=True)
        self.proc.start()
        child.close()
        self.ready = False

    def ask(self, query: str, accept: str, timeout: float) -> Answer | None:
        """The answer, or ``None`` when the time limit passed (the caller then replaces the worker)."""
        if not self.ready:
            if not self.conn.poll(30) or self.conn.recv() != "ready":
                raise RuntimeError("query worker did not start")
            self.ready = True
        self.conn.send((query, accept))
        if self.conn.poll(timeout):
            return self.conn.recv()
        return None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


class QueryPool:
    """``workers`` processes answering queries; ``ask`` blocks, so call it from a thread."""

    def __init__(self, store_path: Path, workers: int = 4, timeout: float = 10.0,
                 max_bytes: int = 10_000_000) -> None:
        self.store_path, self.timeout, self.max_bytes = str(store_path), timeout, max_bytes
        self._ctx = mp.get_context("spawn")
        self._idle = [_Worker(self._ctx, self.store_path, max_bytes) for _ in range(workers)]
        self._cond = threading.Condition()
        self.size = workers

    def ask(self, query: str, accept: str, wait: float = 60.0) -> Answer:
        with self._cond:
            if not self._cond.wait_for(lambda: self._idle, timeout=wait):
                return Answer(503, "text/plain", b"server busy: every query worker is occupied, try again\n")
            worker = self._idle.pop()
        try:
            answer = worker.ask(query, accept, self.timeout)
            if answer is None:
                worker.kill()
                worker = _Worker(self._ctx, self.store_path, self.max_bytes)
                return Answer(503, "text/plain",
                              f"query exceeded the {self.timeout:g} s time limit and was stopped\n".encode())
            return answer
        except (EOFError, OSError, RuntimeError) as exc:
            worker.kill()
            worker = _Worker(self._ctx, self.store_path, self.max_bytes)
            return Answer(500, "text/plain", f"query worker failed: {exc}\n".encode())
        finally:
            with self._cond:
                self._idle.append(worker)
                self._cond.notify()

    def close(self) -> None:
        with self._cond:
            for w in self._idle:
                w.kill()
            self._idle.clear()
