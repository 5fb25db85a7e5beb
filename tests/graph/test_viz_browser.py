"""The graph page in a real headless Chromium (Debian's), offline: it loads without errors or network
requests, holds every node, and its click panel, type and date filters, search and focus work.

Skipped when /usr/bin/chromium is absent, unless ``KG_REQUIRE_BROWSER=1`` (CI), which fails instead.
Screenshots are kept in ``test-artifacts/``.
"""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from graph.factset import FactSet
from graph.networkx_view import to_networkx
from graph.viz import build_page
from kg.workspace import Workspace
from tests.graph.test_networkx_view import small_facts
from tests.graph.test_viz import synthetic_facts

pytestmark = pytest.mark.browser

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"


@pytest.fixture(scope="module")
def browser() -> Iterator[Any]:
    if not CHROMIUM.exists():
        if os.environ.get("KG_REQUIRE_BROWSER") == "1":
            pytest.fail("KG_REQUIRE_BROWSER=1 but /usr/bin/chromium is absent (apt-get install chromium)")
        pytest.skip("no /usr/bin/chromium (apt-get install chromium to run the browser tests)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield b
        b.close()


class Page:
    """One page opened from a file:// URL with every other request aborted and recorded."""

    def __init__(self, browser: Any, g: nx.MultiDiGraph, path: Path, **kwargs: Any) -> None:
        path.write_text(build_page(g, **kwargs), encoding="utf-8")
        self.errors: list[str] = []
        self.blocked: list[str] = []
        self.tab = browser.new_page(viewport={"width": 1400, "height": 900})
        self.tab.route("**/*", self._route)
        self.tab.on("console", lambda m: self.errors.append(m.text) if m.type == "error" else None)
        self.tab.on("pageerror", lambda e: self.errors.append(str(e)))
        started = time.perf_counter()
        self.tab.goto(path.as_uri())
        self.tab.wait_for_function("window.kg !== undefined")
        self.load_seconds = time.perf_counter() - started

    def _route(self, route: Any) -> None:
        if route.request.url.startswith("file:"):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort()

    def js(self, expr: str, arg: Any = None) -> Any:
        return self.tab.evaluate(expr, arg)

    def shown(self) -> set[str]:
        return set(self.js("nodes.get({filter: n => !n.hidden}).map(n => n.id)"))

    def node_point(self, node: str) -> tuple[float, float]:
        """Where ``node`` is drawn, in page coordinates."""
        dom = self.js("id => network.canvasToDOM(network.getPositions([id])[id])", node)
        box = self.tab.locator("#mynetwork").bounding_box()
        return box["x"] + dom["x"], box["y"] + dom["y"]

    def panel(self) -> str:
        return self.tab.inner_text("#panel")

    def screenshot(self, name: str) -> None:
        ARTIFACTS.mkdir(exist_ok=True)
        self.tab.screenshot(path=str(ARTIFACTS / name))

    def close(self) -> None:
        assert not self.errors, self.errors
        assert not self.blocked, f"the page tried the network: {self.blocked}"
        self.tab.close()


@pytest.fixture()
def small(browser: Any, tmp_path: Path) -> Iterator[Page]:
    page = Page(browser, to_networkx(small_facts()), tmp_path / "small.html")
    yield page
    page.close()


def test_loads_offline_with_every_node(small: Page) -> None:
    g = to_networkx(small_facts())
    assert small.js("nodes.length") == g.number_of_nodes()
    assert small.js("edges.length") == g.number_of_edges()
    assert small.shown() == set(g)
    assert small.js("document.querySelectorAll('#legend-items input').length") == 7


def test_click_on_a_node_shows_its_events_and_evidence(small: Page) -> None:
    x, y = small.node_point("party/blue")
    small.tab.mouse.click(x, y)
    small.tab.wait_for_function("document.getElementById('panel').dataset.showing === 'party/blue'")
    text = small.panel()
    assert "Blue Party" in text and "also called" in text
    assert text.index("2013 (year)") < text.index("2017-11 (month)")  # events in date order
    assert "\u201cthe BP\u201d" in text and "Report B" in text  # the quote and its document's title
    assert "Jane Roe" in text and "leader" in text
    small.screenshot("viz-small-panel.png")


def test_click_on_an_event_lists_participants_and_date(small: Page) -> None:
    small.tab.mouse.click(*small.node_point("event/dissolution-1"))
    small.tab.wait_for_function("document.getElementById('panel').dataset.showing === 'event/dissolution-1'")
    text = small.panel()
    assert "2017-11 (month)" in text and "target: Blue Party" in text and "agent: High Court" in text
    assert "the court dissolved the Blue Party" in text and "Report A" in text


def test_click_on_a_membership_edge_shows_its_dates_and_evidence(small: Page) -> None:
    eid = small.js("edges.get({filter: e => e.kgKind === 'membership'})[0].id")
    small.js("id => { network.selectEdges([id]); kg.showEdge(id); }", eid)
    text = small.panel()
    assert "leader" in text and "2012 (year)" in text and "2016-03 (month)" in text
    assert "Jane Roe, leader of the BP" in text
    small.js("kg.showNode('party/blue')")
    # the mouse path, too: a click on the drawn edge, a third of the way along its (curved) line
    dom = small.js("id => network.canvasToDOM(network.body.edges[id].edgeType.getPoint(0.3))", eid)
    box = small.tab.locator("#mynetwork").bounding_box()
    small.tab.mouse.click(box["x"] + dom["x"], box["y"] + dom["y"])
    small.tab.wait_for_function("id => document.getElementById('panel').dataset.showing === id", arg=eid)


def test_type_filter_hides_and_shows_nodes(small: Page) -> None:
    small.tab.uncheck("#legend-items input[data-type=Party]")
    shown = small.shown()
    assert "party/blue" not in shown and "party/green" not in shown and "person/jane-roe" in shown
    hidden_edges = small.js("edges.get({filter: e => e.hidden}).length")
    assert hidden_edges == 5  # every edge touching a party
    small.tab.check("#legend-items input[data-type=Party]")
    assert small.shown() == set(to_networkx(small_facts()))


def test_date_range_filter(small: Page) -> None:
    small.tab.fill("#date-from", "2017")
    small.tab.fill("#date-to", "2017-12")
    small.tab.press("#date-to", "Enter")
    small.tab.locator("#date-from").dispatch_event("change")
    assert small.shown() == {"event/dissolution-1", "party/blue", "institution/high-court"}
    small.tab.fill("#date-from", "20x")
    small.tab.locator("#date-from").dispatch_event("change")
    assert "YYYY" in small.tab.inner_text("#date-error")
    small.tab.click("#reset-button")
    assert len(small.shown()) == 8


def test_search_finds_a_node_by_alias(small: Page) -> None:
    small.tab.fill("#search", "bp")
    assert "Blue Party" in small.tab.inner_text("#search-results")
    assert small.tab.inner_text("#search-count") == "1 found"
    small.tab.press("#search", "Enter")
    assert small.js("network.getSelectedNodes()") == ["party/blue"]
    assert "Blue Party" in small.panel()


def test_double_click_focuses_and_show_all_restores(small: Page) -> None:
    small.tab.select_option("#focus-depth", "1")
    small.tab.mouse.dblclick(*small.node_point("institution/high-court"))
    small.tab.wait_for_function("kg.state.focus === 'institution/high-court'")
    assert small.shown() == {"institution/high-court", "event/dissolution-1"}
    small.tab.select_option("#focus-depth", "2")
    assert "party/blue" in small.shown()
    small.tab.click("#reset-button")
    assert len(small.shown()) == 8


def test_cli_focus_opens_on_the_actor(browser: Any, tmp_path: Path) -> None:
    g = to_networkx(small_facts())
    page = Page(browser, g, tmp_path / "focus.html", focus="party/blue", depth=1)
    assert page.js("network.getSelectedNodes()") == ["party/blue"]
    assert page.tab.locator("#panel").get_attribute("data-showing") == "party/blue"
    assert page.shown() == {"party/blue", "event/dissolution-1", "event/election-1", "person/jane-roe"}
    page.close()


def test_empty_graph_page_loads(browser: Any, tmp_path: Path) -> None:
    page = Page(browser, to_networkx(FactSet()), tmp_path / "empty.html")
    assert page.js("nodes.length") == 0
    page.tab.click("#reset-button")
    page.close()


def test_corpus_page(browser: Any, built_workspace: Workspace, tmp_path: Path) -> None:
    g = to_networkx(built_workspace.load())
    page = Page(browser, g, tmp_path / "corpus.html")
    assert page.js("nodes.length") == g.number_of_nodes()
    assert page.js("edges.length") == g.number_of_edges()
    # docs/viz.png is this screenshot: the largest part of the graph, and the panel of the actor in
    # the most events, clicked
    def events(n: str) -> int:
        return sum(1 for _, _, kind in g.in_edges(n, data="kind") if kind == "role")

    actors = sorted((n for n, a in g.nodes(data=True) if a["kind"] == "entity"),
                    key=lambda n: (-events(n), -g.degree(n), n))
    if actors and g.number_of_edges():
        part = max(nx.connected_components(g.to_undirected()), key=lambda c: (len(c), actors[0] in c))
        page.js("ids => network.fit({nodes: ids, animation: false})", sorted(part))
        page.tab.mouse.click(*page.node_point(actors[0]))
        page.tab.wait_for_function("id => document.getElementById('panel').dataset.showing === id", arg=actors[0])
        assert g.nodes[actors[0]]["label"] in page.panel()
        page.tab.mouse.move(5, 5)
    page.screenshot("viz-corpus.png")
    page.close()


def test_five_thousand_nodes_stay_interactive(browser: Any, tmp_path: Path) -> None:
    g = to_networkx(synthetic_facts(5000))
    page = Page(browser, g, tmp_path / "big.html")
    assert page.js("nodes.length") == g.number_of_nodes()
    started = time.perf_counter()
    page.tab.uncheck("#legend-items input[data-type=Person]")
    hide = time.perf_counter() - started
    people = sum(1 for _, a in g.nodes(data=True) if a["type"] == "Person")
    assert len(page.shown()) == g.number_of_nodes() - people
    assert page.load_seconds < 30 and hide < 5, (page.load_seconds, hide)
    page.screenshot("viz-5000.png")
    page.close()


def _legend_count(page: Page, node_type: str) -> str:
    return page.js("t => document.querySelector(`#legend-items input[data-type=${t}]`).parentElement"
                   ".querySelector('.count').textContent", node_type)


def test_legend_counts_follow_the_filters(small: Page) -> None:
    g = to_networkx(small_facts())
    parties = sum(1 for _, a in g.nodes(data=True) if a["type"] == "Party")
    assert _legend_count(small, "Party") == f"({parties})"
    small.tab.fill("#date-from", "2017")
    small.tab.fill("#date-to", "2017-12")
    small.tab.locator("#date-to").dispatch_event("change")
    assert _legend_count(small, "Party") == f"(1 of {parties})"  # only the dissolved party is left
    small.tab.uncheck("#legend-items input[data-type=Party]")
    assert _legend_count(small, "Party") == f"(0 of {parties})"
    small.tab.click("#reset-button")
    assert _legend_count(small, "Party") == f"({parties})"


def test_date_filter_refits_the_view_to_what_is_left(small: Page) -> None:
    small.js("network.moveTo({position: {x: 40000, y: -40000}, scale: 2, animation: false})")
    small.tab.fill("#date-from", "2017")
    small.tab.fill("#date-to", "2017-12")
    small.tab.locator("#date-to").dispatch_event("change")
    shown = small.shown()
    assert shown == {"event/dissolution-1", "party/blue", "institution/high-court"}
    box = small.tab.locator("#mynetwork").bounding_box()
    for node in shown:
        x, y = small.node_point(node)
        assert box["x"] <= x <= box["x"] + box["width"] and box["y"] <= y <= box["y"] + box["height"], node
    small.screenshot("viz-small-date-filter.png")
