"""``kg serve``: a read-only SPARQL 1.1 Protocol endpoint at ``/sparql`` over the workspace store."""

from __future__ import annotations

import errno
import socket
from pathlib import Path

import click

from graph.errors import AbortRun
from kg.cliutil import err_console, load_or_build, workspace_option


def check_port(host: str, port: int) -> None:
    """Fail with one line when ``host:port`` cannot be listened on (in use, not an address of this
    machine), before the workspace is loaded or built and the workers start."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)[0]
    except (socket.gaierror, UnicodeError) as exc:
        raise AbortRun(f"--host {host}: not an address of this machine ({exc})") from exc
    with socket.socket(family, kind, proto) as probe:
        probe.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as uvicorn binds
        try:
            probe.bind(address)
        except OSError as exc:
            if exc.errno == errno.EADDRINUSE:
                raise AbortRun(f"port {port} on {host} is already in use (another `kg serve`?): "
                               "stop it or give another --port") from exc
            raise AbortRun(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def _examples() -> list[tuple[str, str, str]]:
    from queries.catalogue import public

    return [(q.title, q.about, q.text) for q in public()]


@click.command("serve")
@click.option("--host", default="127.0.0.1", show_default=True, help="Interface to listen on.")
@click.option("--port", default=8000, show_default=True, type=int, help="TCP port.")
@click.option("--workers", default=4, show_default=True, type=click.IntRange(1, 64),
              help="Query worker processes (queries answered at once).")
@click.option("--timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Per-query time limit in seconds (503 when exceeded).")
@click.option("--max-bytes", default=10_000_000, show_default=True, type=click.IntRange(1),
              help="Result-size limit in bytes (413 when exceeded).")
@click.option("--max-memory", default=1024, show_default=True, type=click.IntRange(16),
              help="Memory a query may use in its worker, in MB (503 when exceeded).")
@click.option("--max-body", default=1_048_576, show_default=True, type=click.IntRange(1024),
              help="Request-body limit in bytes (413 when exceeded).")
@click.option("--header-timeout", default=10.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds a client has to send its request line and headers, and again its body "
                   "(then the connection is closed, or 408).")
@click.option("--idle-timeout", default=5.0, show_default=True, type=click.FloatRange(0.1),
              help="Seconds an idle keep-alive connection stays open.")
@click.option("--max-connections", default=512, show_default=True, type=click.IntRange(1),
              help="Open connections at once; more get 503 and are closed.")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Allow browser pages from ORIGIN (repeatable; '*' for any). Off by default.")
@workspace_option
def command(host: str, port: int, workers: int, timeout: float, max_bytes: int, max_memory: int, max_body: int,
            header_timeout: float, idle_timeout: float, max_connections: int, cors_origins: tuple[str, ...],
            workspace: Path | None) -> None:
    """Serve the graph as a read-only SPARQL endpoint (GET/POST /sparql, a query page at /; updates and
    SERVICE refused)."""
    check_port(host, port)
    import uvicorn

    from graph.http_limits import log_once, raise_fd_limit, uvicorn_options
    from graph.sparql_http import create_app

    ws, _ = load_or_build(workspace)
    if not ws.store_path.is_dir():
        raise AbortRun(f"no RDF store in {ws.path}: run `kg build` again")
    files = raise_fd_limit()
    connections = max(1, min(max_connections, files - 64 - 8 * workers))
    app = create_app(ws.store_path.resolve(), workers=workers, timeout=timeout, max_bytes=max_bytes,
                     max_memory=max_memory << 20, max_body=max_body, body_timeout=header_timeout,
                     cors_origins=cors_origins, examples=_examples())
    config = uvicorn.Config(app, host=host, port=port,
                            **uvicorn_options(header_timeout, connections, idle_timeout))
    log_once()
    err_console.print(f"SPARQL endpoint on http://{host}:{port}/sparql, query page on http://{host}:{port}/ "
                      f"(read-only, {workers} workers, {timeout:g} s and {max_memory} MB per query, "
                      f"{connections} connections)", highlight=False)
    uvicorn.Server(config).run()
