"""Every trigger, phrase and statement cue of ``data/lexicon/events.yaml`` on an invented sentence
(``cases.yaml``): the event type, and the roles read from the parse."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from graph.model import Document
from loaders.events.claim import Claim
from loaders.events.extract import claims_of
from loaders.events.lexicon import lexicon
from loaders.events.typed import forms
from loaders.text.source import SourceText

CASES: list[dict[str, Any]] = yaml.safe_load(
    (Path(__file__).parent / "cases.yaml").read_text(encoding="utf-8"))["cases"]


def _claims(text: str) -> list[Claim]:
    doc = Document(id="doc", file="doc.txt", title="doc", sha256="0" * 64)
    return claims_of(SourceText.identity(doc, text))


def _roles(c: Claim, role: str) -> set[str]:
    return {p.entity for p in c.participants if p.role == role}


@pytest.mark.parametrize("case", CASES, ids=[c["text"][:60] for c in CASES])
def test_case(case: dict[str, Any]) -> None:
    got = _claims(case["text"])
    if "none" in case:
        assert not [c for c in got if c.type == case["none"]], got
        return
    if "none_stance" in case:
        assert not [c for c in got if c.attributes.get("stance") == case["none_stance"]], got
        return
    of_type = [c for c in got if c.type == case["type"]]
    assert of_type, f"no {case['type']} in {got}"
    for role in ("agent", "target", "instrument", "speaker"):
        if role in case:
            assert any(set(case[role]) <= _roles(c, role) for c in of_type), [c.participants for c in of_type]
    if "stance" in case:
        assert any(c.attributes.get("stance") == case["stance"] for c in of_type)
    if "date" in case:
        assert any(d.year == int(case["date"][:4]) for c in of_type for d in c.dates)


def test_every_trigger_has_a_case() -> None:
    """Each verb, noun and phrase verb of every type is the trigger of at least one case."""
    from loaders.parse.model import nlp

    lemmas = {t.lemma_.lower() for c in CASES for t in nlp()(c["text"])}
    lemmas |= {w.lower().strip(".,") for c in CASES for w in c["text"].split()}
    missing = []
    for spec in lexicon().types:
        for verb, _ in spec.verbs:
            if verb not in lemmas and not forms(verb) & lemmas:
                missing.append(f"{spec.name}: verb {verb}")
        for noun in spec.nouns:
            if noun not in lemmas and noun.replace("-", "") not in lemmas:
                missing.append(f"{spec.name}: noun {noun}")
        for ph in spec.phrases:
            for verb, _ in ph.verbs:
                if verb not in lemmas:
                    missing.append(f"{spec.name}: phrase verb {verb}")
    assert not missing, ", ".join(missing)


def test_a_person_who_spoke_for_a_state_keeps_speaking_for_it() -> None:
    got = _claims("US State Department spokesperson Jane Holloway said the vote in Cambodia was flawed. "
                  "Holloway added that Cambodia should free Kem Sokha.")
    foreign = [c for c in got if c.type == "ForeignStatement"]
    assert len(foreign) == 2 and all(_roles(c, "speaker") == {"person/jane-holloway"} for c in foreign)
    assert not [c for c in got if c.type == "Statement"]
