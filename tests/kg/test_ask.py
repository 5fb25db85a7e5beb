"""``kg ask`` from the command line: formats, the catalogue listing, and one-line errors."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import main
from kg.workspace import Workspace
from tests.conftest import ROOT
from tests.queries.conftest import contested_facts, small_facts, write_workspace


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
    assert (rows[0]["date.value"], rows[0]["date.precision"]) == ("2023-05", "month")
    assert "passage stating" in rows[0]["evidence"]
    pairs = _kg("ask", "amendments-before-disqualifications", "--format", "csv", "--workspace", str(ws.path))
    assert pairs.returncode == 0, pairs.stderr
    header = next(csv.reader(io.StringIO(pairs.stdout)))
    assert {"amendment.law", "disqualification.target", "order", "gap_days.min", "gap_days.max"} <= set(header)
    assert "gap_days" not in header  # null for an undated pair, yet no column of its own
    table = _kg("ask", "party-fates", "--workspace", str(ws.path))
    assert table.returncode == 0, table.stderr
    assert "Lantern" in table.stdout and "2 row(s)" in table.stdout


@pytest.mark.parametrize("args, words", [
    (["ask", "no-such-question"], "unknown question"),
    (["ask", "timeline", "-p", "colour=red"], "no parameter 'colour'"),
    (["ask", "timeline"], "needs --param actor"),
    (["ask", "media-closures", "-p", "from=last spring"], "bad date"),
    (["ask", "media-closures", "-p", "from"], "key=value"),
    (["ask", "timeline", "-p", "actor=Nobody At All"], "no entity named"),
    (["ask", "timeline", "-p", "actor=Lantern"], "did you mean 'Lantern Party' (party/lantern-party), "),
    (["ask", "party-fates", "-p", "party=River"], "did you mean 'The River Party' (party/the-river-party)?"),
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


# --- issue 14: what the reader must know, empty answers, tables that fit, CSV for spreadsheets

@pytest.fixture(scope="module")
def contested(tmp_path_factory: pytest.TempPathFactory) -> Workspace:
    return write_workspace(contested_facts(), tmp_path_factory.mktemp("contested") / ".kg")


def _env(**extra: str) -> dict[str, str]:
    return {k: v for k, v in os.environ.items() if k != "COLUMNS"} | extra


def _run(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT,
                          env=_env(**env))


def test_table_csv_and_json_show_a_date_conflict(contested: Workspace) -> None:
    args = ("ask", "amendments-before-disqualifications", "--workspace", str(contested.path))
    table = _run(*args, COLUMNS="200")
    assert table.returncode == 0, table.stderr
    assert "2023-05 \u26a01" in table.stdout  # the contested date, marked
    assert "after (or before)" in table.stdout  # the order one report's date gives
    assert "\u26a01 date-conflict: Disqualification of Lantern Party (event/disqualification-lp): " \
           "the reports say 2023-05 (report-0), 2024-03 (report-1)" in table.stdout
    rows = list(csv.DictReader(io.StringIO(_run(*args, "--format", "csv").stdout)))
    row = next(r for r in rows if r["amendment.event"] == "event/amendment-lol-2024")
    assert row["flags"] == "date-conflict" and row["claimed_orders"] == "before; after"
    assert row["disqualification.date_claims"] == "2023-05 (month) report-0; 2024-03 (month) report-1"
    plain = next(r for r in rows if r["disqualification.event"] == "event/dissolution-river")
    assert plain["flags"] == "" and plain["disqualification.date_claims"] == ""
    fates = _run("ask", "party-fates", "-p", "party=LP", "--workspace", str(contested.path), COLUMNS="100")
    assert "2023-05 \u26a01" in fates.stdout and "2024-03 (report-1)" in fates.stdout


def test_article_in_the_table(contested: Workspace) -> None:
    table = _run("ask", "amendments-before-disqualifications", "-p", "law=LoL", "--workspace",
                 str(contested.path), COLUMNS="200")
    assert "articles" in table.stdout and "Article 6" in table.stdout


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_empty_answer_has_a_header_and_says_no_rows(ws: Workspace, fmt: str) -> None:
    proc = _run("ask", "laws-used-against", "-p", "party=Lantern Party", "--format", fmt,
                "--workspace", str(ws.path), COLUMNS="100")
    assert proc.returncode == 0, proc.stderr
    if fmt == "table":
        assert "no rows" in proc.stderr and "no rows" not in proc.stdout
        assert "party" in proc.stdout and "laws" in proc.stdout and "0 row(s)" in proc.stdout
    elif fmt == "csv":
        header = proc.stdout.splitlines()[0].split(",")
        assert header[:4] == ["party", "party_id", "laws", "articles"] and "date.precision" in header
        assert len(proc.stdout.splitlines()) == 1
    else:
        assert json.loads(proc.stdout)["rows"] == []


@pytest.mark.parametrize("width", [80, 100, 140])
def test_tables_fit_the_width_without_splitting_words(ws: Workspace, width: int) -> None:
    for name, params in [("amendments-before-disqualifications", []), ("timeline", ["-p", "actor=LoL"]),
                         ("nec-composition", []), ("media-closures", []), ("party-fates", [])]:
        proc = _run("ask", name, *params, "--workspace", str(ws.path), COLUMNS=str(width))
        assert proc.returncode == 0, proc.stderr
        lines = proc.stdout.splitlines()
        assert max(len(line.rstrip()) for line in lines) <= width, name
        table = "\n".join(lines)
        for word in ("Lanterns", "Disqualification", "undetermined", "Testland", "National", "Committee"):
            if word in " ".join(table.split()):
                assert word in table, (name, width, word)  # never split over two lines
        assert "[1] invented-report@" in table  # the evidence as numbered notes under the table
        assert "passage stating" not in table.split("[1]")[0]  # not inside the table


def test_default_table_is_narrower_than_wide(ws: Workspace) -> None:
    args = ("ask", "amendments-before-disqualifications", "--workspace", str(ws.path))
    narrow, wide = _run(*args, COLUMNS="300"), _run(*args, "--wide", COLUMNS="300")
    header = next(line for line in narrow.stdout.splitlines() if "order" in line)
    wide_header = next(line for line in wide.stdout.splitlines() if "order" in line)
    assert len(header.split()) < len(wide_header.split())
    assert "disqualification agents" in wide.stdout.replace("\n", " ") or "agents" in wide_header


def test_csv_for_spreadsheets(ws: Workspace, tmp_path: Path) -> None:
    base = ("ask", "media-closures", "-p", "from=2023", "--workspace", str(ws.path))
    plain = _run(*base, "--format", "csv")
    assert not plain.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(plain.stdout)))
    assert {r["in_period"] for r in rows} == {"true"}
    assert [(r["date.value"], r["date.precision"]) for r in rows] == [("2023-02", "month")]
    excel = subprocess.run([sys.executable, "-m", "kg.cli", *base, "--format", "csv", "--excel"],
                           capture_output=True, cwd=ROOT, env=_env())
    assert excel.stdout.startswith("\ufeff".encode()) and b"\r\n" in excel.stdout
    out = tmp_path / "closures.csv"
    proc = _run(*base, "--output", str(out))  # the format follows the suffix; a .csv file gets the BOM
    assert proc.returncode == 0, proc.stderr
    data = out.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"date.precision" in data
    out_json = tmp_path / "closures.json"
    assert _run(*base, "-o", str(out_json)).returncode == 0
    assert json.loads(out_json.read_text(encoding="utf-8"))["question"] == "media-closures"
