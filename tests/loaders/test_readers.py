"""Reading documents: formats, decodings, metadata, skipped files, and offsets that always hold."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from graph.errors import SkipItem
from graph.model import FuzzyDate
from loaders.readers import parse_published, read_source
from loaders.text.manifest import load_manifest
from loaders.text.source import SourceText
from tests.conftest import CORPUS
from tests.loaders.samples import HTML, make_pdf

_CYRILLIC_IN_LATIN_WORD = re.compile(r"(?=[^\W\d_]*[A-Za-z])(?=[^\W\d_]*[\u0400-\u04ff])[^\W\d_]+")


def _fold(s: str) -> str:
    return " ".join(s.split())


# --- corpus: every document, random spans ------------------------------------------------------------

def _corpus_sources() -> list[SourceText]:
    manifest = load_manifest(CORPUS)
    out: list[SourceText] = []
    for path in sorted(CORPUS.glob("*.txt")):
        out.extend(read_source(path, manifest.get(path.name)))
    return out


SOURCES = _corpus_sources()
FILE_TEXT = {p.name: p.read_text(encoding="utf-8") for p in CORPUS.glob("*.txt")}


@settings(max_examples=400, deadline=None)
@given(doc=st.integers(0, len(SOURCES) - 1), a=st.floats(0, 1), length=st.integers(1, 600))
def test_evidence_is_verbatim_at_its_offsets_in_the_file(doc: int, a: float, length: int) -> None:
    src = SOURCES[doc]
    start = min(int(a * len(src.clean)), len(src.clean) - 1)
    end = min(start + length, len(src.clean))  # SourceText.evidence does not clamp an end past the text
    ev = src.evidence(start, end)
    file_text = FILE_TEXT[src.document.file]
    assert _fold(ev.quote) == _fold(file_text[ev.start:ev.end])
    assert ev.quote == src.raw[ev.start:ev.end]
    if src.document.span:
        assert src.document.span[0] <= ev.start <= ev.end <= src.document.span[1]
    if ev.quote:  # a sensible passage: it holds the clean words at both ends
        clean = src.clean[start:end].strip()
        first, last = clean.split()[0], clean.split()[-1]
        assert ev.quote.startswith(first[:1]) and ev.quote.rstrip().endswith(last[-1:])


def test_clean_corpus_has_no_leftover_markup_or_lookalikes() -> None:
    assert len(SOURCES) >= 8  # 5 files, the compilation split into its statements
    for src in SOURCES:
        for bad in ("<u>", "</u>", "<i>", "</i>", "\\$", "\\underline", "\\textbf", "\ufeff"):
            assert bad not in src.clean, (src.document.id, bad)
        assert not _CYRILLIC_IN_LATIN_WORD.search(src.clean), src.document.id
        assert not re.search(r"\n{3,}", src.clean)
    text = "\n".join(s.clean for s in SOURCES)
    assert re.search(r"\bCPP\b\t16", text)  # the table row written with a Cyrillic "СРР"
    assert "Democratic Elections, the Bali Commitment, and the International Covenant" in text


def test_manifest_metadata() -> None:
    manifest = load_manifest(CORPUS)
    name = "anfrel-2023-pre-election-assessment-summary.txt"
    [src] = read_source(CORPUS / name, manifest[name])
    doc = src.document
    assert doc.id == "anfrel-2023-pre-election-assessment-summary"
    assert doc.title == manifest[name]["title"] and doc.publisher == manifest[name]["publisher"]
    assert doc.published == FuzzyDate("2023-07-05", "day")
    assert (doc.kind, doc.language, doc.encoding) == ("report-summary", "en", "utf-8")


@pytest.mark.parametrize(("value", "expected"), [
    ("2024", FuzzyDate("2024", "year")), (2024, FuzzyDate("2024", "year")),
    ("2023-07", FuzzyDate("2023-07", "month")), ("2023-07-05", FuzzyDate("2023-07-05", "day")),
    (None, None), ("July 2023", None), ("2023-13", None),
])
def test_published_precision(value: object, expected: FuzzyDate | None) -> None:
    assert parse_published(value) == expected


def test_folder_without_manifest_takes_the_title_from_the_file(tmp_path: Path) -> None:
    path = tmp_path / "report.md"
    path.write_text("\n\n# **Election Report 2023**\n\nThe NEC announced results.\n", encoding="utf-8")
    [src] = read_source(path, None)
    assert src.document.title == "Election Report 2023"
    assert src.document.published is None and src.document.publisher is None


# --- decodings and skipped files ---------------------------------------------------------------------

def test_utf8_bom_is_kept_in_the_file_text_and_dropped_from_clean(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffThe Candlelight Party was disqualified.\n".encode())
    [src] = read_source(path)
    assert src.clean == "The Candlelight Party was disqualified."
    ev = src.evidence(4, 21)
    assert ev.quote == "Candlelight Party" == path.read_text(encoding="utf-8")[ev.start:ev.end]


@pytest.mark.parametrize("encoding", ["cp1252", "latin-1"])
def test_legacy_encodings_are_decoded_with_a_note(tmp_path: Path, encoding: str) -> None:
    text = "The NEC’s “decision” on the café" if encoding == "cp1252" else "Élection à Phnom Penh, café"
    path = tmp_path / f"{encoding}.txt"
    path.write_bytes(text.encode(encoding))
    [src] = read_source(path)
    assert src.clean == text
    assert src.document.encoding == "cp1252"  # Latin-1 text reads the same under cp1252
    assert any("decoded as cp1252" in n for n in src.document.notes)


def test_bytes_no_text_encoding_accepts_are_decoded_as_latin1(tmp_path: Path) -> None:
    path = tmp_path / "odd.txt"
    path.write_bytes(b"Caf\xe9 \x81 au lait")  # 0x81 is undefined in cp1252
    [src] = read_source(path)
    assert src.document.encoding == "latin-1" and src.clean.startswith("Café")


@pytest.mark.parametrize(("name", "data", "reason"), [
    ("empty.txt", b"", "empty file"),
    ("blank.txt", b" \n\t\n  \n", "empty file"),
    ("bom-only.txt", b"\xef\xbb\xbf\n", "empty file"),
    ("nul.txt", b"abc\x00def" * 10, "binary"),
    ("controls.md", bytes(range(1, 32)) * 20, "binary"),
    ("garbage.pdf", bytes((i * 7919 + 13) % 256 for i in range(4096)), "not a readable PDF"),
    ("truncated.pdf", make_pdf(["Hello world"])[:60], "not a readable PDF"),
    ("picture.docx", b"PK\x03\x04\x00\x00binary\x00zip", "binary"),
])
def test_unusable_files_are_skipped_with_a_reason(tmp_path: Path, capfd: pytest.CaptureFixture[str],
                                                  name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(SkipItem) as exc:
        read_source(path)
    assert str(exc.value).startswith(f"{name}: ") and reason in str(exc.value)
    out, err = capfd.readouterr()
    assert out == "" and err == ""  # pypdf's complaints are silenced


def test_unreadable_file_is_skipped(tmp_path: Path) -> None:
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(SkipItem, match="folder.txt: cannot read"):
        read_source(folder)
    if os.geteuid() != 0:  # root reads anything
        locked = tmp_path / "locked.txt"
        locked.write_text("secret", encoding="utf-8")
        locked.chmod(0)
        with pytest.raises(SkipItem, match="locked.txt: cannot read"):
            read_source(locked)


def test_unknown_suffix_is_read_as_text_with_a_note(tmp_path: Path) -> None:
    path = tmp_path / "statement.rst"
    path.write_text("Statement on the 2023 election\n\nThe election was not free.\n", encoding="utf-8")
    [src] = read_source(path)
    assert src.document.title == "Statement on the 2023 election"
    assert any("unknown suffix .rst" in n for n in src.document.notes)


# --- HTML and PDF ------------------------------------------------------------------------------------

def test_html_main_text_with_offsets_into_the_html(tmp_path: Path) -> None:
    path = tmp_path / "statement.html"
    path.write_text(HTML, encoding="utf-8")
    [src] = read_source(path)
    assert src.document.title == "APHR & ANFREL: Statement"
    clean = src.clean
    assert clean.startswith("Joint Statement on the 2023 Election\n\nThe NEC rejected the registration")
    assert "Candlelight Party (CLP) in May 2023." in clean
    assert "First point\nSecond point" in clean
    assert "2018\tCPP\n2023\tCPP" in clean
    for gone in ("Home", "News", "Copyright", "color", "not text", "<", ">"):
        assert gone not in clean
    i = clean.index("rejected the registration")
    ev = src.evidence(i, clean.index("in May") + len("in May 2023"))
    assert ev.quote == HTML[ev.start:ev.end]
    assert ev.quote.startswith("rejected</u> the registration of the\n   Candlelight Party&nbsp;(CLP)")
    assert ev.quote.endswith("May&#160;2023")


def test_pdf_text_layer_with_offsets(tmp_path: Path) -> None:
    lines = ["Statement on the Cambodian elections", "",
             "The NEC disqualified the Candlelight Party in May 2023, and the",
             "party could not take part in the election of July 2023."]
    path = tmp_path / "statement.pdf"
    path.write_bytes(make_pdf(lines, title="APHR statement"))
    [src] = read_source(path, None)
    assert src.document.title == "APHR statement"
    assert src.document.encoding == "pdf-text"
    assert any("text layer" in n for n in src.document.notes)
    assert "Candlelight Party" in src.clean and "May 2023" in src.clean
    i = src.clean.index("Candlelight")
    ev = src.evidence(i, src.clean.index("election of July 2023") + len("election of July 2023"))
    assert ev.quote == src.raw[ev.start:ev.end]
    assert ev.quote.startswith("Candlelight Party in May 2023") and ev.quote.endswith("July 2023")
    with_meta = read_source(path, {"title": "From the manifest", "published": "2023-06"})[0].document
    assert with_meta.title == "From the manifest" and with_meta.published == FuzzyDate("2023-06", "month")


def test_html_without_head_or_main(tmp_path: Path) -> None:
    path = tmp_path / "bare.htm"
    path.write_text("<title>Bare page</title><p>First <b>bold</b> line.<br>Second line.<p>Next paragraph",
                    encoding="utf-8")
    [src] = read_source(path)
    assert src.document.title == "Bare page"
    assert src.clean == "First bold line.\nSecond line.\n\nNext paragraph"
