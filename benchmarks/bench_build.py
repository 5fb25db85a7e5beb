"""Benchmark of ``kg build`` and ``kg export`` at scale: the corpus replicated to N documents.

Not a test. Each measurement is one ``kg`` process (whole-process wall time, CPU time and peak RSS,
read with ``os.wait4``; on a shared machine the CPU time is the steadier figure), so the figures include
the interpreter's start-up and imports. Replicas are copies of the corpus's text files under new names
(``copy00001-<file>``), each made distinct (a last line naming the copy, so every copy has its own hash)
and listed in a manifest with the original's metadata and a title of its own.

With ``--before DIR`` every measurement is also made with the code in DIR (e.g. ``main`` unpacked
with ``git archive main | tar -x -C DIR``) in the same run, on the same replicas, so the two columns
share the machine's load. Prints Markdown tables.

    .venv/bin/python benchmarks/bench_build.py --sizes 100 1000 --exports-at 1000 --before /tmp/main
    .venv/bin/python benchmarks/bench_build.py --sizes 100
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
EXPORTS = ("turtle", "ntriples", "nquads", "trig")

#: Runs the ``kg`` command line of the checkout named by the first argument.
_KG = "import sys; sys.path.insert(0, sys.argv.pop(1)); from kg.cli import main; main()"


def run_kg(code: Path, args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds (user + system) and peak RSS (MB) of one ``kg`` process running ``code``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _KG, str(code), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - t0
    err = proc.stderr.read().decode() if proc.stderr else ""
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({code}):\n{err}")
    return seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def make_corpus(n: int, into: Path) -> Path:
    """``n`` distinct renamed copies of the corpus's text files, with a manifest."""
    meta = {d["file"]: d for d in yaml.safe_load((CORPUS / "manifest.yaml").read_text())["documents"]}
    originals = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    into.mkdir(parents=True, exist_ok=True)
    entries = []
    for i in range(n):
        src = originals[i % len(originals)]
        name = f"copy{i:05d}-{src.name}"
        text = src.read_text(encoding="utf-8").rstrip("\n") + f"\n\n(benchmark copy {i:05d})\n"
        (into / name).write_text(text, encoding="utf-8")
        item = {k: v for k, v in meta.get(src.name, {}).items() if k != "seed_file"}
        item["file"] = name
        item["title"] = f"{item.get('title', src.stem)} (copy {i:05d})"
        entries.append(item)
    (into / "manifest.yaml").write_text(yaml.safe_dump({"documents": entries}, allow_unicode=True), encoding="utf-8")
    return into


def uptime() -> str:
    try:
        return Path("/proc/loadavg").read_text().split()[0]
    except OSError:
        return "?"


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000])
    ap.add_argument("--exports-at", type=int, default=None, help="Time the RDF exports at this size.")
    ap.add_argument("--code", type=Path, default=ROOT, help="The checkout to measure (default: this one).")
    ap.add_argument("--before", type=Path, default=None, help="Another checkout to measure alongside.")
    ap.add_argument("--keep", type=Path, default=None, help="Keep corpora and workspaces in this folder.")
    args = ap.parse_args()
    codes = {"before": args.before, "after": args.code} if args.before else {"this": args.code}
    tmp = args.keep or Path(tempfile.mkdtemp(prefix="kg-bench-"))
    builds, exports = [], []
    try:
        for n in args.sizes:
            corpus = make_corpus(n, tmp / f"c{n}")
            for label, code in codes.items():
                ws = tmp / f"ws{n}-{label}"
                load = uptime()
                sec, cpu, mb = run_kg(code, ["build", "--corpus", str(corpus), "--workspace", str(ws),
                                             "--no-progress"])
                builds.append((n, label, sec, cpu, mb, load))
                print(f"build {n} {label}: {sec:.1f} s, {cpu:.1f} s CPU, {mb:.0f} MB (load {load})", file=sys.stderr,
                      flush=True)
            if n == args.exports_at:
                for fmt in EXPORTS:
                    outs = []
                    for label, code in codes.items():
                        out = tmp / f"export{n}-{label}.{fmt}"
                        load = uptime()
                        sec, cpu, mb = run_kg(code, ["export", "--workspace", str(tmp / f"ws{n}-{label}"),
                                                     "--format", fmt, "-o", str(out)])
                        exports.append((n, fmt, label, sec, cpu, mb, load, out.stat().st_size))
                        outs.append(out)
                        print(f"export {n} {fmt} {label}: {sec:.1f} s, {cpu:.1f} s CPU, {mb:.0f} MB", file=sys.stderr,
                              flush=True)
                    if len(outs) == 2:
                        same = filecmp.cmp(outs[0], outs[1], shallow=False)
                        print(f"export {n} {fmt}: {'byte-identical' if same else 'DIFFERENT'}", file=sys.stderr)
    finally:
        if not args.keep:
            shutil.rmtree(tmp, ignore_errors=True)
    print("| documents | code | build s | CPU s | CPU s per document | peak RSS MB | load |")
    print("|---:|---|---:|---:|---:|---:|---:|")
    for n, label, sec, cpu, mb, load in builds:
        print(f"| {n:,} | {label} | {sec:.1f} | {cpu:.1f} | {cpu / n:.3f} | {mb:.0f} | {load} |")
    if exports:
        print()
        print("| documents | format | code | export s | CPU s | peak RSS MB | MB written | load |")
        print("|---:|---|---|---:|---:|---:|---:|---:|")
        for n, fmt, label, sec, cpu, mb, load, size in exports:
            print(f"| {n:,} | {fmt} | {label} | {sec:.1f} | {cpu:.1f} | {mb:.0f} | {size / 1e6:.1f} | {load} |")


if __name__ == "__main__":
    main()
