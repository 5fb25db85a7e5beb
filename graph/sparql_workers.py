"""A pool of query worker processes over the read-only Oxigraph store, with time, size and memory limits.

Why processes: pyoxigraph cannot cancel a running query, so a per-query time limit that really frees
the machine needs a worker that can be killed. Each worker opens the store read-only once and
answers one query at a time; a query over its time limit gets its worker killed and replaced, so a
slow query costs one worker and the others keep answering. The result is serialised in the worker
by pyoxigraph's own serialisers into a writer that stops at ``max_bytes`` (the result-size limit).

Each worker, before it reads any query:
- cannot open internet sockets (``graph.no_network``): no query can make it send a request;
- has an address-space limit (``RLIMIT_AS``) of what it holds after start-up plus ``max_memory``;
  a query that needs more ends its worker, which is replaced (503);
- parses every query with ``graph.sparql_guard`` (SERVICE refused, unreadable or too deeply nested
  text refused with 400) before Oxigraph sees it, so the parsing is off the server's event loop.

Capacity for short queries: a query may run past ``short`` seconds only while fewer than
``long_slots`` others do so; otherwise it is stopped there with 503. So however many slow queries
arrive, ``workers - long_slots`` workers turn over at least every ``short`` seconds.

One store generation: ``kg build`` swaps a new store into place. Before each query the pool looks
at the store folder (its device, inode and change time); when it changed, idle workers are
replaced at once and busy ones when their query ends, and a query is only given to a worker that
opened the store now in place. Answers never mix generations.
"""

from __future__ import annotations

import logging
import multiprocessing as mp
import os
import threading
from dataclasses import dataclass
from multiprocessing.connection import Connection
from pathlib import Path
from typing import Any

log = logging.getLogger("kg.serve")

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


Generation = tuple[int, int, int]
#: (default graphs, named graphs) of a request's dataset, or ``None`` for the service's default dataset
Dataset = tuple[tuple[str, ...], tuple[str, ...]] | None


def store_generation(path: str | os.PathLike[str]) -> Generation | None:
    """What identifies the store now at ``path`` (``None`` while it is missing, e.g. mid-swap)."""
    try:
        st = os.stat(path)
    except OSError:
        return None
    return (st.st_dev, st.st_ino, st.st_ctime_ns)


def _dataset_options(dataset: Dataset, names_dataset: bool) -> dict[str, Any]:
    """pyoxigraph ``query`` options for the RDF dataset of a request (SPARQL 1.1 Protocol, 2.1.4): the
    protocol's ``default-graph-uri``/``named-graph-uri`` when given (they override the query's own
    ``FROM``), else the query's ``FROM``/``FROM NAMED``, else the service's default: the union of all
    graphs as the default graph."""
    import pyoxigraph as ox

    if dataset is not None:
        default, named = dataset
        return {"default_graph": [ox.NamedNode(g) for g in default],
                "named_graphs": [ox.NamedNode(g) for g in named]}
    return {} if names_dataset else {"use_default_graph_as_union": True}


def run_query(store: Any, query: str, accept: str, max_bytes: int, dataset: Dataset = None) -> Answer:
    """Check ``query`` (``graph.sparql_guard``), evaluate it on ``store`` and serialise the result as
    ``accept`` asks (in a worker)."""
    import pyoxigraph as ox

    from graph.sparql_guard import QueryRefused, check_query

    try:
        read = check_query(query)
    except QueryRefused as exc:
        return Answer(400, "text/plain", f"{exc}\n".encode())
    try:
        options = _dataset_options(dataset, read.names_dataset)
    except ValueError as exc:
        return Answer(400, "text/plain", f"bad default-graph-uri/named-graph-uri: {exc}\n".encode())
    try:
        result = store.query(query, **options)
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
    except MemoryError:
        return Answer(503, "text/plain", b"query stopped: it needs more memory than a query may use\n")
    except (OSError, RuntimeError, ValueError) as exc:
        return Answer(400, "text/plain", f"query failed: {exc}\n".encode())
    return Answer(200, media, b"".join(out.parts))


def _address_space() -> int:
    """Bytes of address space this process holds now (Linux ``VmSize``)."""
    with open("/proc/self/status", encoding="ascii") as f:
        for line in f:
            if line.startswith("VmSize:"):
                return int(line.split()[1]) * 1024
    raise OSError("no VmSize in /proc/self/status")


