"""Benchmark of the graph page: build time and page size for synthetic FactSets of N nodes.

Not a test. For each size it times ``to_networkx`` + layout + pyvis page, reports the page size, and
(with ``--browser``) the time headless Chromium takes to load the page offline and to apply a type
filter. Prints a Markdown table.

    .venv/bin/python benchmarks/bench_viz.py                  # sizes 200, 1000, 5000
    .venv/bin/python benchmarks/bench_viz.py --sizes 5000 --browser
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from graph.networkx_view import to_networkx  # noqa: E402
from graph.viz import build_page  # noqa: E402
from graph.viz_layout import layout  # noqa: E402
from tests.graph.test_viz import synthetic_facts  # noqa: E402

CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                 "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def browser_times(page: Path) -> tuple[float, float]:
    """Seconds to load the page (until the DataSets and the panel script are ready) and to hide a type."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        tab = browser.new_page(viewport={"width": 1400, "height": 900})
        tab.route("**/*", lambda r: r.continue_() if r.request.url.startswith("file:") else r.abort())
        t = time.perf_counter()
        tab.goto(page.as_uri())
        tab.wait_for_function("window.kg !== undefined")
        load = time.perf_counter() - t
        t = time.perf_counter()
        tab.evaluate("""() => { kg.state.hiddenTypes.add('Person'); kg.applyView();
                        return new Promise(r => requestAnimationFrame(() => r())); }""")
        hide = time.perf_counter() - t
        browser.close()
    return load, hide


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[200, 1000, 5000])
    ap.add_argument("--browser", action="store_true", help="also time loading in headless Chromium")
    args = ap.parse_args()
    print("| nodes | edges | layout s | page build s (incl. layout) | page MiB | browser load s "
          "| hide a type s |")
    print("|---|---|---|---|---|---|---|")
    for n in args.sizes:
        g = to_networkx(synthetic_facts(n))
        t = time.perf_counter()
        layout(g)
        lay = time.perf_counter() - t
        t = time.perf_counter()
        html = build_page(g)
        build = time.perf_counter() - t
        size = len(html.encode("utf-8")) / 2**20
        load = hide = float("nan")
        if args.browser:
            with tempfile.TemporaryDirectory() as tmp:
                page = Path(tmp) / "bench.html"
                page.write_text(html, encoding="utf-8")
                load, hide = browser_times(page)
        print(f"| {g.number_of_nodes()} | {g.number_of_edges()} | {lay:.2f} | {build:.2f} | {size:.2f} | "
              f"{load:.2f} | {hide:.2f} |", flush=True)


if __name__ == "__main__":
    main()
