"""Benchmark of the parse-based build: ``kg build`` against spaCy's own ``nlp.pipe`` on the same text,
and a rebuild with cached parses against a cold build.

Not a test. For each size (the bundled corpus replicated N times, renamed copies), in a fresh Python
process each, with the model loaded before the clock starts:

- ``bare``: ``nlp.pipe`` over exactly the sentences the build parses (same batch size and processes);
- ``cold``: ``Workspace.build`` into an empty workspace (segment, parse, extract, resolve, write RDF);
- ``cached``: the same build again, every parse read from the workspace's ``parses/`` (the model is
  not loaded at all then).

spaCy itself is imported before the clock starts in every mode (process start-up).

Prints characters/s and the ratios the issue targets: build/bare >= 2/3, cold/cached >= 5.

    .venv/bin/python benchmarks/bench_parse.py               # sizes 1 (corpus) and 3
    .venv/bin/python benchmarks/bench_parse.py --sizes 1
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
import json, sys, time
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

srcs = read_corpus(corpus, FactSet())
chars = sum(len(s.clean) for s in srcs)
import spacy  # noqa: F401  importing the library is process start-up, not build work
if mode != "cached":
    nlp()  # the model's load is not part of either measure
t0 = time.perf_counter()
if mode == "bare":
    texts = [s.clean[x.start:x.end] for s in srcs for x in segment(s.clean, lexicon().back_matter).sentences]
    procs = 1 if len(texts) < parse_doc.PARALLEL_FROM else min(__import__("os").cpu_count() or 1, 4)
    for _ in nlp().pipe(texts, batch_size=parse_doc.BATCH_SIZE, n_process=procs):
        pass
else:
    Workspace(ws).build(corpus)
print(json.dumps({"seconds": time.perf_counter() - t0, "chars": chars}))
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


def _run(mode: str, corpus: Path, ws: Path) -> dict[str, float]:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(corpus), str(ws), str(ROOT)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[1, 3], help="corpus replicas")
    args = ap.parse_args()
    print("| corpus | chars | bare nlp.pipe chars/s | cold build chars/s | build/bare | cached rebuild s "
          "| cold/cached |")
    print("|---|---|---|---|---|---|---|")
    with tempfile.TemporaryDirectory() as d:
        tmp = Path(d)
        for n in args.sizes:
            corpus = _corpus(n, tmp)
            ws = tmp / f"ws{n}"
            bare = _run("bare", corpus, ws)
            cold = _run("cold", corpus, ws)
            cached = _run("cached", corpus, ws)
            c = bare["chars"]
            print(f"| x{n} | {c:,.0f} | {c / bare['seconds']:,.0f} | {c / cold['seconds']:,.0f} | "
                  f"{bare['seconds'] / cold['seconds']:.2f} | {cached['seconds']:.2f} | "
                  f"{cold['seconds'] / cached['seconds']:.1f} |", flush=True)


if __name__ == "__main__":
    main()
