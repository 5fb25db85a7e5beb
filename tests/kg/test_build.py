"""``kg build`` and ``kg export`` on the real corpus: the issue's bar for a first honest graph."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from kg.cli import cli
from kg.workspace import Workspace
from tests.conftest import CORPUS
from tests.scoring import load_gold, load_scorer


def _export(runner: CliRunner, ws: Path, out: Path, fmt: str = "facts-json") -> Path:
    result = runner.invoke(cli, ["export", "--workspace", str(ws), "--format", fmt, "--output", str(out)])
    assert result.exit_code == 0, result.output
    return out


def test_build_reports_a_summary(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["build", "--workspace", str(tmp_path / "ws"), "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert "documents" in result.output and "entities:" in result.output and "events:" in result.output
    summary = json.loads((tmp_path / "ws" / "build.json").read_text())
    assert summary["documents"] >= 5 and summary["skipped"] == []


def test_export_is_valid_kg_facts_with_verbatim_quotes(built_workspace: Workspace, tmp_path: Path) -> None:
    out = _export(CliRunner(), built_workspace.path, tmp_path / "facts.json")
    facts = json.loads(out.read_text(encoding="utf-8"))
    assert facts["format"] == "kg-facts/1"
    assert len(facts["entities"]) >= 50
    assert len(facts["events"]) >= 30
    ids = {e["id"] for e in facts["entities"]}
    for ev in facts["events"]:
        assert ev["evidence"], f"event without evidence: {ev['id']}"
        assert all(p["entity"] in ids for p in ev["participants"])
        if ev["date"] is not None:
            assert ev["date"]["precision"] in ("year", "month", "day")
    report = load_scorer().score_facts(facts, load_gold(), CORPUS)
    assert report["evidence"]["checked"] > 0
    assert report["evidence"]["not_verbatim"] == 0, report["evidence"]["examples"]


def test_two_builds_give_identical_exports(tmp_path: Path) -> None:
    runner = CliRunner()
    outputs = []
    for n in (1, 2):
        ws = tmp_path / f"ws{n}"
        assert runner.invoke(cli, ["build", "--workspace", str(ws), "--corpus", str(CORPUS)]).exit_code == 0
        outputs.append(_export(runner, ws, tmp_path / f"facts{n}.json").read_bytes())
        outputs.append(_export(runner, ws, tmp_path / f"graph{n}.nt", "ntriples").read_bytes())
    assert outputs[0] == outputs[2]
    assert outputs[1] == outputs[3]


def test_export_builds_the_workspace_when_there_is_none(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(CORPUS.parent.parent)
    ws = tmp_path / "fresh"
    out = _export(CliRunner(), ws, tmp_path / "facts.json")
    assert Workspace(ws).exists()
    assert json.loads(out.read_text())["format"] == "kg-facts/1"


def test_turtle_export_parses_with_rdflib(built_workspace: Workspace, tmp_path: Path) -> None:
    import rdflib

    out = _export(CliRunner(), built_workspace.path, tmp_path / "graph.ttl", "turtle")
    g = rdflib.Graph().parse(out, format="turtle")
    assert len(g) > 100


def test_kg_workspace_env_is_the_default(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("KG_WORKSPACE", str(tmp_path / "envws"))
    result = CliRunner().invoke(cli, ["build", "--corpus", str(CORPUS)])
    assert result.exit_code == 0, result.output
    assert (tmp_path / "envws" / "facts.json").is_file()


def test_missing_corpus_is_one_clear_line(tmp_path: Path) -> None:
    import subprocess
    import sys

    proc = subprocess.run(
        [sys.executable, "-m", "kg.cli", "build", "--workspace", str(tmp_path / "ws"),
         "--corpus", str(tmp_path / "nope")],
        capture_output=True, text=True, cwd=CORPUS.parent.parent,
    )
    assert proc.returncode != 0
    assert "Traceback" not in proc.stderr
    assert proc.stderr.strip().count("\n") == 0 and "corpus folder not found" in proc.stderr
