"""The README's two commands are the ones the project really uses."""

from __future__ import annotations

import re

from tests.conftest import ROOT


def _commands() -> list[str]:
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    section = text.split("## Two commands on a fresh machine", 1)[1]
    return re.findall(r"```sh\n(.+?)\n```", section, flags=re.S)[:2]


def test_readme_has_setup_and_test_commands() -> None:
    build, test = _commands()
    assert "pip install" in build and "kg build" in build
    assert "pytest" in test


def test_ci_runs_the_readmes_test_command() -> None:
    _, test = _commands()
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert test in ci.splitlines()
