"""A read-only SPARQL 1.1 Protocol endpoint (``/sparql``) over the workspace store, as a Starlette app.

- ``GET /sparql?query=...``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=``) or
  ``application/sparql-query``; results by content negotiation (``graph.sparql_workers``).
- Read-only: an update (``update=`` or ``application/sparql-update``) gets 403 and the store is
  opened read-only anyway; text that is not a query (``DROP ALL``) gets 400.
- ``SERVICE`` is refused with 400, decided on the parsed query (``graph.sparql_guard``, in the
  worker), and the workers cannot open internet sockets at all (``graph.no_network``): the endpoint
  never makes an outbound request.
- ``default-graph-uri``/``named-graph-uri`` are refused with 400 (the default graph is the union).
- Limits: each query runs in a worker process with a time limit (503 when exceeded) and a result
  size limit (413); queries wait for a free worker in the event loop's thread pool, so a slow
  query does not block the others.
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from graph.sparql_workers import QueryPool


def _text(status: int, message: str) -> PlainTextResponse:
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status)


async def _query_text(request: Request) -> tuple[str | None, PlainTextResponse | None]:
    params = request.query_params
    if "update" in params:
        return None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
    if "default-graph-uri" in params or "named-graph-uri" in params:
        return None, _text(400, "default-graph-uri/named-graph-uri are not supported (the default graph is the union)")
    if request.method == "GET":
        return params.get("query"), None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
    if ctype == "application/sparql-query":
        return (await request.body()).decode("utf-8", errors="replace"), None
    if ctype == "application/x-www-form-urlencoded":
        form = await request.form()
        if "update" in form:
            return None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
        value = form.get("query")
        return (value if isinstance(value, str) else None), None
    return None, _text(415, f"unsupported content type {ctype!r}: use application/sparql-query or a form")


async def sparql(request: Request) -> Response:
    query, error = await _query_text(request)
    if error is not None:
        return error
    if not query or not query.strip():
        return _text(400, "missing 'query' parameter")
    pool: QueryPool = request.app.state.pool
    answer = await run_in_threadpool(pool.ask, query, request.headers.get("accept", ""))
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type,
                    headers={"Vary": "Accept"})


async def index(request: Request) -> Response:
    return _text(200, "SPARQL 1.1 endpoint (read-only) at /sparql")


def create_app(store_path: Path, workers: int = 4, timeout: float = 10.0, max_bytes: int = 10_000_000) -> Starlette:
    """The endpoint app; the worker pool starts with the app and stops with it."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        app.state.pool = QueryPool(store_path, workers=workers, timeout=timeout, max_bytes=max_bytes)
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [Route("/sparql", sparql, methods=["GET", "POST"]), Route("/", index)]
    return Starlette(routes=routes, lifespan=lifespan)
