"""The questions on the real corpus: each one answers, and the gold pairs of the dev set come out.

``test_gold_amendments_before_disqualifications`` scores the JSON answer with
``shared/eval/score.py``: it fails (saying which pairs) until extraction produces the amendments
and the disqualifications/dissolutions the corpus states.
"""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from kg.workspace import Workspace
from queries.answer import ask
from queries.backends import Backend, open_backend
from queries.catalogue import public
from tests.conftest import SHARED

SCORE = SHARED / "eval" / "score.py"
GOLD = SHARED / "eval" / "dev-gold.yaml"


@pytest.fixture(scope="module")
def corpus_backend(built_workspace: Workspace) -> Iterator[Backend]:
    b = open_backend("sparql", built_workspace)
    yield b
    b.close()


def _sample_params(name: str, backend: Backend) -> dict[str, str]:
    """Parameters that exist in any graph: an actor of some event, a fact that has evidence."""
    if name == "foreign-reactions":
        return {"election": "2023"}
    if name in ("timeline", "evidence"):
        rows = ask("party-fates", {}, backend)["rows"] or ask("media-closures", {}, backend)["rows"]
        if not rows:
            pytest.skip(f"{name}: the corpus graph has no party fate or media closure to start from yet")
        first = rows[0]
        return {"fact": first["event"]} if name == "evidence" else {"actor": first.get("party_id")
                                                                   or first["targets"][0]["id"]}
    return {}


@pytest.mark.parametrize("name", [q.name for q in public()])
def test_every_question_answers_on_the_corpus(name: str, corpus_backend: Backend) -> None:
    answer = ask(name, _sample_params(name, corpus_backend), corpus_backend)
    assert answer["question"] == name and isinstance(answer["rows"], list)
    json.dumps(answer)  # serialisable as it is


@pytest.mark.gold
def test_gold_amendments_before_disqualifications(corpus_backend: Backend, tmp_path: Path) -> None:
    if not (SCORE.exists() and GOLD.exists()):
        pytest.skip("../shared/eval (scorer and dev gold) is not beside the project")
    answer = ask("amendments-before-disqualifications", {}, corpus_backend)
    path = tmp_path / "answer.json"
    path.write_text(json.dumps(answer, ensure_ascii=False), encoding="utf-8")
    question = "amendments_before_disqualifications"
    proc = subprocess.run([sys.executable, str(SCORE), "ask", str(path), str(GOLD), question],
                          capture_output=True, text=True, check=True)
    report = json.loads(proc.stdout)
    wrong = [f"{p['pair'][0]} vs {p['pair'][1]}: expected {'/'.join(p['expected'])}, got {p['got']}"
             for p in report["pairs"] if not p["ok"]]
    assert not wrong, (f"{report['correct']['hit']}/{report['correct']['of']} gold pairs right "
                       f"({len(answer['rows'])} answer rows); wrong: " + "; ".join(wrong))