def _limit_memory(max_memory: int) -> bool:
    """Cap this process's address space at what it holds now plus ``max_memory`` bytes."""
    import resource

    try:
        limit = _address_space() + max_memory
        _, hard = resource.getrlimit(resource.RLIMIT_AS)
        if hard != resource.RLIM_INFINITY:
            limit = min(limit, hard)
        resource.setrlimit(resource.RLIMIT_AS, (limit, hard))
    except (OSError, ValueError):
        return False
    return True


def _worker_main(conn: Connection, store_path: str, max_bytes: int, max_memory: int) -> None:
    import sys

    from graph.no_network import forbid_network

    sandboxed = forbid_network()
    import pyoxigraph as ox

    from graph.sparql_guard import check_query

    sys.setrecursionlimit(6000)  # the parser's depth: about 200 nested groups, far below Oxigraph's own limit
    logging.getLogger("rdflib").setLevel(logging.ERROR)
    check_query("ASK { ?s ?p ?o }")  # load the parser before the memory limit is measured
    generation = store_generation(store_path)
    store = ox.Store.read_only(store_path)
    if store_generation(store_path) != generation:
        generation = None  # swapped while opening: the pool replaces this worker
    limited = _limit_memory(max_memory)
    quiet = os.open(os.devnull, os.O_WRONLY)
    os.dup2(quiet, 2)  # Rust's "memory allocation failed" lines: the pool logs one line per kind instead
    os.close(quiet)
    conn.send(("ready", generation, sandboxed, limited))
    while True:
        try:
            query, accept, dataset = conn.recv()
        except EOFError:
            return
        try:
            answer = run_query(store, query, accept, max_bytes, dataset)
        except MemoryError:
            answer = Answer(503, "text/plain", b"query stopped: it needs more memory than a query may use\n")
        except Exception as exc:  # noqa: BLE001 - one bad query must not kill the worker
            answer = Answer(500, "text/plain", f"query failed: {exc.__class__.__name__}: {exc}\n".encode())
        conn.send(answer)


class WorkerLost(Exception):
    """A worker process ended while answering (memory limit, crash)."""


class _Worker:
    def __init__(self, ctx: Any, store_path: str, max_bytes: int, max_memory: int) -> None:
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, store_path, max_bytes, max_memory), daemon=True)
        self.proc.start()
        child.close()
        self.generation: Generation | None = None
        self.ready = False
        self.sandboxed = self.limited = False

    def wait_ready(self) -> Generation | None:
        """Wait until the worker has opened the store; the generation it opened."""
        if not self.ready:
            try:
                message = self.conn.recv() if self.conn.poll(60) else None
            except (EOFError, OSError):
                message = None
            if not message or message[0] != "ready":
                raise WorkerLost("query worker did not start")
            _, self.generation, self.sandboxed, self.limited = message
            self.ready = True
        return self.generation

    def send(self, query: str, accept: str, dataset: Dataset) -> None:
        self.conn.send((query, accept, dataset))

    def receive(self, seconds: float) -> Answer | None:
        """The answer, or ``None`` when ``seconds`` passed first; :class:`WorkerLost` when the worker ended."""
        try:
            if self.conn.poll(max(seconds, 0.0)):
                return self.conn.recv()
        except (EOFError, OSError):
            self.proc.join(1)
            raise WorkerLost(f"exit code {self.proc.exitcode}") from None
        return None

    def kill(self) -> None:
        self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _text(status: int, message: str) -> Answer:
    return Answer(status, "text/plain", (message + "\n").encode())


#: Imported once by the fork server, so a replacement worker starts in a fraction of a second.
_PRELOAD = ["graph.sparql_workers", "graph.sparql_guard", "graph.no_network", "pyoxigraph",
            "rdflib.plugins.sparql.parser", "rdflib.plugins.sparql.algebra"]


def _worker_context() -> Any:
    """Workers fork from a clean fork server that has the parser loaded (``spawn`` where there is none)."""
    if "forkserver" not in mp.get_all_start_methods():
        return mp.get_context("spawn")
    ctx = mp.get_context("forkserver")
    ctx.set_forkserver_preload(_PRELOAD)
    return ctx


