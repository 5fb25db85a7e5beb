"""The README's commands work as written: CI runs its two setup commands verbatim on a clean checkout,
and every ``kg`` command line of the README that needs no server runs here and succeeds."""

from __future__ import annotations

import json
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")
KG = Path(sys.executable).parent / "kg"
#: Lines that need something a test cannot have here: a server, a path of the reader's, a value to fill in.
NEEDS_MORE = ("neo4j", "kg serve", "~", "<")
_FACT_ID = re.compile(r"\b(?:event/[a-z]+-|[a-z]+/)[a-z0-9-]+")


def _setup_commands() -> list[str]:
    section = README.split("## Two commands on a fresh machine", 1)[1]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)[:2]


def _kg_lines() -> list[str]:
    blocks = re.findall(r"```sh\n(.+?)```", README, flags=re.S)
    lines = [ln.split(" # ", 1)[0].strip() for b in blocks for ln in b.splitlines()]
    return [ln for ln in lines if ln.startswith(".venv/bin/kg ") and not any(m in ln for m in NEEDS_MORE)]


def _with_real_ids(line: str, workspace: Path) -> str:
    """A ``kg review`` line with its example fact ids (``person/sok-dara``) replaced by ids of the same
    kind from the graph just built, so that the command is run as written on real facts."""
    if not line.startswith(".venv/bin/kg review"):
        return line
    data = json.loads((workspace / "facts.json").read_text(encoding="utf-8"))
    ids = sorted(f["id"] for kind in ("entities", "events", "memberships") for f in data[kind])

    def real(m: re.Match[str]) -> str:
        given = m.group()
        prefix = given.rsplit("-", 1)[0] + "-" if given.startswith("event/") else given.split("/")[0] + "/"
        return given if given in ids else next((i for i in ids if i.startswith(prefix)), given)

    return _FACT_ID.sub(real, line)


def test_ci_runs_the_readmes_two_commands() -> None:
    build, test = _setup_commands()
    assert "pip install" in build and "kg build" in build and "pytest" in test
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    assert build in ci and test in ci
    assert ci.index(build) < ci.index(test)


def test_the_readmes_kg_commands_run(tmp_path: Path) -> None:
    lines = _kg_lines()
    assert lines[0] == ".venv/bin/kg build" and any(ln.startswith(".venv/bin/kg ask") for ln in lines)
    before = sorted(p.name for p in (ROOT / "data" / "corpus").iterdir())
    # a copy: the review commands write their decisions into the corpus folder
    shutil.copytree(ROOT / "data" / "corpus", tmp_path / "data" / "corpus")
    for line in lines:
        command, _, redirect = _with_real_ids(line, tmp_path / ".kg").partition(" > ")
        argv = [str(KG), *shlex.split(command)[1:]]
        proc = subprocess.run(argv, cwd=tmp_path, capture_output=True, text=True, timeout=300)
        if proc.returncode != 0:
            pytest.fail(f"`{line}` exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
        if redirect:
            (tmp_path / redirect.strip()).write_text(proc.stdout, encoding="utf-8")
    assert (tmp_path / ".kg" / "facts.json").is_file() and (tmp_path / "graph.ttl").is_file()
    assert (tmp_path / "answer.json").stat().st_size > 0
    assert sorted(p.name for p in (ROOT / "data" / "corpus").iterdir()) == before  # the clone's corpus untouched
