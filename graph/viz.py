"""The interactive graph page: one self-contained HTML file drawn with pyvis from the networkx view.

pyvis builds the vis-network nodes, edges and options; our own template (``graph/templates/``) inlines
vis-network's script and style (nothing is loaded from the network, so the page works offline) and
adds the legend, the side panel, search, type and date filters and the focus view. What the panel
shows (attributes, events in date order, evidence quotes with document titles) travels in the page as
one JSON blob, escaped so that no ``</script>`` can end its element early.

The layout is computed in Python (``graph.viz_layout``, seeded) and vis physics is off, so the
same graph gives the same bytes and a large graph stays responsive.
"""

from __future__ import annotations

import json
import math
from functools import cache
from importlib.resources import files
from pathlib import Path
from typing import Any

import networkx as nx
import pyvis
from pyvis.network import Network

from graph.dates import from_columns, sort_key
from graph.viz_layout import LABEL_MAX, layout

TEMPLATES = files("graph") / "templates"
TEMPLATE = "kg_graph.html"
STYLES = files("graph") / "static" / "styles.json"
PYVIS_TEMPLATES = Path(pyvis.__file__).parent / "templates"
SIZE_BY = ("degree", "sources")
DEFAULT_TITLE = "Cambodia electoral integrity graph"
PX = 70
"""Pixels per layout unit (see ``graph.viz_layout``)."""
LARGE = 1500
"""Above this many nodes edges are hidden while dragging or zooming, and drawn straight."""


@cache
def styles() -> dict[str, Any]:
    return json.loads(STYLES.read_text(encoding="utf-8"))


@cache
def _asset(name: str) -> str:
    return (TEMPLATES / name).read_text(encoding="utf-8")


@cache
def vis_assets() -> tuple[str, str]:
    """``(script, style)`` of the newest vis-network that pyvis ships, to paste into the page."""
    found = sorted(PYVIS_TEMPLATES.glob("lib/vis-*/vis-network.min.js"),
                   key=lambda p: tuple(int(x) for x in p.parent.name[4:].split(".") if x.isdigit()))
    if not found:
        raise RuntimeError(f"no vis-network in {PYVIS_TEMPLATES / 'lib'}: is pyvis installed whole?")
    folder = found[-1].parent
    return ((folder / "vis-network.min.js").read_text(encoding="utf-8"),
            (folder / "vis-network.css").read_text(encoding="utf-8"))


def node_style(kind: str, node_type: str) -> tuple[str, str]:
    """``(colour, vis shape)`` of a node type."""
    s = styles()
    if kind == "event":
        return s["events"].get(node_type, s["event_default"]), s["event_shape"]
    look = s["entities"].get(node_type, s["entities"]["Unknown"])
    return look["color"], look["shape"]


