"""Where the graph page draws each node: a deterministic layout computed with networkx.

Each connected part of the graph is laid out on its own (a seeded spring layout) and scaled to its
size, then the parts are packed in rows, largest first, with the nodes that have no edge in a grid at
the end. A sparse graph of many small parts thus fills the page instead of leaving one cramped
cluster among parts flung to the corners. Positions are in units (a part of n nodes is about
2.2·√n units wide, so density stays the same at any size); the page multiplies them by pixels.

The spring layout is quadratic in the size of a part, so a part above ``full_limit`` nodes is laid
out by its backbone: its entities (tied when they share an event or a membership) get the spring
layout, and each other node is placed near the middle of its placed neighbours.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

import networkx as nx

from graph.ids import short_hash

Pos = dict[str, tuple[float, float]]
GAP = 1.2
"""Space between packed parts, in units."""
CHAR = 0.16
"""Width of one label character, in units: labels hang out of their part's box by half their width."""
LABEL_MAX = 30
KAMADA_KAWAI = 250
"""Parts up to this size get the Kamada-Kawai layout (even spacing, quadratic memory); larger, a spring."""
BACKBONE = 500
"""At most this many entities get the spring layout in a part too large to lay out whole."""


def layout(g: nx.MultiDiGraph, seed: int = 7, full_limit: int = 800) -> Pos:
    """Positions of every node of ``g``, the same for the same graph."""
    simple = nx.Graph()
    simple.add_nodes_from(sorted(g))
    simple.add_edges_from(sorted((u, v) for u, v in g.edges() if u != v))
    lonely = sorted(n for n in simple if simple.degree(n) == 0)
    parts = sorted((sorted(c) for c in nx.connected_components(simple) if len(c) > 1),
                   key=lambda c: (-len(c), c[0]))
    blocks = [_part(g, simple.subgraph(nodes), seed, full_limit) for nodes in parts]
    if lonely:
        blocks.append(_grid(lonely, max(_label_width(g, v) for v in lonely)))
    return _pack(blocks, [max(_label_width(g, v) for v in b) / 2 for b in blocks])


def _label_width(g: nx.MultiDiGraph, node: str) -> float:
    return CHAR * min(len(str(g.nodes[node].get("label", node))), LABEL_MAX)


def _part(g: nx.MultiDiGraph, sub: nx.Graph, seed: int, limit: int) -> Pos:
    n = len(sub)
    if n == 2:
        a, b = sorted(sub)
        return {a: (0.0, -0.6), b: (0.0, 0.6)}
    if n <= KAMADA_KAWAI:  # even spacing, and deterministic from a circular start
        found = nx.kamada_kawai_layout(sub, pos=nx.circular_layout(sorted(sub)))
        pos = {v: (float(p[0]), float(p[1])) for v, p in found.items()}
    elif n <= limit:
        found = nx.spring_layout(sub, seed=seed, iterations=100 if n < 300 else 50)
        pos = {v: (float(p[0]), float(p[1])) for v, p in found.items()}
    else:
        pos = _around_backbone(g, sub, seed, limit)
    return _scale(pos, 1.5 * math.sqrt(n))


