"""An unexpected error of the rules on one document loses that document only: it is skipped with the
reason and the other documents are built (through the build's own path, the stored extracts included)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

import loaders.events.extract as events_extract
from loaders.incremental import build_corpus


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text("In 2017 the Supreme Court dissolved the Cambodia National Rescue Party.\n",
                                  encoding="utf-8")
    (corpus / "b.txt").write_text("The National Election Committee disqualified Kem Sokha in 2022.\n",
                                  encoding="utf-8")
    return corpus


def test_a_failing_document_is_skipped_and_the_others_built(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real = events_extract.extract_events

    def failing(pd: Any) -> Any:
        if pd.src.document.file == "b.txt":
            raise ValueError("min() arg is an empty sequence")
        return real(pd)

    monkeypatch.setattr(events_extract, "extract_events", failing)
    facts, _ = build_corpus(_corpus(tmp_path), jobs=1)
    assert [d.file for d in facts.documents.values()] == ["a.txt"]
    assert [(s.file, s.reason) for s in facts.skipped] == [
        ("b.txt", "internal error while extracting: ValueError: min() arg is an empty sequence")]
    assert {e.type for e in facts.events.values()} == {"Dissolution"}
    assert all(ev.document != "b" for e in facts.entities.values() for ev in e.evidence)