class QueryPool:
    """``workers`` processes answering queries; ``ask`` blocks, so call it from a thread."""

    def __init__(self, store_path: Path, workers: int = 4, timeout: float = 10.0,
                 max_bytes: int = 10_000_000, max_memory: int = 1 << 30, short: float = 1.0,
                 long_slots: int | None = None) -> None:
        self.store_path, self.timeout, self.max_bytes = str(store_path), timeout, max_bytes
        self.max_memory, self.short = max_memory, min(short, timeout)
        self.long_slots = max(1, workers - 1) if long_slots is None else max(1, min(long_slots, workers))
        self._ctx = _worker_context()
        self._cond = threading.Condition()
        self._long = threading.Semaphore(self.long_slots)
        self.generation = store_generation(self.store_path)
        self._idle = [self._new_worker() for _ in range(workers)]
        self.size = workers
        self._warned: set[str] = set()

    def _new_worker(self) -> _Worker:
        return _Worker(self._ctx, self.store_path, self.max_bytes, self.max_memory)

    def _warn_once(self, key: str, message: str) -> None:
        if key not in self._warned:
            self._warned.add(key)
            log.warning(message)

    def _current_generation(self) -> Generation | None:
        """The generation in place now; idle workers of an older one are replaced (caller holds the lock)."""
        now = store_generation(self.store_path)
        if now is not None and now != self.generation:
            log.warning("the store changed (kg build): answering from the new store from now on")
            self.generation = now
            for i, w in enumerate(self._idle):
                w.kill()
                self._idle[i] = self._new_worker()
        return self.generation

    def _take(self, wait: float) -> _Worker | None:
        with self._cond:
            if not self._cond.wait_for(lambda: self._idle, timeout=wait):
                return None
            self._current_generation()
            return self._idle.pop()

    def _give_back(self, worker: _Worker | None) -> None:
        with self._cond:
            if worker is None or (worker.ready and worker.generation != self._current_generation()):
                if worker is not None:
                    worker.kill()
                worker = self._new_worker()
            self._idle.append(worker)
            self._cond.notify()

    def _ready_worker(self, wait: float) -> _Worker | Answer:
        """An idle worker that opened the store now in place (or the answer to give instead)."""
        for _ in range(5):
            worker = self._take(wait)
            if worker is None:
                return _text(503, "server busy: every query worker is occupied, try again")
            try:
                opened = worker.wait_ready()
            except WorkerLost as exc:
                self._give_back(None)
                worker.kill()
                self._warn_once("start", f"a query worker failed to start: {exc}")
                continue
            if not worker.sandboxed:
                self._warn_once("sandbox", "query workers can open network sockets on this system (no seccomp): "
                                "SERVICE is still refused by parsing every query")
            with self._cond:
                current = self._current_generation()
            if opened is not None and opened == current:
                return worker
            self._give_back(worker)  # opened an older store (or during a swap): replaced
        return _text(503, "the store is being replaced (kg build): try again in a moment")

    def ask(self, query: str, accept: str, dataset: Dataset = None, wait: float = 60.0) -> Answer:
        got = self._ready_worker(wait)
        if isinstance(got, Answer):
            return got
        worker, keep = got, True  # keep: the worker goes back to the pool (else it is killed and replaced)
        try:
            worker.send(query, accept, dataset)
            answer = worker.receive(self.short)
            if answer is not None:
                return answer
            if not self._long.acquire(blocking=False):
                keep = False
                return _text(503, f"server busy: {self.long_slots} long queries are running, so queries are "
                                  f"stopped after {self.short:g} s for now; try again later")
            try:
                answer = worker.receive(self.timeout - self.short)
            finally:
                self._long.release()
            if answer is None:
                keep = False
                return _text(503, f"query exceeded the {self.timeout:g} s time limit and was stopped")
            return answer
        except WorkerLost as exc:
            keep = False
            self._warn_once("lost", f"a query worker ended while answering ({exc}: over its memory share, or a "
                                    "crash); it is replaced, and further cases are answered 503 without this message")
            return _text(503, f"query stopped: it needed more than the {self.max_memory >> 20} MB a query may use, "
                              "or its worker failed")
        except (OSError, ValueError) as exc:
            keep = False
            return _text(500, f"query worker failed: {exc}")
        finally:
            if not keep:
                worker.kill()
            self._give_back(worker if keep else None)

    def close(self) -> None:
        with self._cond:
            for w in self._idle:
                w.kill()
            self._idle.clear()
