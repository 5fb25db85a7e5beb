"""Benchmark of SPARQL answering: rdflib's in-memory store vs pyoxigraph (the embedded store). Not a test.

Queries: the catalogue's ``queries/sparql/*.rq`` (entity, fact and required parameters bound to a
value of the graph -- one party, one law... -- as ``kg ask`` would; the rest unbound), and apart from
them four of our own (a date-ordered join of events, counts by type, an evidence lookup, memberships
with their dates). Graphs: the bundled corpus (built as ``kg build`` does) and a synthetic fact set
following the same mapping (``graph.rdf``), scaled to about ``--triples`` triples.

Oxigraph runs each query ``--repeat`` times (best kept). rdflib runs each query in a forked child
process (the graph is loaded once, before the fork), ``--repeat`` times on the corpus and once on the
synthetic graph; a child still running after ``--cap`` seconds (``--own-cap`` for our own queries) is
killed and the query reported as ``> cap``: its ratio then uses the cap, a lower bound (``>=``).
Prints a Markdown table per graph and the geometric mean of the rdflib/oxigraph ratios over the
catalogue (the headline) and, separately, over our own queries.

    .venv/bin/python benchmarks/bench_sparql.py                 # corpus + ~1M triples (~5 min)
    .venv/bin/python benchmarks/bench_sparql.py --triples 100000 --cap 10
"""

from __future__ import annotations

import argparse
import math
import multiprocessing as mp
import random
import time
from multiprocessing.connection import Connection
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph.factset import FactSet
from graph.ids import entity_id, event_id, membership_id
from graph.model import ENTITY_TYPES, EVENT_TYPES, Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant
from graph.ox_terms import to_ox_quads
from graph.rdf import quads
from graph.sparql_bind import bind

ROOT = Path(__file__).resolve().parent.parent

PREFIXES = """PREFIX kg: <https://w3id.org/cambodia-electoral-kg/ontology#>
PREFIX dcterms: <http://purl.org/dc/terms/>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX org: <http://www.w3.org/ns/org#>
PREFIX prov: <http://www.w3.org/ns/prov#>
"""
OWN = {
    "own:events-by-date": """SELECT ?e ?type ?agent_name ?target_name ?d WHERE {
        ?e a kg:Event ; a ?type ; kg:agent ?a ; kg:target ?t ; kg:earliest ?d .
        ?a rdfs:label ?agent_name . ?t rdfs:label ?target_name .
        FILTER(?type != kg:Event) } ORDER BY ?d ?e""",
    "own:counts-by-type": """SELECT ?type (COUNT(?e) AS ?n) WHERE { ?e a kg:Event ; a ?type }
        GROUP BY ?type ORDER BY DESC(?n)""",
    "own:evidence-of-disqualifications": """SELECT ?e ?doc ?start ?end ?quote WHERE {
        ?e a kg:Disqualification ; kg:evidence ?p .
        ?p prov:wasDerivedFrom ?doc ; kg:startOffset ?start ; kg:endOffset ?end ; kg:quote ?quote .
        } ORDER BY ?e ?start""",
    "own:members-then-events": """SELECT ?person ?org ?from ?e WHERE {
        ?m org:member ?person ; org:organization ?org ; kg:start/kg:earliest ?from .
        ?e kg:agent ?org ; kg:earliest ?d . FILTER(?d >= ?from) }""",
}


def catalogue(facts: FactSet) -> dict[str, str]:
    """Query texts by name, with the catalogue's parameters bound (``graph.sparql_bind``)."""
    from graph.rdf import date_literal
    from queries.catalogue import catalogue as load_catalogue

    def first(kind: str, types: tuple[str, ...]) -> str | None:
        items = facts.entities.values() if kind == "entity" else facts.events.values()
        return min((x.id for x in items if not types or x.type in types), default=None)

    out = {}
    for name, question in sorted(load_catalogue().items()):
        bindings: dict[str, object] = {}
        for p in question.params:
            if not question.is_bound(p):
                continue
            value: object = None
            if p.type == "entity":
                value = first("entity", p.options or ("Party",))
            elif p.type == "fact":
                value = first("event", ("Disqualification",))
            elif p.type == "year" and not p.optional:
                years = sorted(e.date.year for e in facts.events.values() if e.type == "Election" and e.date)
                value = years[-1] if years else 2023
            elif not p.optional and p.type == "date":
                value = date_literal(FuzzyDate.of(2023))
            if value is not None:
                bindings[p.variable] = value
        out[f"rq:{name}"] = bind(question.text, bindings)
    return out | {k: PREFIXES + v for k, v in OWN.items()}


