"""The VoID/DCAT description of the dataset, included (in the default graph) in every export and store.

It names the source documents (``dcterms:source``), the licence situation (``dcterms:rights``), the
vocabularies used, and counts: ``void:triples`` (the fact triples, i.e. everything except this
description), ``void:entities``, one ``void:classPartition`` per class with its instance count, and one
``void:subset`` per document graph with its triple count. Nothing time-dependent, so exports stay
byte-identical.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from rdflib import RDF, Literal, URIRef
from rdflib.namespace import DCAT, DCTERMS, VOID

from graph import vocab
from graph.factset import FactSet
from graph.vocab import KG

TITLE = "Cambodia electoral-integrity knowledge graph"
DESCRIPTION = ("Who did what to whom, when, under which law, and who said so: facts extracted from public "
               "reports on Cambodian elections, each with verbatim evidence.")
RIGHTS = ("Facts extracted by the cambodia-electoral-kg software (MIT licence). Evidence quotes are short "
          "excerpts of the source documents, which remain under their publishers' terms; see dcterms:source.")
VOCABULARIES = ("kg", "org", "eli", "sem", "time", "prov", "skos", "dcterms", "foaf")


@dataclass(frozen=True)
class FactCounts:
    """What the description counts of the fact quads (each quad once)."""

    triples: int
    #: distinct subjects
    entities: int
    #: instances (``rdf:type`` quads) per class
    classes: dict[URIRef, int]
    #: quads per named graph
    per_graph: dict[URIRef, int]


def counts_of(fact_quads: Sequence[tuple]) -> FactCounts:
    """The counts of a sequence of distinct quads (an RDF store counts its own: ``graph.rdf_store``)."""
    return FactCounts(
        triples=len(fact_quads),
        entities=len({s for s, *_ in fact_quads}),
        classes=dict(Counter(o for _, p, o, _ in fact_quads if p == RDF.type)),
        per_graph=dict(Counter(g for *_, g in fact_quads if g is not None)),
    )


def void_quads(facts: FactSet, counts: FactCounts) -> Iterator[tuple]:
    """The description of the dataset whose fact quads have ``counts`` (all in the default graph)."""
    ds = vocab.dataset_iri()

    def q(p: URIRef, o: URIRef | Literal, s: URIRef = ds) -> tuple:
        return s, p, o, None

    yield q(RDF.type, KG.Dataset)
    yield q(RDF.type, VOID.Dataset)
    yield q(RDF.type, DCAT.Dataset)
    yield q(DCTERMS.title, Literal(TITLE, lang="en"))
    yield q(DCTERMS.description, Literal(DESCRIPTION, lang="en"))
    yield q(DCTERMS.rights, Literal(RIGHTS, lang="en"))
    yield q(DCTERMS.license, URIRef("https://opensource.org/licenses/MIT"))
    yield q(VOID.uriSpace, Literal(vocab.base_iri() + "id/"))
    for prefix in VOCABULARIES:
        yield q(VOID.vocabulary, URIRef(vocab.PREFIXES[prefix]))
    for doc in sorted(facts.documents):
        yield q(DCTERMS.source, vocab.document_iri(doc))

    yield q(VOID.triples, Literal(counts.triples))
    yield q(VOID.entities, Literal(counts.entities))
    classes = counts.classes
    for cls in sorted(classes):
        part = vocab.iri("dataset", "class", _local(cls))
        yield q(VOID.classPartition, part)
        yield q(VOID["class"], cls, part)
        yield q(VOID.entities, Literal(classes[cls]), part)
    per_graph = counts.per_graph
    for g in sorted(per_graph):
        yield q(VOID.subset, g)
        yield q(RDF.type, VOID.Dataset, g)
        yield q(VOID.triples, Literal(per_graph[g]), g)


def _local(cls: URIRef) -> str:
    """A readable, unique-enough slug of a class IRI for its partition node (``org-Membership``)."""
    text = str(cls)
    for prefix, ns in vocab.PREFIXES.items():
        if text.startswith(ns):
            return f"{prefix}-{text[len(ns):]}"
    return vocab.iri("x", text).split("/")[-1]
