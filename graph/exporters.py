"""RDF exports of the fact model.

PROVISIONAL stub; the RDF work replaces it (Turtle, N-Triples, N-Quads/TriG, JSON-LD).
"""

from __future__ import annotations

from typing import IO

from graph.factset import FactSet

RDF_FORMATS: tuple[str, ...] = ("turtle", "ntriples", "nquads", "jsonld")


def write_rdf(facts: FactSet, fmt: str, out: IO[bytes]) -> None:
    raise NotImplementedError(fmt)
