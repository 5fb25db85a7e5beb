"""Benchmark of ``kg neo4j push``: batched ``UNWIND $rows`` in one transaction vs one transaction per row.

Not a test. Both write the same rows with the same statements (``graph/cypher/push_*.cypher``) into an
emptied database; the per-row variant commits one write transaction per fact, as a naive loader
would. Graphs: the corpus workspace and a synthetic graph (``--events``, default 5,000 events over
200 entities, each with its own evidence passage). Every variant runs once untimed first (Neo4j plans
a query slowly the first time). Prints a Markdown table.

It needs a server: ``--uri`` (or ``NEO4J_URI``, with ``NEO4J_USER``/``NEO4J_PASSWORD``), or none and it
starts the test launcher (``tools/neo4j-launcher``, built with ``mvn -q -B package``).

    .venv/bin/python benchmarks/bench_neo4j_push.py
    .venv/bin/python benchmarks/bench_neo4j_push.py --events 20000 --uri bolt://localhost:7687 --wipe
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph.factset import FactSet  # noqa: E402
from graph.neo4j_rows import GraphRows, to_rows  # noqa: E402
from graph.neo4j_sync import ensure_schema, push_rows, statement  # noqa: E402
from kg.workspace import Workspace  # noqa: E402
from tests.graph.neo4j_samples import synthetic_facts  # noqa: E402

LAUNCHER = ROOT / "tools" / "neo4j-launcher"


@contextmanager
def launched_server() -> Iterator[str]:
    """Start the embedded Neo4j of the tests; yield its Bolt URI (no authentication)."""
    target = LAUNCHER / "target"
    if not (target / "lib").is_dir():
        subprocess.run(["mvn", "-q", "-B", "package"], cwd=LAUNCHER, check=True)
    work = Path(tempfile.mkdtemp(prefix="kg-bench-neo4j-"))
    uri_file = work / "uri"
    cp = os.pathsep.join([str(target / "classes"), str(target / "lib" / "*")])
    env = {k: v for k, v in os.environ.items() if k != "NEO4J_LAUNCHER_PASSWORD"}
    t0 = time.perf_counter()
    proc = subprocess.Popen(["java", "-Xmx1g", "-cp", cp, "org.cambodiakg.launcher.Launcher", str(work / "home"),
                             str(uri_file)], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL, env=env)
    try:
        while not uri_file.is_file():
            if proc.poll() is not None:
                raise SystemExit(f"the launcher exited with {proc.returncode}")
            time.sleep(0.1)
        uri = uri_file.read_text(encoding="utf-8").strip()
        print(f"launched Neo4j at {uri} in {time.perf_counter() - t0:.1f} s", file=sys.stderr)
        yield uri
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


def wipe(driver: neo4j.Driver) -> None:
    with driver.session() as s:
        s.run("MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS").consume()


def per_row(driver: neo4j.Driver, rows: GraphRows) -> None:
    """The naive loader: one write transaction per row (same statements, batches of one)."""
    ensure_schema(driver)
    build = rows.build
    with driver.session() as session:
        for kind, items in rows.kinds():
            text = statement(f"push_{kind}")
            for row in items:
                session.execute_write(lambda tx, r=row, t=text: tx.run(t, rows=[r], build=build).consume())
        for name in ("prune_relationships", "prune_nodes"):
            session.execute_write(lambda tx, n=name: tx.run(statement(n), build=build).consume())


def timed(fn, driver: neo4j.Driver, rows: GraphRows) -> float:  # type: ignore[no-untyped-def]
    wipe(driver)
    fn(driver, rows)  # warm-up: plans and page cache
    wipe(driver)
    t0 = time.perf_counter()
    fn(driver, rows)
    return time.perf_counter() - t0


def bench(driver: neo4j.Driver, label: str, facts: FactSet) -> str:
    rows = to_rows(facts)
    batched = timed(lambda d, r: push_rows(d, r), driver, rows)
    naive = timed(per_row, driver, rows)
    return (f"| {label} | {len(facts.entities)} | {len(facts.events)} | {rows.total()} | {batched:.2f} | "
            f"{naive:.2f} | {naive / batched:.0f}x |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--wipe", action="store_true", help="needed with --uri: the benchmark empties that database")
    args = ap.parse_args()
    if args.uri and not args.wipe:
        raise SystemExit(f"the benchmark deletes everything in {args.uri}: add --wipe if that is fine")
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD")
    corpus = Workspace(Path(tempfile.mkdtemp(prefix="kg-bench-ws-")) / ".kg").build(ROOT / "data" / "corpus")
    with (launched_server() if not args.uri else _given(args.uri)) as uri:
        auth = (user, password) if args.uri and password else None
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            print("| graph | entities | events | rows | batched push (s) | one tx per row (s) | ratio |")
            print("|---|---:|---:|---:|---:|---:|---:|")
            print(bench(driver, "corpus", corpus), flush=True)
            print(bench(driver, f"synthetic {args.events} events", synthetic_facts(args.events)), flush=True)
            wipe(driver)


@contextmanager
def _given(uri: str) -> Iterator[str]:
    yield uri


if __name__ == "__main__":
    main()
