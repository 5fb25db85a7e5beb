"""SHACL shapes: the corpus graph conforms; broken graphs do not, with a readable report."""

from __future__ import annotations

import pytest
from click.testing import CliRunner
from rdflib import RDF

from graph import facts_json, vocab
from graph.model import Evidence
from graph.rdf import to_graph
from graph.rdf_store import write_store
from graph.shacl import validate
from graph.vocab import KG
from kg.cli import cli, main
from tests.graph.rdf_samples import sample_facts


def test_corpus_and_sample_graphs_conform(corpus_facts):
    for facts in (corpus_facts, sample_facts()):
        conforms, violations = validate(to_graph(facts))
        assert conforms, [v.line() for v in violations]


def broken_facts():
    facts = sample_facts()
    facts.events["event/disqualification-0001"].evidence = []
    facts.memberships["membership/0001"].person = "party/lantern-party"
    facts.entities["party/lantern-party"].name = ""
    facts.entities["law/law-on-parties"].evidence = [Evidence("sample-report", 50, 40, "")]
    return facts


def test_broken_graph_gives_a_readable_report():
    conforms, violations = validate(to_graph(broken_facts()))
    assert not conforms
    lines = {v.line() for v in violations}
    assert ("Violation: id:event/disqualification-0001 | kg:evidence | "
            "an event needs at least one evidence passage (kg:evidence)") in lines
    assert any(v.focus == "id:membership/0001" and v.path == "org:member" for v in violations)
    assert any(v.focus == "id:party/lantern-party" and v.path == "rdfs:label" for v in violations)
    bad = {v.path for v in violations if v.focus == "id:evidence/sample-report/50-40"}
    assert bad == {"kg:quote", "kg:startOffset"}


def test_event_without_type_or_date_is_caught():
    g = to_graph(sample_facts())
    ev = vocab.entity_iri("event/disqualification-0001")
    g.remove((ev, RDF.type, KG.Disqualification))
    g.remove((ev, KG.date, None))
    conforms, violations = validate(g)
    assert not conforms
    messages = " ".join(v.message for v in violations if v.focus == "id:event/disqualification-0001")
    assert "no event type" in messages and "kg:dateUnknown" in messages


def test_kg_validate_exit_codes(tmp_path, built_workspace, capsys):
    runner = CliRunner()
    ok = runner.invoke(cli, ["validate", "--workspace", str(built_workspace.path)])
    assert ok.exit_code == 0 and ok.output.startswith("conforms:")

    ws = tmp_path / ".kg"
    ws.mkdir()
    facts = broken_facts()
    (ws / "facts.json").write_text(facts_json.dumps(facts), encoding="utf-8")
    write_store(facts, ws / "store")
    with pytest.raises(SystemExit) as exit_info:
        main(["validate", "--workspace", str(ws)])
    assert exit_info.value.code == 5
    captured = capsys.readouterr()
    assert "Violation: id:membership/0001 | org:member | a membership has exactly one person" in captured.out
    assert "SHACL violation(s)" in captured.err
