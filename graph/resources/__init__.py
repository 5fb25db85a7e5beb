"""The files the code reads, found as package data through ``importlib.resources``.

An installed wheel has no clone around it, so nothing may be found relative to the working folder or
to the repository. This package holds (or, in the clone, links to) every such file:

- ``ontology.ttl`` and ``shapes.ttl``: the project's terms and SHACL shapes (the files at the top of
  the repository; here as links, copied into the wheel);
- ``lexicon/``: the reviewed data files of the loaders (``data/lexicon``, likewise linked);
- ``context.jsonld``: the JSON-LD context of the exports.

The page template and the query files live beside the modules that use them and are found the same
way (``importlib.resources.files(<package>)``).
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cache
from importlib.resources import files
from importlib.resources.abc import Traversable
from typing import Any

import yaml

from graph.errors import AbortRun


def resource(name: str) -> Traversable:
    """The resource ``name`` of this package (``ontology.ttl``, ``lexicon/actors.yaml``, ...)."""
    node = files(__name__)
    for part in name.split("/"):
        node = node / part
    return node


def lexicon_file(name: str) -> Traversable:
    """The lexicon file ``name`` (``actors.yaml``)."""
    return resource(f"lexicon/{name}")


def ontology() -> Traversable:
    return resource("ontology.ttl")


def shapes() -> Traversable:
    return resource("shapes.ttl")



@cache
def _parsed(name: str) -> Any:
    node = lexicon_file(name)
    try:
        return yaml.safe_load(node.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as exc:
        raise AbortRun(f"lexicon {name}: {exc}") from exc


def read_lexicon(name: str, shape: Mapping[str, type] | None = None) -> Any:
    """The lexicon file ``name``, parsed once per process (the one reader and cache of every lexicon
    file). ``shape`` names the top-level keys the caller reads and the kind each must be; a file that
    does not match aborts the run, so a typo in the lexicon fails at start instead of losing data."""
    data = _parsed(name)
    if shape is None:
        return data
    if not isinstance(data, dict):
        raise AbortRun(f"lexicon {name}: expected a mapping")
    for key, kind in shape.items():
        if not isinstance(data.get(key), kind):
            raise AbortRun(f"lexicon {name}: '{key}' must be a {kind.__name__}")
    return data


def forget_lexicon() -> None:
    """Read the lexicon files again on next use (tests that swap a file)."""
    _parsed.cache_clear()
