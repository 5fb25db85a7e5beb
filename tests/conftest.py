"""Shared fixtures: the real corpus, and one workspace built from it per test session."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import settings

from graph.factset import FactSet
from kg.workspace import Workspace

pytest_plugins = ["tests.neo4j_server"]

# CI explores the same examples on every run (a failure found while developing is kept by the
# example database); `HYPOTHESIS_PROFILE=dev` explores new ones.
settings.register_profile("ci", derandomize=True, database=None)
settings.register_profile("dev")
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci" if os.environ.get("CI") else "dev"))

ROOT = Path(__file__).resolve().parent.parent
CORPUS = ROOT / "data" / "corpus"
SHARED = ROOT.parent / "shared"


@pytest.fixture(scope="session")
def corpus_dir() -> Path:
    return CORPUS


@pytest.fixture(scope="session")
def built_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """A workspace built once from the bundled corpus (tests must not modify it)."""
    ws = Workspace(tmp_path_factory.mktemp("ws") / ".kg")
    ws.build(CORPUS)
    return ws


@pytest.fixture(scope="session")
def corpus_facts(built_workspace: Workspace) -> FactSet:
    return built_workspace.load()


@pytest.fixture(scope="session")
def other_workspace(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    """Another workspace: built from one document of the corpus (a smaller, overlapping graph)."""
    corpus = tmp_path_factory.mktemp("one-document")
    name = "anfrel-2017-commune-election-observation.txt"
    (corpus / name).write_bytes((CORPUS / name).read_bytes())
    ws = Workspace(tmp_path_factory.mktemp("ws-other") / ".kg")
    ws.build(corpus)
    return ws
