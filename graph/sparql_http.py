"""A read-only SPARQL 1.1 Protocol endpoint (``/sparql``) over the workspace store, as a Starlette app.

- ``GET /sparql?query=...``, ``POST`` with ``application/x-www-form-urlencoded`` (``query=``) or
  ``application/sparql-query``; results by content negotiation (``graph.sparql_workers``).
  ``GET /sparql`` without a query returns the service description (``graph.sparql_description``);
  ``GET /`` a small query page that needs nothing but this server.
- The RDF dataset: ``default-graph-uri``/``named-graph-uri`` (URL or form, repeatable) as the SPARQL
  1.1 Protocol says, else the query's ``FROM``/``FROM NAMED``, else the union of all graphs.
- Read-only: an update (``update=`` or ``application/sparql-update``) gets 403 and the store is
  opened read-only anyway; text that is not a query (``DROP ALL``) gets 400.
- ``SERVICE`` is refused with 400, decided on the parsed query (``graph.sparql_guard``, in the
  worker), and the workers cannot open internet sockets at all (``graph.no_network``): the endpoint
  never makes an outbound request.
- Limits: request bodies over ``max_body`` bytes get 413 and bodies slower than ``body_timeout``
  seconds 408; each query runs in a worker process with time, memory and result-size limits
  (``graph.sparql_workers``); queries wait for a worker in their own threads, never on the event
  loop. Connection-level limits are in ``graph.http_limits``.
- CORS is off unless ``cors_origins`` names the origins allowed (``*`` for any).
"""

from __future__ import annotations

import asyncio
import json
from collections.abc import Sequence
from contextlib import asynccontextmanager
from functools import partial
from pathlib import Path
from typing import Any
from urllib.parse import parse_qsl

import anyio.to_thread
from starlette.applications import Starlette
from starlette.middleware import Middleware
from starlette.middleware.cors import CORSMiddleware
from starlette.requests import Request
from starlette.responses import HTMLResponse, PlainTextResponse, Response
from starlette.routing import Route

from graph.sparql_description import DESCRIPTION_FORMATS, GRAPHS_QUERY, description
from graph.sparql_workers import Dataset, QueryPool, negotiate

PAGE = Path(__file__).resolve().parent / "templates" / "sparql_page.html"
_INLINE_FORM = 64 * 1024  # larger form bodies are decoded in a thread, not on the event loop


def _text(status: int, message: str, close: bool = False) -> PlainTextResponse:
    headers = {"Connection": "close"} if close else None
    return PlainTextResponse(message.rstrip("\n") + "\n", status_code=status, headers=headers)


async def _body(request: Request) -> bytes | Response:
    """The request body, or the error to answer: 413 over ``max_body`` bytes, 408 slower than ``body_timeout``."""
    limit, seconds = request.app.state.max_body, request.app.state.body_timeout
    declared = request.headers.get("content-length", "")
    if declared.isdigit() and int(declared) > limit:
        return _text(413, f"request body larger than the {limit}-byte limit", close=True)
    parts, size = [], 0
    try:
        async with asyncio.timeout(seconds):
            async for chunk in request.stream():
                size += len(chunk)
                if size > limit:
                    return _text(413, f"request body larger than the {limit}-byte limit", close=True)
                parts.append(chunk)
    except TimeoutError:
        return _text(408, f"request body not received within {seconds:g} s", close=True)
    return b"".join(parts)


def _form(body: bytes) -> list[tuple[str, str]]:
    return parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True, max_num_fields=1000)


def _dataset(fields: Sequence[tuple[str, str]]) -> Dataset:
    default = tuple(v for k, v in fields if k == "default-graph-uri")
    named = tuple(v for k, v in fields if k == "named-graph-uri")
    return (default, named) if default or named else None


async def _request(request: Request) -> tuple[str | None, Dataset, Response | None]:
    """The query text, its protocol dataset, or the error to answer."""
    fields = list(request.query_params.multi_items())
    if any(k == "update" for k, _ in fields):
        return None, None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
    if request.method == "GET":
        return request.query_params.get("query"), _dataset(fields), None
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype == "application/sparql-update":
        return None, None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
    if ctype not in ("application/sparql-query", "application/x-www-form-urlencoded"):
        return None, None, _text(415, f"unsupported content type {ctype!r}: use application/sparql-query or a form")
    body = await _body(request)
    if isinstance(body, Response):
        return None, None, body
    if ctype == "application/sparql-query":
        return body.decode("utf-8", errors="replace"), _dataset(fields), None
    form = _form(body) if len(body) <= _INLINE_FORM else await anyio.to_thread.run_sync(_form, body)
    if any(k == "update" for k, _ in form):
        return None, None, _text(403, "this endpoint is read-only: SPARQL updates are refused")
    queries = [v for k, v in form if k == "query"]
    return (queries[0] if queries else None), _dataset(fields + form), None


