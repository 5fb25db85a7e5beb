"""RDF exports of the fact model: Turtle, N-Triples, N-Quads, TriG and JSON-LD.

All formats hold the same triples (``graph.rdf.quads``: the facts and the VoID description); N-Quads
and TriG also keep the graphs (the default graph plus one named graph per source document holding its
evidence passages). Output is byte-identical for the same input: N-Triples/N-Quads are sorted lines,
Turtle/TriG are pyoxigraph's over the same triples in that order (the default graph first, then the
named graphs in IRI order), JSON-LD is compacted by rdflib with the published context
(``graph/resources/context.jsonld``, embedded so the file parses offline) and its arrays sorted.

Turtle, N-Triples, N-Quads and TriG are written from an RDF store (the workspace's, or an in-memory one
for a fact set), streamed: the lines are sorted in bounded runs (``graph.line_sort``) and written as
they are merged, so an export holds neither the graph nor its text in memory.

``Extras`` adds, for partners: the ontology (``ontology.ttl``, labels and comments of every class and
property; in N-Quads and TriG as the named graph ``<https://w3id.org/cambodia-electoral-kg/ontology>``)
and the VoID links ``void:dataDump`` / ``void:sparqlEndpoint`` to where the export and the endpoint
are published.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import chain
from typing import IO, Any

import pyoxigraph as ox
from rdflib import Graph, URIRef
from rdflib.namespace import VOID

from graph import resources, schema, vocab
from graph.errors import UsageError
from graph.factset import FactSet
from graph.line_sort import sorted_unique
from graph.ox_terms import to_ox_quads
from graph.rdf import Quad, bind_prefixes, quads
from graph.rdf_store import chunked, memory_store

RDF_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "trig", "jsonld")
#: The formats written from the RDF store (``write_store_rdf``); JSON-LD is compacted by rdflib from the facts.
STORE_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "trig")
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
    return quads(facts) + extra_quads(extras)


def extra_quads(extras: Extras | None) -> list[Quad]:
    """The quads ``extras`` adds to the facts and their description."""
    out: list[Quad] = []
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


def prefixes() -> dict[str, str]:
    """The prefixes of Turtle and TriG: the vocabularies' and ``id:`` for the configured base."""
    return {**vocab.PREFIXES, "id": vocab.base_iri() + "id/"}


def _lines(items: Iterable[ox.Quad], keyed: bool) -> Iterator[str]:
    """One N-Triples line per quad; ``keyed``: prefixed by its graph's IRI and a tab (nothing for the
    default graph), so that sorting groups the graphs, the default graph first."""
    for chunk in chunked(items):
        data = ox.serialize([q.triple for q in chunk], format=ox.RdfFormat.N_TRIPLES) or b""
        lines = data.decode("utf-8").splitlines()
        if keyed:
            graphs = ["" if isinstance(q.graph_name, ox.DefaultGraph) else q.graph_name.value for q in chunk]
            lines = [f"{g}\t{line}" for g, line in zip(graphs, lines, strict=True)]
        yield from lines


def _quad_lines(items: Iterable[ox.Quad]) -> Iterator[str]:
    for chunk in chunked(items):
        yield from (ox.serialize(chunk, format=ox.RdfFormat.N_QUADS) or b"").decode("utf-8").splitlines()


def _write_lines(lines: Iterable[str], out: IO[bytes]) -> None:
    """Sorted lines, each once, then a line end (a lone line end when there are none)."""
    empty = True
    for chunk in chunked(line for line in sorted_unique(lines) if line):
        out.write(("\n".join(chunk) + "\n").encode("utf-8"))
        empty = False
    if empty:
        out.write(b"\n")


def _parsed(lines: Iterable[str]) -> Iterator[ox.Quad]:
    """Keyed N-Triples lines (``graph IRI<TAB>line``) back as quads, parsed a chunk at a time."""
    for chunk in chunked(lines):
        graphs = []
        text = []
        for line in chunk:
            g, _, triple = line.partition("\t")
            graphs.append(ox.NamedNode(g) if g else ox.DefaultGraph())
            text.append(triple)
        parsed = ox.parse(("\n".join(text) + "\n").encode("utf-8"), format=ox.RdfFormat.N_TRIPLES)
        for g, q in zip(graphs, parsed, strict=True):
            yield ox.Quad(q.subject, q.predicate, q.object, g)


def _turtle_like(items: Iterable[ox.Quad], with_graphs: bool, out: IO[bytes]) -> None:
    """Turtle (``with_graphs``: TriG, the default graph first, then the named graphs in IRI order) of
    the triples in sorted order, written by pyoxigraph as they stream."""
    ordered = sorted_unique(_lines(items, keyed=True))
    if with_graphs:
        ox.serialize(_parsed(ordered), out, format=ox.RdfFormat.TRIG, prefixes=prefixes())
        return
    triples = sorted_unique("\t" + line.partition("\t")[2] for line in ordered)  # once, whatever its graph
    ox.serialize((q.triple for q in _parsed(triples)), out, format=ox.RdfFormat.TURTLE, prefixes=prefixes())


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


def write_store_rdf(store: ox.Store, fmt: str, out: IO[bytes], extras: Extras | None = None) -> None:
    """Write the triples of ``store`` (a workspace's or ``memory_store``'s) and the ``extras`` to ``out``
    in ``fmt``, streamed: N-Triples and N-Quads are sorted lines; Turtle and TriG come from pyoxigraph
    over the same sorted triples. JSON-LD needs the facts (``write_rdf``)."""
    items = chain(store, to_ox_quads(extra_quads(extras)))
    if fmt == "ntriples":
        _write_lines((line.partition("\t")[2] for line in _lines(items, keyed=True)), out)
    elif fmt == "nquads":
        _write_lines(_quad_lines(items), out)
    elif fmt in ("turtle", "trig"):
        _turtle_like(items, fmt == "trig", out)
    else:
        raise UsageError(f"unknown RDF format {fmt!r} for a store (known: {', '.join(STORE_FORMATS)})")


def write_rdf(facts: FactSet, fmt: str, out: IO[bytes], extras: Extras | None = None) -> None:
    """Write ``facts`` (with ``extras``) to ``out`` in ``fmt`` (one of ``RDF_FORMATS``)."""
    if fmt == "jsonld":
        out.write(_jsonld(export_quads(facts, extras)))
    elif fmt in STORE_FORMATS:
        write_store_rdf(memory_store(facts), fmt, out, extras)
    else:
        raise UsageError(f"unknown RDF format {fmt!r} (known: {', '.join(RDF_FORMATS)})")


def render(facts: FactSet, fmt: str, extras: Extras | None = None) -> bytes:
    """The export of ``facts`` (with ``extras``) in ``fmt`` (one of ``RDF_FORMATS``) as bytes."""
    buf = io.BytesIO()
    write_rdf(facts, fmt, buf, extras)
    return buf.getvalue()
