"""Benchmark of ``kg neo4j push``: batched ``UNWIND $rows`` in one transaction vs one transaction per fact.

Not a test. Both write the same rows with the same statements into an emptied database: the statements
a first push uses (``graph/cypher/push_*.cypher``, nodes created rather than merged, as
``graph.neo4j_statements`` does when the database holds nothing of ours). The per-fact loader is what a
naive loader does: one write transaction per fact (a document, an entity, an event or a membership with
everything that belongs to it: its node, its evidence nodes and their links, its roles, ``PART_OF`` or
membership links), each statement run with a single row. Graphs: the corpus workspace and a synthetic
graph (``--events``, default 5,000 events over 200 entities, each with its own evidence passage). Both
variants end with the same content hash (checked). Every variant runs ``--warmup`` times untimed first
(Neo4j plans a query slowly the first time, and a fresh JVM runs slowly until it has compiled its hot
paths: a push of the corpus, a dozen statements, would otherwise be timed cold while the per-fact loader
warms up during its thousands), then ``--repeat`` times, the two loaders taking turns; the best time
counts (the machine is shared).

Where the push's time goes, for its best run: the server's commit of the one transaction, and, when the
benchmark started the server itself, the JVM's garbage-collection pauses during the push (``jstat``).
The commit is work a push cannot batch away, so "one tx per fact / commit" is the ceiling of the ratio.

Also timed: a second push of the same graph (nothing changed: only the hashes are read) and a push after
1% of the events changed, each against writing the whole graph one transaction per fact (what a loader
without a delta does after a rebuild). Prints two Markdown tables.

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
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import neo4j  # noqa: E402

from graph.factset import FactSet  # noqa: E402
from graph.neo4j_plan import expected_fingerprint  # noqa: E402
from graph.neo4j_rows import GraphRows, to_rows  # noqa: E402
from graph.neo4j_statements import node_statement, role_statement, statement  # noqa: E402
from graph.neo4j_sync import PushReport, content_hash, ensure_schema, push_rows  # noqa: E402
from kg.workspace import Workspace  # noqa: E402
from tests.graph.neo4j_samples import synthetic_facts  # noqa: E402

LAUNCHER = ROOT / "tools" / "neo4j-launcher"


@dataclass(frozen=True)
class Server:
    uri: str
    pid: int | None  # the JVM's process id when the benchmark started it (for its GC figures)


@contextmanager
def launched_server() -> Iterator[Server]:
    """Start the embedded Neo4j of the tests; yield its Bolt URI (no authentication) and process id."""
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
        yield Server(uri, proc.pid)
    finally:
        proc.terminate()
        proc.wait(timeout=60)
        shutil.rmtree(work, ignore_errors=True)


def gc_pauses(pid: int | None) -> float | None:
    """Seconds the JVM ``pid`` has spent in garbage-collection pauses so far (``jstat``), if known."""
    if pid is None or shutil.which("jstat") is None:
        return None
    out = subprocess.run(["jstat", "-gc", str(pid)], capture_output=True, text=True, check=False).stdout.split("\n")
    columns = dict(zip(out[0].split(), out[1].split(), strict=False)) if len(out) > 1 else {}
    if "YGCT" not in columns or "FGCT" not in columns:
        return None
    return float(columns["YGCT"]) + float(columns["FGCT"])


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
    ordered: list[list[Step]] = [[(node_statement("documents", True), r)] for r in rows.documents]
    written: set[str] = set()

    def visit(fact_id: str) -> None:
        if fact_id in written or fact_id not in facts:
            return
        written.add(fact_id)
        kind, row, links, after = facts[fact_id]
        for other in after:
            visit(other)
        steps = [(node_statement("evidence", True), passages.pop(e)) for e in row["evidence"] if e in passages]
        ordered.append([*steps, (node_statement(kind, True), row), *links])

    for fact_id in facts:
        visit(fact_id)
    return ordered


def per_fact(driver: neo4j.Driver, rows: GraphRows) -> None:
    """The naive loader: one write transaction per fact (the statements of a first push, one row each)."""
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


@dataclass
class Timing:
    """The best timed run of one loader; for the push, its commit and the server's GC pauses in that run."""

    seconds: float = float("inf")
    commit: float | None = None
    gc: float | None = None


