"""The stored form of a document's extract gives back exactly what was extracted."""

from __future__ import annotations

import datetime as dt

import pytest

from graph.factset import FactSet
from graph.model import Entity
from loaders.extract_codec import DocumentExtract, decode, encode
from loaders.extraction import extract_sources
from loaders.factlog import FactLog
from loaders.pipeline import read_corpus
from tests.conftest import CORPUS
from tests.loaders.helpers import source


def test_every_extract_of_the_corpus_round_trips() -> None:
    extracts = list(extract_sources(read_corpus(CORPUS, FactSet())))
    assert extracts and any(ex.claims for ex in extracts) and any(ex.log.ops for ex in extracts)
    for ex in extracts:
        line = encode(ex)
        assert b"\n" not in line
        assert decode(line) == ex


def test_values_keep_their_kind() -> None:
    """Tuples, sets and dates come back as such (plain JSON would make them lists and strings)."""
    log = FactLog()
    log.add_entity(Entity("party/x", "Party", "X", {"Ex"}, {"span": (1, 2), "founded": dt.date(1951, 6, 28)}))
    ex = DocumentExtract(source("text").document, log, [], [(0, 2023)], "key", "invented")
    back = decode(encode(ex))
    assert back == ex
    attrs = back.log.ops[0][1][0].attributes
    assert isinstance(attrs["span"], tuple) and isinstance(attrs["founded"], dt.date)


def test_a_value_it_cannot_store_is_an_error() -> None:
    log = FactLog()
    log.add_entity(Entity("party/x", "Party", "X", attributes={"odd": object()}))
    with pytest.raises(TypeError):
        encode(DocumentExtract(source("text").document, log, [], [], "key"))