def _grid(nodes: list[str], label_width: float) -> Pos:
    step = max(1.5, label_width + 0.3)
    cols = max(1, math.ceil(math.sqrt(len(nodes) * 1.4 / step)))
    return {v: ((i % cols) * step, (i // cols) * 1.4) for i, v in enumerate(nodes)}


def _jitter(node: str, radius: float) -> tuple[float, float]:
    h = int(short_hash(node), 16)
    angle = (h % 3600) / 3600 * 2 * math.pi
    r = radius * (0.35 + ((h >> 12) % 1000) / 1540)
    return r * math.cos(angle), r * math.sin(angle)


def _around_backbone(g: nx.MultiDiGraph, sub: nx.Graph, seed: int, limit: int) -> Pos:
    backbone = _backbone(g, sub, min(limit, BACKBONE))
    pos = {v: (float(p[0]), float(p[1])) for v, p in
           nx.spring_layout(backbone, seed=seed, iterations=40, method="energy").items()}
    spacing = 1.0 / math.sqrt(len(backbone) or 1)
    pending = [v for v in sub if v not in pos]
    while pending:
        rest = []
        for v in pending:
            placed = [pos[m] for m in sub[v] if m in pos]
            if not placed:
                rest.append(v)
                continue
            dx, dy = _jitter(v, spacing)
            cx, cy = sum(p[0] for p in placed) / len(placed), sum(p[1] for p in placed) / len(placed)
            pos[v] = (cx + dx, cy + dy)
        if len(rest) == len(pending):  # no entity at all in reach: a small circle in the middle
            for i, v in enumerate(sorted(rest)):
                pos[v] = (spacing * math.cos(i), spacing * math.sin(i))
            rest = []
        pending = rest
    return pos


def _backbone(g: nx.MultiDiGraph, sub: nx.Graph, limit: int) -> nx.Graph:
    """The part's entities (the ``limit`` best connected), linked when an event or membership joins them."""
    chosen = set(sorted((v for v in sub if g.nodes[v]["kind"] == "entity"),
                        key=lambda v: (-sub.degree(v), v))[:limit])
    bb = nx.Graph()
    bb.add_nodes_from(sorted(chosen))
    for v in sorted(sub):
        if g.nodes[v]["kind"] == "event":
            members = sorted(m for m in sub[v] if m in chosen)
            bb.add_edges_from((x, y) for i, x in enumerate(members) for y in members[i + 1:])
    bb.add_edges_from((u, v) for u, v, a in g.edges(data=True)
                      if a["kind"] == "membership" and u in chosen and v in chosen and u != v)
    return bb


def _bounds(points: Iterable[tuple[float, float]]) -> tuple[float, float, float, float]:
    xs, ys = zip(*points, strict=True)
    return min(xs), min(ys), max(xs), max(ys)


def _scale(pos: Pos, half_width: float) -> Pos:
    """Centred on 0, its larger side spanning ``[-half_width, half_width]``."""
    x0, y0, x1, y1 = _bounds(pos.values())
    f = half_width / ((max(x1 - x0, y1 - y0) / 2) or 1.0)
    return {v: ((x - (x0 + x1) / 2) * f, (y - (y0 + y1) / 2) * f) for v, (x, y) in pos.items()}


def _pack(blocks: list[Pos], margins: list[float]) -> Pos:
    """Blocks side by side in rows about as wide as the whole is tall, then centred on 0; each block
    keeps ``margin`` free on its left and right for the labels of its outer nodes."""
    if not blocks:
        return {}
    boxes = [(x0 - m, y0, x1 + m, y1) for (x0, y0, x1, y1), m in
             zip((_bounds(b.values()) for b in blocks), margins, strict=True)]
    area = sum((x1 - x0 + GAP) * (y1 - y0 + GAP) for x0, y0, x1, y1 in boxes)
    row_width = max(max(x1 - x0 for x0, _, x1, _ in boxes), math.sqrt(area) * 1.15)
    out: Pos = {}
    x = y = row_height = 0.0
    for block, (x0, y0, x1, y1) in zip(blocks, boxes, strict=True):
        if x > 0 and x + (x1 - x0) > row_width:
            x, y, row_height = 0.0, y + row_height + GAP, 0.0
        for v, (px, py) in block.items():
            out[v] = (px - x0 + x, py - y0 + y)
        x += x1 - x0 + GAP
        row_height = max(row_height, y1 - y0)
    x0, y0, x1, y1 = _bounds(out.values())
    return {v: (round(px - (x0 + x1) / 2, 4), round(py - (y0 + y1) / 2, 4)) for v, (px, py) in sorted(out.items())}
