"""Benchmark of ``kg neo4j push``: batched ``UNWIND $rows`` in one transaction vs one transaction per fact.

Not a test. Both write the same rows with the same statements (``graph/cypher/push_*.cypher``) into an
emptied database. The per-fact loader is what a naive loader does: one write transaction per fact
(a document, an entity, an event or a membership with everything that belongs to it: its node, its
evidence nodes and their links, its roles, ``PART_OF`` or membership links), each statement run with
a single row. Graphs: the corpus workspace and a synthetic graph (``--events``, default 5,000 events
over 200 entities, each with its own evidence passage). Both variants end with the same content hash
(checked). Every variant runs once untimed first (Neo4j plans a query slowly the first time), then
``--repeat`` times, the two loaders taking turns; the best time counts (the machine is shared). Also
timed: a second push of the same graph (nothing changed: only the hashes are read) and a push after 1%
of the events changed.
Prints a Markdown table.

It needs a server: ``--uri`` (or ``NEO4J_URI``, with ``NEO4J_USER``/``NEO4J_PASSWORD``), or none and it
starts the test launcher (``tools/neo4j-launcher``, built with ``mvn -q -B package``).

    .venv/bin/python benchmarks/bench_neo4j_push.py
    .venv/bin/python benchmarks/bench_neo4j_push.py --events 20000 --uri bolt://localhost:7687 --wipe
"""

from __future__ import annotations

import argparse
import copy
import os
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph.factset import FactSet  # noqa: E402
from graph.neo4j_plan import expected_fingerprint  # noqa: E402
from graph.neo4j_rows import GraphRows, to_rows  # noqa: E402
from graph.neo4j_sync import content_hash, ensure_schema, push_rows, role_statement, statement  # noqa: E402
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


Step = tuple[str, dict[str, Any]]


def fact_steps(rows: GraphRows) -> list[list[Step]]:
    """The statements of each fact, one row each, in an order where what a fact points at comes first.

    A passage is written with the first fact that cites it; a law before its articles and an event
    before the events that name it as a participant (so every relationship finds its end)."""
    passages = {r["id"]: r for r in rows.evidence}
    roles: dict[str, list[dict[str, Any]]] = {}
    for r in rows.roles:
        roles.setdefault(r["event"], []).append(r)
    part_of: dict[str, list[dict[str, Any]]] = {}
    for r in rows.part_of:
        part_of.setdefault(r["id"], []).append(r)
    facts: dict[str, tuple[str, dict[str, Any], list[Step], list[str]]] = {}
    for kind in ("entities", "events", "memberships"):
        for row in getattr(rows, kind):
            links: list[Step] = [(role_statement(r["label"]), r) for r in roles.get(row["id"], [])]
            links += [(statement("push_part_of"), r) for r in part_of.get(row["id"], [])]
            after = [r["entity"] for r in roles.get(row["id"], [])] + [r["whole"] for r in part_of.get(row["id"], [])]
            facts[row["id"]] = (kind, row, links, after)
    ordered: list[list[Step]] = [[(statement("push_documents"), r)] for r in rows.documents]
    written: set[str] = set()

    def visit(fact_id: str) -> None:
        if fact_id in written or fact_id not in facts:
            return
        written.add(fact_id)
        kind, row, links, after = facts[fact_id]
        for other in after:
            visit(other)
        steps = [(statement("push_evidence"), passages.pop(e)) for e in row["evidence"] if e in passages]
        ordered.append([*steps, (statement(f"push_{kind}"), row), *links])

    for fact_id in facts:
        visit(fact_id)
    return ordered


def per_fact(driver: neo4j.Driver, rows: GraphRows) -> None:
    """The naive loader: one write transaction per fact (same statements, one row each)."""
    ensure_schema(driver)
    build = rows.build

    def write(tx: neo4j.ManagedTransaction, steps: list[Step]) -> None:
        for text, row in steps:
            tx.run(text, rows=[row], build=build).consume()

    with driver.session() as session:
        for steps in fact_steps(rows):
            session.execute_write(write, steps)
        session.execute_write(lambda tx: tx.run(statement("record_push"), build=build, rows=rows.total(),
                                                counts_json="{}", content=expected_fingerprint(rows)).consume())


def timed(fns: dict[str, Callable[[neo4j.Driver, GraphRows], object]], driver: neo4j.Driver, rows: GraphRows,
          repeat: int) -> dict[str, float]:
    """The best of ``repeat`` timed runs of each loader into an emptied database, after one untimed
    round; the loaders take turns, so a busy moment of the machine hits both. The first round checks
    that every loader writes the same graph (content hash)."""
    best = dict.fromkeys(fns, float("inf"))
    digests = set()
    for i in range(repeat + 1):
        for name, fn in fns.items():
            wipe(driver)
            t0 = time.perf_counter()
            fn(driver, rows)
            if i:
                best[name] = min(best[name], time.perf_counter() - t0)
            else:
                digests.add(content_hash(driver))
    if len(digests) != 1:
        raise SystemExit("the loaders wrote different graphs")
    return best


def again(driver: neo4j.Driver, rows: GraphRows, then: GraphRows, repeat: int) -> float:
    """The best time of pushing ``then`` over a graph pushed from ``rows``."""
    best = float("inf")
    for _ in range(repeat):
        push_rows(driver, rows)
        t0 = time.perf_counter()
        push_rows(driver, then)
        best = min(best, time.perf_counter() - t0)
    return best


def changed_rows(facts: FactSet, share: float) -> GraphRows:
    """The rows of ``facts`` with ``share`` of the events given another attribute value."""
    changed = copy.deepcopy(facts)
    events = sorted(changed.events)
    for event_id in events[::max(1, round(1 / share))]:
        changed.events[event_id].attributes["revised"] = True
    return to_rows(changed)


def bench(driver: neo4j.Driver, label: str, facts: FactSet, repeat: int) -> str:
    rows = to_rows(facts)
    best = timed({"batched": lambda d, r: push_rows(d, r), "per fact": per_fact}, driver, rows, repeat)
    batched, naive = best["batched"], best["per fact"]
    unchanged = again(driver, rows, rows, repeat)
    one_pct = again(driver, rows, changed_rows(facts, 0.01), repeat)
    return (f"| {label} | {len(facts.entities)} | {len(facts.events)} | {rows.total():,} | {batched:.2f} | "
            f"{naive:.2f} | {naive / batched:.0f}x | {unchanged:.2f} | {one_pct:.2f} |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each variant (the best counts)")
    ap.add_argument("--wipe", action="store_true", help="needed with --uri: the benchmark empties that database")
    args = ap.parse_args()
    if args.uri and not args.wipe:
        raise SystemExit(f"the benchmark deletes everything in {args.uri}: add --wipe if that is fine")
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD")
    corpus = Workspace(Path(tempfile.mkdtemp(prefix="kg-bench-ws-")) / ".kg").build(ROOT / "data" / "corpus")
    with (launched_server() if not args.uri else _given(args.uri)) as uri:
        auth = (user, password) if args.uri and password else None
        with neo4j.GraphDatabase.driver(uri, auth=auth) as driver:
            print("| graph | entities | events | rows | push into an empty database (s) | one tx per fact (s) "
                  "| ratio | push again, unchanged (s) | push after 1% of events changed (s) |")
            print("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
            print(bench(driver, "corpus", corpus, args.repeat), flush=True)
            print(bench(driver, f"synthetic {args.events:,} events", synthetic_facts(args.events), args.repeat),
                  flush=True)
            wipe(driver)


@contextmanager
def _given(uri: str) -> Iterator[str]:
    yield uri


if __name__ == "__main__":
    main()
