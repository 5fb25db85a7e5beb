"""Benchmark of the CLI's start-up: ``kg --help``, ``kg ask --list`` and one question.

Not a test. Each command runs ``--repeat`` times as a fresh ``kg`` process; the table gives the median
wall time, the median CPU time (user + system, which the machine's load disturbs less) and the peak
RSS. With ``--before DIR`` (another checkout, e.g. ``main`` unpacked with ``git archive``) each command
is also run with that code, interleaved, so both columns share the machine's load.

    .venv/bin/python benchmarks/bench_startup.py --workspace .kg --before /tmp/main
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_KG = "import sys; sys.path.insert(0, sys.argv.pop(1)); from kg.cli import main; main()"


def run_kg(code: Path, args: list[str]) -> tuple[float, float, float]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one ``kg`` process running the code of ``code``."""
    t0 = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", _KG, str(code), *args], stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - t0
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"kg {' '.join(args)} failed ({code})")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--workspace", type=Path, required=True, help="A built workspace for the question.")
    ap.add_argument("--question", default="media-closures")
    ap.add_argument("--before", type=Path, default=None)
    ap.add_argument("--repeat", type=int, default=5)
    args = ap.parse_args()
    codes = {"before": args.before, "after": ROOT} if args.before else {"this": ROOT}
    ws = ["--workspace", str(args.workspace)]
    commands = {"kg --help": ["--help"], "kg ask --list": ["ask", "--list", *ws],
                f"kg ask {args.question}": ["ask", args.question, *ws]}
    print(f"workspace {args.workspace}; load average {os.getloadavg()[0]:.1f} at the start", file=sys.stderr)
    print("| command | code | wall s (median) | CPU s (median) | peak RSS MB |")
    print("|---|---|---:|---:|---:|")
    for name, argv in commands.items():
        runs: dict[str, list[tuple[float, float, float]]] = {label: [] for label in codes}
        for _ in range(args.repeat):
            for label, code in codes.items():
                runs[label].append(run_kg(code, argv))
        for label, items in runs.items():
            wall = statistics.median(r[0] for r in items)
            cpu = statistics.median(r[1] for r in items)
            print(f"| `{name}` | {label} | {wall:.2f} | {cpu:.2f} | {max(r[2] for r in items):.0f} |", flush=True)
    print(f"load average {os.getloadavg()[0]:.1f} at the end", file=sys.stderr)


if __name__ == "__main__":
    main()
