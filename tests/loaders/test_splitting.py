"""A file holding several documents (titles repeated twice) is split; others stay one document."""

from __future__ import annotations

from pathlib import Path

from graph.model import FuzzyDate
from loaders.readers import read_source
from loaders.text.manifest import load_manifest
from loaders.text.splitting import find_parts
from tests.conftest import CORPUS

COMPILATION = "aphr-anfrel-2023-statements-compilation.txt"


def test_the_compilation_splits_into_its_statements() -> None:
    meta = load_manifest(CORPUS)[COMPILATION]
    sources = read_source(CORPUS / COMPILATION, meta)
    assert len(sources) >= 4
    raw = (CORPUS / COMPILATION).read_text(encoding="utf-8")
    spans = [s.document.span for s in sources]
    assert spans[0] == (0, spans[0][1]) and spans[-1][1] == len(raw)
    assert all(a[1] == b[0] for a, b in zip(spans, spans[1:], strict=False))  # contiguous, no gap
    stem = "aphr-anfrel-2023-statements-compilation--"
    ids = [s.document.id for s in sources]
    assert len(set(ids)) == len(ids) and all(i.startswith(stem) and len(i) <= len(stem) + 60 for i in ids)
    sha = {s.document.sha256 for s in sources}
    assert len(sha) == 1
    for src in sources:
        doc = src.document
        assert doc.file == COMPILATION and doc.publisher == meta["publisher"] and doc.kind == meta["kind"]
        assert src.raw == raw
        start, end = doc.span
        assert raw[start:end].lstrip().startswith(doc.title)
        assert src.clean.startswith(doc.title)
        assert src.clean.count(doc.title) == 1  # the repeated copy is not in the clean text
        ev = src.evidence(0, len(src.clean))
        assert start <= ev.start < ev.end <= end and ev.quote == raw[ev.start:ev.end]
    titles = [s.document.title for s in sources]
    assert any("Thailand" in t for t in titles) and any("Indonesia" in t for t in titles)


def test_offsets_of_a_later_statement_point_into_the_whole_file() -> None:
    sources = read_source(CORPUS / COMPILATION, None)
    last = sources[-1]
    i = last.clean.index("JAKARTA")
    ev = last.evidence(i, i + len("JAKARTA"))
    assert ev.start > last.document.span[0] > 0
    assert last.raw[ev.start:ev.end] == "JAKARTA"


def test_invented_compilation_with_a_preamble(tmp_path: Path) -> None:
    text = ("Statements collected by the secretariat\n\n"
            "First Statement on the Elections\n\nFirst Statement on the Elections\n\nWe are concerned.\n\n"
            "Second Open Letter to Parliaments\n\nSecond Open Letter to Parliaments\n\nWe call on you.\n")
    path = tmp_path / "letters.txt"
    path.write_text(text, encoding="utf-8")
    sources = read_source(path, {"title": "Letters"})
    assert [s.document.id for s in sources] == [
        "letters--preamble", "letters--first-statement-on-the-elections",
        "letters--second-open-letter-to-parliaments"]
    assert sources[1].clean == "First Statement on the Elections\n\nWe are concerned."
    assert sources[0].document.title == "Letters (preamble)"


def test_parts_take_their_own_date_line_and_same_titles_get_numbered(tmp_path: Path) -> None:
    text = ("Open Letter on the Elections\n\nOpen Letter on the Elections\n\n8 June 2023\n\nWe write.\n\n"
            "Open Letter on the Elections\n\nOpen Letter on the Elections\n\nJuly 20, 2022\n\nAgain.\n")
    path = tmp_path / "letters.txt"
    path.write_text(text, encoding="utf-8")
    first, second = read_source(path, {"published": "2023"})
    assert first.document.id == "letters--open-letter-on-the-elections"
    assert second.document.id == "letters--open-letter-on-the-elections-2"
    assert first.document.published == FuzzyDate("2023-06-08", "day")
    assert second.document.published == FuzzyDate("2023", "year")  # 2022 contradicts the manifest: not taken


def test_a_file_without_repeated_titles_stays_one_document() -> None:
    for path in sorted(CORPUS.glob("*.txt")):
        if path.name != COMPILATION:
            assert len(read_source(path, None)) == 1, path.name


def test_one_repeated_title_is_not_a_compilation() -> None:
    text = "Report on the Elections\n\nReport on the Elections\n\nBody text of the report.\n"
    assert len(find_parts(text)) == 1


def test_repeated_short_or_list_lines_are_not_titles() -> None:
    text = ("Yours sincerely,\n\nYours sincerely,\n\n- one two three\n- one two three\n\n"
            "Thank you\nThank you\n")
    assert len(find_parts(text)) == 1