def timed(fns: dict[str, Callable[[neo4j.Driver, GraphRows], object]], driver: neo4j.Driver, rows: GraphRows,
          repeat: int, pid: int | None, warmup: int = 2) -> dict[str, Timing]:
    """The best of ``repeat`` timed runs of each loader into an emptied database, after ``warmup``
    untimed rounds; the loaders take turns, so a busy moment of the machine hits both. The untimed
    rounds check that every loader writes the same graph (content hash)."""
    best = {name: Timing() for name in fns}
    digests = set()
    for i in range(warmup + repeat):
        for name, fn in fns.items():
            wipe(driver)
            gc0 = gc_pauses(pid)
            t0 = time.perf_counter()
            out = fn(driver, rows)
            seconds = time.perf_counter() - t0
            gc1 = gc_pauses(pid)
            if i < warmup:
                digests.add(content_hash(driver))
            elif seconds < best[name].seconds:
                commit = out.commit_seconds if isinstance(out, PushReport) else None
                best[name] = Timing(seconds, commit, None if gc0 is None or gc1 is None else gc1 - gc0)
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


FIRST_HEADER = ("| graph | entities | events | rows | push into an empty database (s) | of which the commit (s) "
                "| JVM GC pauses in the push (s) | one tx per fact (s) | ratio | ceiling: per fact / commit |\n"
                "|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
SYNC_HEADER = ("| graph | push again, unchanged (s) | vs one tx per fact | push after 1% of events changed (s) "
               "| vs one tx per fact |\n|---|---:|---:|---:|---:|")


def _seconds(value: float | None) -> str:
    return "n/a" if value is None else f"{value:.2f}"


def bench(driver: neo4j.Driver, label: str, facts: FactSet, repeat: int, pid: int | None,
          warmup: int) -> tuple[str, str]:
    """One line of each table for one graph."""
    rows = to_rows(facts)
    best = timed({"batched": lambda d, r: push_rows(d, r), "per fact": per_fact}, driver, rows, repeat, pid, warmup)
    push, naive = best["batched"], best["per fact"].seconds
    ceiling = f"{naive / push.commit:.0f}x" if push.commit else "n/a"
    unchanged = again(driver, rows, rows, repeat)
    one_pct = again(driver, rows, changed_rows(facts, 0.01), repeat)
    first = (f"| {label} | {len(facts.entities)} | {len(facts.events)} | {rows.total():,} | {push.seconds:.2f} | "
             f"{_seconds(push.commit)} | {_seconds(push.gc)} | {naive:.2f} | {naive / push.seconds:.1f}x | {ceiling} |")
    sync = (f"| {label} | {unchanged:.2f} | {naive / unchanged:.0f}x | {one_pct:.2f} | {naive / one_pct:.0f}x |")
    return first, sync


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uri", default=os.environ.get("NEO4J_URI"))
    ap.add_argument("--events", type=int, default=5000)
    ap.add_argument("--repeat", type=int, default=3, help="timed runs of each variant (the best counts)")
    ap.add_argument("--warmup", type=int, default=2, help="untimed runs of each variant first")
    ap.add_argument("--wipe", action="store_true", help="needed with --uri: the benchmark empties that database")
    args = ap.parse_args()
    if args.uri and not args.wipe:
        raise SystemExit(f"the benchmark deletes everything in {args.uri}: add --wipe if that is fine")
    user, password = os.environ.get("NEO4J_USER", "neo4j"), os.environ.get("NEO4J_PASSWORD")
    corpus = Workspace(Path(tempfile.mkdtemp(prefix="kg-bench-ws-")) / ".kg").build(ROOT / "data" / "corpus")
    graphs = [("corpus", corpus), (f"synthetic {args.events:,} events", synthetic_facts(args.events))]
    with (launched_server() if not args.uri else _given(args.uri)) as server:
        auth = (user, password) if args.uri and password else None
        with neo4j.GraphDatabase.driver(server.uri, auth=auth, notifications_min_severity="OFF") as driver:
            lines = []
            for label, facts in graphs:
                lines.append(bench(driver, label, facts, args.repeat, server.pid, max(1, args.warmup)))
                print(f"{label}: done", file=sys.stderr, flush=True)
            wipe(driver)
    print(FIRST_HEADER)
    print("\n".join(first for first, _ in lines))
    print()
    print(SYNC_HEADER)
    print("\n".join(sync for _, sync in lines))


@contextmanager
def _given(uri: str) -> Iterator[Server]:
    yield Server(uri, None)


if __name__ == "__main__":
    main()
