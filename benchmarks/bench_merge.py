"""Benchmark of the cross-document merge of ``FactSet``: the corpus's facts reported by N files.

Not a test. Isolates what ``kg build`` spends merging (no extraction): the facts of the built corpus
(``facts.json`` of a workspace) are added again for every replica of the corpus, their evidence moved
to the replica's documents, as the loaders add them; then ``settle()`` (when the code has it) sorts
the evidence once. Each size runs in a fresh process; with ``--before DIR`` (another checkout) each
size is also run with that code. Prints a Markdown table: seconds of adding (wall, CPU), CPU per file, and the passages
merged into the busiest fact.

    .venv/bin/python benchmarks/bench_merge.py --workspace .kg --sizes 100 1000 10000 --before /tmp/main
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

_CHILD = r"""
import json, sys, time
from dataclasses import replace
from pathlib import Path
sys.path.insert(0, sys.argv[1])
from graph import facts_json
from graph.factset import FactSet
from graph.model import Evidence
base = facts_json.load(Path(sys.argv[2]))
copies = int(sys.argv[3])
facts = [*base.entities.values(), *base.events.values(), *base.memberships.values()]
batches = []
for i in range(copies):
    batches.append([replace(f, evidence=[Evidence(f"c{i}-{e.document}", e.start, e.end, e.quote) for e in f.evidence])
                    for f in facts])
fs = FactSet()
add = {"Entity": fs.add_entity, "Event": fs.add_event, "Membership": fs.add_membership}
t0, c0 = time.perf_counter(), time.process_time()
for batch in batches:
    for f in batch:
        add[type(f).__name__](f)
if hasattr(fs, "settle"):
    fs.settle()
dt, cpu = time.perf_counter() - t0, time.process_time() - c0
busiest = max(len(f.evidence) for f in [*fs.entities.values(), *fs.events.values(), *fs.memberships.values()])
print(json.dumps({"seconds": dt, "cpu": cpu, "busiest": busiest, "adds": copies * len(facts)}))
"""


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workspace", type=Path, required=True, help="A workspace built from the corpus.")
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000], help="Files (corpus replicas x 5).")
    ap.add_argument("--before", type=Path, default=None)
    ap.add_argument("--before-up-to", type=int, default=1000, help="Largest size to run the before code at.")
    args = ap.parse_args()
    files = sum(1 for p in (ROOT / "data" / "corpus").glob("*.txt"))
    codes = {"before": args.before, "after": ROOT} if args.before else {"this": ROOT}
    print("| files | code | adds | seconds | CPU seconds | CPU ms per file | passages of the busiest fact |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n in args.sizes:
        for label, code in codes.items():
            if label == "before" and n > args.before_up_to:
                continue
            out = subprocess.run([sys.executable, "-c", _CHILD, str(code), str(args.workspace / "facts.json"),
                                  str(max(1, n // files))], check=True, capture_output=True, text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"| {n:,} | {label} | {r['adds']:,} | {r['seconds']:.2f} | {r['cpu']:.2f} "
                  f"| {1000 * r['cpu'] / n:.2f} | {r['busiest']:,} |", flush=True)


if __name__ == "__main__":
    main()
