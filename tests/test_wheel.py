"""The built wheel works on its own: installed into a fresh venv outside the clone, from another
folder, ``kg build`` builds the corpus and ``kg ask --list`` lists the questions.

The wheel is built without build isolation (setuptools and wheel come with the test extra) and the
fresh venv borrows the test environment's third-party packages through a ``.pth`` line, so the test
downloads nothing; the project's own packages and files come from the wheel alone.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

from tests.conftest import CORPUS, ROOT

pytestmark = pytest.mark.slow


def _run(argv: list[str | Path], cwd: Path) -> subprocess.CompletedProcess[str]:
    proc = subprocess.run([str(a) for a in argv], cwd=cwd, capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, f"{argv} exited {proc.returncode}:\n{proc.stdout[-2000:]}\n{proc.stderr[-3000:]}"
    return proc


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv outside the clone with the wheel installed; returns its bin folder."""
    root = tmp_path_factory.mktemp("wheel")
    source, dist = root / "source", root / "dist"  # built from a copy: no build/ left in the clone
    shutil.copytree(ROOT, source, symlinks=True, ignore=shutil.ignore_patterns(
        ".git", ".venv", ".kg*", "build", "dist", "*.egg-info", "__pycache__", ".*_cache", ".hypothesis", "target",
        "test-artifacts"))
    _run([sys.executable, "-m", "pip", "wheel", "--no-deps", "--no-build-isolation", "-q", "-w", dist, source], root)
    [wheel] = dist.glob("*.whl")
    env = root / "venv"
    venv.create(env, with_pip=True)
    bin_dir = env / "bin"
    _run([bin_dir / "python", "-m", "pip", "install", "-q", "--no-deps", "--no-index", wheel], root)
    site = Path(_run([bin_dir / "python", "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                     root).stdout.strip())
    borrowed = {sysconfig.get_paths()["purelib"], sysconfig.get_paths()["platlib"]}
    (site / "zz_borrowed_dependencies.pth").write_text("\n".join(sorted(borrowed)) + "\n", encoding="utf-8")
    return bin_dir


def test_the_wheel_carries_the_resources(installed: Path, tmp_path: Path) -> None:
    code = ("import graph, importlib.resources as r; print(graph.__file__); "
            "print(sorted(p.name for p in (r.files('graph.resources') / 'lexicon').iterdir()))")
    out = _run([installed / "python", "-c", code], tmp_path).stdout.splitlines()
    assert str(ROOT) not in out[0] and "site-packages" in out[0]  # the wheel's code, not the clone's
    assert "actors.yaml" in out[1] and "cleaning.yaml" in out[1]


def test_the_installed_kg_builds_and_asks_from_another_folder(installed: Path, tmp_path: Path) -> None:
    corpus = tmp_path / "reports"
    corpus.symlink_to(CORPUS)
    work = tmp_path / "elsewhere"
    work.mkdir()
    built = _run([installed / "kg", "build", "--corpus", corpus], work)
    assert "0 skipped" in built.stdout and (work / ".kg" / "facts.json").is_file()
    listed = _run([installed / "kg", "ask", "--list"], work).stdout
    assert "amendments-before-disqualifications" in listed and "party-fates" in listed
    answer = _run([installed / "kg", "ask", "party-fates", "--format", "json"], work).stdout
    assert "Cambodia National Rescue Party" in answer
    _run([installed / "kg", "validate"], work)
