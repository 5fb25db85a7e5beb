"""Benchmark of incremental builds and of extraction over several cores.

Not a test. On the corpus replicated to N files (``bench_build.make_corpus``: renamed copies, each
made distinct by a last line of its own and its own manifest title, so no cache is fooled), each
figure one process measured whole with ``os.wait4`` (wall time, CPU time of the process and of the
workers it waited for, peak RSS of the largest of them):

- ``bare``: spaCy's own ``nlp.pipe`` over exactly the sentences a build parses, one process (model
  load and imports included, as in a build);
- ``cold``: ``kg build`` into an empty workspace (every core the process may use);
- ``unchanged``: ``kg build`` again, nothing changed;
- ``one changed``: one file gets a new last sentence, ``kg build`` again; beside it, that file's own
  parse (``nlp.pipe`` over its sentences, model loaded before the clock starts);
- ``pool start``: starting the worker pool and loading the model in each worker (what a build pays
  before the first document when it extracts in parallel).

Prints a Markdown table.

    .venv/bin/python benchmarks/bench_incremental.py --sizes 100
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from bench_build import ROOT, make_corpus, run_kg, uptime  # noqa: E402

_CHILD = r"""
import json, sys, time
sys.path.insert(0, sys.argv[1])
mode, corpus = sys.argv[2], sys.argv[3]
from pathlib import Path
from graph.factset import FactSet
from loaders.events.lexicon import lexicon
from loaders.pipeline import read_corpus
from loaders.text.sentences import segment
from loaders.parse.model import nlp
if mode == "pool":
    from concurrent.futures import ProcessPoolExecutor
    import multiprocessing
    from loaders.parallel import _warm, available_cores
    n = available_cores()
    t0 = time.perf_counter()
    with ProcessPoolExecutor(n, multiprocessing.get_context("spawn"), initializer=_warm) as pool:
        list(pool.map(abs, range(n)))
    print(json.dumps({"seconds": time.perf_counter() - t0, "workers": n}))
    raise SystemExit
only = sys.argv[4] if len(sys.argv) > 4 else None
srcs = [s for s in read_corpus(Path(corpus), FactSet()) if only is None or s.document.file == only]
texts = [s.clean[x.start:x.end] for s in srcs for x in segment(s.clean, lexicon().back_matter).sentences]
if mode == "one":
    nlp()
t0, c0 = time.perf_counter(), time.process_time()
for _ in nlp().pipe(texts, batch_size=256):
    pass
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"seconds": seconds, "cpu": cpu, "documents": len(srcs), "chars": sum(len(s.clean) for s in srcs)}))
"""


def child(mode: str, corpus: Path, *extra: str) -> tuple[dict[str, float], float, float, float]:
    """The child's own report, and its wall seconds, CPU seconds and peak RSS (MB)."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile() as err:
        proc = subprocess.Popen([sys.executable, "-c", _CHILD, str(ROOT), mode, str(corpus), *extra],
                                stdout=subprocess.PIPE, stderr=err)
        _, status, usage = os.wait4(proc.pid, 0)  # the report is one short line: the pipe cannot fill
        seconds = time.perf_counter() - t0
        if os.waitstatus_to_exitcode(status):
            err.seek(0)
            raise SystemExit(f"{mode} failed:\n{err.read().decode()}")
    out = proc.stdout.read().decode() if proc.stdout else ""
    report = json.loads(out.strip().splitlines()[-1])
    return report, seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def build(corpus: Path, ws: Path, *extra: str) -> tuple[float, float, float, dict[str, int]]:
    sec, cpu, mb = run_kg(ROOT, ["build", "--corpus", str(corpus), "--workspace", str(ws), "--no-progress", *extra])
    counts = json.loads((ws / "build.json").read_text(encoding="utf-8"))["documents_built"]
    return sec, cpu, mb, counts


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100], help="files (the corpus's 5, replicated)")
    ap.add_argument("--keep", type=Path, default=None, help="Keep corpora and workspaces in this folder.")
    args = ap.parse_args()
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-incr-"))
    rows = []
    try:
        pool, pool_wall, _, _ = child("pool", tmp)
        print(f"pool start ({pool['workers']:.0f} workers): {pool['seconds']:.1f} s (process {pool_wall:.1f} s)",
              file=sys.stderr, flush=True)
        for n in args.sizes:
            corpus = make_corpus(n, tmp / f"c{n}")
            ws = tmp / f"ws{n}"
            load = uptime()
            bare, bare_wall, bare_cpu, bare_mb = child("bare", corpus)
            docs = bare["documents"]
            print(f"{n} bare: {bare_wall:.1f} s, {bare_cpu:.1f} s CPU, {bare_mb:.0f} MB", file=sys.stderr, flush=True)
            cold = build(corpus, ws)
            print(f"{n} cold: {cold}", file=sys.stderr, flush=True)
            same = build(corpus, ws)
            print(f"{n} unchanged: {same}", file=sys.stderr, flush=True)
            victim = sorted(p for p in corpus.iterdir() if p.suffix == ".txt")[n // 2]
            with open(victim, "a", encoding="utf-8") as fh:
                fh.write("The National Election Committee said on 3 May 2023 that it had received the complaint.\n")
            one = build(corpus, ws)
            parse, *_ = child("one", corpus, victim.name)
            print(f"{n} one changed: {one}, its parse {parse['seconds']:.2f} s ({parse['cpu']:.2f} s CPU)",
                  file=sys.stderr, flush=True)
            rows.append((n, docs, load, bare_cpu, cold, same, one, parse["cpu"]))
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"pool start-up, {pool['workers']:.0f} workers with the model loaded: {pool['seconds']:.1f} s")
    print()
    print("| files (documents) | bare nlp.pipe CPU s | cold build: wall s / CPU s / peak MB | documents/s/core "
          "| bare / cold CPU | unchanged: wall s / CPU s / peak MB | cold / unchanged wall "
          "| one changed: wall s / CPU s | its parse, CPU s | load |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for n, docs, load, bare_cpu, cold, same, one, parse in rows:
        print(f"| {n:,} ({docs:,}) | {bare_cpu:.1f} | {cold[0]:.1f} / {cold[1]:.1f} / {cold[2]:.0f} | "
              f"{docs / cold[1]:.2f} | {bare_cpu / cold[1]:.2f} | {same[0]:.2f} / {same[1]:.2f} / {same[2]:.0f} | "
              f"{cold[0] / same[0]:.0f}x | {one[0]:.1f} / {one[1]:.1f} | {parse:.2f} | {load} |")


if __name__ == "__main__":
    main()
