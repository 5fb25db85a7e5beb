"""Connecting to Neo4j: settings from flags or the environment, and failures as one clear line.

Flags win over ``NEO4J_URI``, ``NEO4J_USER``, ``NEO4J_PASSWORD`` (and ``NEO4J_DATABASE``,
``NEO4J_CONNECT_TIMEOUT``); the default is ``bolt://localhost:7687`` as user ``neo4j``. Without a
password the driver connects without authentication (a server with ``NEO4J_AUTH=none``). An
unreachable server, a refused password, a port that does not answer as Bolt within the connection
timeout (default 10 s) or a connection lost mid-way raise ``graph.errors.BackendUnavailable``; a
malformed URI or a database the server does not have raise ``UsageError``. The CLI prints either as
one line.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass

import neo4j
from neo4j import exceptions as neo4j_errors

from graph.errors import AbortRun, BackendUnavailable, UsageError

DEFAULT_URI = "bolt://localhost:7687"
DEFAULT_USER = "neo4j"
#: Seconds to open a connection and get Bolt's handshake (the driver's own default waits 60 s).
DEFAULT_CONNECT_TIMEOUT = 10.0
# The driver logs a transaction it retries (a deadlock between two pushes creating the schema) as a
# warning, which Python prints on stderr when nothing is configured: an application that wants them
# configures logging; a CLI user gets the outcome, not the retries.
logging.getLogger("neo4j").addHandler(logging.NullHandler())
SCHEMES = ("bolt", "bolt+s", "bolt+ssc", "neo4j", "neo4j+s", "neo4j+ssc")


@dataclass(frozen=True)
class Neo4jSettings:
    uri: str = DEFAULT_URI
    user: str = DEFAULT_USER
    password: str | None = None
    database: str | None = None
    connect_timeout: float = DEFAULT_CONNECT_TIMEOUT

    @classmethod
    def resolve(cls, uri: str | None = None, user: str | None = None, password: str | None = None,
                database: str | None = None, connect_timeout: float | None = None) -> Neo4jSettings:
        """Flags first, then the environment, then the defaults."""
        env = os.environ
        return cls(
            uri=uri or env.get("NEO4J_URI") or DEFAULT_URI,
            user=user or env.get("NEO4J_USER") or DEFAULT_USER,
            password=password if password is not None else env.get("NEO4J_PASSWORD") or None,
            database=database or env.get("NEO4J_DATABASE") or None,
            connect_timeout=connect_timeout if connect_timeout is not None else _env_timeout(),
        )

    @property
    def auth(self) -> tuple[str, str] | None:
        return (self.user, self.password) if self.password is not None else None


def _env_timeout() -> float:
    text = os.environ.get("NEO4J_CONNECT_TIMEOUT", "").strip()
    if not text:
        return DEFAULT_CONNECT_TIMEOUT
    try:
        seconds = float(text)
    except ValueError:
        seconds = -1.0
    if not 0 < seconds < float("inf"):
        raise UsageError(f"NEO4J_CONNECT_TIMEOUT must be a number of seconds above 0, got {text!r}")
    return seconds


def _first_line(exc: BaseException) -> str:
    text = getattr(exc, "message", None) or str(exc) or exc.__class__.__name__
    return str(text).strip().splitlines()[0]


DATABASE_NOT_FOUND = "Neo.ClientError.Database.DatabaseNotFound"


def _translate(exc: BaseException, settings: Neo4jSettings) -> AbortRun:
    where = settings.uri
    if isinstance(exc, neo4j_errors.AuthError):
        who = f"user {settings.user!r}" if settings.password is not None else "no credentials"
        return BackendUnavailable(
            f"Neo4j at {where} refused {who}: check --user/--password or NEO4J_USER/NEO4J_PASSWORD")
    if isinstance(exc, neo4j_errors.ClientError) and exc.code == DATABASE_NOT_FOUND:
        return UsageError(f"Neo4j at {where} has no database {settings.database!r}: check --database or "
                          "NEO4J_DATABASE (`SHOW DATABASES` lists them; Community has one, `neo4j`)")
    if "handshake" in str(exc).lower():
        return BackendUnavailable(
            f"{where} did not answer as a Neo4j Bolt server within {settings.connect_timeout:g} s "
            "(is it the Bolt port, 7687 by default? NEO4J_CONNECT_TIMEOUT sets the wait)")
    return BackendUnavailable(
        f"Neo4j at {where} is unreachable ({_first_line(exc).rstrip(':')}); "
        "start it with `docker compose up -d neo4j`")


#: Driver errors that mean "the server is not there for us" (anything else is a real error).
CONNECTION_ERRORS = (neo4j_errors.AuthError, neo4j_errors.ServiceUnavailable, neo4j_errors.SessionExpired,
                     OSError)


def open_driver(settings: Neo4jSettings) -> neo4j.Driver:
    """A driver whose connectivity and credentials are checked (the caller closes it)."""
    scheme = settings.uri.split("://", 1)[0] if "://" in settings.uri else ""
    if scheme not in SCHEMES:
        raise UsageError(f"Neo4j: bad URI {settings.uri!r} (expected {', '.join(s + '://' for s in SCHEMES)})")
    try:
        # notifications off: a question naming a role the graph lacks is not worth a warning on stderr
        driver = neo4j.GraphDatabase.driver(
            settings.uri, auth=settings.auth, notifications_min_severity="OFF",
            # both bound the wait: a port that accepts but never answers Bolt is given up after it
            connection_timeout=settings.connect_timeout, connection_acquisition_timeout=settings.connect_timeout)
    except (ValueError, neo4j_errors.ConfigurationError) as exc:
        raise UsageError(f"Neo4j: bad URI {settings.uri!r}: {_first_line(exc)}") from None
    try:
        driver.verify_connectivity()
    except CONNECTION_ERRORS as exc:
        driver.close()
        raise _translate(exc, settings) from None
    return driver


@contextmanager
def connect(settings: Neo4jSettings) -> Iterator[neo4j.Driver]:
    """A checked driver for a ``with`` block; failures inside it are translated as by ``translated``."""
    driver = open_driver(settings)
    try:
        yield driver
    except CONNECTION_ERRORS as exc:
        raise _translate(exc, settings) from None
    except neo4j_errors.ClientError as exc:
        if exc.code != DATABASE_NOT_FOUND:
            raise
        raise _translate(exc, settings) from None
    finally:
        driver.close()


@contextmanager
def translated(settings: Neo4jSettings) -> Iterator[None]:
    """Turn connection failures of the block into ``BackendUnavailable``, a missing database into
    ``UsageError``."""
    try:
        yield
    except CONNECTION_ERRORS as exc:
        raise _translate(exc, settings) from None
    except neo4j_errors.ClientError as exc:
        if exc.code != DATABASE_NOT_FOUND:
            raise
        raise _translate(exc, settings) from None
