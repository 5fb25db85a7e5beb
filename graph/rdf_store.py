"""The embedded RDF store of the workspace (no server).

PROVISIONAL stub; the RDF work replaces it with the real mapping and an Oxigraph store.
"""

from __future__ import annotations

from pathlib import Path

from graph.factset import FactSet


def write_store(facts: FactSet, path: Path) -> None:
    """Write ``facts`` as RDF into a new store at ``path``."""
    path.mkdir(parents=True, exist_ok=True)
