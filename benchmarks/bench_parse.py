"""Benchmark of the parse-based build: ``kg build`` against spaCy's own ``nlp.pipe`` on the same text,
and a rebuild with cached parses against a cold build.

Not a test. For each size (the bundled corpus replicated N times, renamed copies), in a fresh Python
process each, with the model loaded before the clock starts:

- ``bare``: ``nlp.pipe`` over exactly the sentences the build parses (same batch size and processes);
- ``cold``: ``Workspace.build`` into an empty workspace (segment, parse, extract, resolve, write RDF);
- ``cached``: the same build again, every parse read from the workspace's ``parses/`` (the model is
  not loaded at all then).

spaCy itself is imported before the clock starts in every mode (process start-up). Each measure is
the wall time and the CPU time (user + system, the process and its parse workers) of the clocked part:
on a shared machine the wall time follows the other jobs' load, the CPU time much less.

Prints characters/s and the ratios the issue targets, each as wall / CPU: build/bare >= 2/3,
cold/cached >= 5.

With ``--before DIR`` the cold and cached builds are also measured with the code in DIR (e.g. ``main``
unpacked with ``git archive main | tar -x -C DIR``), interleaved with this code's on the same replicas
in the same run, so both share the machine's load; ``bare`` (spaCy alone, the same sentences in both)
is measured once. ``--repeat N`` runs each cached rebuild N times and keeps the fastest.

    .venv/bin/python benchmarks/bench_parse.py               # sizes 1 (corpus) and 3
    .venv/bin/python benchmarks/bench_parse.py --sizes 1 --repeat 3 --before /tmp/first-contact
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"

_CHILD = r"""
import json, resource, sys, time
from pathlib import Path
sys.path.insert(0, sys.argv[4])
mode, corpus, ws = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
from graph.factset import FactSet
from loaders.events.lexicon import lexicon
from loaders.text.sentences import segment
from loaders.parse import document as parse_doc
from loaders.parse.model import nlp
from loaders.pipeline import read_corpus
from kg.workspace import Workspace

def cpu():
    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime

srcs = read_corpus(corpus, FactSet())
chars = sum(len(s.clean) for s in srcs)
import spacy  # noqa: F401  importing the library is process start-up, not build work
if mode != "cached":
    nlp()  # the model's load is not part of either measure
t0, c0 = time.perf_counter(), cpu()
if mode == "bare":
    texts = [s.clean[x.start:x.end] for s in srcs for x in segment(s.clean, lexicon().back_matter).sentences]
    procs = 1 if len(texts) < parse_doc.PARALLEL_FROM else min(__import__("os").cpu_count() or 1, 4)
    for _ in nlp().pipe(texts, batch_size=parse_doc.BATCH_SIZE, n_process=procs):
        pass
else:
    Workspace(ws).build(corpus)
print(json.dumps({"seconds": time.perf_counter() - t0, "cpu": cpu() - c0, "chars": chars}))
"""


def _corpus(n: int, tmp: Path) -> Path:
    if n == 1:
        return CORPUS
    out = tmp / f"corpus{n}"
    out.mkdir()
    for i in range(n):
        for f in sorted(CORPUS.iterdir()):
            if f.is_file() and f.name != "manifest.yaml":
                shutil.copy(f, out / f"copy{i:04d}-{f.name}")
    return out


def _run(mode: str, corpus: Path, ws: Path, code: Path = ROOT) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(corpus), str(ws), str(code)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def _fastest(runs: list[dict[str, float]]) -> dict[str, float]:
    return {"seconds": min(r["seconds"] for r in runs), "cpu": min(r["cpu"] for r in runs),
            "chars": runs[0]["chars"]}


def _row(n: int, label: str, bare: dict[str, float], cold: dict[str, float], cached: dict[str, float]) -> str:
    c = bare["chars"]
    return (f"| x{n} | {label} | {c:,.0f} | {c / bare['seconds']:,.0f} / {c / bare['cpu']:,.0f} | "
            f"{c / cold['seconds']:,.0f} / {c / cold['cpu']:,.0f} | "
            f"{bare['seconds'] / cold['seconds']:.2f} / {bare['cpu'] / cold['cpu']:.2f} | "
            f"{cold['seconds']:.1f} / {cold['cpu']:.1f} s | {cached['seconds']:.2f} / {cached['cpu']:.2f} s | "
            f"{cold['seconds'] / cached['seconds']:.1f}x / {cold['cpu'] / cached['cpu']:.1f}x |")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 3], help="corpus replicas")
    ap.add_argument("--before", type=Path, help="a checkout of other code to measure alongside (first contact)")
    ap.add_argument("--repeat", type=int, default=1, help="cached rebuilds per code (the fastest is kept)")
    args = ap.parse_args()
    codes = [("before", args.before.resolve()), ("now", ROOT)] if args.before else [("now", ROOT)]
    print("| corpus | code | chars | bare nlp.pipe chars/s (wall / CPU) | cold build chars/s | build/bare "
          "(target >= 0.67) | cold build | cached rebuild | cold/cached (target >= 5) |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in args.sizes:
            corpus = _corpus(n, tmp)
            bare = _run("bare", corpus, tmp / "bare")
            cold = {label: _run("cold", corpus, tmp / f"ws{n}-{label}", code) for label, code in codes}
            cached: dict[str, list[dict[str, float]]] = {label: [] for label, _ in codes}
            for _ in range(args.repeat):
                for label, code in codes:
                    cached[label].append(_run("cached", corpus, tmp / f"ws{n}-{label}", code))
            for label, _ in codes:
                print(_row(n, label, bare, cold[label], _fastest(cached[label])), flush=True)


if __name__ == "__main__":
    main()
