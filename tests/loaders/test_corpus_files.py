"""What a corpus folder holds becomes documents one-for-one: file names in any script give distinct
ids, links out of the folder are not followed, and every file not read is named with its reason."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

from graph.ids import document_id
from loaders.pipeline import build_facts
from loaders.text.decoding import decode
from tests.conftest import CORPUS

GOOD = "anfrel-2023-pre-election-assessment-summary.txt"
TEXT = "The National Election Committee disqualified the Farmers' Party on 3 March 2021.\n"


def test_file_names_in_other_scripts_get_distinct_stable_ids() -> None:
    names = ["របាយការណ៍.txt", "报告.txt", "報告書.txt", "보고서.txt", "report.txt", "rapport-é.txt"]
    ids = [document_id(n) for n in names]
    assert len(set(ids)) == len(ids)
    assert ids == [document_id(n) for n in names]  # stable
    assert document_id("report.txt") == "report" and document_id("rapport-é.txt") == "rapport-e"


def test_a_corpus_named_in_khmer_keeps_every_file_and_every_quote(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    original = (CORPUS / GOOD).read_text(encoding="utf-8")
    names = ["របាយការណ៍.txt", "សេចក្តីថ្លែងការណ៍.txt", "报告.txt", "보고서.txt"]
    for k, name in enumerate(names):
        (corpus / name).write_text(f"Copy {k}.\n" + original, encoding="utf-8")
    facts = build_facts(corpus)
    assert sorted(d.file for d in facts.documents.values()) == sorted(names)
    assert not facts.skipped
    raw = {d.id: (corpus / d.file).read_text(encoding="utf-8") for d in facts.documents.values()}
    quotes = [ev for fact in [*facts.events.values(), *facts.entities.values()] for ev in fact.evidence]
    assert quotes and all(raw[q.document][q.start:q.end] == q.quote for q in quotes)


def test_links_out_of_the_corpus_and_dangling_links_are_named_not_read(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "statement.txt").write_text(TEXT, encoding="utf-8")
    secret = tmp_path / "secret.txt"
    secret.write_text("API_KEY=do-not-read-me\n", encoding="utf-8")
    os.symlink(secret, corpus / "outside.txt")
    os.symlink(tmp_path / "gone.txt", corpus / "dangling.txt")
    os.symlink(tmp_path, corpus / "folder-link")
    os.symlink(corpus / "statement.txt", corpus / "inside.txt")
    facts = build_facts(corpus)
    skipped = {s.file: s.reason for s in facts.skipped}
    assert set(skipped) == {"outside.txt", "dangling.txt", "folder-link"}
    assert "outside the corpus" in skipped["outside.txt"] and "dangling" in skipped["dangling.txt"]
    assert sorted(d.file for d in facts.documents.values()) == ["inside.txt", "statement.txt"]
    assert all("do-not-read-me" not in (d.title or "") for d in facts.documents.values())


def test_a_manifest_entry_without_its_file_is_a_skip(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    shutil.copy(CORPUS / GOOD, corpus / GOOD)
    (corpus / "manifest.yaml").write_text(
        f"documents:\n  - file: {GOOD}\n    title: A report\n  - file: missing.pdf\n    title: Gone\n",
        encoding="utf-8")
    facts = build_facts(corpus)
    assert [(s.file, "not found" in s.reason) for s in facts.skipped] == [("missing.pdf", True)]


def test_utf16_and_utf32_with_a_byte_order_mark_are_text() -> None:
    for encoding in ("utf-16", "utf-16-be", "utf-32"):
        data = ("\ufeff" if encoding.endswith("be") else "") + TEXT
        decoded = decode(data.encode(encoding), "f.txt")
        assert decoded.text.lstrip("\ufeff") == TEXT, encoding
        assert decoded.encoding in ("utf-16", "utf-32") and "byte-order mark" in (decoded.note or "")
