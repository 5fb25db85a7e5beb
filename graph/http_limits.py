"""The connection-level limits of ``kg serve``: header time, idle time, connection count, one log line per failure.

uvicorn's h11 protocol closes a keep-alive connection after ``timeout_keep_alive`` seconds of quiet,
but a connection that never finishes its first request line and headers is kept for ever, so a few
hundred idle sockets exhaust the process's file descriptors. :class:`LimitedH11Protocol` adds:

- a header deadline: a connection whose request line and headers are not complete ``header_timeout``
  seconds after it opened (or after its previous response) is closed;
- a connection cap: beyond ``max_connections`` open connections a new one gets a 503 and is closed,
  well below the file-descriptor limit (which :func:`raise_fd_limit` lifts to its hard maximum).

Request bodies are bounded (size and time) by the app (``graph.sparql_http``), request lines and
headers by h11 (16 KiB). :class:`OncePerKind` keeps the log readable under attack: each kind of
failure is logged once, as one line without its traceback, then counted.
"""

from __future__ import annotations

import asyncio
import logging
import resource
import time
from typing import Any

import h11
from uvicorn.protocols.http.h11_impl import H11Protocol

_BUSY = (b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain\r\nConnection: close\r\n"
         b"Content-Length: 45\r\n\r\nserver busy: too many open connections, retry\n")


def limited_protocol(header_timeout: float, max_connections: int) -> type[H11Protocol]:
    """uvicorn's h11 protocol with a header deadline and a connection cap."""

    class LimitedH11Protocol(H11Protocol):
        def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
            super().connection_made(transport)
            self._cycle = 0
            self._header_timer: asyncio.TimerHandle | None = None
            if len(self.connections) > max_connections:
                transport.write(_BUSY)
                transport.close()
                return
            self._arm_header_timer()

        def _arm_header_timer(self) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
            self._header_timer = self.loop.call_later(header_timeout, self._header_deadline, self._cycle)

        def _header_deadline(self, cycle: int) -> None:
            if cycle == self._cycle and self.conn.their_state is h11.IDLE and not self.transport.is_closing():
                self.transport.close()

        def on_response_complete(self) -> None:
            self._cycle += 1
            super().on_response_complete()
            if not self.transport.is_closing():
                self._arm_header_timer()

        def connection_lost(self, exc: Exception | None) -> None:
            if self._header_timer is not None:
                self._header_timer.cancel()
            super().connection_lost(exc)

    return LimitedH11Protocol


def raise_fd_limit() -> int:
    """Lift the soft open-files limit to the hard one; the soft limit now in force."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if hard == resource.RLIM_INFINITY:
        hard = max(soft, 65536)
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
        return hard
    except (OSError, ValueError):
        return soft


class OncePerKind(logging.Filter):
    """Let the first record of each kind (logger, message template, exception type) through as one
    line; count the repeats and report the count with the next one let through, at most once a minute."""

    def __init__(self, every: float = 60.0) -> None:
        super().__init__()
        self.every = every
        self._last: dict[tuple[str, str, str], float] = {}
        self._repeats: dict[tuple[str, str, str], int] = {}

    def filter(self, record: logging.LogRecord) -> bool:
        kind = record.exc_info[0].__name__ if record.exc_info and record.exc_info[0] else ""
        key = (record.name, str(record.msg), kind)
        now = time.monotonic()
        if key in self._last and now - self._last[key] < self.every:
            self._repeats[key] = self._repeats.get(key, 0) + 1
            return False
        self._last[key] = now
        if record.exc_info and record.exc_info[1] is not None:
            record.msg = f"{record.getMessage()} ({kind}: {record.exc_info[1]})"
            record.args = None
            record.exc_info = None
            record.exc_text = None
        repeats = self._repeats.pop(key, 0)
        if repeats:
            record.msg = f"{record.getMessage()} [and {repeats} more like it]"
            record.args = None
        return True


def log_once(loggers: tuple[str, ...] = ("uvicorn", "uvicorn.error", "asyncio", "kg.serve")) -> None:
    """Put :class:`OncePerKind` on the server's loggers (and a plain one-line handler on ours)."""
    once = OncePerKind()
    for name in loggers:
        logging.getLogger(name).addFilter(once)
    ours = logging.getLogger("kg.serve")
    if not ours.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("kg serve: %(levelname)s: %(message)s"))
        ours.addHandler(handler)
        ours.propagate = False
    ours.setLevel(logging.INFO)


def uvicorn_options(header_timeout: float, max_connections: int, idle_timeout: float) -> dict[str, Any]:
    """Keyword arguments for ``uvicorn.run`` that put these limits in force."""
    return {"http": limited_protocol(header_timeout, max_connections), "timeout_keep_alive": idle_timeout,
            "log_level": "warning", "access_log": False, "h11_max_incomplete_event_size": 16 * 1024}
