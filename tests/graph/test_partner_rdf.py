"""What a partner loading the exports without the project's code or a reasoner finds: the ontology
(``--with-ontology``), ELI amendments, SEM actors and time stamps, documents' addresses, VoID links."""

from __future__ import annotations

import pytest
import yaml
from click.testing import CliRunner
from rdflib import RDF, RDFS, Dataset, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, VOID

from graph import schema, vocab
from graph.errors import UsageError
from graph.exporters import Extras, render
from graph.rdf import to_graph
from graph.rdf_store import open_store, select
from graph.shacl import validate
from graph.vocab import ELI, KG, SEM
from kg.cli import cli, main
from kg.workspace import Workspace
from tests.conftest import CORPUS
from tests.graph.rdf_samples import DOC, sample_facts

ONTOLOGY = URIRef(schema.ONTOLOGY_IRI)


def test_with_ontology_adds_labels_in_one_graph_and_a_named_graph_of_its_own():
    facts = sample_facts()
    plain = Graph().parse(data=render(facts, "turtle"), format="turtle")
    assert plain.value(KG.Party, RDFS.label) is None  # what a partner had before
    with_onto = render(facts, "turtle", Extras(with_ontology=True))
    assert with_onto == render(facts, "turtle", Extras(with_ontology=True))
    g = Graph().parse(data=with_onto, format="turtle")
    assert g.value(KG.Party, RDFS.label) == vocab.ontology().value(KG.Party, RDFS.label)
    assert len(g) == len(plain) + len(vocab.ontology())
    for fmt in ("nquads", "trig"):
        ds = Dataset()
        ds.parse(data=render(facts, fmt, Extras(with_ontology=True)), format=fmt)
        onto = ds.graph(ONTOLOGY)
        assert len(onto) == len(vocab.ontology()) and (KG.agent, RDFS.label, Literal("agent", lang="en")) in onto
        assert (KG.Party, RDFS.label, None) not in ds.default_graph


def test_kg_export_with_ontology(built_workspace, tmp_path, capsys):
    out = tmp_path / "graph.trig"
    runner = CliRunner()
    done = runner.invoke(cli, ["export", "--workspace", str(built_workspace.path), "--format", "trig",
                               "--with-ontology", "--dump-url", "https://data.example/graph.trig",
                               "--endpoint-url", "https://data.example/sparql", "-o", str(out)])
    assert done.exit_code == 0, done.output
    ds = Dataset()
    ds.parse(out, format="trig")
    assert len(ds.graph(ONTOLOGY)) == len(vocab.ontology())
    dataset = vocab.dataset_iri()
    assert (dataset, VOID.dataDump, URIRef("https://data.example/graph.trig")) in ds.default_graph
    assert (dataset, VOID.sparqlEndpoint, URIRef("https://data.example/sparql")) in ds.default_graph
    with pytest.raises(SystemExit) as refused:
        main(["export", "--workspace", str(built_workspace.path), "--with-ontology"])
    assert refused.value.code == 2 and "RDF formats" in capsys.readouterr().err


def test_void_links_must_be_web_addresses():
    with pytest.raises(UsageError):
        Extras(dump_urls=("graph.ttl",))
    with pytest.raises(UsageError):
        Extras(endpoint_url="http://x/ y")


def test_amendments_are_eli_amends(corpus_facts):
    g = to_graph(corpus_facts)
    amended = 0
    for ev_id, ev in corpus_facts.events.items():
        laws = [t for t in ev.entities("target") if corpus_facts.entities.get(t) and
                corpus_facts.entities[t].type in ("Law", "LawArticle")]
        if ev.type != "Amendment" or not laws:
            continue
        acts = list(g.objects(vocab.entity_iri(ev_id), KG.amendingAct))
        assert acts, ev_id
        for law in laws:
            assert any((act, ELI.amends, vocab.entity_iri(law)) in g for act in acts)
            amended += 1
    assert amended > 0  # the README's eli:amends is in the corpus graph
    sample = to_graph(sample_facts())  # an amending law named in the text is the act itself
    assert (vocab.entity_iri("law/amending-law"), ELI.amends, vocab.entity_iri("law/law-on-parties")) in sample


def test_sem_actors_and_time_stamps_need_no_reasoner(built_workspace, corpus_facts):
    store = open_store(built_workspace.store_path)
    rows = select(store, """SELECT (COUNT(*) AS ?n) WHERE {
        ?e ?role ?x . ?role <http://www.w3.org/2000/01/rdf-schema#subPropertyOf>* ?p .
        FILTER(?role IN (<%sagent>, <%starget>, <%sinstrument>, <%slocation>, <%ssubject>, <%sparticipant>))
        FILTER NOT EXISTS { ?e <%s> ?x } }""".replace("%s", vocab.KG_NS, 6).replace("%s", str(SEM.hasActor)))
    assert rows == [{"n": 0}]
    g = to_graph(corpus_facts)
    for ev_id, ev in corpus_facts.events.items():
        node = vocab.entity_iri(ev_id)
        assert {vocab.entity_iri(p.entity) for p in ev.participants} == set(g.objects(node, SEM.hasActor))
        if ev.date:
            assert g.value(node, SEM.hasEarliestBeginTimeStamp) == g.value(node, KG.earliest)
            assert g.value(node, SEM.hasLatestEndTimeStamp) == g.value(node, KG.latest)


def test_documents_carry_their_address_from_the_manifest(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")[:2]
    for p in files:
        (corpus / p.name).write_bytes(p.read_bytes())
    manifest = {"documents": [{"file": files[0].name, "title": "First", "url": "https://reports.example/first"},
                              {"file": files[1].name, "title": "Second", "url": "not a web address"}]}
    (corpus / "manifest.yaml").write_text(yaml.safe_dump(manifest), encoding="utf-8")
    facts = Workspace(tmp_path / "ws").build(corpus)
    docs = {d.title: d for d in facts.documents.values()}
    assert docs["First"].url == "https://reports.example/first"
    assert docs["Second"].url is None and any("not an http(s) address" in n for n in docs["Second"].notes)
    g = to_graph(facts)
    assert (vocab.document_iri(docs["First"].id), DCTERMS.source, URIRef("https://reports.example/first")) in g
    assert Workspace(tmp_path / "ws").load().documents[docs["First"].id].url == docs["First"].url  # kept in JSON
    conforms, violations = validate(g)
    assert conforms, [v.line() for v in violations]


def test_sample_document_address_and_shapes():
    g = to_graph(sample_facts())
    assert (vocab.document_iri(DOC), DCTERMS.source, URIRef("https://example.org/reports/sample-report")) in g
    assert (vocab.entity_iri("event/amendment-0001"), RDF.type, KG.Amendment) in g
