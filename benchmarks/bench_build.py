"""Benchmark of ``kg build``: the bundled corpus and the corpus replicated to N documents.

Not a test. For each size it runs, in a fresh Python process each (so peak memory is that run's own):

- the build (read, clean, extract, resolve, write the workspace), and
- the reference: the same files merely read and tokenised (``\\w+``),

and prints documents/s, MB/s, peak RSS and the build/reference ratio, as a Markdown table.
Replicas are renamed copies (``copy0001-<file>``) without a manifest entry.

    .venv/bin/python benchmarks/bench_build.py            # sizes 5 (corpus), 100, 300, 1000
    .venv/bin/python benchmarks/bench_build.py --sizes 5 50
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
import json, re, resource, sys, time
from pathlib import Path
mode, corpus, ws = sys.argv[1], Path(sys.argv[2]), Path(sys.argv[3])
files = sorted(p for p in corpus.iterdir() if p.is_file() and p.name != "manifest.yaml")
size = sum(p.stat().st_size for p in files)
t0 = time.perf_counter()
if mode == "build":
    sys.path.insert(0, sys.argv[4])
    from kg.workspace import Workspace
    facts = Workspace(ws).build(corpus)
    extra = {"entities": len(facts.entities), "events": len(facts.events)}
else:
    tokens = 0
    for p in files:
        tokens += len(re.findall(r"\w+", p.read_text(encoding="utf-8", errors="replace")))
    extra = {"tokens": tokens}
dt = time.perf_counter() - t0
rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
print(json.dumps({"docs": len(files), "bytes": size, "seconds": dt, "peak_rss_mb": rss, **extra}))
"""


def make_corpus(n: int, into: Path) -> Path:
    """The bundled corpus (n <= its size) or renamed copies of its documents up to n documents."""
    originals = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    if n <= len(originals):
        return CORPUS
    into.mkdir(parents=True, exist_ok=True)
    for i in range(n):
        src = originals[i % len(originals)]
        shutil.copyfile(src, into / f"copy{i:04d}-{src.name}")
    return into


def run(mode: str, corpus: Path, ws: Path) -> dict:
    out = subprocess.run([sys.executable, "-c", _CHILD, mode, str(corpus), str(ws), str(ROOT)],
                         check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[5, 100, 300, 1000])
    args = ap.parse_args()
    print("| documents | MB | build s | docs/s | MB/s | peak RSS MB | read+tokenise s | ratio | s/doc |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    with tempfile.TemporaryDirectory() as tmp:
        for n in args.sizes:
            corpus = make_corpus(n, Path(tmp) / f"c{n}")
            build = run("build", corpus, Path(tmp) / f"ws{n}")
            ref = run("read", corpus, Path(tmp) / f"ws{n}")
            mb = build["bytes"] / 1e6
            print(f"| {build['docs']} | {mb:.1f} | {build['seconds']:.2f} | {build['docs'] / build['seconds']:.1f} "
                  f"| {mb / build['seconds']:.2f} | {build['peak_rss_mb']:.0f} | {ref['seconds']:.3f} "
                  f"| {build['seconds'] / max(ref['seconds'], 1e-9):.0f}x | {build['seconds'] / build['docs']:.3f} |",
                  flush=True)


if __name__ == "__main__":
    main()