def script_safe_json(data: Any) -> str:
    """JSON that can sit inside a ``<script>`` element: ``<``, ``>``, ``&`` and the JS line separators
    are written as ``\\u`` escapes, which JSON.parse reads back unchanged."""
    text = json.dumps(data, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for ch in ("<", ">", "&", "\u2028", "\u2029"):
        text = text.replace(ch, f"\\u{ord(ch):04x}")
    return text


def _short(text: str) -> str:
    return text if len(text) <= LABEL_MAX else text[: LABEL_MAX - 1].rstrip() + "\u2026"


def _size(g: nx.MultiDiGraph, node: str, size_by: str) -> float:
    if size_by == "sources":
        return round(9 + 7 * math.sqrt(len(g.nodes[node].get("sources", []))), 2)
    return round(min(48.0, 9 + 4 * math.sqrt(g.degree(node))), 2)


def _evidence(items: list[dict[str, Any]]) -> list[list[str]]:
    return [[e["document"], e["quote"]] for e in items]


def _date_key(g: nx.MultiDiGraph, event: str) -> tuple[object, ...]:
    d = g.nodes[event].get("date")
    return (*sort_key(from_columns(d["value"], d["precision"]) if d else None), event)


def panel_data(g: nx.MultiDiGraph, edge_ids: dict[tuple[str, str, str], str]) -> dict[str, Any]:
    """What the side panel shows for each node and edge, keyed by their ids in the page."""
    nodes: dict[str, Any] = {}
    for n, a in g.nodes(data=True):
        item: dict[str, Any] = {"kind": a["kind"], "type": a["type"], "label": a["label"],
                                "aliases": a.get("aliases", []), "attributes": a.get("attributes", {}),
                                "evidence": _evidence(a.get("evidence", [])),
                                "status": a.get("status", "extracted")}
        if a["kind"] == "event":
            item["date"] = a.get("date")
            item["flags"] = a.get("flags", [])
            item["participants"] = sorted([v, d["role"]] for _, v, d in g.out_edges(n, data=True))
        else:
            events = {u: d["role"] for u, _, d in g.in_edges(n, data=True) if d["kind"] == "role"}
            item["events"] = [[e, events[e]] for e in sorted(events, key=lambda e: _date_key(g, e))]
            around = [*g.in_edges(n, keys=True, data=True), *g.out_edges(n, keys=True, data=True)]
            item["ties"] = sorted(edge_ids[(u, v, k)] for u, v, k, d in around if d["kind"] == "membership")
            if a.get("missing"):
                item["missing"] = True
        nodes[n] = item
    edges: dict[str, Any] = {}
    for (u, v, k), eid in edge_ids.items():
        a = g.edges[u, v, k]
        item = {"kind": a["kind"], "role": a["role"], "from": u, "to": v}
        if a["kind"] == "membership":
            item |= {"start": a.get("start"), "end": a.get("end"), "attributes": a.get("attributes", {}),
                     "evidence": _evidence(a.get("evidence", [])), "status": a.get("status", "extracted")}
        edges[eid] = item
    return {"nodes": nodes, "edges": edges}


def _legend(g: nx.MultiDiGraph) -> list[dict[str, Any]]:
    counts: dict[tuple[str, str], int] = {}
    for _, a in g.nodes(data=True):
        counts[(a["kind"], a["type"])] = counts.get((a["kind"], a["type"]), 0) + 1
    out = []
    for (kind, node_type), count in sorted(counts.items()):
        color, shape = node_style(kind, node_type)
        out.append({"kind": kind, "type": node_type, "count": count, "color": color, "shape": shape})
    return out


def _options(large: bool) -> dict[str, Any]:
    return {
        "physics": {"enabled": False},
        "layout": {"improvedLayout": False, "randomSeed": 1},
        "nodes": {"borderWidth": 1, "font": {"size": 15, "face": "sans-serif", "strokeWidth": 3,
                                             "strokeColor": "#ffffff"},
                  "scaling": {"label": {"drawThreshold": 4}}},
        "edges": {"smooth": False if large else {"type": "continuous", "roundness": 0.2},
                  "font": {"size": 10, "align": "middle", "color": "#52606d", "strokeWidth": 3},
                  "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
                  "scaling": {"label": {"drawThreshold": 7}}, "selectionWidth": 2},
        "interaction": {"hover": True, "tooltipDelay": 250, "multiselect": False,
                        "hideEdgesOnDrag": large, "hideEdgesOnZoom": large},
    }


def build_network(g: nx.MultiDiGraph, size_by: str = "degree", seed: int = 7) -> tuple[Network, dict]:
    """The pyvis network of ``g`` (laid out, styled) and the map of edge keys to page edge ids."""
    if size_by not in SIZE_BY:
        raise ValueError(f"size_by must be one of {SIZE_BY}")
    net = Network(height="100%", width="100%", directed=True, cdn_resources="in_line")
    pos = layout(g, seed)
    edge_colors = styles()["edges"]
    for n, a in sorted(g.nodes(data=True)):
        color, shape = node_style(a["kind"], a["type"])
        date = a.get("date") or {}
        x, y = pos[n]
        tip = f"{a['type']}: {a['label']}" + (f" ({date['value']}, {date['precision']})" if date else "")
        net.add_node(n, label=_short(a["label"]), shape=shape, color=color, size=_size(g, n, size_by),
                     x=round(x * PX, 1), y=round(y * PX, 1), title=tip, kgKind=a["kind"],
                     kgType=a["type"], kgStart=date.get("start"), kgEnd=date.get("end"),
                     kgStatus=a.get("status", "extracted"),
                     font={"size": 12 if a["kind"] == "event" else 20})
    edge_ids: dict[tuple[str, str, str], str] = {}
    for i, (u, v, k, a) in enumerate(sorted(g.edges(keys=True, data=True), key=lambda e: e[:3])):
        eid = f"e{i}"
        edge_ids[(u, v, k)] = eid
        extra: dict[str, Any] = {}
        if a["kind"] == "membership":
            extra = {"dashes": True, "width": 2,
                     "kgStart": a["start"]["start"] if a.get("start") else None,
                     "kgEnd": a["end"]["end"] if a.get("end") else None}
        if a.get("status", "extracted") != "extracted":
            extra["kgStatus"] = a["status"]
        net.add_edge(u, v, id=eid, label=a["role"], color=edge_colors[a["kind"]], kgKind=a["kind"],
                     title=f"{a['kind']}: {a['role']}", **extra)
    net.options = _options(len(g) > LARGE)
    return net, edge_ids


def build_page(g: nx.MultiDiGraph, *, title: str = DEFAULT_TITLE, focus: str | None = None, depth: int = 2,
               size_by: str = "degree", seed: int = 7) -> str:
    """The HTML page of ``g``; ``focus`` (a node id) is selected and shown at load."""
    net, edge_ids = build_network(g, size_by, seed)
    data = panel_data(g, edge_ids) | {
        "documents": {d: m["title"] for d, m in sorted(g.graph.get("documents", {}).items())},
        "legend": _legend(g), "focus": focus if focus in g else None, "depth": depth, "title": title,
        "rejected": sum(1 for _, a in g.nodes(data=True) if a.get("status") == "rejected")
        + sum(1 for *_, a in g.edges(data=True) if a.get("status") == "rejected"),
    }
    net.set_template_dir(str(TEMPLATES), TEMPLATE)
    vis_js, vis_css = vis_assets()
    net.templateEnv.globals["kg"] = {"title": title, "data_json": script_safe_json(data),
                                     "css": _asset("kg_graph.css"), "js": _asset("kg_graph.js"),
                                     "vis_js": vis_js, "vis_css": vis_css}
    return net.generate_html()


def write_page(g: nx.MultiDiGraph, path: Path, **kwargs: Any) -> int:
    """Write the page to ``path``; returns its size in bytes."""
    html = build_page(g, **kwargs)
    path.write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
