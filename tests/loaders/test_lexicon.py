import importlib
import re

import pytest

from graph import resources
from graph.errors import AbortRun
from graph.model import ENTITY_TYPES
from loaders.lexicon import ORG_MARK, phrase_regex

# the module itself (the package's own ``lexicon`` name may be something else)
lexicon = importlib.import_module("loaders.lexicon")


def test_actors_file_loads_with_known_types_and_unique_ids():
    known = lexicon.actors()
    assert len(known) > 100
    assert {a.type for a in known} <= set(ENTITY_TYPES)
    assert len({a.id for a in known}) == len(known)


def test_phrase_templates():
    rx = re.compile(phrase_regex("[the] remaining {org} nominee"), re.I)
    assert rx.fullmatch(f"the remaining {ORG_MARK} nominee")
    assert rx.fullmatch(f"remaining  {ORG_MARK}\nnominee")
    assert re.compile(phrase_regex("have|has {org} ties"), re.I).fullmatch(f"has {ORG_MARK} ties")


def test_a_bad_actors_file_aborts(tmp_path, monkeypatch):
    (tmp_path / "actors.yaml").write_text("actors:\n  - {name: X Party, type: Club}\n", encoding="utf-8")
    monkeypatch.setattr(resources, "lexicon_file", lambda name: tmp_path / name)
    resources.forget_lexicon()
    lexicon.actors.cache_clear()
    try:
        with pytest.raises(AbortRun, match="unknown type"):
            lexicon.actors()
    finally:
        monkeypatch.undo()
        resources.forget_lexicon()
        lexicon.actors.cache_clear()
