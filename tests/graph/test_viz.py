"""The graph page as built (no browser): self-contained, data blob safe, deterministic; ``kg viz``."""

from __future__ import annotations

import json
import random
import re
from pathlib import Path

import networkx as nx
import pytest
from click.testing import CliRunner

from graph.factset import FactSet
from graph.model import (
    ENTITY_TYPES,
    EVENT_TYPES,
    Document,
    Entity,
    Event,
    Evidence,
    FuzzyDate,
    Membership,
    Participant,
)
from graph.networkx_view import to_networkx
from graph.viz import build_page, script_safe_json
from graph.viz_layout import layout
from kg.cli import cli
from kg.workspace import Workspace
from tests.graph.test_networkx_view import small_facts

EXTERNAL = re.compile(r"<(?:script|link|img|iframe)\b[^>]*\b(?:src|href)\s*=\s*[\"']?\s*(?:https?:)?//", re.I)


def synthetic_facts(n_nodes: int, seed: int = 1) -> FactSet:
    """About ``n_nodes`` nodes: a quarter entities, the rest events of 2-3 participants picked with a
    skew (a few actors in many events), some memberships, evidence from five documents."""
    rnd = random.Random(seed)
    fs = FactSet()
    for d in range(5):
        fs.add_document(Document(f"doc-{d}", f"doc-{d}.txt", f"Synthetic report {d}", "0"))
    n_ent = max(4, n_nodes // 4)
    ents = []
    for i in range(n_ent):
        etype = ENTITY_TYPES[i % len(ENTITY_TYPES)]
        ev = [Evidence(f"doc-{rnd.randrange(5)}", i, i + 12, f"actor {i} named")]
        ents.append(fs.add_entity(Entity(f"{etype.lower()}/actor-{i}", etype, f"{etype} actor {i}",
                                         {f"A{i}"}, evidence=ev)).id)
    weights = [1 / (1 + i) ** 0.8 for i in range(n_ent)]
    for i in range(n_nodes - n_ent):
        etype = EVENT_TYPES[i % len(EVENT_TYPES)]
        who = rnd.choices(ents, weights, k=3)
        roles = ["agent", "target", "instrument"][: rnd.choice((2, 2, 3))]
        parts = sorted({Participant(r, w) for r, w in zip(roles, who, strict=False)})
        y, m, d = rnd.randrange(1993, 2025), rnd.randrange(1, 13), rnd.randrange(1, 29)
        when = rnd.choice([FuzzyDate.of(y), FuzzyDate.of(y, m), FuzzyDate.of(y, m, d), None])
        ev = [Evidence(f"doc-{rnd.randrange(5)}", i, i + 30, f"event {i} happened")]
        fs.add_event(Event(f"event/x-{i}", etype, when, list(parts), evidence=ev))
    persons = [e for e in ents if e.startswith("person/")]
    bodies = [e for e in ents if e.startswith(("party/", "institution/"))]
    for i, p in enumerate(persons):
        role = rnd.choice(["member", "chair"])
        fs.add_membership(Membership(f"membership/{i}", p, rnd.choice(bodies), role,
                                     FuzzyDate.of(rnd.randrange(1993, 2020))))
    return fs


def embedded_data(html: str) -> dict:
    blob = re.search(r'<script type="application/json" id="kg-data">(.*?)</script>', html, re.S)
    assert blob, "no data blob"
    return json.loads(blob.group(1))


def test_page_is_self_contained() -> None:
    html = build_page(to_networkx(small_facts()))
    assert not EXTERNAL.search(html)
    assert not re.search(r"@import|url\(\s*[\"']?https?:", html)
    assert "vis.Network" in html and "new vis.DataSet" in html  # vis-network inlined, not fetched


def test_external_reference_is_detected() -> None:
    assert EXTERNAL.search('<script src="https://cdn.example/x.js"></script>')
    assert EXTERNAL.search("<link rel=stylesheet href=//cdn.example/x.css>")


def test_data_blob_escapes_script_end_and_round_trips() -> None:
    fs = small_facts()
    hostile = "</script><script>alert(1)</script> & \u2028"
    fs.documents["doc-a"].title = hostile
    fs.entities["party/blue"].evidence.append(Evidence("doc-a", 1, 2, hostile))
    fs.entities["party/green"].name = hostile  # a label, in pyvis's DataSet
    html = build_page(to_networkx(fs))
    assert hostile not in html and "alert(1)</script>" not in html
    assert html.count("</script>") == 4  # vis-network, the data blob, the DataSets, the page's script
    data = embedded_data(html)
    assert data["documents"]["doc-a"] == hostile
    assert [hostile] == [q for _, q in data["nodes"]["party/blue"]["evidence"] if q == hostile]
    assert "<" not in script_safe_json({"a": "<"})


def test_panel_data_lists_events_in_date_order_and_memberships() -> None:
    data = embedded_data(build_page(to_networkx(small_facts())))
    blue = data["nodes"]["party/blue"]
    assert [e for e, _ in blue["events"]] == ["event/election-1", "event/dissolution-1"]
    assert blue["ties"] and data["edges"][blue["ties"][0]]["role"] == "leader"
    assert data["nodes"]["event/dissolution-1"]["date"]["precision"] == "month"
    assert {t["type"] for t in data["legend"]} == {"Party", "Person", "Institution", "Unknown", "Dissolution",
                                                  "Election", "Lawsuit"}


def test_node_size_by_degree_or_by_sources() -> None:
    g = to_networkx(small_facts())

    def sizes(size_by: str) -> dict[str, float]:
        html = build_page(g, size_by=size_by)
        return {n["id"]: n["size"] for n in
                json.loads(re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", html, re.S).group(1))}

    by_degree, by_sources = sizes("degree"), sizes("sources")
    assert by_degree["party/blue"] > by_degree["party/green"] > by_degree["person/jane-roe"]
    assert by_sources["party/blue"] > by_sources["event/dissolution-1"] > by_sources["party/green"]


def test_same_input_same_bytes() -> None:
    assert build_page(to_networkx(small_facts())) == build_page(to_networkx(small_facts()))
    big = synthetic_facts(900, seed=4)
    assert build_page(to_networkx(big)) == build_page(to_networkx(synthetic_facts(900, seed=4)))


def test_empty_graph_gives_a_page() -> None:
    data = embedded_data(build_page(to_networkx(FactSet())))
    assert data["nodes"] == {} and data["legend"] == []


def test_nodes_have_positions_and_physics_is_off() -> None:
    html = build_page(to_networkx(synthetic_facts(120)))
    assert '"physics": {"enabled": false}' in html
    nodes = json.loads(re.search(r"nodes = new vis\.DataSet\((.*?)\);\n", html, re.S).group(1))
    assert len(nodes) == len(to_networkx(synthetic_facts(120)))
    assert all(isinstance(n["x"], float) and isinstance(n["y"], float) for n in nodes)


@pytest.fixture(scope="module")
def small_workspace(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A workspace holding the small invented facts (written the way ``kg build`` writes it)."""
    from graph import facts_json

    ws = Workspace(tmp_path_factory.mktemp("vizws") / ".kg")
    ws.path.mkdir(parents=True)
    ws.facts_path.write_text(facts_json.dumps(small_facts()), encoding="utf-8")
    return ws.path


def run_kg(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(cli, list(args))
    assert result.exit_code == 0, (result.output, result.exception)
    return result.exit_code, result.stdout, result.stderr if hasattr(result, "stderr") else ""


def test_kg_viz_writes_the_page(small_workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "g.html"
    code, _, _ = run_kg("viz", "--workspace", str(small_workspace), "--output", str(out))
    assert code == 0
    # 4 entities, 3 events, 1 entity named by an event only
    assert len(embedded_data(out.read_text(encoding="utf-8"))["nodes"]) == 8


def test_kg_viz_focus_types_and_dates(small_workspace: Path, tmp_path: Path) -> None:
    out = tmp_path / "f.html"
    code, _, _ = run_kg("viz", "--workspace", str(small_workspace), "-o", str(out), "--focus", "High Court",
                        "--depth", "2")
    assert code == 0
    data = embedded_data(out.read_text(encoding="utf-8"))
    assert data["focus"] == "institution/high-court"
    assert set(data["nodes"]) == {"institution/high-court", "event/dissolution-1", "party/blue"}
    code, _, _ = run_kg("viz", "--workspace", str(small_workspace), "-o", str(out),
                        "--types", "Party,Election")
    assert set(embedded_data(out.read_text(encoding="utf-8"))["nodes"]) == {
        "party/blue", "party/green", "event/election-1"}
    code, _, _ = run_kg("viz", "--workspace", str(small_workspace), "-o", str(out), "--from", "2017",
                        "--to", "2017-12")
    assert set(embedded_data(out.read_text(encoding="utf-8"))["nodes"]) == {
        "party/blue", "institution/high-court", "event/dissolution-1"}


@pytest.mark.parametrize("args", [["--types", "Nonsense"], ["--from", "2017-13"], ["--focus", "Nobody"],
                                  ["--from", "2018", "--to", "2017"]])
def test_kg_viz_bad_arguments_are_usage_errors(small_workspace: Path, tmp_path: Path,
                                               args: list[str]) -> None:
    out = tmp_path / "x.html"
    result = CliRunner().invoke(cli, ["viz", "--workspace", str(small_workspace), "-o", str(out), *args])
    assert result.exit_code != 0 and not (tmp_path / "x.html").exists()
    assert type(result.exception).__name__ == "UsageError"


def test_kg_viz_on_the_corpus(built_workspace: Workspace, tmp_path: Path) -> None:
    out = tmp_path / "corpus.html"
    code, _, _ = run_kg("viz", "--workspace", str(built_workspace.path), "-o", str(out))
    assert code == 0
    html = out.read_text(encoding="utf-8")
    facts = built_workspace.load()
    data = embedded_data(html)
    assert set(facts.entities) | set(facts.events) <= set(data["nodes"])
    assert set(data["documents"]) == set(facts.documents)
    assert not EXTERNAL.search(html)


def _box(pos: dict, nodes: set) -> tuple[float, float, float, float]:
    xs, ys = [pos[n][0] for n in nodes], [pos[n][1] for n in nodes]
    return min(xs), min(ys), max(xs), max(ys)


def test_layout_is_deterministic_and_packs_parts_apart() -> None:
    def facts() -> FactSet:
        fs = small_facts()
        fs.add_entity(Entity("party/red", "Party", "Red Party"))
        fs.add_entity(Entity("person/alone", "Person", "Alone"))
        fs.add_event(Event("event/statement-1", "Statement", None, [Participant("agent", "party/red")]))
        return fs

    g = to_networkx(facts())
    pos = layout(g, seed=3)
    assert pos == layout(to_networkx(facts()), seed=3) and set(pos) == set(g)
    parts = list(nx.connected_components(g.to_undirected()))
    assert sorted(map(len, parts)) == [1, 2, 8]
    boxes = [_box(pos, c) for c in parts]
    for i, (ax0, ay0, ax1, ay1) in enumerate(boxes):  # no two parts overlap
        for bx0, by0, bx1, by1 in boxes[i + 1:]:
            assert ax1 < bx0 or bx1 < ax0 or ay1 < by0 or by1 < ay0


def test_layout_keeps_density_the_same_at_any_size() -> None:
    medians = []
    for n in (100, 400):
        g = to_networkx(synthetic_facts(n, seed=2))
        pos = layout(g)
        lengths = sorted(((pos[u][0] - pos[v][0]) ** 2 + (pos[u][1] - pos[v][1]) ** 2) ** 0.5
                         for u, v in g.edges())
        medians.append(lengths[len(lengths) // 2])
    assert 0.5 < medians[0] < 8 and 0.5 < medians[1] < 8, medians


def test_layout_of_a_large_part_places_every_node() -> None:
    big = nx.MultiDiGraph()
    for i in range(60):
        big.add_node(f"e{i}", kind="entity")
    for i in range(200):
        big.add_node(f"v{i}", kind="event")
        big.add_edge(f"v{i}", f"e{i % 60}", kind="role")
        big.add_edge(f"v{i}", f"e{(i * 7) % 60}", kind="role")
    big.add_node("lonely", kind="entity")
    pos = layout(big, seed=1, full_limit=100)
    assert set(pos) == set(big) and pos == layout(big, seed=1, full_limit=100)
    assert len(set(pos.values())) == len(pos)
