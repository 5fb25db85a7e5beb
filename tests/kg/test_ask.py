"""``kg ask`` from the command line: formats, the catalogue listing, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.workspace import Workspace
from tests.conftest import ROOT
from tests.queries.conftest import small_facts, write_workspace


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT)


@pytest.fixture(scope="module")
def ws(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return write_workspace(small_facts(), tmp_path_factory.mktemp("ask") / ".kg")


def test_list_shows_questions_and_parameters() -> None:
    proc = _kg("ask", "--list")
    assert proc.returncode == 0, proc.stderr
    for text in ("amendments-before-disqualifications", "timeline", "nec-composition", "media-closures",
                 "foreign-reactions", "evidence", "laws-used-against", "party-fates", "--param within-days"):
        assert text in proc.stdout
    assert "entity-names" not in proc.stdout


def test_json_answer(ws: Workspace) -> None:
    proc = _kg("ask", "amendments-before-disqualifications", "--format", "json", "--workspace", str(ws.path))
    assert proc.returncode == 0, proc.stderr
    answer = json.loads(proc.stdout)
    assert answer["question"] == "amendments-before-disqualifications"
    row = next(r for r in answer["rows"] if r["order"] == "before")
    assert set(row) >= {"amendment", "disqualification", "order", "gap_days"}
    assert set(row["amendment"]) >= {"event", "law", "date", "evidence"}
    assert set(row["disqualification"]) >= {"event", "target", "date", "evidence"}
    assert row["gap_days"] == {"min": 2222, "max": 2282}


def test_csv_and_table(ws: Workspace) -> None:
    proc = _kg("ask", "timeline", "-p", "actor=Lantern Party", "--format", "csv", "--workspace", str(ws.path))
    assert proc.returncode == 0, proc.stderr
    rows = list(csv.DictReader(io.StringIO(proc.stdout)))
    assert [r["event"] for r in rows] == ["event/disqualification-lp"]
    assert rows[0]["date"] == "2023-05 (month)" and "passage stating" in rows[0]["evidence"]
    pairs = _kg("ask", "amendments-before-disqualifications", "--format", "csv", "--workspace", str(ws.path))
    assert pairs.returncode == 0, pairs.stderr
    header = next(csv.reader(io.StringIO(pairs.stdout)))
    assert {"amendment.law", "disqualification.target", "order", "gap_days.min", "gap_days.max"} <= set(header)
    assert "gap_days" not in header  # null for an undated pair, yet no column of its own
    table = _kg("ask", "party-fates", "--workspace", str(ws.path))
    assert table.returncode == 0, table.stderr
    assert "Lantern Party" in table.stdout and "2 row(s)" in table.stdout


@pytest.mark.parametrize("args, words", [
    (["ask", "no-such-question"], "unknown question"),
    (["ask", "timeline", "-p", "colour=red"], "no parameter 'colour'"),
    (["ask", "timeline"], "needs --param actor"),
    (["ask", "media-closures", "-p", "from=last spring"], "bad date"),
    (["ask", "media-closures", "-p", "from"], "key=value"),
    (["ask", "timeline", "-p", "actor=Nobody At All"], "no entity named"),
    (["ask", "party-fates", "--backend", "nope"], "unknown backend"),
    (["ask", "party-fates", "--format", "xml"], "xml"),
])
def test_errors_are_one_line(ws: Workspace, args: list[str], words: str,
                             capsys: pytest.CaptureFixture[str]) -> None:
    """In-process (the same ``main`` as the ``kg`` script, without a Python start-up per case)."""
    with pytest.raises(SystemExit) as exit_:
        main([*args, "--workspace", str(ws.path)])
    err = capsys.readouterr().err
    assert exit_.value.code == 2 and "Traceback" not in err
    assert len(err.strip().splitlines()) == 1, err
    assert words in err


def test_unknown_question_from_the_shell_is_one_line() -> None:
    proc = _kg("ask", "no-such-question")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert proc.stderr.strip().splitlines() == [proc.stderr.strip()] and "unknown question" in proc.stderr


def test_builds_the_workspace_when_there_is_none(tmp_path: Path) -> None:
    target = tmp_path / "fresh"
    proc = _kg("ask", "party-fates", "--format", "json", "--workspace", str(target))
    assert proc.returncode == 0, proc.stderr
    assert Workspace(target).exists() and (target / "store").is_dir()
    assert json.loads(proc.stdout)["question"] == "party-fates"
