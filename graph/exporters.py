"""RDF exports of the fact model: Turtle, N-Triples, N-Quads, TriG and JSON-LD.

All formats hold the same triples (``graph.rdf.quads``: the facts and the VoID description); N-Quads
and TriG also keep the graphs (the default graph plus one named graph per source document holding its
evidence passages). Output is byte-identical for the same input: N-Triples/N-Quads are sorted lines,
Turtle/TriG come from rdflib over a graph without blank nodes, JSON-LD is compacted with the published
context (``graph/resources/context.jsonld``, embedded so the file parses offline) and its arrays sorted.

``Extras`` adds, for partners: the ontology (``ontology.ttl``, labels and comments of every class and
property; in N-Quads and TriG as the named graph ``<https://w3id.org/cambodia-electoral-kg/ontology>``)
and the VoID links ``void:dataDump`` / ``void:sparqlEndpoint`` to where the export and the endpoint
are published.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from graph import resources, schema, vocab
from graph.errors import UsageError
from graph.factset import FactSet
from graph.ox_terms import to_ox_quads
from graph.rdf import Quad, bind_prefixes, quads

RDF_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "trig", "jsonld")
MEDIA_TYPES = {
    "turtle": "text/turtle",
    "ntriples": "application/n-triples",
    "nquads": "application/n-quads",
    "trig": "application/trig",
    "jsonld": "application/ld+json",
}


@dataclass(frozen=True)
class Extras:
    """What an export may add to the facts for partners."""

    with_ontology: bool = False
    dump_urls: tuple[str, ...] = ()
    endpoint_url: str | None = None

    def __post_init__(self) -> None:
        for url in self.dump_urls:
            _web_iri(url, "dump")
        if self.endpoint_url:
            _web_iri(self.endpoint_url, "endpoint")


def export_quads(facts: FactSet, extras: Extras | None = None) -> list[Quad]:
    """The quads an export holds: the facts, the VoID description and the ``extras``."""
    out = quads(facts)
    if extras is None:
        return out
    dataset = vocab.dataset_iri()
    for url in extras.dump_urls:
        out.append((dataset, VOID.dataDump, _web_iri(url, "dump"), None))
    if extras.endpoint_url:
        out.append((dataset, VOID.sparqlEndpoint, _web_iri(extras.endpoint_url, "endpoint"), None))
    if extras.with_ontology:
        name = URIRef(schema.ONTOLOGY_IRI)
        out.extend((s, p, o, name) for s, p, o in sorted(vocab.ontology()))  # type: ignore[misc]  # no blank nodes in it
    return out


def _web_iri(url: str, what: str) -> URIRef:
    try:
        ox.NamedNode(url)
    except ValueError:
        raise UsageError(f"the {what} address {url!r} is not an IRI") from None
    if not url.startswith(("http://", "https://")):
        raise UsageError(f"the {what} address {url!r} is not an http(s) address")
    return URIRef(url)


def _graph(items: Sequence[Quad]) -> Graph:
    g = Graph()
    bind_prefixes(g)
    for s, p, o, _ in items:
        g.add((s, p, o))
    return g


def context() -> dict[str, Any]:
    """The published JSON-LD context, with ``id:`` pointing at the configured base."""
    ctx = json.loads(resources.resource("context.jsonld").read_text(encoding="utf-8"))["@context"]
    ctx["id"] = vocab.base_iri() + "id/"
    return ctx


def _sorted_lines(data: bytes) -> bytes:
    lines = sorted(set(data.decode("utf-8").splitlines()))
    return ("\n".join(line for line in lines if line) + "\n").encode("utf-8")


def _line_based(all_items: Sequence[Quad], with_graphs: bool) -> bytes:
    items = list(all_items) if with_graphs else [(s, p, o, None) for s, p, o, _ in all_items]
    fmt = ox.RdfFormat.N_QUADS if with_graphs else ox.RdfFormat.N_TRIPLES
    data = ox.serialize(list(to_ox_quads(items)) if with_graphs else [q.triple for q in to_ox_quads(items)],
                        format=fmt)
    return _sorted_lines(data or b"")


def _turtle_body(g: Graph) -> str:
    text = g.serialize(format="turtle")
    return "\n".join(line for line in text.splitlines() if not line.startswith("@prefix")).strip()


def _trig(items: Sequence[Quad]) -> bytes:
    """TriG with the default graph first, then the named graphs in IRI order (rdflib's own TriG writer
    orders graphs by hash, which changes from one process to the next)."""
    graphs: dict[URIRef | None, Graph] = {}
    for s, p, o, g in items:
        if g not in graphs:
            graphs[g] = Graph()
            bind_prefixes(graphs[g])
        graphs[g].add((s, p, o))
    prefixes = {**vocab.PREFIXES, "id": vocab.base_iri() + "id/"}
    parts = ["\n".join(f"@prefix {prefix}: <{ns}> ." for prefix, ns in sorted(prefixes.items()))]
    if None in graphs:
        parts.append(_turtle_body(graphs[None]))
    for name in sorted(g for g in graphs if g is not None):
        parts.append(f"<{name}> {{\n{_turtle_body(graphs[name])}\n}}")  # not indented: multi-line literals
    return ("\n\n".join(parts) + "\n").encode("utf-8")


def _canonical_json(node: Any) -> Any:
    """Arrays sorted (JSON-LD arrays are unordered sets unless ``@list``), keys sorted on dump."""
    if isinstance(node, dict):
        return {k: v if k == "@list" else _canonical_json(v) for k, v in node.items()}
    if isinstance(node, list):
        items = [_canonical_json(x) for x in node]
        return sorted(items, key=lambda x: json.dumps(x, sort_keys=True, ensure_ascii=False))
    return node


def _jsonld(items: Sequence[Quad]) -> bytes:
    ctx = context()
    text = _graph(items).serialize(format="json-ld", context=ctx, auto_compact=True)
    doc = json.loads(text)
    if isinstance(doc, list):
        doc = {"@graph": doc}
    body = {k: v for k, v in doc.items() if k != "@context"}
    out = {"@context": ctx, **_canonical_json(body)}
    return (json.dumps(out, ensure_ascii=False, indent=1, sort_keys=True) + "\n").encode("utf-8")


def render(facts: FactSet, fmt: str, extras: Extras | None = None) -> bytes:
    """The export of ``facts`` (with ``extras``) in ``fmt`` (one of ``RDF_FORMATS``) as bytes."""
    if fmt not in RDF_FORMATS:
        raise UsageError(f"unknown RDF format {fmt!r} (known: {', '.join(RDF_FORMATS)})")
    items = export_quads(facts, extras)
    if fmt == "ntriples":
        return _line_based(items, with_graphs=False)
    if fmt == "nquads":
        return _line_based(items, with_graphs=True)
    if fmt == "turtle":
        return _graph(items).serialize(format="turtle", encoding="utf-8")
    if fmt == "trig":
        return _trig(items)
    return _jsonld(items)


def write_rdf(facts: FactSet, fmt: str, out: IO[bytes], extras: Extras | None = None) -> None:
    out.write(render(facts, fmt, extras))
