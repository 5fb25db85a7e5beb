"""``kg review`` and ``kg build`` with decisions: a reviewer's round trip through the CLI and the sheet."""

from __future__ import annotations

import csv
import json
import os
import subprocess
import sys
from pathlib import Path

from tests.conftest import ROOT


def _kg(*args: str) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if k not in ("KG_WORKSPACE", "KG_DEBUG")} | {"KG_REVIEWER": "ana"}
    return subprocess.run([sys.executable, "-m", "kg.cli", *args], capture_output=True, text=True, cwd=ROOT, env=env)


def _facts(ws: Path) -> dict:
    return json.loads((ws / "facts.json").read_text(encoding="utf-8"))


def test_reject_rebuild_and_a_stale_decision_after_the_corpus_changed(invented_corpus: Path, tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    assert _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress").returncode == 0
    arrest = next(e["id"] for e in _facts(Path(ws))["events"] if e["type"] == "Arrest")
    proc = _kg("review", "reject", arrest, "--reason", "a rumour", "--workspace", ws)
    assert proc.returncode == 0 and "recorded 1 decision" in proc.stdout, proc.stderr
    decisions = invented_corpus / "decisions.yaml"
    assert "a rumour" in decisions.read_text(encoding="utf-8")
    proc = _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    assert proc.returncode == 0 and "1 fact(s) rejected" in proc.stdout
    facts = _facts(Path(ws))
    assert arrest not in {e["id"] for e in facts["events"]}
    assert [r["status"] for r in facts["rejected"]] == ["rejected"] and facts["reviews"][0]["by"] == "ana"
    assert len(facts["documents"]) == 2  # decisions.yaml is not a document

    brief = invented_corpus / "observer-brief-2021.txt"
    brief.write_text(brief.read_text(encoding="utf-8").replace("Police arrested", "Police questioned"),
                     encoding="utf-8")
    proc = _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    assert proc.returncode == 0
    warnings = [line for line in proc.stderr.splitlines() if "review decision" in line]
    assert len(warnings) == 1 and "kg review status" in warnings[0]
    assert "a rumour" in decisions.read_text(encoding="utf-8")  # kept, never dropped
    status = _kg("review", "status", "--workspace", ws)
    assert "stale review/" in status.stdout and arrest in status.stdout


def test_a_round_trip_through_the_review_sheet(invented_corpus: Path, tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    sheet = tmp_path / "sheet.csv"
    _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    assert _kg("review", "export", "--output", str(sheet), "--workspace", ws).returncode == 0
    assert sheet.read_bytes().startswith(b"\xef\xbb\xbf")
    with sheet.open(encoding="utf-8-sig", newline="") as fh:
        rows = list(csv.DictReader(fh))
    assert {r["status"] for r in rows} == {"extracted"} and len(rows) == sum(
        len(_facts(Path(ws))[k]) for k in ("entities", "events", "memberships"))
    statement = next(r for r in rows if r["type"] == "Statement")
    dissolution = next(r for r in rows if r["type"] == "Dissolution")
    statement["status"], statement["reason"] = "rejected", "hypothetical"
    dissolution["status"] = "accepted"
    with sheet.open("w", encoding="utf-8-sig", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=list(rows[0]))
        writer.writeheader()
        writer.writerows(rows)
    proc = _kg("review", "import", str(sheet), "--workspace", ws)
    assert proc.returncode == 0 and "2 row(s) changed" in proc.stdout, proc.stderr
    _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    facts = _facts(Path(ws))
    assert {e["id"]: e["status"] for e in facts["events"]}[dissolution["id"]] == "accepted"
    assert [(r["id"], r["status"]) for r in facts["rejected"]] == [(statement["id"], "rejected")]
    again = _kg("review", "import", str(sheet), "--workspace", ws)
    assert "0 row(s) changed" in again.stdout


def test_a_bad_decision_or_unknown_id_is_one_line(invented_corpus: Path, tmp_path: Path) -> None:
    ws = str(tmp_path / "ws")
    _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    proc = _kg("review", "accept", "event/nothing-here", "--workspace", ws)
    assert proc.returncode == 2 and "no fact with id" in proc.stderr
    (invented_corpus / "decisions.yaml").write_text("- action: destroy\n  target: x\n  by: me\n", encoding="utf-8")
    proc = _kg("build", "--corpus", str(invented_corpus), "--workspace", ws, "--no-progress")
    assert proc.returncode == 2 and "unknown action 'destroy'" in proc.stderr