def synthetic_facts(target_triples: int, seed: int = 7) -> FactSet:
    """Invented facts shaped like the corpus's (types, roles, dates, evidence), about ``target_triples``
    triples once mapped (about 22 triples per event with its passage, memberships included)."""
    rng = random.Random(seed)
    fs = FactSet()
    n_events = max(10, target_triples // 22)
    docs = [f"synthetic-doc-{i:03d}" for i in range(max(5, n_events // 2000))]
    for d in docs:
        fs.add_document(Document(d, f"{d}.txt", f"Synthetic report {d}", "0" * 64, publisher="Synthetic"))
    n_entities = max(20, n_events // 10)
    ents: dict[str, list[str]] = {}
    for i in range(n_entities):
        typ = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        eid = entity_id(typ, f"synthetic {typ} {i}")
        fs.add_entity(Entity(eid, typ, f"Synthetic {typ} {i}", {f"S{typ[:2]}{i}"}))
        ents.setdefault(typ, []).append(eid)

    def passage(i: int) -> Evidence:
        start = rng.randrange(0, 500_000)
        return Evidence(rng.choice(docs), start, start + 60, f"synthetic passage {i} about the event")

    def date() -> FuzzyDate:
        y, m, d = rng.randrange(1993, 2025), rng.randrange(1, 13), rng.randrange(1, 29)
        return rng.choice([FuzzyDate.of(y), FuzzyDate.of(y, m), FuzzyDate.of(y, m, d)])

    actors = [e for t in ENTITY_TYPES if t not in ("Law", "LawArticle") for e in ents[t]]
    for i in range(n_events):
        typ = EVENT_TYPES[i % len(EVENT_TYPES)]
        parts = [Participant("agent", rng.choice(actors)), Participant("target", rng.choice(actors))]
        if typ == "Amendment":
            parts = [Participant("target", rng.choice(ents["Law"])), Participant("instrument", rng.choice(ents["Law"]))]
        elif i % 3 == 0:
            parts.append(Participant("instrument", rng.choice(ents["Law"])))
        attrs = {"stance": rng.choice(["condemn", "concern", "call"])} if typ == "ForeignStatement" else {}
        fs.add_event(Event(event_id(typ, i), typ, date() if i % 17 else None, parts, attrs, [passage(i)]))
    for i in range(max(5, n_events // 20)):
        person, org = rng.choice(ents["Person"]), rng.choice(ents["Institution"] + ents["Party"])
        role = rng.choice(["member", "chair", "leader"])
        fs.add_membership(Membership(membership_id(person, org, f"{role}{i}"), person, org, role, date(), None, {},
                                     [passage(i)]))
    return fs


_GRAPH: Graph | None = None
"""The rdflib graph of the current run, set before forking so that children share it."""


def _rdflib_child(conn: Connection, q: str, repeat: int) -> None:
    assert _GRAPH is not None
    best, rows = math.inf, 0
    for _ in range(repeat):
        t = time.perf_counter()
        rows = len(list(_GRAPH.query(q)))
        best = min(best, time.perf_counter() - t)
    conn.send((best, rows))
    conn.close()


def time_rdflib(q: str, cap: float, repeat: int) -> tuple[float | None, int]:
    """Best time and row count of ``q`` on ``_GRAPH`` in a forked child; ``(None, -1)`` past ``cap``."""
    ctx = mp.get_context("fork")
    parent, child = ctx.Pipe(duplex=False)
    proc = ctx.Process(target=_rdflib_child, args=(child, q, repeat), daemon=True)
    proc.start()
    child.close()
    try:
        if parent.poll(cap * repeat):
            return parent.recv()
        return None, -1
    except EOFError:  # the child died (e.g. out of memory)
        return None, -1
    finally:
        if proc.is_alive():
            proc.kill()
        proc.join()
        parent.close()


def time_oxigraph(store: ox.Store, q: str, repeat: int) -> tuple[float, int]:
    best, rows = math.inf, 0
    for _ in range(repeat):
        t = time.perf_counter()
        result = store.query(q, use_default_graph_as_union=True)
        rows = len(list(result)) if not isinstance(result, ox.QueryBoolean) else 1
        best = min(best, time.perf_counter() - t)
    return best, rows


def geomean(ratios: list[float]) -> float:
    return math.exp(sum(math.log(r) for r in ratios) / len(ratios)) if ratios else float("nan")


def bench(name: str, facts: FactSet, cap: float, own_cap: float, repeat: int, rl_repeat: int) -> float:
    """Print the table of one graph; return the geometric mean ratio over the catalogue."""
    global _GRAPH
    t = time.perf_counter()
    qs = quads(facts)
    g = Graph()
    for s, p, o, _ in qs:
        g.add((s, p, o))
    t_rdflib = time.perf_counter() - t
    t = time.perf_counter()
    store = ox.Store()
    store.bulk_extend(to_ox_quads(qs))
    t_ox = time.perf_counter() - t
    _GRAPH = g
    print(f"\n#### {name}: {len(g):,} triples (load: rdflib {t_rdflib:.1f} s, oxigraph {t_ox:.1f} s)\n")
    print("| query | rows | rdflib (s) | oxigraph (s) | ratio |")
    print("|---|---:|---:|---:|---:|")
    ratios: dict[str, list[float]] = {"rq": [], "own": []}
    capped = {"rq": 0, "own": 0}
    for qname, q in catalogue(facts).items():
        kind = qname.partition(":")[0]
        limit = cap if kind == "rq" else own_cap
        ox_time, ox_rows = time_oxigraph(store, q, repeat)
        rl_time, rl_rows = time_rdflib(q, limit, rl_repeat)
        ox_time = max(ox_time, 1e-5)
        if rl_time is None:
            ratio, shown, bound = limit / ox_time, f"> {limit:g}", ">= "
            capped[kind] += 1
        else:
            ratio, shown, bound = rl_time / ox_time, f"{rl_time:.4f}", ""
            if rl_rows != ox_rows:
                shown += f" ({rl_rows} rows!)"
        ratios[kind].append(ratio)
        print(f"| {qname} | {ox_rows} | {shown} | {ox_time:.4f} | {bound}{ratio:.0f}x |", flush=True)
    _GRAPH = None
    gm = geomean(ratios["rq"])
    for kind, what in (("rq", "the catalogue's"), ("own", "our own")):
        n = len(ratios[kind])
        lower = ">= " if capped[kind] else ""
        note = f" (rdflib capped on {capped[kind]} of {n}: a lower bound)" if capped[kind] else ""
        print(f"\ngeometric mean rdflib/oxigraph ratio over {what} {n} queries on {name}: "
              f"{lower}{geomean(ratios[kind]):.0f}x{note}")
    return gm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    ap.add_argument("--cap", type=float, default=300.0, help="rdflib time limit per catalogue query, seconds")
    ap.add_argument("--own-cap", type=float, default=30.0, help="rdflib time limit per query of our own, seconds")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query (rdflib: 1 on the synthetic graph)")
    args = ap.parse_args()
    from loaders.pipeline import build_facts

    t = time.perf_counter()
    bench("corpus", build_facts(ROOT / "data" / "corpus"), args.cap, args.own_cap, args.repeat, args.repeat)
    bench(f"synthetic (~{args.triples:,} triples)", synthetic_facts(args.triples), args.cap, args.own_cap,
          args.repeat, 1)
    print(f"\nwhole run: {time.perf_counter() - t:.0f} s")


if __name__ == "__main__":
    main()
