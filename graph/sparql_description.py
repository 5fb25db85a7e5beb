"""The SPARQL 1.1 Service Description of the endpoint (``GET /sparql`` without a query).

Says what a client may rely on: SPARQL 1.1 Query only (no update, no federated ``SERVICE``), the
result formats, the default graph as the union of all graphs (``sd:UnionDefaultGraph``), the named
graphs with their sizes, the dataset's VoID description (``void:sparqlEndpoint`` points back here),
and the limits in force.
"""

from __future__ import annotations

from collections.abc import Iterable

from rdflib import RDF, BNode, Graph, Literal, Namespace, URIRef
from rdflib.namespace import DCTERMS, VOID

from graph import vocab

SD = Namespace("http://www.w3.org/ns/sparql-service-description#")
FORMATS = Namespace("http://www.w3.org/ns/formats/")
ENTAILMENT = Namespace("http://www.w3.org/ns/entailment/")
RESULT_FORMATS = ("SPARQL_Results_JSON", "SPARQL_Results_XML", "SPARQL_Results_CSV", "SPARQL_Results_TSV",
                  "Turtle", "JSON-LD", "N-Triples", "RDF_XML")
DESCRIPTION_FORMATS = {
    "text/turtle": "turtle",
    "application/ld+json": "json-ld",
    "application/rdf+xml": "xml",
    "application/n-triples": "nt",
}


def description(endpoint: str, graphs: Iterable[tuple[str, int]], limits: str) -> Graph:
    """The service description of ``endpoint``; ``graphs`` are the named graphs with their triple counts."""
    g = Graph()
    g.bind("sd", SD)
    g.bind("void", VOID)
    g.bind("dcterms", DCTERMS)
    service, dataset = URIRef(endpoint), vocab.dataset_iri()
    g.add((service, RDF.type, SD.Service))
    g.add((service, SD.endpoint, service))
    g.add((service, SD.supportedLanguage, SD.SPARQL11Query))
    g.add((service, SD.feature, SD.UnionDefaultGraph))
    g.add((service, SD.defaultEntailmentRegime, ENTAILMENT.Simple))
    for name in RESULT_FORMATS:
        g.add((service, SD.resultFormat, FORMATS[name]))
    g.add((service, DCTERMS.description, Literal(
        "Read-only SPARQL 1.1 Query endpoint. Updates are refused (403); SERVICE (federated query) is "
        "refused (400) and the query workers cannot open network connections. The default graph is the "
        "union of all graphs unless default-graph-uri/named-graph-uri or FROM/FROM NAMED say otherwise. "
        + limits, lang="en")))
    g.add((service, SD.defaultDataset, dataset))
    g.add((dataset, RDF.type, SD.Dataset))
    g.add((dataset, RDF.type, VOID.Dataset))
    g.add((dataset, VOID.sparqlEndpoint, service))
    default = BNode()
    g.add((dataset, SD.defaultGraph, default))
    g.add((default, RDF.type, SD.Graph))
    for name, count in graphs:
        node, graph = BNode(), BNode()
        g.add((dataset, SD.namedGraph, node))
        g.add((node, RDF.type, SD.NamedGraph))
        g.add((node, SD.name, URIRef(name)))
        g.add((node, SD.graph, graph))
        g.add((graph, RDF.type, SD.Graph))
        g.add((graph, VOID.triples, Literal(count)))
    return g


GRAPHS_QUERY = "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g"
