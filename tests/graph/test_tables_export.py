"""``kg export --format csv-tables`` and ``--format graphml`` on the real corpus: every fact in a row,
tables that join, bytes that do not change between runs, GraphML that networkx (and Gephi) reads."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
import zipfile
from pathlib import Path

import networkx as nx

from graph.factset import FactSet
from graph.tables_export import TABLES, write_graphml, write_tables
from kg.workspace import Workspace
from tests.conftest import ROOT


def _read(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as fh:
        return list(csv.DictReader(fh))


def test_tables_hold_every_fact_and_join(corpus_facts: FactSet, tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine\n", encoding="utf-8")
    write_tables(corpus_facts, tmp_path)
    assert (tmp_path / "keep.txt").read_text(encoding="utf-8") == "mine\n"
    rows = {name: _read(tmp_path / f"{name}.csv") for name in TABLES}
    assert {name: list(r[0]) for name, r in rows.items()} == {name: list(cols) for name, cols in TABLES.items()}
    assert len(rows["entities"]) == len(corpus_facts.entities) and len(rows["events"]) == len(corpus_facts.events)
    assert len(rows["memberships"]) == len(corpus_facts.memberships)
    ids = {r["id"] for r in rows["entities"]} | {r["id"] for r in rows["events"]}
    assert all(p["event"] in ids and p["entity"] for p in rows["participants"])
    docs = {r["id"] for r in rows["documents"]}
    assert all(e["document"] in docs for e in rows["evidence"])
    dated = [r for r in rows["events"] if r["date"]]
    assert dated and all(r["date_precision"] in ("year", "month", "day") for r in dated)
    assert (tmp_path / "events.csv").read_bytes().startswith(b"\xef\xbb\xbf")


def test_the_zip_is_byte_identical_between_runs(corpus_facts: FactSet, tmp_path: Path) -> None:
    a, b = write_tables(corpus_facts, tmp_path / "a.zip")[0], write_tables(corpus_facts, tmp_path / "b.zip")[0]
    assert a.read_bytes() == b.read_bytes()
    assert sorted(zipfile.ZipFile(a).namelist()) == sorted(f"{n}.csv" for n in TABLES)


def test_graphml_reads_back_with_its_attributes(corpus_facts: FactSet) -> None:
    out = io.BytesIO()
    write_graphml(corpus_facts, out)
    g = nx.read_graphml(io.BytesIO(out.getvalue()))
    assert g.number_of_nodes() == len(corpus_facts.entities) + len(corpus_facts.events)
    event = next(e for e in corpus_facts.events.values() if e.date)
    node = g.nodes[event.id]
    assert (node["type"], node["date"], node["date_precision"]) == (event.type, event.date.value,
                                                                   event.date.precision)
    again = io.BytesIO()
    write_graphml(corpus_facts, again)
    assert again.getvalue() == out.getvalue()


def test_csv_tables_need_a_folder_or_zip(built_workspace: Workspace) -> None:
    proc = subprocess.run([sys.executable, "-m", "kg.cli", "export", "--format", "csv-tables", "--workspace",
                           str(built_workspace.path)], capture_output=True, text=True, cwd=ROOT)
    assert proc.returncode == 2 and "give --output FOLDER" in proc.stderr
