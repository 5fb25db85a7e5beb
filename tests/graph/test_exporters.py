"""RDF exports: every format parses and holds the same triples; output is byte-identical."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest
from rdflib import Dataset, Graph, Literal
from rdflib.compare import isomorphic
from rdflib.namespace import VOID

from graph import vocab
from graph.exporters import RDF_FORMATS, context, render
from graph.rdf import fact_quads, to_graph
from tests.conftest import ROOT
from tests.graph.rdf_samples import DOC, sample_facts

RDFLIB_FORMAT = {"turtle": "turtle", "ntriples": "nt", "nquads": "nquads", "trig": "trig", "jsonld": "json-ld"}


def _parse(data: bytes, fmt: str) -> Graph:
    if fmt in ("nquads", "trig"):
        ds = Dataset()
        ds.parse(data=data, format=RDFLIB_FORMAT[fmt])
        g = Graph()
        for s, p, o, _ in ds.quads():
            g.add((s, p, o))
        return g
    return Graph().parse(data=data, format=RDFLIB_FORMAT[fmt])


@pytest.mark.parametrize("facts_name", ["sample", "corpus"])
def test_all_formats_hold_the_same_triples(facts_name, corpus_facts):
    facts = sample_facts() if facts_name == "sample" else corpus_facts
    reference = to_graph(facts)
    for fmt in RDF_FORMATS:
        data = render(facts, fmt)
        assert data == render(facts, fmt), fmt
        parsed = _parse(data, fmt)
        assert len(parsed) == len(reference), fmt
        assert isomorphic(parsed, reference), fmt


def test_named_graph_per_document():
    ds = Dataset()
    ds.parse(data=render(sample_facts(), "nquads"), format="nquads")
    names = {str(g.identifier) for g in ds.graphs()}
    assert str(vocab.document_graph_iri(DOC)) in names
    doc_graph = ds.graph(vocab.document_graph_iri(DOC))
    assert len(doc_graph) > 0
    assert all(p in (vocab.KG.evidence,) or str(s).startswith(str(vocab.iri("id", "evidence")))
               for s, p, _ in doc_graph)


def test_void_description_counts():
    facts = sample_facts()
    g = to_graph(facts)
    ds = vocab.dataset_iri()
    n_facts = len({q for q in fact_quads(facts)})
    assert g.value(ds, VOID.triples) == Literal(n_facts)
    assert len(g) > n_facts  # the description itself is included
    assert (ds, vocab.DCTERMS.source, vocab.document_iri(DOC)) in g


def test_jsonld_uses_the_published_context():
    published = json.loads((ROOT / "graph" / "resources" / "context.jsonld").read_text())["@context"]
    doc = json.loads(render(sample_facts(), "jsonld"))
    assert doc["@context"] == context() == published
    assert "@graph" in doc


_EXPORT_ALL = """
import sys
from graph.exporters import RDF_FORMATS, render
from graph.model import Document, Evidence
from tests.graph.rdf_samples import sample_facts

facts = sample_facts()
for i in range(8):  # several document graphs, whose order must not follow hash order
    facts.add_document(Document(f"extra-{i}", f"extra-{i}.txt", f"Extra {i}", "22" * 32))
    facts.entities["party/lantern-party"].evidence.append(Evidence(f"extra-{i}", 0, 4, "Text"))
sys.stdout.buffer.write(b"".join(render(facts, f) for f in RDF_FORMATS))
"""


def test_byte_identical_across_processes():
    outs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        outs.add(subprocess.run([sys.executable, "-c", _EXPORT_ALL], cwd=ROOT, env=env, capture_output=True,
                                check=True).stdout)
    assert len(outs) == 1


def test_kg_export_writes_rdf(tmp_path, built_workspace, corpus_facts):
    from kg.cli import main

    out = tmp_path / "g.ttl"
    main(["export", "--format", "turtle", "-o", str(out), "--workspace", str(built_workspace.path)])
    assert isomorphic(Graph().parse(out, format="turtle"), to_graph(corpus_facts))
