"""The shared evaluation scorer (``../shared/eval/score.py``), loaded for the tests that measure the
loaders with it; those tests skip with one line when the project is cloned without ``../shared``."""

from __future__ import annotations

import importlib.util
import json
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from tests.conftest import SHARED

EVAL = SHARED / "eval"
SCORER = EVAL / "score.py"
DEV_GOLD = EVAL / "dev-gold.yaml"


def load_scorer() -> ModuleType:
    """The scorer module, or a skip when it is not beside the project."""
    if not SCORER.is_file():
        pytest.skip(f"the shared scorer is not beside the project ({SCORER})")
    spec = importlib.util.spec_from_file_location("kg_eval_score", SCORER)
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_gold(path: Path = DEV_GOLD) -> dict[str, Any]:
    if not path.is_file():
        pytest.skip(f"the gold file is not here ({path})")
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def build_heldout(folder: Path, tmp: Path) -> dict[str, Any]:
    """Build a held-out folder as a corpus (its ``gold.yaml`` is no document) and return the facts as
    kg-facts/1 JSON, the shape the scorer reads."""
    import shutil

    from graph import facts_json
    from kg.workspace import Workspace

    corpus = tmp / "corpus"
    corpus.mkdir()
    for f in folder.iterdir():
        if f.is_file() and f.name != "gold.yaml":
            shutil.copy(f, corpus / f.name)
    facts = Workspace(tmp / "ws").build(corpus)
    return json.loads(facts_json.dumps(facts))
