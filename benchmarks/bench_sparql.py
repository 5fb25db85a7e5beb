"""Benchmark of SPARQL answering: rdflib's in-memory store vs pyoxigraph (the embedded store). Not a test.

Queries: the catalogue's ``queries/sparql/*.rq`` (entity, fact and required parameters bound to a
value of the graph -- one party, one law... -- as ``kg ask`` would; the rest unbound) plus four
representative ones of the mapping (a date-ordered join of events, counts by type, an evidence lookup,
memberships with their dates). Graphs: the bundled corpus (built as ``kg build`` does) and a synthetic
fact set following the same mapping (``graph.rdf``), scaled to about ``--triples`` triples.

Each query runs ``--repeat`` times per engine (best time kept). rdflib runs are stopped after ``--cap``
seconds (SIGALRM; rdflib is pure Python so the alarm interrupts it) and reported as ``> cap``; the
ratio of such a query uses the cap, so it is a lower bound. Prints a Markdown table per graph and the
geometric mean of the rdflib/oxigraph ratios.

    .venv/bin/python benchmarks/bench_sparql.py                 # corpus + ~1M triples
    .venv/bin/python benchmarks/bench_sparql.py --triples 100000 --cap 10
"""

from __future__ import annotations

import argparse
import math
import random
import signal
import time
from pathlib import Path

import pyoxigraph as ox
from rdflib import Graph

from graph.factset import FactSet
from graph.ids import entity_id, event_id, membership_id
from graph.model import ENTITY_TYPES, EVENT_TYPES, Document, Entity, Event, Evidence, FuzzyDate, Membership, Participant
from graph.rdf import quads
from graph.rdf_store import to_ox_quads
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


class Stop(Exception):
    pass


def _alarm(signum: int, frame: object) -> None:
    raise Stop


def time_rdflib(g: Graph, q: str, cap: float, repeat: int) -> tuple[float | None, int]:
    best, rows = math.inf, 0
    for _ in range(repeat):
        signal.setitimer(signal.ITIMER_REAL, cap)
        t = time.perf_counter()
        try:
            rows = len(list(g.query(q)))
        except Stop:
            return None, -1
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
        best = min(best, time.perf_counter() - t)
    return best, rows


def time_oxigraph(store: ox.Store, q: str, repeat: int) -> tuple[float, int]:
    best, rows = math.inf, 0
    for _ in range(repeat):
        t = time.perf_counter()
        result = store.query(q, use_default_graph_as_union=True)
        rows = len(list(result)) if not isinstance(result, ox.QueryBoolean) else 1
        best = min(best, time.perf_counter() - t)
    return best, rows


def bench(name: str, facts: FactSet, cap: float, repeat: int) -> float:
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
    print(f"\n### {name}: {len(g):,} triples (load: rdflib {t_rdflib:.1f} s, oxigraph {t_ox:.1f} s)\n")
    print("| query | rows | rdflib (s) | oxigraph (s) | ratio |")
    print("|---|---:|---:|---:|---:|")
    ratios = []
    for qname, q in catalogue(facts).items():
        ox_time, ox_rows = time_oxigraph(store, q, repeat)
        rl_time, rl_rows = time_rdflib(g, q, cap, repeat)
        ox_time = max(ox_time, 1e-5)
        if rl_time is None:
            ratio, shown, bound = cap / ox_time, f"> {cap:g}", ">= "
        else:
            ratio, shown, bound = rl_time / ox_time, f"{rl_time:.4f}", ""
            if rl_rows != ox_rows:
                shown += f" ({rl_rows} rows!)"
        ratios.append(ratio)
        print(f"| {qname} | {ox_rows} | {shown} | {ox_time:.4f} | {bound}{ratio:.0f}x |", flush=True)
    gm = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    print(f"\ngeometric mean rdflib/oxigraph ratio on {name}: {gm:.0f}x")
    return gm


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--triples", type=int, default=1_000_000, help="size of the synthetic graph")
    ap.add_argument("--cap", type=float, default=15.0, help="rdflib time limit per query, seconds")
    ap.add_argument("--repeat", type=int, default=3, help="runs per query on the corpus (1 on the synthetic graph)")
    args = ap.parse_args()
    signal.signal(signal.SIGALRM, _alarm)
    from loaders.pipeline import build_facts

    bench("corpus", build_facts(ROOT / "data" / "corpus"), args.cap, args.repeat)
    bench(f"synthetic (~{args.triples:,} triples)", synthetic_facts(args.triples), args.cap, 1)


if __name__ == "__main__":
    main()
