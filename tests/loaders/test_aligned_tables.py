"""Space-aligned tables survive cleaning row by row, with their cell gaps, and reach the table rules."""

from __future__ import annotations

import re
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from kg.workspace import Workspace
from loaders.readers import read_source
from loaders.text.cleaning import aligned_tables

TABLE = """Results

The results of the 2019 district elections, held on 2 March 2019, were published by the NEC.

Party                      Votes      Share   Seats
Cambodian People's Party   4,100,000  70.1%   410
Khmer Will Party           1,000,000  17.2%   95

Observers questioned the count, and the line   with  odd spacing is prose.
"""


def _write(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "district-results.txt").write_text(TABLE, encoding="utf-8")
    return corpus


def test_rows_keep_their_lines_and_gaps(tmp_path: Path) -> None:
    src = read_source(_write(tmp_path) / "district-results.txt")[0]
    assert "\nCambodian People's Party   4,100,000  70.1%   410\n" in src.clean
    assert "Party                      Votes" in src.clean
    assert "the line with odd spacing is prose" in src.clean


def test_an_aligned_results_table_becomes_election_results(tmp_path: Path) -> None:
    facts = Workspace(tmp_path / "ws").build(_write(tmp_path))
    elections = [e for e in facts.events.values() if e.type == "Election"]
    assert len(elections) == 1
    seats = {r["party"]: r["seats"] for r in elections[0].attributes["results"]}
    assert seats["party/cambodian-peoples-party"] == 410
    assert elections[0].date is not None and elections[0].date.value.startswith("2019")


_ROW = r"[^\n]*\S {2,}\S[^\n]*\S {2,}\S[^\n]*"
_MULTILINE = re.compile(rf"^{_ROW}(?:\n{_ROW})+$", re.M)  # the definition aligned_tables implements line by line


def test_aligned_tables_finds_the_rows_of_the_table() -> None:
    start = TABLE.index("Party  ")
    end = TABLE.index("95") + 2
    assert aligned_tables(TABLE) == [(start, end)]


@given(st.text(alphabet="ab| \t\n\r.", max_size=80))
def test_aligned_tables_is_the_multiline_pattern(text: str) -> None:
    assert aligned_tables(text) == [m.span() for m in _MULTILINE.finditer(text)]