async def _ask(request: Request, query: str, accept: str, dataset: Dataset = None) -> Any:
    pool: QueryPool = request.app.state.pool
    return await anyio.to_thread.run_sync(partial(pool.ask, query, accept, dataset),
                                          limiter=request.app.state.waiting)


async def sparql(request: Request) -> Response:
    if request.method == "OPTIONS":
        return Response(status_code=204, headers={"Allow": "GET, POST, OPTIONS"})
    query, dataset, error = await _request(request)
    if error is not None:
        return error
    if query is None and request.method == "GET" and "query" not in request.query_params:
        return await service_description(request)
    if not query or not query.strip():
        return _text(400, "missing 'query' parameter")
    answer = await _ask(request, query, request.headers.get("accept", ""), dataset)
    return Response(answer.body, status_code=answer.status, media_type=answer.media_type,
                    headers={"Vary": "Accept"})


async def service_description(request: Request) -> Response:
    media = negotiate(request.headers.get("accept", ""), DESCRIPTION_FORMATS)
    if media is None:
        return _text(406, f"not acceptable; the service description is offered as {', '.join(DESCRIPTION_FORMATS)}")
    answer = await _ask(request, GRAPHS_QUERY, "application/sparql-results+json")
    if answer.status != 200:
        return Response(answer.body, status_code=answer.status, media_type=answer.media_type)
    rows = json.loads(answer.body)["results"]["bindings"]
    graphs = [(r["g"]["value"], int(r["n"]["value"])) for r in rows if r["g"]["type"] == "uri"]
    endpoint = str(request.url.replace(query="", fragment=""))
    body = description(endpoint, graphs, request.app.state.limits).serialize(format=DESCRIPTION_FORMATS[media])
    return Response(body, media_type=media, headers={"Vary": "Accept"})


async def index(request: Request) -> Response:
    return HTMLResponse(request.app.state.page)


def query_page(examples: Sequence[tuple[str, str, str]]) -> str:
    """The query page with ``examples`` (title, about, query text) to pick from."""
    data = [{"title": t, "about": a, "query": q} for t, a, q in examples]
    payload = json.dumps(data, ensure_ascii=False).replace("</", "<\\/")
    return PAGE.read_text(encoding="utf-8").replace("__EXAMPLES__", payload)


def create_app(store_path: Path, workers: int = 4, timeout: float = 10.0, max_bytes: int = 10_000_000,
               max_memory: int = 1 << 30, max_body: int = 1 << 20, body_timeout: float = 10.0,
               cors_origins: Sequence[str] = (), examples: Sequence[tuple[str, str, str]] = ()) -> Starlette:
    """The endpoint app; the worker pool starts with the app and stops with it."""

    @asynccontextmanager
    async def lifespan(app: Starlette) -> Any:
        app.state.pool = QueryPool(store_path, workers=workers, timeout=timeout, max_bytes=max_bytes,
                                   max_memory=max_memory)
        app.state.waiting = anyio.CapacityLimiter(max(64, 4 * workers))
        try:
            yield
        finally:
            app.state.pool.close()

    routes = [Route("/sparql", sparql, methods=["GET", "POST", "OPTIONS"]), Route("/", index)]
    middleware = []
    if cors_origins:
        middleware.append(Middleware(CORSMiddleware, allow_origins=list(cors_origins),
                                     allow_methods=["GET", "POST", "OPTIONS"],
                                     allow_headers=["Accept", "Content-Type"], max_age=600))
    app = Starlette(routes=routes, lifespan=lifespan, middleware=middleware)
    app.state.max_body, app.state.body_timeout = max_body, body_timeout
    app.state.page = query_page(examples)
    app.state.limits = (f"Limits: {timeout:g} s and {max_memory >> 20} MB per query, results up to {max_bytes} "
                        f"bytes, request bodies up to {max_body} bytes.")
    return app
