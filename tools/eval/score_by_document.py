#!/usr/bin/env python3
"""Score a facts export against a COMPLETE gold file document by document (stricter than score.py).

    python tools/eval/score_by_document.py FACTS.json GOLD.yaml [--out-of-scope-only] [--list]

The shared scorer (``../shared/eval/score.py``) matches a gold event against any extracted event of
the corpus, so on a corpus of many documents one extracted event can stand for the same kind of fact
in several of them. Here a gold event (with its ``doc``, the file it comes from) only matches an event
whose evidence is in that file; names, participants and dates are compared as score.py does (its
``fold``, ``names_of`` and ``date_agrees`` are imported from it). It also counts, as a precision proxy:

- events extracted from files the gold lists under ``out_of_scope`` (other countries: all wrong);
- events extracted from in-scope files that match no gold event of their file (to be read and judged).

The gold and the texts of the blind development set stay outside the repository (others' words);
``docs/blind-set.md`` says how the set was made and where its sources are listed.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import yaml

SCORER = Path(__file__).resolve().parents[2].parent / "shared" / "eval" / "score.py"


def shared_scorer(path: Path = SCORER) -> ModuleType:
    spec = importlib.util.spec_from_file_location("kg_shared_score", path)
    if spec is None or spec.loader is None or not path.is_file():
        sys.exit(f"the shared scorer is not at {path}")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def score(facts: dict[str, Any], gold: dict[str, Any], sc: ModuleType) -> dict[str, Any]:
    idx = sc.Index(facts)
    files = {d["id"]: d["file"] for d in facts.get("documents", [])}
    gold_entities = {e["name"]: e for e in gold.get("entities", [])}

    def ids_for(name: str | None) -> set[str] | None:
        return None if not name else idx.find(gold_entities.get(name, {"name": name, "aliases": []}))

    def in_files(ev: dict[str, Any]) -> set[str]:
        return {files.get(x["document"], "") for x in ev.get("evidence", [])}

    events = facts.get("events", [])
    matched_events: set[str] = set()
    hit = dated = 0
    missed = []
    by_type: dict[str, list[int]] = {}
    for g in gold.get("events", []):
        want = [ids_for(g.get(r)) for r in ("agent", "target")]
        found = found_dated = None
        for ev in events:
            if ev.get("type") != g["type"] or g.get("doc") not in in_files(ev):
                continue
            parts = {p.get("entity") for p in ev.get("participants", [])}
            if any(w is not None and not (w & parts) for w in want):
                continue
            found = found or ev["id"]
            if sc.date_agrees(g.get("date"), ev.get("date"), g.get("date_approx", False)):
                found_dated = ev["id"]
                break
        hit += found is not None
        dated += found_dated is not None
        counts = by_type.setdefault(g["type"], [0, 0, 0])
        counts[0] += found is not None
        counts[1] += found_dated is not None
        counts[2] += 1
        matched_events |= {x for x in (found, found_dated) if x}
        if found is None:
            missed.append(g["id"])
    # whole files about other countries (a mapping by file); parts of files (a list) cannot be told by file
    scope = gold.get("out_of_scope") or {}
    outside = set(scope) if isinstance(scope, dict) else set()
    out_of_scope = [ev["id"] for ev in events if in_files(ev) & outside]
    unmatched = [{"id": ev["id"], "type": ev["type"], "quote": (ev.get("evidence") or [{}])[0].get("quote", "")[:160]}
                 for ev in events if ev["id"] not in matched_events and not in_files(ev) & outside]
    n = len(gold.get("events", []))
    return {
        "events": {"recall": sc._ratio(hit, n), "recall_with_date": sc._ratio(dated, n), "missed": missed,
                   "by_type": {t: {"hit": h, "dated": d, "of": o} for t, (h, d, o) in sorted(by_type.items())}},
        "extracted": len(events),
        "out_of_scope_extracted": out_of_scope,
        "unmatched_in_scope": unmatched,
    }


def main() -> None:
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("facts", type=Path)
    p.add_argument("gold", type=Path)
    p.add_argument("--list", action="store_true", help="print the whole report, not the summary")
    p.add_argument("--known-types", action="store_true",
                   help="score only the gold events of types the ontology has (gold may name others)")
    args = p.parse_args()
    sc = shared_scorer()
    gold = yaml.safe_load(args.gold.read_text(encoding="utf-8"))
    if args.known_types:
        sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
        from graph.schema import schema

        known = set(schema().event_types)
        gold["events"] = [g for g in gold.get("events", []) if g["type"] in known]
    report = score(sc.load_facts(str(args.facts)), gold, sc)
    if args.list:
        print(json.dumps(report, indent=1, ensure_ascii=False))
        return
    ev = report["events"]
    print(f"events by document: recall {ev['recall']['value']} ({ev['recall']['hit']}/{ev['recall']['of']}), "
          f"with date {ev['recall_with_date']['value']}; extracted {report['extracted']}, "
          f"from other-country files {len(report['out_of_scope_extracted'])}, "
          f"matching no gold event of their file {len(report['unmatched_in_scope'])}")


if __name__ == "__main__":
    main()
