"""A local HTTP server on 127.0.0.1 that records every request it gets: the target of "must not reach out".

Its answer is a secret, so a test can also check that nothing it says comes back to a client.
"""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

SECRET = "local-secret-7f3a9c"


@dataclass
class Recorder:
    url: str
    hits: list[str] = field(default_factory=list)


@contextmanager
def recording_server() -> Iterator[Recorder]:
    """A server answering every GET/POST with :data:`SECRET` (as SPARQL JSON results) and recording it."""
    hits: list[str] = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def _answer(self) -> None:
            hits.append(f"{self.command} {self.path}")
            body = ('{"head":{"vars":["s"]},"results":{"bindings":[{"s":{"type":"literal","value":"'
                    + SECRET + '"}}]}}').encode()
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        do_GET = do_POST = _answer

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield Recorder(f"http://127.0.0.1:{server.server_address[1]}/sparql", hits)
    finally:
        server.shutdown()
        server.server_close()


def bypass_queries(url: str) -> list[str]:
    """Spellings of a federated query that a text scan can miss (escapes, comments, case, nesting)."""
    pre = "PREFIX ex: <http://example.org/>\n"
    return [
        f"SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }}",
        pre + f"SELECT * WHERE {{ ?s ex:a\\#b ?o . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        pre + f"SELECT * WHERE {{ ?s ex:a\\'b ?o . SERVICE <{url}> {{ ?s ?p ?o }} }}",
        pre + f"SELECT * WHERE {{ OPTIONAL {{ ?s ex:a\\#b ?o }}\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
        pre + f"SELECT * WHERE {{ ?s ex:x\\'y ?o . ?s ex:z\\'w ?o . SERVICE SILENT <{url}> {{ ?s ?p ?o }} }}",
        f"select * where {{ sErViCe <{url}> {{ ?s ?p ?o }} }}",
        f"SELECT * WHERE {{ VALUES ?u {{ <{url}> }} SERVICE ?u {{ ?s ?p ?o }} }}",
        f"ASK {{ FILTER EXISTS {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }}",
        f"SELECT * WHERE {{ {{ SELECT * WHERE {{ SERVICE <{url}> {{ ?s ?p ?o }} }} }} }}",
        f"SELECT * WHERE {{ \\u0053ERVICE <{url}> {{ ?s ?p ?o }} }}",
        f'SELECT * WHERE {{ BIND("\\\\" AS ?x) SERVICE <{url}> {{ ?s ?p ?o }} }}',
        f"SELECT * WHERE {{ # comment \\\nSERVICE <{url}> {{ ?s ?p ?o }} }}",
    ]
